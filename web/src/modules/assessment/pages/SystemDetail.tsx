import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Popconfirm, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CopyOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { flatten, problemText, pts, sourceText, type SystemDetail, type TreeNode } from '../api';
import { CopyModal, MethodTag, StatusTag } from '../components';
import { AddNodeModal, NodePanel } from '../NodePanel';
import { useSubmit } from '../useSubmit';

/** A tree row for the Table: leaves without a `children` array, so they show no expander. */
type TreeRow = Omit<TreeNode, 'children'> & { children?: TreeRow[] };
const rows = (nodes: TreeNode[]): TreeRow[] => nodes.map((n) => ({ ...n, children: n.children.length ? rows(n.children) : undefined }));

/** 指标体系: the tree with its points check, each indicator's original wording, and (draft) its editing. */
export function SystemDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const { busy, submit } = useSubmit();
  const q = useQuery({ queryKey: ['assessment', 'system', id], enabled: Number.isInteger(id), queryFn: () => get<SystemDetail>(`/api/assessment/systems/${id}`) });
  const sys = q.data;
  const [selected, setSelected] = useState<number>();
  const [expanded, setExpanded] = useState<number[]>();
  const [adding, setAdding] = useState<{ parent: TreeNode | null }>();
  const [copying, setCopying] = useState(false);

  const all = useMemo(() => (sys ? flatten(sys.tree) : []), [sys]);
  const data = useMemo(() => (sys ? rows(sys.tree) : []), [sys]);
  const metricName = useMemo(() => new Map((sys?.metrics ?? []).map((m) => [m.code, m])), [sys]);
  const problemCodes = useMemo(() => new Map((sys?.pointsProblems ?? []).filter((p) => p.code != null).map((p) => [p.code!, p])), [sys]);
  // Every parent open at first; later the reader's choice, plus the parent of what was added.
  useEffect(() => {
    if (sys && expanded === undefined) setExpanded(all.filter((n) => n.children.length).map((n) => n.id));
  }, [sys, all, expanded]);

  if (!sys) return <PageContainer title="指标体系" loading={q.isLoading}><ErrorAlert error={q.error} /></PageContainer>;

  const manage = can('assessment.manage');
  const editable = manage && sys.status === 'draft';
  const node = all.find((n) => n.id === selected);
  const problems = sys.pointsProblems;
  const publishBlocked = sys.status === 'published' ? '已发布的指标体系已冻结；修改请复制为新版本' : problems.length ? `分值不平衡（${problems.length} 处），调整后方可发布` : null;
  const leafCount = all.filter((n) => n.leaf).length;
  const metricLeaves = all.filter((n) => n.leaf && n.method === 'metric').length;

  const publish = () => submit(`/api/assessment/systems/${sys.id}/publish`, { version: sys.version }, '已发布指标体系');

  return (
    <PageContainer
      title={<span data-testid="system-name">{sys.name}</span>}
      tags={[<StatusTag key="s" status={sys.status} />, <Tag key="e">第{sys.edition}版</Tag>]}
      subTitle={`${sys.year}年度 · 总分 ${pts(sys.total_points)} 分 · ${sourceText(sys.source)}${sys.published_on ? ` · ${sys.published_on} 发布` : ''}`}
      extra={
        manage && (
          <Space>
            {publishBlocked && sys.status === 'draft' && <Typography.Text type="secondary" data-testid="system-publish-reason">{publishBlocked}</Typography.Text>}
            <Tooltip title={publishBlocked}>
              <span>
                <Popconfirm title="发布指标体系？" description="发布后该版本冻结，不能再修改；需要调整时复制为新版本。" okText="发布" cancelText="取消" disabled={!!publishBlocked} onConfirm={publish}>
                  <Button data-testid="system-publish" type="primary" icon={<SendOutlined />} disabled={!!publishBlocked} loading={busy}>发布</Button>
                </Popconfirm>
              </span>
            </Tooltip>
            <Button data-testid="system-copy" icon={<CopyOutlined />} onClick={() => setCopying(true)}>复制为新版本</Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {problems.length > 0 && (
        <Alert
          data-testid="points-problems"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`分值不平衡（${problems.length} 处）：下级指标分值合计须等于上级指标分值，一级指标合计须等于总分`}
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{problems.map((p) => <li key={p.code ?? ''}>{problemText(p)}</li>)}</ul>}
        />
      )}
      <Row gutter={16} align="top">
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={`指标树（${all.length} 项，末级 ${leafCount} 项，其中按指标数据评分 ${metricLeaves} 项）`}
            extra={
              <Space size={4}>
                <Button size="small" onClick={() => setExpanded(all.filter((n) => n.children.length).map((n) => n.id))}>全部展开</Button>
                <Button size="small" onClick={() => setExpanded([])}>全部收起</Button>
                {editable && <Button size="small" data-testid="node-add-top" icon={<PlusOutlined />} onClick={() => setAdding({ parent: null })}>增加一级指标</Button>}
              </Space>
            }
          >
            <Table<TreeRow>
              rowKey="id"
              size="small"
              dataSource={data}
              pagination={false}
              tableLayout="fixed"
              scroll={{ y: 'calc(100vh - 330px)' }}
              expandable={{ expandedRowKeys: expanded ?? [], onExpandedRowsChange: (keys) => setExpanded(keys as number[]), indentSize: 12 }}
              onRow={(r) =>
                ({
                  'data-testid': `node-${r.code}`,
                  onClick: () => setSelected(r.id),
                  style: { cursor: 'pointer', background: r.id === selected ? '#e6f4ff' : undefined },
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: '编号', dataIndex: 'code', width: 150, ellipsis: true },
                { title: '指标', dataIndex: 'title', ellipsis: { showTitle: false }, render: (v: string) => <Tooltip title={v} placement="topLeft" mouseEnterDelay={0.6}>{v}</Tooltip> },
                {
                  title: '分值',
                  dataIndex: 'points',
                  width: 90,
                  align: 'right',
                  render: (v, r) => {
                    const p = problemCodes.get(r.code);
                    return p ? <Tooltip title={problemText(p)}><span style={{ color: '#cf1322', fontWeight: 600 }}>{pts(v)} ⚠</span></Tooltip> : pts(v);
                  },
                },
                { title: '评分方法', dataIndex: 'method', width: 100, render: (v, r) => (r.leaf ? <MethodTag method={v} /> : null) },
                {
                  title: '指标数据',
                  dataIndex: 'metric_code',
                  width: 150,
                  ellipsis: true,
                  render: (v: string | null) => {
                    if (!v) return null;
                    const m = metricName.get(v);
                    return <Tooltip title={v}>{m?.name ?? v}</Tooltip>;
                  },
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <NodePanel
            sys={sys}
            node={node}
            editable={editable}
            onAddChild={(n) => setAdding({ parent: n })}
            onDeleted={(parentId) => setSelected(parentId ?? undefined)}
          />
        </Col>
      </Row>
      <AddNodeModal
        systemId={sys.id}
        parent={adding?.parent ?? null}
        open={!!adding}
        onClose={() => setAdding(undefined)}
        onAdded={(newId) => {
          const parentId = adding?.parent?.id;
          if (parentId != null) setExpanded((e) => [...new Set([...(e ?? []), parentId])]);
          setSelected(newId);
        }}
      />
      <CopyModal system={copying ? sys : undefined} onClose={() => setCopying(false)} />
    </PageContainer>
  );
}
