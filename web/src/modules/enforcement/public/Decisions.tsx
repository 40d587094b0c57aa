import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { get, qs } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { PARTY_KIND_LABELS, PENALTY_KIND_LABELS, money, type PublicDecision, type PublicDecisionRow } from '../api';

const PAGE = 20;

/** 行政执法决定公示: published decisions; the party exactly as the API gives it (masked for persons). */
export function PublicDecisionsPage() {
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['public-enforcement', 'decisions', q, page], queryFn: () => get<PublicDecisionRow[]>(`/api/public/enforcement/decisions${qs({ q, page })}`) });
  const rows = list.data ?? [];
  return (
    <Card title="行政执法决定公示" extra={<Link to="/public/enforcement">行政执法主体与权责清单</Link>}>
      <Typography.Paragraph type="secondary">具有一定社会影响的行政处罚决定，自作出之日起 7 个工作日内公开；当事人为自然人的，姓名、身份证号码和住址已作脱敏处理。决定被依法变更、撤销的，已撤回公示。</Typography.Paragraph>
      <Input.Search data-testid="public-decisions-search" placeholder="决定书文号、案由或当事人" enterButton="检索" allowClear onSearch={(v) => { setPage(1); setQ(v.trim() || undefined); }} style={{ maxWidth: 420, marginBottom: 16 }} />
      <ErrorAlert error={list.error} />
      <Table
        data-testid="public-decisions"
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '没有符合条件的公示决定' }}
        columns={[
          { title: '决定书文号', dataIndex: 'decision_no', width: 200, render: (v, r) => <Link to={`/public/enforcement/decisions/${r.id}`} data-testid={`public-decision-${r.id}`}>{v}</Link> },
          { title: '案由', dataIndex: 'title' },
          { title: '当事人', dataIndex: 'party_name_masked', width: 180, render: (v, r) => <span title={PARTY_KIND_LABELS[r.party_kind]} data-testid={`public-party-${r.id}`}>{v}</span> },
          { title: '处罚种类', dataIndex: 'penalty_kind', width: 100, render: (v) => (v ? PENALTY_KIND_LABELS[v as keyof typeof PENALTY_KIND_LABELS] ?? v : '—') },
          { title: '罚款', dataIndex: 'fine_amount', width: 110, align: 'right', render: (v) => money(v) },
          { title: '执法主体', dataIndex: 'org_name', width: 180, ellipsis: true },
          { title: '决定日期', dataIndex: 'decided_on', width: 110 },
        ]}
      />
      {(page > 1 || rows.length === PAGE) && (
        <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
          <Button disabled={page === 1} onClick={() => setPage(page - 1)}>上一页</Button>
          <span>第 {page} 页</span>
          <Button disabled={rows.length < PAGE} onClick={() => setPage(page + 1)}>下一页</Button>
        </Space>
      )}
    </Card>
  );
}

/** One published decision (masked as the API returns it). */
export function PublicDecisionPage() {
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['public-enforcement', 'decision', id], queryFn: () => get<PublicDecision>(`/api/public/enforcement/decisions/${id}`) });
  const d = q.data;
  return (
    <Card title={d?.title ?? '行政处罚决定'} loading={q.isLoading} extra={<Link to="/public/enforcement/decisions">返回公示列表</Link>}>
      <ErrorAlert error={q.error} />
      {d && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }} data-testid="public-decision-detail">
            <Descriptions.Item label="决定书文号"><Tag color="red">{d.decision_no}</Tag></Descriptions.Item>
            <Descriptions.Item label="执法主体">{d.org_name}</Descriptions.Item>
            <Descriptions.Item label="当事人">{d.party_name_masked}（{PARTY_KIND_LABELS[d.party_kind]}）</Descriptions.Item>
            <Descriptions.Item label={d.party_kind === 'person' ? '身份证号码' : '统一社会信用代码'}>{d.party_id_masked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="住址或住所" span={2}>{d.party_address_masked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="执法事项" span={2}>{d.power_name}</Descriptions.Item>
            <Descriptions.Item label="处罚依据" span={2}>{d.legal_basis}</Descriptions.Item>
            <Descriptions.Item label="处罚种类">{d.penalty_kind ? PENALTY_KIND_LABELS[d.penalty_kind] : '—'}</Descriptions.Item>
            <Descriptions.Item label="罚款">{money(d.fine_amount)}</Descriptions.Item>
            {d.other_penalties && <Descriptions.Item label="其他处罚" span={2}>{d.other_penalties}</Descriptions.Item>}
            {d.band && <Descriptions.Item label="裁量基准" span={2}>{d.band}：{d.circumstances}</Descriptions.Item>}
            <Descriptions.Item label="决定日期">{d.decided_on}</Descriptions.Item>
            <Descriptions.Item label="公示日期">{d.published_on}</Descriptions.Item>
          </Descriptions>
          {d.decision_text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 2 }}>{d.decision_text}</Typography.Paragraph>}
        </>
      )}
    </Card>
  );
}
