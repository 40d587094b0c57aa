import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { CalculatorOutlined, FundOutlined, SendOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { useSubmit } from '../useSubmit';
import { PercentBars } from '../PercentBars';
import { ConsequencesPanel, VerifyButton } from './SheetExtras';
import { GRADE_COLOR, GRADE_TEXT, ORG_STATUS, ROUND_STATUS, day, num, type RoundDetail, type RoundOrg } from '../rounds-api';

export const useRound = (id: number) => useQuery({ queryKey: ['assessment', 'round', id], queryFn: () => get<RoundDetail>(`/api/assessment/rounds/${id}`), enabled: id > 0 });

/** A grade; red with the reasons as a tooltip when a veto item applies. */
export function GradeTag({ org }: { org: Pick<RoundOrg, 'grade' | 'vetoed' | 'reasons'> }) {
  if (!org.grade) return <>—</>;
  const tag = <Tag color={org.vetoed ? 'red' : GRADE_COLOR[org.grade]}>{GRADE_TEXT[org.grade] ?? org.grade}{org.vetoed ? '（一票否决）' : ''}</Tag>;
  return org.reasons?.length ? <Tooltip title={org.reasons.join('；')}>{tag}</Tooltip> : tag;
}

function PercentChart({ orgs }: { orgs: RoundOrg[] }) {
  const rows = useMemo(() => orgs.filter((o) => o.percent != null).sort((a, b) => Number(b.percent) - Number(a.percent)).map((o) => ({ name: o.org_name, value: Number(o.percent), flagged: o.vetoed })), [orgs]);
  return <PercentBars rows={rows} name="得分率" color="#1677ff" />;
}

/** 考核轮次: each organisation's status, score, grade and rank; computing and publishing. */
export function RoundDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const navigate = useNavigate();
  const q = useRound(id);
  const { submit, busy } = useSubmit();
  const [computed, setComputed] = useState<{ computed: number; organisations: number }>();
  const r = q.data;
  const manage = can('assessment.manage');
  const open = r?.status === 'open';
  const compute = async () => {
    const res = await submit<{ computed: number; organisations: number }>(`/api/assessment/rounds/${id}/compute`, {}, '已计算指标数据');
    if (res) setComputed(res);
  };
  const publish = () => submit(`/api/assessment/rounds/${id}/publish`, {}, '已公布考核结果');
  const counts = (r?.orgs ?? []).reduce<Record<string, number>>((m, o) => ({ ...m, [o.status]: (m[o.status] ?? 0) + 1 }), {});
  return (
    <PageContainer
      title={r?.name ?? '考核轮次'}
      onBack={() => history.back()}
      tags={r && <Tag color={ROUND_STATUS[r.status]?.color}>{ROUND_STATUS[r.status]?.text ?? r.status}</Tag>}
      extra={
        <Space>
          <Button data-testid="round-dashboard" icon={<FundOutlined />} onClick={() => navigate(`/assessment/rounds/${id}/dashboard`)}>考核分析</Button>
          {manage && open && (
            <>
              <Button data-testid="round-compute" icon={<CalculatorOutlined />} loading={busy} onClick={compute}>计算指标数据</Button>
              <Popconfirm title="公布考核结果？" description="公布后计算总分、等次和排名，不能再修改" onConfirm={publish} okText="公布">
                <Button data-testid="round-publish" type="primary" icon={<SendOutlined />} loading={busy}>公布结果</Button>
              </Popconfirm>
            </>
          )}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      {r && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="年度">{r.year}</Descriptions.Item>
            <Descriptions.Item label="指标体系"><Link to={`/assessment/systems/${r.system_id}`}>查看指标体系</Link></Descriptions.Item>
            <Descriptions.Item label="公布日期">{r.published_on ? day(r.published_on) : `期限 ${day(r.publish_due)}`}</Descriptions.Item>
            <Descriptions.Item label="自评期限">{day(r.self_due)}</Descriptions.Item>
            <Descriptions.Item label="审核期限">{day(r.review_due)}</Descriptions.Item>
            <Descriptions.Item label="被考核单位">
              {r.orgs.length} 个（待自评 {counts.pending ?? 0}，退回补充 {counts.returned ?? 0}，已报送 {counts.submitted ?? 0}，已审核 {counts.reviewed ?? 0}）
            </Descriptions.Item>
            {r.frozen && (
              <Descriptions.Item label="冻结的规则参数" span={3}>
                {Object.entries(r.frozen).map(([k, v]) => (
                  <Tag key={k}>{k} = {JSON.stringify(v.value)}（{v.jurisdiction}，{v.effectiveFrom} 起，第 {v.version} 版）</Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
          {computed && (
            <Alert data-testid="round-computed" type="success" showIcon closable onClose={() => setComputed(undefined)} message={`已计算 ${computed.computed} 项指标数据（${computed.organisations} 个单位）`} />
          )}
          {r.status === 'published' && (
            <Card size="small" title="各单位得分率">
              <PercentChart orgs={r.orgs} />
            </Card>
          )}
          {r.status === 'published' && <ConsequencesPanel roundId={id} />}
          {can('assessment.read') && <VerifyButton roundId={id} />}
          <Table<RoundOrg>
            rowKey="org_id"
            size="middle"
            dataSource={r.orgs}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={(o) => ({ 'data-testid': `round-org-${o.org_id}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: '排名', dataIndex: 'rank', width: 70, align: 'center', render: (v) => v ?? '—' },
              { title: '单位', dataIndex: 'org_name', render: (v, o) => <Link to={`/assessment/rounds/${id}/sheet/${o.org_id}`}>{v}</Link> },
              { title: '类别', dataIndex: 'assessment_category', width: 140, render: (v) => v ?? '—' },
              {
                title: '状态',
                dataIndex: 'status',
                width: 150,
                render: (v: RoundOrg['status'], o) => (
                  <>
                    <Tag color={ORG_STATUS[v]?.color}>{ORG_STATUS[v]?.text ?? v}</Tag>
                    {o.submitted_on && <span style={{ fontSize: 12, color: '#888' }}>{day(o.submitted_on)}</span>}
                  </>
                ),
              },
              { title: '得分', key: 'score', width: 120, align: 'right', render: (_, o) => (o.score == null ? '—' : `${num(o.score)} / ${num(o.max)}`) },
              { title: '得分率', dataIndex: 'percent', width: 90, align: 'right', render: (v) => (v == null ? '—' : `${num(v)}%`) },
              { title: '等次', key: 'grade', width: 150, render: (_, o) => <GradeTag org={o} /> },
              { title: '占绩效考核', key: 'performance', width: 120, align: 'right', render: (_, o) => (o.performance_weight == null ? '—' : `${num(o.performance_points)} / ${num(o.performance_weight)}`) },
              { title: '', key: 'sheet', width: 90, render: (_, o) => <Link data-testid={`round-sheet-${o.org_id}`} to={`/assessment/rounds/${id}/sheet/${o.org_id}`}>考核表</Link> },
            ]}
          />
        </Space>
      )}
    </PageContainer>
  );
}
