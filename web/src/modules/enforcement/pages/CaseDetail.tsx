import { Link, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, List, Result, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { ProcedurePanel } from '../../../core/ProcedurePanel';
import {
  MAJOR_REASON_TEXT, PARTY_KIND_LABELS, PAY_CHANNEL_LABELS, PENALTY_KIND_LABELS, RECUSAL_OUTCOME_LABELS, RECUSAL_SOURCE_LABELS, REVIEW_CHECKLIST, REVIEW_CHECKLIST_TEXT, SERVICE_METHOD_LABELS, bandRange, money, type CaseDetail, type MajorReason,
} from '../api';
import { CaseStatusTag } from '../components';
import { stepFields } from '../detail/stepFields';
import { CaseActions, RecusalDecision } from '../detail/CaseActions';
import { RecordsTimeline } from '../detail/RecordsTimeline';

const reasonText = (r: string) => MAJOR_REASON_TEXT[r as MajorReason] ?? r;

function CaseInfo({ c }: { c: CaseDetail }) {
  const band = c.benchmarks.find((b) => b.id === c.benchmark_id);
  const reasons = [...new Set([...c.major_reasons, ...c.review_reasons])];
  return (
    <Card title="案件信息" size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={2} data-testid="case-info">
        <Descriptions.Item label="案号"><span data-testid="case-no">{c.case_no}</span></Descriptions.Item>
        <Descriptions.Item label="执法主体">{c.org_name}</Descriptions.Item>
        <Descriptions.Item label="执法事项" span={2}>
          <Tooltip title={`设定依据：${c.power_basis}`}>
            <span>{c.power_code} {c.power_name}</span>
          </Tooltip>
        </Descriptions.Item>
        <Descriptions.Item label={c.procedure_kind === 'simple' ? '决定日期' : '立案日期'}>{c.filed_on}</Descriptions.Item>
        <Descriptions.Item label="案件来源">{c.source ?? (c.procedure_kind === 'simple' ? '当场发现' : '—')}</Descriptions.Item>
        <Descriptions.Item label="当事人" span={2}>
          <span data-testid="case-party">{c.party.name}</span>
          <Tag style={{ marginLeft: 8 }}>{PARTY_KIND_LABELS[c.party.kind]}</Tag>
          {c.party.idNumber && <Typography.Text type="secondary">{c.party.kind === 'person' ? '身份证号' : '信用代码'} {c.party.idNumber}</Typography.Text>}
          {c.party.address && <div><Typography.Text type="secondary">{c.party.address}</Typography.Text></div>}
          {c.party.kind === 'person' && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>公示显示为：{c.party_name_masked}</Typography.Text></div>}
        </Descriptions.Item>
        <Descriptions.Item label="承办人员" span={2}>
          <Space wrap data-testid="case-officers-list">
            {c.officers.map((o) => (
              <Tooltip key={o.id} title={o.cert_no ? `执法证号 ${o.cert_no}，有效期至 ${o.cert_valid_until ?? '—'}` : '未持执法证件'}>
                <Tag color={o.recused ? 'default' : o.role === 'lead' ? 'red' : 'blue'} style={o.recused ? { textDecoration: 'line-through' } : undefined}>
                  {o.name}{o.role === 'lead' ? '（主办）' : ''}{o.recused ? '（已回避）' : ''}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="违法事实" span={2}><span style={{ whiteSpace: 'pre-wrap' }}>{c.facts}</span></Descriptions.Item>
        {reasons.length > 0 && (
          <Descriptions.Item label="重大执法决定" span={2}>
            <Space wrap>{reasons.map((r) => <Tag key={r} color="volcano">{reasonText(r)}</Tag>)}</Space>
          </Descriptions.Item>
        )}
        {c.notice_on && (
          <Descriptions.Item label="事先告知" span={2}>
            {c.notice_on} 告知拟{PENALTY_KIND_LABELS[c.penalty_kind ?? 'fine']} <b data-testid="case-proposed-fine">{money(c.proposed_fine)}</b>
            {band && <Tag style={{ marginLeft: 8 }}>{band.band}：{bandRange(band)}</Tag>}
            {c.hearing_right && <Tag color="purple">有听证权利</Tag>}
            {c.rights_waived && <Tag>当事人已放弃陈述申辩</Tag>}
            {c.band_deviation_reason && <div><Typography.Text type="secondary">偏离基准理由：{c.band_deviation_reason}</Typography.Text></div>}
          </Descriptions.Item>
        )}
        {c.decision_no && (
          <Descriptions.Item label="处罚决定" span={2}>
            <Tag color="red" data-testid="case-decision-no">{c.decision_no}</Tag>
            {c.decided_on} {PENALTY_KIND_LABELS[c.penalty_kind ?? 'fine']} <b>{money(c.fine_amount)}</b>
            {c.other_penalties && `；${c.other_penalties}`}
            {c.publicize && <Tag color="blue" style={{ marginLeft: 8 }}>依法公开</Tag>}
          </Descriptions.Item>
        )}
        {c.served_on && (
          <Descriptions.Item label="送达">
            {c.served_on} {SERVICE_METHOD_LABELS[c.service_method ?? ''] ?? c.service_method}
          </Descriptions.Item>
        )}
        {c.payment_due && <Descriptions.Item label="缴款期限">{c.payment_due}</Descriptions.Item>}
        {c.paid_on && (
          <Descriptions.Item label="已缴纳" span={2}>
            {c.paid_on} {money(c.paid_amount)}{Number(c.surcharge ?? 0) > 0 && `（含加处罚款 ${money(c.surcharge)}）`}
          </Descriptions.Item>
        )}
        {c.transferred_to && <Descriptions.Item label="移送" span={2}>{c.transferred_to}</Descriptions.Item>}
        {c.closed_on && <Descriptions.Item label="结案日期">{c.closed_on}</Descriptions.Item>}
      </Descriptions>
      {c.decision_text && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, marginTop: 12, marginBottom: 0 }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
          {c.decision_text}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function Recusals({ c }: { c: CaseDetail }) {
  const { can } = useAuth();
  if (!c.recusals.length) return null;
  return (
    <Card title="回避" size="small" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={c.recusals}
        renderItem={(r) => (
          <List.Item extra={!r.outcome && can('enforcement.case.decide') ? <RecusalDecision r={r} /> : undefined}>
            <div>
              <b>{r.officer_name}</b> · {RECUSAL_SOURCE_LABELS[r.source]} · {r.applied_on}
              {r.outcome ? <Tag color={r.outcome === 'recused' ? 'orange' : 'default'} style={{ marginLeft: 8 }}>{RECUSAL_OUTCOME_LABELS[r.outcome]}（{r.decided_on}）</Tag> : <Tag color="gold" style={{ marginLeft: 8 }}>待决定{r.due_date ? `，期限 ${r.due_date}` : ''}</Tag>}
              <div style={{ color: '#666' }}>{r.reason}</div>
              {r.decision_reason && <div style={{ color: '#999' }}>决定理由：{r.decision_reason}</div>}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Reviews({ c }: { c: CaseDetail }) {
  if (!c.reviews.length && !c.payments.length) return null;
  return (
    <Card size="small" title="法制审核与缴款" style={{ marginBottom: 16 }}>
      {c.reviews.map((r) => (
        <div key={r.id} style={{ marginBottom: 8 }} data-testid={`review-${r.id}`}>
          <Tag color={r.outcome === 'pass' ? 'green' : 'red'}>{r.outcome === 'pass' ? '审核通过' : '审核不通过'}</Tag>
          {r.reviewer_name} · {new Date(r.at).toLocaleDateString('zh-CN')}
          {r.opinion && <div>{r.opinion}</div>}
          {r.outcome === 'fail' && (
            <div style={{ color: '#cf1322', fontSize: 12 }}>
              存在问题：{REVIEW_CHECKLIST.filter((k) => !r.checklist?.[k]).map((k) => REVIEW_CHECKLIST_TEXT[k]).join('；') || '见审核意见'}
            </div>
          )}
        </div>
      ))}
      {c.payments.map((p) => (
        <div key={p.id}>
          <Tag color="green">已缴款</Tag>
          {p.paid_on} · {PAY_CHANNEL_LABELS[p.channel]} · 票据 {p.receipt_no} · {money(p.amount)}
        </div>
      ))}
    </Card>
  );
}

/** One enforcement case: its record, the acts beside the procedure, and the procedure itself. */
export function CaseDetailPage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['enforcement', 'case', id], enabled: Number.isInteger(id) && id > 0, queryFn: () => get<CaseDetail>(`/api/enforcement/cases/${id}`) });
  const c = q.data;
  if (!Number.isInteger(id) || id < 1) return <Result status="404" title="案件不存在" />;
  if (q.error) return <PageContainer title="执法案件"><ErrorAlert error={q.error} /></PageContainer>;
  if (!c) return <PageContainer title="执法案件" loading />;
  return (
    <PageContainer
      title={c.title}
      onBack={() => history.back()}
      subTitle={
        <Space>
          <Tag>{c.case_no}</Tag>
          <CaseStatusTag status={c.status} simple={c.procedure_kind === 'simple'} testId="case-status" />
          {c.procedure_kind === 'simple' && <Tag>简易程序</Tag>}
        </Space>
      }
      extra={<Link to="/enforcement">返回案件列表</Link>}
    >
      {c.status === 'review' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="案件正在法制审核：审核人员逐项确认审核要点后通过，或写明意见退回补充调查。" />}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <CaseInfo c={c} />
          <CaseActions c={c} />
          <Recusals c={c} />
          <Reviews c={c} />
          <RecordsTimeline c={c} />
        </Col>
        <Col xs={24} xl={10}>
          <ProcedurePanel id={c.instance_id} dataFields={stepFields(c)} onChanged={() => void qc.invalidateQueries({ queryKey: ['enforcement'] })} />
        </Col>
      </Row>
    </PageContainer>
  );
}
