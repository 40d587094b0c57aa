import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { MAJOR_REASON_TEXT, money, type MajorReason, type ReviewQueueRow } from '../api';

/** 法制审核: cases submitted for the review of art. 58, oldest first. */
export function ReviewsPage() {
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['enforcement', 'reviews'], queryFn: () => get<ReviewQueueRow[]>('/api/enforcement/reviews') });
  return (
    <PageContainer title="法制审核" subTitle="重大执法决定在负责人作出决定前，由法制审核人员逐项审核（行政处罚法第五十八条）">
      <Card>
        <ErrorAlert error={q.error} />
        <Table
          rowKey="id"
          data-testid="review-queue"
          loading={q.isLoading}
          dataSource={q.data}
          locale={{ emptyText: '没有待审核的案件' }}
          onRow={(r) => ({ onClick: () => navigate(`/enforcement/cases/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '案号', dataIndex: 'case_no', width: 200, render: (v, r) => <Link to={`/enforcement/cases/${r.id}`} data-testid={`review-row-${r.id}`} onClick={(e) => e.stopPropagation()}>{v ?? `#${r.id}`}</Link> },
            { title: '案由', dataIndex: 'title', ellipsis: true },
            { title: '当事人', dataIndex: 'party_name_masked', width: 160, ellipsis: true },
            { title: '执法事项', dataIndex: 'power_name', width: 220, ellipsis: true },
            { title: '拟罚款', dataIndex: 'proposed_fine', width: 120, align: 'right', render: (v) => money(v) },
            {
              title: '申报的重大情形',
              dataIndex: 'major_reasons',
              width: 200,
              render: (v: string[]) => (v?.length ? <Space wrap size={4}>{v.map((r) => <Tag key={r} color="volcano">{MAJOR_REASON_TEXT[r as MajorReason] ?? r}</Tag>)}</Space> : <Tag>按罚款数额或基准偏离</Tag>),
            },
            { title: '提交时间', dataIndex: 'updated_at', width: 170, render: (v) => new Date(v).toLocaleString('zh-CN') },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
