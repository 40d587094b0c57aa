import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { Dayjs } from 'dayjs';
import { get, post, problemText, qs } from '../api';
import { useAuth } from '../auth';
import { ErrorAlert } from '../components';

interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_name: string;
  org_id: number | null;
  before: unknown;
  after: unknown;
  hash: string;
  prev_hash: string;
}
interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBad?: { seq: number; position: number; reason: string; detail: string };
}
interface Filter {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

const REASONS: Record<string, string> = { edited: '记录被修改', deleted: '记录被删除', chain_broken: '哈希链断裂', truncated: '链尾被截断' };

function VerifyPanel() {
  const [result, setResult] = useState<VerifyResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await post<VerifyResult>('/api/audit/verify'));
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Button data-testid="audit-verify" type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={verify}>
            校验哈希链
          </Button>
          <Typography.Text type="secondary">逐条重算 SM3 摘要并与上一条相链，发现被修改或删除的记录时报告其位置</Typography.Text>
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        {result && (
          <div data-testid="audit-verify-result">
            {result.ok ? (
              <Alert type="success" showIcon message={`校验通过：共 ${result.checked} 条，链头序号 ${result.headSeq}`} />
            ) : (
              <Alert
                type="error"
                showIcon
                message={`校验未通过：第 ${result.firstBad!.position} 条${REASONS[result.firstBad!.reason] ?? result.firstBad!.reason}`}
                description={`${result.firstBad!.detail}（已校验 ${result.checked} 条，链头序号 ${result.headSeq}）`}
              />
            )}
          </div>
        )}
      </Space>
    </Card>
  );
}

export function AuditPage() {
  const { can } = useAuth();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const list = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () => get<{ total: number; items: AuditEntry[] }>(`/api/audit${qs({ ...filter, limit: pageSize, offset: (page - 1) * pageSize })}`),
  });
  const apply = (v: Filter & { range?: [Dayjs, Dayjs] }) => {
    const { range, ...rest } = v;
    setPage(1);
    setFilter({ ...rest, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });
  };
  return (
    <PageContainer title="审计日志" subTitle="只增不改，SM3 哈希链">
      {can('audit.verify') && <VerifyPanel />}
      <Card>
        <Form layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="action" label="操作">
            <Input data-testid="audit-filter-action" placeholder="如 user.create" allowClear />
          </Form.Item>
          <Form.Item name="entityType" label="对象类型">
            <Input placeholder="如 user" allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="entityId" label="对象编号">
            <Input allowClear style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="actor" label="操作人">
            <Input placeholder="用户名" allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker />
          </Form.Item>
          <Button data-testid="audit-filter-submit" htmlType="submit" type="primary">
            查询
          </Button>
        </Form>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="seq"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
          expandable={{
            expandedRowRender: (r) => (
              <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap', margin: 0 }}>
                {JSON.stringify({ before: r.before, after: r.after }, null, 2)}
                {`\nprev_hash ${r.prev_hash}\nhash      ${r.hash}`}
              </pre>
            ),
          }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 80 },
            { title: '时间', dataIndex: 'at', width: 180, render: (v) => new Date(v).toLocaleString('zh-CN') },
            { title: '操作', dataIndex: 'action', width: 200 },
            { title: '对象', render: (_, r) => `${r.entity_type}${r.entity_id ? ' #' + r.entity_id : ''}` },
            { title: '操作人', dataIndex: 'actor_name', width: 180 },
            { title: '摘要', dataIndex: 'hash', width: 140, render: (v) => <Typography.Text code>{String(v).slice(0, 12)}</Typography.Text> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
