import { useQuery } from '@tanstack/react-query';
import { Button, Card, Collapse, Empty, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import type { PublicReportRow } from '../api';

const Section = ({ title, text }: { title: string; text: string }) => (
  <>
    <Typography.Title level={5}>{title}</Typography.Title>
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text.trim() || '—'}</Typography.Paragraph>
  </>
);

/** 法治政府建设年度报告: the reports made public (seed 002 #55), their text and the Word document. */
export function PublicReportsPage() {
  const q = useQuery({ queryKey: ['public-plans', 'reports'], queryFn: () => get<PublicReportRow[]>('/api/public/plans/reports') });
  return (
    <Card title="法治政府建设年度报告">
      <Typography.Paragraph type="secondary">各级政府及部门向社会公开的上一年度法治政府建设情况报告。</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && q.data.length === 0 && <Empty description="尚无公开的年度报告" />}
      {q.data && q.data.length > 0 && (
        <Collapse
          items={q.data.map((r) => ({
            key: r.id,
            label: <span data-testid={`public-report-${r.id}`}>{r.title}</span>,
            extra: <Typography.Text type="secondary">{r.published_on} 公开</Typography.Text>,
            children: (
              <div data-testid={`public-report-body-${r.id}`}>
                <Section title="一、总体情况" text={r.overview} />
                <Section title="二、存在的问题" text={r.problems} />
                <Section title="三、下一年度工作安排" text={r.next_year} />
                <Button icon={<DownloadOutlined />} href={`/api/public/plans/reports/${r.id}/docx`} data-testid={`public-report-docx-${r.id}`}>
                  下载 Word（含主要指标）
                </Button>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
