import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Drawer, Form, Input, List, Radio, Space, Table, Tag, Typography } from 'antd';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { useSubmit } from '../useSubmit';
import { CONSEQUENCE_TEXT, day, num, type Consequence, type IndicatorRecord, type IndicatorRecords, type SheetItem, type Verification } from '../rounds-api';

const PAGE = 20;

/** 穿透查看: the documents, cases … counted in one organisation's computed indicator. */
export function RecordsDrawer({ roundId, orgId, item, onClose }: { roundId: number; orgId: number; item: SheetItem | null; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<'all' | 'counted' | 'not'>('all');
  const counted = filter === 'all' ? {} : { counted: filter === 'counted' };
  const q = useQuery({
    queryKey: ['assessment', 'records', roundId, orgId, item?.node_id, page, filter],
    queryFn: () => get<IndicatorRecords>(`/api/assessment/rounds/${roundId}/records${qs({ orgId, nodeId: item!.node_id, offset: (page - 1) * PAGE, limit: PAGE, ...counted })}`),
    enabled: !!item,
  });
  const d = q.data;
  const link = (r: IndicatorRecord) => (d?.recordPath ? <Link to={d.recordPath.replace(':id', String(r.entity_id))}>{r.label}</Link> : r.label);
  return (
    <Drawer title={item ? `统计记录：${item.code} ${item.title}` : ''} width={760} open={!!item} onClose={onClose} destroyOnClose>
      <ErrorAlert error={q.error} />
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="指标数据" span={2}>{d.indicator.metric.name}</Descriptions.Item>
            <Descriptions.Item label="口径" span={2}>{d.indicator.metric.description}</Descriptions.Item>
            <Descriptions.Item label="值">{num(d.indicator.value)}{d.indicator.metric.unit === 'percent' ? '%' : ''}</Descriptions.Item>
            <Descriptions.Item label="分子 / 分母">{d.indicator.numerator == null ? '—' : `${num(d.indicator.numerator)} / ${num(d.indicator.denominator)}`}</Descriptions.Item>
          </Descriptions>
          {d.frozen ? <Alert type="info" showIcon message="考核结果已公布：以下为公布前最后一次计算时冻结的统计记录" /> : <Alert type="info" showIcon message="考核进行中：以下为按当前数据统计的记录" />}
          <Radio.Group value={filter} onChange={(e) => { setFilter(e.target.value); setPage(1); }} optionType="button" options={[{ value: 'all', label: '全部' }, { value: 'counted', label: '计入分子' }, { value: 'not', label: '未计入' }]} />
          <Table<IndicatorRecord>
            rowKey="entity_id"
            size="small"
            loading={q.isFetching}
            dataSource={d.items}
            pagination={{ current: page, pageSize: PAGE, total: d.total, showSizeChanger: false, showTotal: (t) => `共 ${t} 条`, onChange: setPage }}
            columns={[
              { title: '记录', dataIndex: 'label', render: (_, r) => link(r) },
              { title: '日期', dataIndex: 'on_date', width: 110, render: (v) => day(v) },
              { title: '计入', dataIndex: 'counted', width: 80, render: (v: boolean) => (v ? <Tag color="green">计入</Tag> : <Tag>未计入</Tag>) },
              { title: '说明', dataIndex: 'note', render: (v) => v ?? '' },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

/** 退回补充: the office sends chosen self-assessed items back, once per organisation. */
export function ReturnButton({ roundId, orgId, items }: { roundId: number; orgId: number; items: SheetItem[] }) {
  const [open, setOpen] = useState(false);
  const { submit } = useSubmit();
  const save = (v: { reason: string; nodes: number[]; itemReason: string }) =>
    submit(`/api/assessment/rounds/${roundId}/return`, { orgId, reason: v.reason.trim(), items: v.nodes.map((nodeId) => ({ nodeId, reason: v.itemReason.trim() })) }, '已退回补充');
  return (
    <>
      <Button data-testid="return-open" onClick={() => setOpen(true)}>退回补充</Button>
      <FormModal title="退回补充（每个单位限一次）" open={open} onClose={() => setOpen(false)} onSubmit={save} okText="退回" okTestId="return-submit" width={640}>
        <Form.Item name="reason" label="退回理由" rules={[{ required: true, whitespace: true, min: 2, message: '请填写退回理由' }]}>
          <Input.TextArea data-testid="return-reason" autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nodes" label="退回的指标" rules={[{ required: true, message: '请选择至少一项指标' }]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', maxHeight: 240, overflow: 'auto' }} options={items.map((i) => ({ value: i.node_id, label: `${i.code} ${i.title}` }))} />
        </Form.Item>
        <Form.Item name="itemReason" label="需补充的材料" rules={[{ required: true, whitespace: true, min: 2, message: '请说明需补充的材料' }]}>
          <Input data-testid="return-item-reason" maxLength={2000} />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** 考核结果运用: commendations, rectifications with their deadline, the consecutive-failure flag. */
export function ConsequencesPanel({ roundId, orgId }: { roundId: number; orgId?: number }) {
  const { can } = useAuth();
  const { submit, busy } = useSubmit();
  const [report, setReport] = useState('');
  const q = useQuery({ queryKey: ['assessment', 'consequences', roundId], queryFn: () => get<Consequence[]>(`/api/assessment/rounds/${roundId}/consequences`) });
  const rows = (q.data ?? []).filter((c) => orgId == null || c.org_id === orgId);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!rows.length) return null;
  return (
    <List<Consequence>
      header={<Typography.Text strong>考核结果运用</Typography.Text>}
      bordered
      size="small"
      dataSource={rows}
      renderItem={(c) => (
        <List.Item data-testid={`consequence-${c.kind}-${c.org_id}`}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={CONSEQUENCE_TEXT[c.kind].color}>{CONSEQUENCE_TEXT[c.kind].text}</Tag>
              {orgId == null && <span>{c.org_name}</span>}
              <span>{c.note}</span>
              {c.kind === 'rectification' && (c.status === 'done' ? <Tag color="green">已于 {day(c.done_on)} 报送整改意见</Tag> : <Tag color={c.deadline_status === 'red' ? 'red' : 'gold'}>整改期限 {day(c.due_date)}</Tag>)}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{c.basis}</Typography.Text>
            {c.report && <Typography.Paragraph style={{ margin: 0 }}>整改意见：{c.report}</Typography.Paragraph>}
            {c.kind === 'rectification' && c.status === 'open' && orgId != null && can('assessment.self') && (
              <Space.Compact style={{ width: '100%' }}>
                <Input.TextArea data-testid="rectification-report" autoSize={{ minRows: 2 }} maxLength={20000} placeholder="书面整改意见：问题、措施、时限、责任人（至少 10 个字）" value={report} onChange={(e) => setReport(e.target.value)} />
                <Button data-testid="rectification-submit" type="primary" loading={busy} disabled={report.trim().length < 10} onClick={() => submit(`/api/assessment/rounds/${roundId}/rectification`, { orgId, report: report.trim() }, '已报送整改意见')}>报送</Button>
              </Space.Compact>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 复核计算: recompute the stored scores from the stored values and rules. */
export function VerifyButton({ roundId }: { roundId: number }) {
  const [shown, setShown] = useState(false);
  const q = useQuery({ queryKey: ['assessment', 'verify', roundId], queryFn: () => get<Verification>(`/api/assessment/rounds/${roundId}/verify`), enabled: shown });
  return (
    <Space direction="vertical">
      <Button data-testid="round-verify" loading={q.isFetching} onClick={() => (shown ? q.refetch() : setShown(true))}>复核计算</Button>
      <ErrorAlert error={q.error} />
      {q.data &&
        (q.data.differences.length ? (
          <Alert type="error" showIcon message={`${q.data.differences.length} 项得分不能按存储的规则重现`} description={q.data.differences.slice(0, 10).map((d) => <div key={`${d.orgId}-${d.nodeId}`}>{d.problem}</div>)} />
        ) : (
          <Alert data-testid="round-verified" type="success" showIcon message={`已按存储的指标值和评分规则重算 ${q.data.checked} 项得分，全部一致`} />
        ))}
    </Space>
  );
}
