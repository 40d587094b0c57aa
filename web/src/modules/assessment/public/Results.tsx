import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { GRADE_COLOR, GRADE_TEXT, num, type Grade } from '../rounds-api';

interface PublishedRound {
  id: number;
  name: string;
  year: number;
  published_on: string;
  results: { org_name: string; percent: string | number | null; grade: Grade | null; rank: number | null }[];
}

/** 法治政府建设考核结果 on the portal: each published round's ranking, grade and score rate. */
export function PublicResultsPage() {
  const q = useQuery({ queryKey: ['public', 'assessment', 'results'], queryFn: () => get<PublishedRound[]>('/api/public/assessment/results') });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3}>法治政府建设考核结果</Typography.Title>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && !q.data.length && <Empty description="尚未公布考核结果" />}
      {q.data?.map((r) => (
        <Card key={r.id} title={r.name} extra={`${String(r.published_on).slice(0, 10)} 公布`} data-testid={`public-round-${r.id}`}>
          <Table
            rowKey="org_name"
            size="small"
            pagination={false}
            dataSource={r.results}
            columns={[
              { title: '排名', dataIndex: 'rank', width: 70, align: 'center', render: (v) => v ?? '—' },
              { title: '单位', dataIndex: 'org_name' },
              { title: '得分率', dataIndex: 'percent', width: 100, align: 'right', render: (v) => (v == null ? '—' : `${num(v)}%`) },
              { title: '等次', dataIndex: 'grade', width: 100, render: (g: Grade | null) => (g ? <Tag color={GRADE_COLOR[g]}>{GRADE_TEXT[g]}</Tag> : '—') },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
