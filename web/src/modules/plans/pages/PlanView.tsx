import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { ACCEPTANCE_RESULT_LABELS, NODE_KIND_LABELS, PLAN_KIND_LABELS, usePlan, useSubmit, useTasks, type PlanDetail, type PlanTreeNode, type TaskRow } from '../api';
import { compact, CountsBar, DateField, DueDay, numberLabel, OrgField, PlanStatusTag, TaskStatusTag, today } from '../components';
import { TaskTimeline } from './TaskTimeline';

/** The tree for antd's Table: nodes without children lose the empty array (no expand icon). */
type Row = Omit<PlanTreeNode, 'children'> & { children?: Row[] };
const toRows = (nodes: PlanTreeNode[]): Row[] => nodes.map(({ children, ...n }) => (children.length ? { ...n, children: toRows(children) } : n));
const sumCounts = (nodes: PlanTreeNode[]) => nodes.reduce((c, n) => ({ total: c.total + n.counts.total, completed: c.completed + n.counts.completed, overdue: c.overdue + n.counts.overdue }), { total: 0, completed: 0, overdue: 0 });
const pct = (c: { total: number; completed: number }) => (c.total ? Math.round((100 * c.completed) / c.total) : null);

/** One plan: its structure with completion rolled up, tasks, timeline, summaries and acceptance. */
export function PlanViewPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const { submit } = useSubmit();
  const q = usePlan(id);
  const tasks = useTasks({ planId: id });
  const [decompose, setDecompose] = useState<PlanTreeNode>();
  const [accepting, setAccepting] = useState(false);
  const p = q.data;
  const manage = !!p?.abilities.manage && can('plans.manage');
  const total = useMemo(() => sumCounts(p?.nodes ?? []), [p]);

  return (
    <PageContainer
      title={p?.title ?? '规划'}
      onBack={() => history.back()}
      tags={p && <PlanStatusTag status={p.status} />}
      extra={
        p?.status === 'draft' &&
        manage && (
          <Popconfirm title="印发后规划结构固定，可分解任务。确认印发？" okText="印发" okButtonProps={{ 'data-testid': 'plan-publish-ok' } as any} onConfirm={() => submit(`/api/plans/${id}/publish`, { version: p.version }, '规划已印发')}>
            <Button type="primary" data-testid="plan-publish">印发</Button>
          </Popconfirm>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {p && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="制定机关">{p.org_name}</Descriptions.Item>
              <Descriptions.Item label="文号">{p.doc_number ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="类型">{PLAN_KIND_LABELS[p.kind]}</Descriptions.Item>
              <Descriptions.Item label="规划期">{p.start_year}—{p.end_year}年</Descriptions.Item>
              <Descriptions.Item label="任务默认完成日">{p.default_due_on}</Descriptions.Item>
              <Descriptions.Item label="印发日">{p.published_on ?? '未印发'}</Descriptions.Item>
              <Descriptions.Item label="具体措施">{p.measure_count} 项</Descriptions.Item>
              <Descriptions.Item label="任务完成情况" span={2}>
                <CountsBar counts={total} percent={pct(total)} testId="plan-progress" />
              </Descriptions.Item>
            </Descriptions>
            {p.status === 'draft' && <Alert type="info" showIcon message="规划尚未印发：印发后方可将措施分解为任务" style={{ marginTop: 8 }} />}
          </Card>
          <Card>
            <Tabs
              destroyOnHidden={false}
              items={[
                { key: 'tree', label: '结构与进度', children: <StructureTab plan={p} canDecompose={manage && p.status === 'published'} onDecompose={setDecompose} /> },
                { key: 'tasks', label: <span data-testid="tab-tasks">任务</span>, children: <TasksTable query={tasks} /> },
                { key: 'timeline', label: <span data-testid="tab-timeline">时间轴</span>, children: <TaskTimeline tasks={tasks.data ?? []} startYear={p.start_year} endYear={p.end_year} /> },
                { key: 'summary', label: <span data-testid="tab-summary">汇总</span>, children: <SummaryTab plan={p} /> },
                {
                  key: 'acceptance',
                  label: <span data-testid="tab-acceptance">检查验收</span>,
                  children: <AcceptanceTab plan={p} canRecord={manage && p.status === 'published'} onRecord={() => setAccepting(true)} />,
                },
              ]}
            />
          </Card>
          {decompose && <TaskFormModal plan={p} node={decompose} onClose={() => setDecompose(undefined)} />}
          <FormModal
            title="登记检查验收"
            open={accepting}
            onClose={() => setAccepting(false)}
            okTestId="acceptance-ok"
            initialValues={{ checkedOn: today(), result: 'passed' }}
            onSubmit={(v) => submit(`/api/plans/${id}/acceptances`, v, '验收结果已登记')}
          >
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`规划实施的最后一年（${p.end_year}年）逐级检查验收：先各牵头单位，最后为制定机关本级（${p.org_name}）`} />
            <Form.Item name="orgId" label="被验收单位" rules={[{ required: true, message: '请选择被验收单位' }]}>
              <Select
                data-testid="field-orgId"
                options={[...p.by_unit.filter((u) => u.org_id !== p.org_id).map((u) => ({ value: u.org_id, label: u.org_name })), { value: p.org_id, label: `${p.org_name}（制定机关本级）` }]}
              />
            </Form.Item>
            <DateField name="checkedOn" label="验收日期" required />
            <Form.Item name="result" label="验收结果" rules={[{ required: true }]}>
              <Radio.Group options={Object.entries(ACCEPTANCE_RESULT_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="findings" label="检查验收情况" rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={4} maxLength={10000} data-testid="field-findings" />
            </Form.Item>
          </FormModal>
        </>
      )}
    </PageContainer>
  );
}

/** 结构与进度: parts → areas → measures, each with its completion bar and overdue count. */
function StructureTab({ plan, canDecompose, onDecompose }: { plan: PlanDetail; canDecompose: boolean; onDecompose: (n: PlanTreeNode) => void }) {
  const rows = useMemo(() => toRows(plan.nodes), [plan.nodes]);
  const byId = useMemo(() => {
    const m = new Map<number, PlanTreeNode>();
    const walk = (ns: PlanTreeNode[]) => ns.forEach((n) => (m.set(n.id, n), walk(n.children)));
    walk(plan.nodes);
    return m;
  }, [plan.nodes]);
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      data-testid="plan-tree"
      dataSource={rows}
      pagination={false}
      expandable={{ defaultExpandAllRows: true }}
      onRow={(r) => ({ 'data-testid': `node-${r.id}` }) as object}
      columns={[
        {
          title: '条目',
          render: (_, r) => (
            <span style={{ fontWeight: r.kind === 'part' ? 600 : undefined }}>
              <Tag bordered={false}>{NODE_KIND_LABELS[r.kind]}</Tag>
              {numberLabel(r.kind, r.number)}
              {r.title}
            </span>
          ),
        },
        { title: '完成情况', width: 380, render: (_, r) => <CountsBar counts={r.counts} percent={r.percent} testId={`node-progress-${r.id}`} width={160} /> },
        {
          title: '',
          width: 110,
          render: (_, r) =>
            canDecompose &&
            (r.kind === 'measure' || r.kind === 'item') && (
              <Button size="small" icon={<PlusOutlined />} data-testid={`decompose-${r.id}`} onClick={() => onDecompose(byId.get(r.id)!)}>
                分解任务
              </Button>
            ),
        },
      ]}
    />
  );
}

/** The plan's tasks, or the caller's: measure, lead and co-units, day, last percentage, status. */
export function TasksTable({ query, showPlan }: { query: { data?: TaskRow[]; error: unknown; isLoading: boolean }; showPlan?: boolean }) {
  return (
    <>
      <ErrorAlert error={query.error} />
      <Table<TaskRow>
        rowKey="id"
        size="middle"
        loading={query.isLoading}
        dataSource={query.data}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        locale={{ emptyText: '没有任务' }}
        onRow={(r) => ({ 'data-testid': `task-row-${r.id}`, 'data-status': r.status === 'open' && r.due_on < today() ? 'overdue' : r.status }) as object}
        columns={[
          ...(showPlan ? [{ title: '规划', dataIndex: 'plan_title', width: 200, ellipsis: true, render: (v: string, r: TaskRow) => <Link to={`/plans/${r.plan_id}`}>{v}</Link> }] : []),
          { title: '措施', dataIndex: 'measure_number', width: 60 },
          { title: '任务', dataIndex: 'title', render: (v, r) => <Link to={`/plans/tasks/${r.id}`} data-testid={`task-link-${r.id}`}>{v}</Link> },
          { title: '牵头单位', dataIndex: 'org_name', width: 170 },
          { title: '配合单位', dataIndex: 'co_org_names', width: 170, render: (v: string[]) => (v.length ? v.join('、') : '—') },
          { title: '责任人', dataIndex: 'responsible_name', width: 130 },
          { title: '完成时限', dataIndex: 'due_on', width: 120, render: (v, r) => <DueDay dueOn={v} open={r.status === 'open'} /> },
          { title: '进度', dataIndex: 'percent', width: 70, render: (v) => (v == null ? '—' : `${v}%`) },
          { title: '状态', dataIndex: 'status', width: 90, render: (v, r) => <TaskStatusTag status={v} dueOn={r.due_on} /> },
        ]}
      />
    </>
  );
}

/** 汇总: completion by lead unit and by year. */
function SummaryTab({ plan }: { plan: PlanDetail }) {
  const bar = (_: unknown, r: { total: number; completed: number; overdue: number }) => <CountsBar counts={r} percent={pct(r)} width={180} />;
  return (
    <Row gutter={24}>
      <Col xs={24} xl={14}>
        <Typography.Title level={5}>按牵头单位</Typography.Title>
        <Table rowKey="org_id" size="small" pagination={false} data-testid="summary-units" dataSource={plan.by_unit} locale={{ emptyText: '尚未分解任务' }} columns={[{ title: '牵头单位', dataIndex: 'org_name' }, { title: '完成情况', width: 340, render: bar }]} />
      </Col>
      <Col xs={24} xl={10}>
        <Typography.Title level={5}>按年度</Typography.Title>
        <Table rowKey="year" size="small" pagination={false} data-testid="summary-years" dataSource={plan.by_year} locale={{ emptyText: '尚未分解任务' }} columns={[{ title: '年度', dataIndex: 'year', width: 80, render: (v) => `${v}年` }, { title: '完成情况', render: bar }]} />
      </Col>
    </Row>
  );
}

/** 检查验收: the records unit by unit, the issuing body last. */
function AcceptanceTab({ plan, canRecord, onRecord }: { plan: PlanDetail; canRecord: boolean; onRecord: () => void }) {
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">规划实施的最后一年（{plan.end_year}年）逐级检查验收；制定机关本级验收后规划为已验收。</Typography.Text>
        {canRecord && (
          <Button icon={<PlusOutlined />} data-testid="acceptance-create" onClick={onRecord}>
            登记验收
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={plan.acceptances}
        locale={{ emptyText: '尚无检查验收记录' }}
        columns={[
          { title: '单位', dataIndex: 'org_name', width: 200 },
          { title: '验收日期', dataIndex: 'checked_on', width: 110 },
          { title: '结果', dataIndex: 'result', width: 110, render: (v: 'passed' | 'failed') => <Tag color={v === 'passed' ? 'green' : 'red'}>{ACCEPTANCE_RESULT_LABELS[v]}</Tag> },
          { title: '未完成任务', dataIndex: 'open_tasks', width: 100 },
          { title: '检查验收情况', dataIndex: 'findings' },
        ]}
      />
    </>
  );
}

/** 分解任务: a task of the measure with its units, responsible person, deliverable, day and milestones. */
function TaskFormModal({ plan, node, onClose }: { plan: PlanDetail; node: PlanTreeNode; onClose: () => void }) {
  const { submit } = useSubmit();
  return (
    <FormModal
      title={`分解任务：${numberLabel(node.kind, node.number)}${node.title}`}
      open
      width={720}
      onClose={onClose}
      okTestId="task-create-ok"
      initialValues={{ title: node.title }}
      onSubmit={(v) =>
        submit(
          `/api/plans/${plan.id}/tasks`,
          { ...compact({ ...v, milestones: undefined, coOrgIds: v.coOrgIds?.length ? v.coOrgIds : undefined }), nodeId: node.id, ...(v.milestones?.length ? { milestones: v.milestones } : {}) },
          '任务已分解，完成时限纳入督办',
        )
      }
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }}>
        {node.body}
      </Typography.Paragraph>
      <Form.Item name="title" label="任务名称" rules={[{ required: true, min: 2 }]}>
        <Input maxLength={300} data-testid="field-title" />
      </Form.Item>
      <OrgField name="leadOrgId" label="牵头单位" />
      <OrgField name="coOrgIds" label="配合单位" required={false} multiple />
      <Space style={{ display: 'flex' }} align="start" wrap>
        <Form.Item name="responsibleName" label="责任人" rules={[{ required: true, min: 2 }]}>
          <Input maxLength={50} style={{ width: 220 }} data-testid="field-responsibleName" />
        </Form.Item>
        <Form.Item name="year" label="分解年度" extra="按年度分解的，不填完成时限即为该年年底">
          <InputNumber min={plan.start_year} max={plan.end_year} style={{ width: 140 }} data-testid="field-year" />
        </Form.Item>
        <DateField name="dueOn" label="完成时限" extra={`不填为规划默认完成日（${plan.default_due_on}）`} />
      </Space>
      <Form.Item name="deliverable" label="成果形式" rules={[{ required: true, min: 2 }]} extra="可检验的成果：制度文件、工作台账、报告等">
        <Input.TextArea rows={2} maxLength={500} data-testid="field-deliverable" />
      </Form.Item>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            <Typography.Text strong>时间节点</Typography.Text>
            {fields.map((f) => (
              <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, min: 2, message: '节点名称' }]} style={{ marginBottom: 0 }}>
                  <Input placeholder="节点，如：制定工作方案" style={{ width: 320 }} data-testid={`field-milestone-${f.name}-title`} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '节点时间' }]} style={{ marginBottom: 0 }}>
                  <Input type="date" data-testid={`field-milestone-${f.name}-dueOn`} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginTop: 8 }} data-testid="milestone-add">
              添加节点
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
