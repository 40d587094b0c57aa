import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Spin, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import type { PublicEvaluation } from '../oversight/api';
import { SubjectSummaryTable } from '../oversight/Evaluations';

/** 行政执法案卷评查结果: published campaigns, per subject the average score and the count of each grade; no case or party data. */
export function PublicEvaluationsPage() {
  const q = useQuery({ queryKey: ['public-enforcement', 'evaluations'], queryFn: () => get<PublicEvaluation[]>('/api/public/enforcement/evaluations') });
  return (
    <Card
      title="行政执法案卷评查结果"
      extra={
        <Space>
          <Link to="/public/enforcement">行政执法主体与权责清单</Link>
          <Link to="/public/enforcement/procedure">行政处罚办理流程</Link>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每年至少组织一次行政执法案卷评查，按执法主体随机抽取当年已作出决定的案卷，从执法主体、证据、程序、适用法律、文书和归档等方面评分。以下为已公布的评查结果。
      </Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && q.data.length === 0 && <Empty description="尚未公布案卷评查结果" />}
      {(q.data ?? []).map((c) => (
        <Card
          key={c.id}
          type="inner"
          size="small"
          style={{ marginBottom: 16 }}
          data-testid={`public-evaluation-${c.id}`}
          title={`${c.name}（${c.year}年度案卷）`}
          extra={<Typography.Text type="secondary">{c.org_name} · {c.published_on} 公布</Typography.Text>}
        >
          <SubjectSummaryTable rows={c.bySubject} />
        </Card>
      ))}
    </Card>
  );
}
