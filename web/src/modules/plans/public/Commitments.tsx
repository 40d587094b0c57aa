import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Spin, Table, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import type { CommitmentRow } from '../api';
import { timeLimitText } from '../pages/Commitments';

/** 服务承诺: each office's services, the time promised and the documents to bring (seed 004 #3). */
export function PublicCommitmentsPage() {
  const q = useQuery({ queryKey: ['public-plans', 'commitments'], queryFn: () => get<CommitmentRow[]>('/api/public/plans/commitments') });
  return (
    <Card title="服务承诺">
      <Typography.Paragraph type="secondary">各部门面向社会的服务事项、承诺办结时限和一次性告知的材料。</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && q.data.length === 0 && <Empty description="尚无服务承诺" />}
      {q.data && q.data.length > 0 && (
        <Table<CommitmentRow>
          rowKey="id"
          dataSource={q.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '部门', dataIndex: 'org_name', width: 180 },
            { title: '服务事项', dataIndex: 'service', width: 200, render: (v, c) => <span data-testid={`public-commitment-${c.id}`}>{v}</span> },
            { title: '承诺时限', width: 110, render: (_, c) => timeLimitText(c) },
            { title: '所需材料', dataIndex: 'materials' },
            { title: '依据', dataIndex: 'basis', width: 180, render: (v) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
