import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Spin, Table, Tag, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import type { WhitePaperRow } from '../api';
import { PaperBody } from '../pages/WhitePapers';

type PublicPaper = Omit<WhitePaperRow, 'org_id' | 'version'>;

/** 部门责任白皮书: duties and targets published early in the year, completion reported at its end (seed 004 #7). */
export function PublicWhitePapersPage() {
  const q = useQuery({ queryKey: ['public-plans', 'white-papers'], queryFn: () => get<PublicPaper[]>('/api/public/plans/white-papers') });
  return (
    <Card title="部门责任白皮书">
      <Typography.Paragraph type="secondary">各部门年初公布的职责和年度工作目标，年底通报的完成情况。</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && q.data.length === 0 && <Empty description="尚无公布的白皮书" />}
      {q.data && q.data.length > 0 && (
        <Table<PublicPaper>
          rowKey="id"
          dataSource={q.data}
          pagination={false}
          expandable={{ expandedRowRender: (w) => <PaperBody w={w} /> }}
          columns={[
            { title: '部门', dataIndex: 'org_name', render: (v, w) => <span data-testid={`public-paper-${w.id}`}>{v}</span> },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '公布日', dataIndex: 'published_on', width: 120 },
            { title: '年度工作目标', dataIndex: 'targets', width: 120, render: (v: string[]) => `${v.length} 项` },
            { title: '完成情况', width: 160, render: (_, w) => (w.completion ? `${w.completion.filter((c) => c.done).length}/${w.targets.length} 完成` : <Tag>年底通报</Tag>) },
          ]}
        />
      )}
    </Card>
  );
}
