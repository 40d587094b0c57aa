import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Spin, Table, Tree, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { PLAN_KIND_LABELS, type PlanKind, type PublicPlanNode, type PublicPlanRow } from '../api';
import { numberLabel } from '../components';

interface TreeItem {
  key: number;
  title: React.ReactNode;
  children: TreeItem[];
}

/** The flat nodes (document order, parent_id) nested as the text has them; measures show their wording. */
function nest(nodes: PublicPlanNode[]): TreeItem[] {
  const byId = new Map<number, TreeItem>();
  const roots: TreeItem[] = [];
  for (const n of nodes) {
    const leaf = n.kind === 'measure' || n.kind === 'item';
    byId.set(n.id, {
      key: n.id,
      title: leaf ? (
        <span>
          {numberLabel(n.kind, n.number)}
          {n.body}
        </span>
      ) : (
        <b>
          {numberLabel(n.kind, n.number)}
          {n.title}
        </b>
      ),
      children: [],
    });
  }
  for (const n of nodes) {
    const parent = n.parent_id == null ? undefined : byId.get(n.parent_id);
    (parent ? parent.children : roots).push(byId.get(n.id)!);
  }
  return roots;
}

function PlanStructure({ id }: { id: number }) {
  const q = useQuery({ queryKey: ['public-plans', 'plan', id], queryFn: () => get<{ nodes: PublicPlanNode[] }>(`/api/public/plans/${id}`) });
  const tree = useMemo(() => nest(q.data?.nodes ?? []), [q.data]);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return (
    <div data-testid={`public-plan-${id}`}>
      <Tree selectable={false} blockNode defaultExpandedKeys={tree.map((n) => n.key)} treeData={tree} />
    </div>
  );
}

/** 法治政府建设规划: the published plans, schemes and work points; each row opens its structure. */
export function PublicPlansPage() {
  const q = useQuery({ queryKey: ['public-plans', 'list'], queryFn: () => get<PublicPlanRow[]>('/api/public/plans') });
  return (
    <Card title="法治政府建设规划">
      <Typography.Paragraph type="secondary">已印发的法治政府建设规划、实施方案和年度工作要点。</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && q.data.length === 0 && <Empty description="尚无已印发的规划" />}
      {q.data && q.data.length > 0 && (
        <Table
          rowKey="id"
          dataSource={q.data}
          pagination={false}
          expandable={{ expandedRowRender: (r) => <PlanStructure id={r.id} /> }}
          columns={[
            { title: '名称', dataIndex: 'title', render: (v, r) => <span data-testid={`public-plan-row-${r.id}`}>{v}</span> },
            { title: '文号', dataIndex: 'doc_number', width: 180, render: (v) => v ?? '—' },
            { title: '类型', dataIndex: 'kind', width: 110, render: (v: PlanKind) => PLAN_KIND_LABELS[v] },
            { title: '制定机关', dataIndex: 'org_name', width: 160 },
            { title: '规划期', width: 120, render: (_, r) => `${r.start_year}—${r.end_year}年` },
            { title: '印发日', dataIndex: 'published_on', width: 110 },
            { title: '措施', dataIndex: 'measure_count', width: 70 },
          ]}
        />
      )}
    </Card>
  );
}
