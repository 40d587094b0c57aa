import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Popconfirm, Progress, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../components';
import { useSubmit } from '../useSubmit';
import { DEFAULT_SHEET, GRADE_COLOR, GRADE_TEXT, type EvaluationDetail, type EvaluationItem, type EvaluationRow, type Grade, type SubjectSummary } from './api';

export function GradeTag({ grade, testId }: { grade: Grade | null | undefined; testId?: string }) {
  if (!grade) return <Tag data-testid={testId}>未评分</Tag>;
  return (
    <Tag color={GRADE_COLOR[grade]} data-testid={testId}>
      {GRADE_TEXT[grade]}
    </Tag>
  );
}

const STATUS: Record<EvaluationRow['status'], { text: string; color: string }> = { open: { text: '评查中', color: 'blue' }, published: { text: '已公布', color: 'green' } };

/** 案卷评查: the campaigns in scope; the supervising office opens one, sampling decided case files by subject. */
export function EvaluationsPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const [creating, setCreating] = useState(false);
  const [sampled, setSampled] = useState<{ id: number; n: number }>();
  const list = useQuery({ queryKey: ['enforcement', 'evaluations'], queryFn: () => get<EvaluationRow[]>('/api/enforcement/evaluations') });
  const supervise = can('enforcement.supervise');
  const thisYear = dayjs().year();

  return (
    <PageContainer
      title="案卷评查"
      subTitle="每年至少组织一次行政执法案卷评查：按执法主体随机抽取当年已作出决定的案卷，按评分表评分后公布结果"
      extra={supervise && <Button type="primary" icon={<PlusOutlined />} data-testid="evaluation-create" onClick={() => setCreating(true)}>组织评查</Button>}
    >
      <Card>
        {sampled && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setSampled(undefined)}
            style={{ marginBottom: 16 }}
            message={<span data-testid="evaluation-sampled">已抽取 {sampled.n} 份案卷，<Link to={`/enforcement/evaluations/${sampled.id}`}>进入评分</Link></span>}
          />
        )}
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: '尚未组织案卷评查' }}
          columns={[
            { title: '评查活动', dataIndex: 'name', render: (v, r) => <Link to={`/enforcement/evaluations/${r.id}`} data-testid={`evaluation-${r.id}`}>{v}</Link> },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '组织单位', dataIndex: 'org_name', width: 200, ellipsis: true },
            {
              title: '评分进度',
              width: 220,
              render: (_, r) => {
                const n = Number(r.items);
                const done = Number(r.scored);
                return (
                  <Tooltip title={`已评 ${done} 份，共 ${n} 份`}>
                    <Progress percent={n ? Math.round((done / n) * 100) : 0} size="small" format={() => `${done}/${n}`} />
                  </Tooltip>
                );
              },
            },
            { title: '状态', dataIndex: 'status', width: 150, render: (v: EvaluationRow['status'], r) => <Space size={4}><Tag color={STATUS[v].color}>{STATUS[v].text}</Tag>{r.published_on && <Typography.Text type="secondary">{r.published_on}</Typography.Text>}</Space> },
          ]}
        />
      </Card>

      <FormModal
        title="组织案卷评查"
        open={creating}
        onClose={() => setCreating(false)}
        okTestId="evaluation-submit"
        width={640}
        initialValues={{ year: thisYear, name: `${thisYear}年度行政执法案卷评查` }}
        onSubmit={async (v) => {
          const r = await submit<{ id: number; sampled: number }>('/api/enforcement/evaluations', { name: v.name.trim(), year: v.year, ...(v.perSubject ? { perSubject: v.perSubject } : {}) }, '已组织评查并抽取案卷');
          if (r) setSampled({ id: r.id, n: r.sampled });
          return r;
        }}
      >
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="name" label="评查活动名称" rules={[{ required: true, min: 4, max: 200, message: '请填写名称（4 至 200 字）' }]}>
              <Input data-testid="evaluation-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="year" label="案卷年度（作出决定）" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber data-testid="evaluation-year" min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="perSubject" label="每个执法主体抽取案卷数" extra="留空按规则参数 enforcement.casefile_sample_per_subject">
          <InputNumber data-testid="evaluation-per-subject" min={1} max={100} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Typography.Text type="secondary">评分表（共 100 分）</Typography.Text>
        <Table
          rowKey="code"
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          dataSource={DEFAULT_SHEET}
          columns={[
            { title: '评分项', dataIndex: 'name' },
            { title: '分值', dataIndex: 'max', width: 70, align: 'right' },
          ]}
        />
      </FormModal>
    </PageContainer>
  );
}

/** 评分: every item of the campaign's sheet within 0..max, and the comments. */
function ScoreModal({ evaluation, item, onClose }: { evaluation: EvaluationDetail; item: EvaluationItem; onClose: () => void }) {
  const { submit } = useSubmit();
  const sheet = evaluation.sheet;
  const initial = { scores: Object.fromEntries(sheet.map((s) => [s.code, item.scores?.[s.code] ?? undefined])), comments: item.comments ?? undefined };
  return (
    <FormModal
      title={`评分：${item.case_no ?? `#${item.case_id}`} ${item.title}`}
      open
      onClose={onClose}
      okTestId="score-submit"
      width={680}
      initialValues={initial}
      onSubmit={(v) => submit(`/api/enforcement/evaluations/${evaluation.id}/scores`, { caseId: item.case_id, scores: v.scores, comments: v.comments.trim() }, '已保存评分')}
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="执法主体">{item.org_name}</Descriptions.Item>
        <Descriptions.Item label="当事人">{item.party_name_masked}</Descriptions.Item>
        <Descriptions.Item label="决定书文号" span={2}>{item.decision_no ?? '—'}</Descriptions.Item>
      </Descriptions>
      {sheet.map((s) => (
        <Row key={s.code} gutter={12} align="middle">
          <Col span={17}>
            <Typography.Text>{s.name}</Typography.Text>
            <Typography.Text type="secondary">（{s.max} 分）</Typography.Text>
          </Col>
          <Col span={7}>
            <Form.Item name={['scores', s.code]} rules={[{ required: true, message: '请评分' }]} style={{ marginBottom: 12 }}>
              <InputNumber data-testid={`score-${s.code}`} min={0} max={s.max} step={0.5} precision={1} addonAfter={`/ ${s.max}`} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => {
          const total = sheet.reduce((a, s) => a + Number(getFieldValue(['scores', s.code]) ?? 0), 0);
          return <Typography.Paragraph strong>合计 <span data-testid="score-total">{Math.round(total * 10) / 10}</span> 分</Typography.Paragraph>;
        }}
      </Form.Item>
      <Form.Item name="comments" label="评查意见" rules={[{ required: true, min: 2, max: 2000, message: '请填写评查意见（2 至 2000 字）' }]}>
        <Input.TextArea data-testid="score-comments" rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** One campaign: the summary by subject, the sampled files, scoring and publication. */
export function EvaluationDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const { busy, submit } = useSubmit();
  const [scoring, setScoring] = useState<EvaluationItem>();
  const q = useQuery({ queryKey: ['enforcement', 'evaluation', id], queryFn: () => get<EvaluationDetail>(`/api/enforcement/evaluations/${id}`) });
  const e = q.data;
  const supervise = can('enforcement.supervise');
  const open = e?.status === 'open';
  const remaining = e ? e.items.filter((i) => i.total == null).length : 0;

  return (
    <PageContainer
      title={e?.name ?? '案卷评查'}
      onBack={() => history.back()}
      tags={e ? <Tag color={STATUS[e.status].color}>{STATUS[e.status].text}{e.published_on ? ` ${e.published_on}` : ''}</Tag> : undefined}
      extra={
        e &&
        supervise &&
        open && (
          <Tooltip title={remaining ? `尚有 ${remaining} 份案卷未评分` : undefined}>
            <Popconfirm title="公布评查结果？" description="公布后不能再修改评分，结果在公众门户按执法主体公开。" okText="公布" cancelText="取消" disabled={remaining > 0} onConfirm={() => submit(`/api/enforcement/evaluations/${id}/publish`, {}, '已公布评查结果')}>
              <Button type="primary" data-testid="evaluation-publish" disabled={remaining > 0} loading={busy}>
                公布结果
              </Button>
            </Popconfirm>
          </Tooltip>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {e && (
        <>
          <Card title="按执法主体汇总" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="案卷年度">{e.year}</Descriptions.Item>
              <Descriptions.Item label="抽查案卷">{e.items.length} 份</Descriptions.Item>
              <Descriptions.Item label="已评分">{e.items.length - remaining} 份</Descriptions.Item>
            </Descriptions>
            <SubjectSummaryTable rows={e.bySubject} testId="evaluation-summary" />
          </Card>
          <Card title="抽查案卷">
            <Table
              data-testid="evaluation-items"
              rowKey="case_id"
              size="middle"
              dataSource={e.items}
              pagination={{ pageSize: 30, hideOnSinglePage: true }}
              tableLayout="fixed"
              scroll={{ x: 1000 }}
              expandable={{
                rowExpandable: (r) => !!r.scores,
                expandedRowRender: (r) => (
                  <>
                    <Descriptions size="small" column={2} bordered>
                      {e.sheet.map((s) => (
                        <Descriptions.Item key={s.code} label={s.name}>
                          {r.scores?.[s.code] ?? '—'} / {s.max}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                    {r.comments && <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>评查意见：{r.comments}</Typography.Paragraph>}
                  </>
                ),
              }}
              columns={[
                { title: '案号', dataIndex: 'case_no', width: 190, render: (v, r) => <Link to={`/enforcement/cases/${r.case_id}`}>{v ?? `#${r.case_id}`}</Link> },
                { title: '案由', dataIndex: 'title', ellipsis: true },
                { title: '执法主体', dataIndex: 'org_name', width: 190, ellipsis: true },
                { title: '当事人', dataIndex: 'party_name_masked', width: 160, ellipsis: true },
                { title: '得分', dataIndex: 'total', width: 80, align: 'right', render: (v, r) => <span data-testid={`item-total-${r.case_id}`}>{v == null ? '—' : Number(v)}</span> },
                { title: '等次', dataIndex: 'grade', width: 90, render: (v, r) => <GradeTag grade={v} testId={`item-grade-${r.case_id}`} /> },
                ...(supervise && open
                  ? [{ title: '', width: 90, render: (_: unknown, r: EvaluationItem) => <Button size="small" data-testid={`score-${r.case_id}`} onClick={() => setScoring(r)}>{r.total == null ? '评分' : '修改评分'}</Button> }]
                  : []),
              ]}
            />
          </Card>
          {scoring && <ScoreModal evaluation={e} item={scoring} onClose={() => setScoring(undefined)} />}
        </>
      )}
    </PageContainer>
  );
}

/** Files, scored, average and the count of each grade per subject (shared with the public page). */
export function SubjectSummaryTable({ rows, testId }: { rows: Omit<SubjectSummary, 'org_id'>[]; testId?: string }) {
  return (
    <Table
      data-testid={testId}
      rowKey="org_name"
      size="small"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '没有抽查案卷' }}
      columns={[
        { title: '执法主体', dataIndex: 'org_name', ellipsis: true },
        { title: '案卷', dataIndex: 'files', width: 70, align: 'right' },
        { title: '已评分', dataIndex: 'scored', width: 80, align: 'right' },
        { title: '平均分', dataIndex: 'average', width: 80, align: 'right', render: (v) => (v == null ? '—' : Number(v)) },
        ...(['excellent', 'good', 'pass', 'fail'] as const).map((g) => ({
          title: GRADE_TEXT[g],
          dataIndex: g,
          width: 80,
          align: 'right' as const,
          render: (v: number) => (v ? <Tag color={GRADE_COLOR[g]} style={{ marginInlineEnd: 0 }}>{v}</Tag> : <Typography.Text type="secondary">0</Typography.Text>),
        })),
      ]}
    />
  );
}
