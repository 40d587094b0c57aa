import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Spin, Table, Tag, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { AMENDMENT_KIND_LABELS, type CatalogueItem, type PublicCatalogue, type PublicCatalogueDetail } from '../api';

const itemColumns = [
  { title: '决策事项', dataIndex: 'title' },
  { title: '决策机关', dataIndex: 'deciding_body', width: 180 },
  { title: '承办单位', dataIndex: 'undertaking_org_name', width: 180 },
  { title: '计划时间', width: 200, render: (_: unknown, r: CatalogueItem) => `${r.planned_start ?? '—'} 至 ${r.planned_end ?? '—'}` },
  { title: '听证', dataIndex: 'hearing_required', width: 90, render: (v: boolean) => (v ? <Tag color="orange">须听证</Tag> : '—') },
];

function CatalogueItems({ id }: { id: number }) {
  const q = useQuery({ queryKey: ['public-decisions', 'catalogue', id], queryFn: () => get<PublicCatalogueDetail>(`/api/public/decisions/catalogues/${id}`) });
  if (q.isLoading) return <Spin />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return (
    <>
      <Table rowKey="id" size="small" pagination={false} dataSource={q.data.items} columns={itemColumns} data-testid={`public-catalogue-items-${id}`} />
      {q.data.amendments.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>目录修订</Typography.Title>
          <Table rowKey={(r) => `${r.amended_on}-${r.item_title}-${r.kind}`} size="small" pagination={false} dataSource={q.data.amendments} columns={[{ title: '日期', dataIndex: 'amended_on', width: 110 }, { title: '修订', dataIndex: 'kind', width: 100, render: (v: keyof typeof AMENDMENT_KIND_LABELS) => AMENDMENT_KIND_LABELS[v] }, { title: '事项', dataIndex: 'item_title' }, { title: '理由', dataIndex: 'reason' }]} />
        </>
      )}
    </>
  );
}

/** 重大行政决策事项目录: the published catalogues; each row opens its items and amendments. */
export function PublicCataloguesPage() {
  const q = useQuery({ queryKey: ['public-decisions', 'catalogues'], queryFn: () => get<PublicCatalogue[]>('/api/public/decisions/catalogues') });
  return (
    <Card title="重大行政决策事项目录" extra={<Link to="/public/decisions/hearings">听证目录</Link>}>
      <Typography.Paragraph type="secondary">决策机关结合职责权限和本地实际确定的年度重大行政决策事项目录（重大行政决策程序暂行条例第三条），其中须举行听证的事项同时列入听证目录。</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && q.data.length === 0 && <Empty description="尚未公布决策事项目录" />}
      {q.data && q.data.length > 0 && (
        <Table
          rowKey="id"
          dataSource={q.data}
          pagination={false}
          expandable={{ expandedRowRender: (r) => <CatalogueItems id={r.id} /> }}
          columns={[
            { title: '目录', dataIndex: 'title' },
            { title: '决策机关', dataIndex: 'org_name', width: 180 },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '事项 / 须听证', width: 120, render: (_, r) => `${r.item_count} / ${r.hearing_count}` },
            { title: '公布日期', dataIndex: 'published_on', width: 110 },
          ]}
        />
      )}
    </Card>
  );
}

/** 听证目录: the items of the published catalogues that will be preceded by a hearing. */
export function PublicHearingsPage() {
  const q = useQuery({ queryKey: ['public-decisions', 'hearings'], queryFn: () => get<(CatalogueItem & { year: number; org_name: string })[]>('/api/public/decisions/hearings') });
  return (
    <Card title="重大行政决策听证目录" extra={<Link to="/public/decisions">决策事项目录</Link>}>
      <Typography.Paragraph type="secondary">涉及公共利益和人民群众切身利益、列入听证目录的重大行政决策事项，决策前依法举行听证。</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      <Table rowKey="id" loading={q.isLoading} dataSource={q.data} pagination={false} locale={{ emptyText: '听证目录中暂无事项' }} columns={[{ title: '年度', dataIndex: 'year', width: 80 }, { title: '决策机关', dataIndex: 'org_name', width: 160 }, ...itemColumns.slice(0, 4)]} />
    </Card>
  );
}
