import { useMemo } from 'react';
import { Alert, Button, Card, Col, Descriptions, Divider, Empty, Form, Input, InputNumber, Popconfirm, Row, Select, Space, TreeSelect, Typography, message } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { METHOD, UNIT_NAME, flatten, pts, ruleProblem, ruleText, unitSuffix, type Method, type MetricDef, type SystemDetail, type TreeNode } from './api';
import { FormModal, MethodTag } from './components';
import { RuleEditor, ruleFromValues, valuesFromRule, type RuleValues } from './RuleEditor';
import { useSubmit } from './useSubmit';

const ROOT = 0; // the TreeSelect's value for "no parent"
const short = (s: string, n = 36) => (s.length > n ? `${s.slice(0, n)}…` : s);

interface TreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}
function parentOptions(nodes: TreeNode[], self: number): TreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: `${n.code} ${short(n.title)}`, disabled: n.id === self, children: n.children.length ? parentOptions(n.children, self) : undefined }));
}

interface NodeValues {
  title: string;
  points: number;
  parentId: number;
  method?: Method;
  metricCode?: string | null;
  rule?: RuleValues;
}

/** The edit form of one node of a draft: title, points, place, and a leaf's scoring. */
function NodeForm({ sys, node, metrics }: { sys: SystemDetail; node: TreeNode; metrics: MetricDef[] }) {
  const { busy, submit } = useSubmit();
  const [form] = Form.useForm<NodeValues>();
  const method = Form.useWatch('method', form);
  const metricCode = Form.useWatch('metricCode', form);
  const points = Form.useWatch('points', form);
  const ruleValues = Form.useWatch('rule', form);
  const metric = metrics.find((m) => m.code === metricCode);
  const treeData = useMemo(() => [{ value: ROOT, title: '（作为一级指标）' }, ...parentOptions(sys.tree, node.id)], [sys.tree, node.id]);
  // The same check as the server's (scoring.ts), plus the metric's direction that scoring applies later.
  const rule = method === 'metric' ? ruleFromValues(ruleValues) : null;
  const problem = rule ? ruleProblem(rule, Number(points ?? node.points), metric?.higherIsBetter) : null;

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (problem) {
      message.error(problem);
      return;
    }
    const parentId = v.parentId === ROOT ? null : v.parentId;
    const body: Record<string, unknown> = { title: v.title.trim(), points: v.points };
    if (parentId !== node.parent_id) body.parentId = parentId;
    if (node.leaf) {
      body.method = v.method;
      body.metricCode = v.method === 'metric' ? v.metricCode : null;
      if (v.method === 'metric') body.rule = ruleFromValues(v.rule);
      else if (v.method === 'survey' && node.method !== 'survey') body.rule = null; // a metric rule is not a survey's
    }
    await submit(`/api/assessment/nodes/${node.id}`, body, `已保存指标 ${node.code}`, 'PATCH');
  };

  return (
    <Form<NodeValues>
      form={form}
      layout="vertical"
      initialValues={{ title: node.title, points: Number(node.points), parentId: node.parent_id ?? ROOT, method: node.method ?? 'manual', metricCode: node.metric_code, rule: valuesFromRule(node.rule) }}
    >
      <Form.Item name="title" label="指标名称" rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
        <Input.TextArea data-testid="node-title" autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="points" label="分值" rules={[{ required: true, message: '请填写分值' }]}>
            <InputNumber data-testid="node-points" min={0} max={10000} step={0.1} precision={1} suffix="分" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="parentId" label="上级指标" extra="不能移到它自己或它的下级指标之下">
            <TreeSelect data-testid="node-parent" treeData={treeData} showSearch treeNodeFilterProp="title" popupMatchSelectWidth={false} listHeight={360} />
          </Form.Item>
        </Col>
      </Row>
      {node.leaf && (
        <>
          <Form.Item name="method" label="评分方法" rules={[{ required: true }]}>
            <Select data-testid="node-method" options={Object.entries(METHOD).map(([value, m]) => ({ value, label: m.text }))} />
          </Form.Item>
          {method === 'metric' && (
            <>
              <Form.Item name="metricCode" label="指标数据" rules={[{ required: true, message: '请选择指标数据' }]} extra={metric && (metric.higherIsBetter ? '数值越高越好' : '数值越低越好')}>
                <Select
                  data-testid="node-metric"
                  showSearch
                  optionFilterProp="search"
                  placeholder="选择系统采集的指标数据"
                  options={metrics.map((m) => ({
                    value: m.code,
                    search: `${m.name} ${m.code}`,
                    label: (
                      <span>
                        {m.name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.code} · {UNIT_NAME[m.unit] ?? m.unit}</Typography.Text>
                      </span>
                    ),
                  }))}
                />
              </Form.Item>
              <RuleEditor unit={unitSuffix(metric?.unit)} />
              {problem && <Alert data-testid="rule-problem" type="warning" showIcon message={problem} style={{ marginBottom: 12 }} />}
            </>
          )}
        </>
      )}
      {!node.leaf && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>有下级指标的指标不设评分方法，得分为下级指标之和。</Typography.Paragraph>}
      <Button data-testid="node-save" type="primary" loading={busy} onClick={save}>保存</Button>
    </Form>
  );
}

/** 增加下级指标 (or a level-1 indicator when `parent` is null). */
export function AddNodeModal({ systemId, parent, open, onClose, onAdded }: { systemId: number; parent: TreeNode | null; open: boolean; onClose: () => void; onAdded: (id: number) => void }) {
  const { submit } = useSubmit();
  const save = async (v: { title: string; points: number; text?: string }) => {
    const text = v.text?.trim();
    const row = await submit<{ id: number }>(`/api/assessment/systems/${systemId}/nodes`, { parentId: parent?.id ?? null, title: v.title.trim(), points: v.points, ...(text ? { text } : {}) }, '已增加指标');
    if (row) onAdded(row.id);
    return row;
  };
  return (
    <FormModal title={parent ? `增加下级指标：${parent.code} ${short(parent.title, 20)}` : '增加一级指标'} open={open} onClose={onClose} onSubmit={save} initialValues={{ points: 0 }} okText="增加" okTestId="node-add-submit">
      {parent?.leaf && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="该指标现为末级指标；增加下级后不再单独评分，其评分方法和指标数据关联将清除。" />}
      <Form.Item name="title" label="指标名称" rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
        <Input data-testid="node-add-title" />
      </Form.Item>
      <Form.Item name="points" label="分值" extra="同级指标分值合计须等于上级指标分值" rules={[{ required: true, message: '请填写分值' }]}>
        <InputNumber data-testid="node-add-points" min={0} max={10000} step={0.1} precision={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="text" label="指标内容（可选）" rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** The selected node: its original wording, its scoring, and (draft, manager) its edit form. */
export function NodePanel({ sys, node, editable, onAddChild, onDeleted }: { sys: SystemDetail; node?: TreeNode; editable: boolean; onAddChild: (n: TreeNode) => void; onDeleted: (parentId: number | null) => void }) {
  const { busy, submit } = useSubmit();
  if (!node) return <Card size="small"><Empty description="选择左侧指标，查看原文和评分方法" /></Card>;
  const metric = sys.metrics.find((m) => m.code === node.metric_code);
  const childSum = node.children.reduce((a, c) => a + Math.round(Number(c.points) * 10), 0) / 10;
  const parent = node.parent_id == null ? null : flatten(sys.tree).find((n) => n.id === node.parent_id);
  // A form per saved state: after a save and refetch it starts again from the server's values.
  const formKey = JSON.stringify([node.id, node.title, node.points, node.parent_id, node.method, node.metric_code, node.rule, node.leaf]);
  const del = async () => {
    if (await submit(`/api/assessment/nodes/${node.id}`, undefined, `已删除指标 ${node.code}`, 'DELETE')) onDeleted(node.parent_id);
  };
  return (
    <Card
      size="small"
      data-testid="node-panel"
      title={<span>{node.code} {node.title}</span>}
      extra={
        editable && (
          <Space size={4}>
            <Button size="small" data-testid="node-add" icon={<PlusOutlined />} onClick={() => onAddChild(node)}>增加下级指标</Button>
            <Popconfirm title={`删除指标 ${node.code}？`} okText="删除" cancelText="取消" onConfirm={del} disabled={!node.leaf}>
              <Button size="small" danger data-testid="node-delete" icon={<DeleteOutlined />} disabled={!node.leaf} loading={busy} title={node.leaf ? undefined : '请先删除下级指标'}>删除</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="层级">第 {node.level} 级</Descriptions.Item>
        <Descriptions.Item label="分值">
          {pts(node.points)} 分{!node.leaf && <span style={{ color: childSum === Number(node.points) ? '#888' : '#cf1322' }}>（下级合计 {childSum} 分）</span>}
        </Descriptions.Item>
        <Descriptions.Item label="上级指标" span={2}>{parent ? `${parent.code} ${short(parent.title)}` : '—（一级指标）'}</Descriptions.Item>
        {node.leaf && <Descriptions.Item label="评分方法"><MethodTag method={node.method} /></Descriptions.Item>}
        {node.leaf && node.method === 'metric' && (
          <>
            <Descriptions.Item label="指标数据">{metric ? `${metric.name}（${metric.code}）` : node.metric_code ?? '未选择'}</Descriptions.Item>
            <Descriptions.Item label="评分规则" span={2}>{ruleText(node.rule, unitSuffix(metric?.unit))}</Descriptions.Item>
          </>
        )}
        {node.data_source && <Descriptions.Item label="数据来源" span={2}>{node.data_source}</Descriptions.Item>}
      </Descriptions>
      {node.level === 1 && node.goal && (
        <>
          <Typography.Text strong>基本目标</Typography.Text>
          <div data-testid="node-goal" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 12px', color: '#444' }}>{node.goal}</div>
        </>
      )}
      {node.text && (
        <>
          <Typography.Text strong>原文</Typography.Text>
          <div data-testid="node-text" style={{ whiteSpace: 'pre-wrap', marginTop: 4, color: '#444', maxHeight: 240, overflow: 'auto' }}>{node.text}</div>
        </>
      )}
      {editable && (
        <>
          <Divider style={{ margin: '12px 0' }}>修改</Divider>
          <NodeForm key={formKey} sys={sys} node={node} metrics={sys.metrics} />
        </>
      )}
    </Card>
  );
}
