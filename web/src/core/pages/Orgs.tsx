import { useMemo, useRef, useState, type Key, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, TreeSelect, message, type TreeSelectProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PageContainer } from '@ant-design/pro-components';
import { ApiError, del, get, patch, post, problemText } from '../api';
import { useAuth } from '../auth';
import { ErrorAlert } from '../components';
import { ORG_TYPES, REGION_LEVELS, options } from '../labels';

export interface OrgRow {
  id: number;
  name: string;
  short_name: string | null;
  org_type: string;
  region_code: string;
  region_name: string;
  parent_id: number | null;
  path: string;
  assessment_category: string | null;
  credit_code: string | null;
  sort_order: number;
  active: boolean;
  version: number;
}
export interface Region {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  path: string;
}
export interface OrgNode {
  value: number;
  key: number;
  title: string;
  disabled?: boolean;
  children?: OrgNode[];
}

export function useOrgs(enabled = true) {
  return useQuery({ queryKey: ['orgs'], queryFn: () => get<OrgRow[]>('/api/orgs'), enabled });
}
export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: () => get<Region[]>('/api/regions'), staleTime: 300_000 });
}
export const regionLabel = (r: Region) => `${r.name}（${r.code}）`;
export function regionOptions(regions: Region[] = []) {
  return regions.map((r) => ({ value: r.code, label: regionLabel(r), title: REGION_LEVELS[r.level] ?? r.level }));
}

/**
 * Nests orgs by parent_id, siblings by sort order (the API orders by path text, where
 * '/1/14/' sorts before '/1/2/'). Orgs whose parent is outside the caller's scope become roots.
 */
function nest<T>(orgs: OrgRow[], make: (o: OrgRow, children: T[] | undefined) => T): T[] {
  const ids = new Set(orgs.map((o) => o.id));
  const sorted = [...orgs].sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
  const node = (o: OrgRow): T => {
    const children = sorted.filter((c) => c.parent_id === o.id).map(node);
    return make(o, children.length ? children : undefined);
  };
  return sorted.filter((o) => o.parent_id == null || !ids.has(o.parent_id)).map(node);
}

/** Org tree for a TreeSelect (search by title). */
export function orgTreeData(orgs: OrgRow[] = []): OrgNode[] {
  return nest<OrgNode>(orgs, (o, children) => ({ value: o.id, key: o.id, title: o.active ? o.name : `${o.name}（已停用）`, children }));
}

/** [id, title] of every node, depth first (the order the tree shows them). */
export function flattenOrgs(tree: OrgNode[]): [number, string][] {
  return tree.flatMap((n) => [[n.value, n.title] as [number, string], ...flattenOrgs(n.children ?? [])]);
}

type OrgSelectProps = Omit<TreeSelectProps<number>, 'treeData' | 'onChange'> & { tree: OrgNode[]; onChange?: (v: number | undefined) => void; 'data-testid'?: string };

/** Searchable org tree; Enter takes the first org whose name contains the typed text. */
export function OrgSelect({ tree, onChange, ...rest }: OrgSelectProps) {
  const picked = useRef<number>();
  const navigated = useRef(false);
  const titles = useMemo(() => flattenOrgs(tree).map(([id, t]): [number, string] => [id, t.toLowerCase()]), [tree]);
  const pick = (v: number | undefined) => {
    picked.current = v;
    onChange?.(v);
  };
  // Typing and pressing Enter at once can beat the dropdown's highlight update, so that it
  // picks a node matching only part of the text (or none): correct that here.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key.startsWith('Arrow')) navigated.current = true; // the user chose by hand
    const text = (e.target as HTMLInputElement).value?.trim().toLowerCase();
    if (e.key !== 'Enter' || !text || navigated.current || titles.find(([id]) => id === picked.current)?.[1].includes(text)) return;
    const first = titles.find(([, t]) => t.includes(text));
    if (first) pick(first[0]);
  };
  const onSearch = () => {
    picked.current = undefined;
    navigated.current = false;
  };
  return <TreeSelect showSearch treeNodeFilterProp="title" treeDefaultExpandAll treeData={tree} placeholder="输入机构名称查找" style={{ width: '100%' }} onChange={pick} onSearch={onSearch} onKeyDown={onKeyDown} {...rest} />;
}

/** Shows problems inline; a stale version also reloads the list so the user can retry. */
function useFailure(queryKey: string[]) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>();
  const fail = (err: unknown) => {
    setError(err);
    if (err instanceof ApiError && err.problem.code === 'stale_version') void qc.invalidateQueries({ queryKey });
  };
  return { error, setError, fail };
}

type TableOrg = OrgRow & { children?: TableOrg[] };

interface FormValues {
  name: string;
  shortName?: string;
  orgType: string;
  regionCode: string;
  parentId?: number | null;
  assessmentCategory?: string;
  creditCode?: string;
  sortOrder?: number;
  active?: boolean;
}

function OrgModal({ org, parentId, orgs, onClose }: { org?: OrgRow; parentId?: number; orgs: OrgRow[]; onClose: () => void }) {
  const qc = useQueryClient();
  const regions = useRegions();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const { error, setError, fail } = useFailure(['orgs']);
  const parent = orgs.find((o) => o.id === (org?.parent_id ?? parentId));

  // An org cannot move under itself or its own subtree; the server refuses it too.
  const parentTree = useMemo(() => {
    const tree = orgTreeData(org ? orgs.filter((o) => !o.path.startsWith(org.path)) : orgs);
    if (org?.parent_id && !orgs.some((o) => o.id === org.parent_id)) tree.unshift({ value: org.parent_id, key: org.parent_id, title: '（数据范围外的上级机构）', disabled: true });
    return tree;
  }, [org, orgs]);
  const categories = useMemo(() => [...new Set(orgs.map((o) => o.assessment_category).filter((c): c is string => !!c))].map((value) => ({ value })), [orgs]);

  const initialValues: FormValues = org
    ? { name: org.name, shortName: org.short_name ?? '', orgType: org.org_type, regionCode: org.region_code, parentId: org.parent_id, assessmentCategory: org.assessment_category ?? '', creditCode: org.credit_code ?? '', sortOrder: org.sort_order, active: org.active }
    : { name: '', orgType: parent ? 'government_department' : 'people_government', regionCode: parent?.region_code ?? '', parentId: parent?.id ?? null, sortOrder: 0 };

  const submit = async (v: FormValues) => {
    const body = {
      name: v.name.trim(),
      shortName: v.shortName?.trim() || null,
      orgType: v.orgType,
      regionCode: v.regionCode,
      parentId: v.parentId ?? null,
      assessmentCategory: v.assessmentCategory?.trim() || null,
      creditCode: v.creditCode?.trim() || null,
      sortOrder: v.sortOrder ?? 0,
    };
    setBusy(true);
    setError(undefined);
    try {
      if (org) {
        // PATCH only what changed, so an unchanged parent outside the caller's scope is not re-checked.
        const before: Record<string, unknown> = { name: org.name, shortName: org.short_name, orgType: org.org_type, regionCode: org.region_code, parentId: org.parent_id, assessmentCategory: org.assessment_category, creditCode: org.credit_code, sortOrder: org.sort_order, active: org.active };
        const changes = Object.fromEntries(Object.entries({ ...body, active: v.active }).filter(([k, val]) => val !== before[k]));
        await patch(`/api/orgs/${org.id}`, { ...changes, version: org.version });
      } else {
        await post('/api/orgs', body);
      }
      message.success(org ? '机构已保存' : '机构已新增');
      await qc.invalidateQueries({ queryKey: ['orgs'] });
      onClose();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={640} title={org ? `编辑机构：${org.name}` : parent ? `新增下级机构（${parent.name}）` : '新增机构'} okText="保存" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请填写机构名称' }, { min: 2, max: 100, message: '名称为 2–100 个字' }]}>
          <Input />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="shortName" label="简称" rules={[{ max: 50 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="orgType" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
            <Select style={{ width: 200 }} options={options(ORG_TYPES)} />
          </Form.Item>
          <Form.Item name="sortOrder" label="排序">
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="regionCode" label="行政区划" rules={[{ required: true, message: '请选择行政区划' }]}>
          <Select showSearch optionFilterProp="label" loading={regions.isLoading} options={regionOptions(regions.data)} placeholder="输入名称或代码查找" />
        </Form.Item>
        <Form.Item name="parentId" label="上级机构" extra="不选则为顶级机构（需要全局范围的机构管理权限）">
          <OrgSelect allowClear tree={parentTree} placeholder="顶级机构" />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="assessmentCategory" label="考核类别" rules={[{ max: 50 }]}>
            <AutoComplete style={{ width: 200 }} options={categories} filterOption />
          </Form.Item>
          <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: '应为 18 位数字或大写字母（不含 I、O、Z、S、V）' }]}>
            <Input style={{ width: 240 }} maxLength={18} />
          </Form.Item>
          {org && (
            <Form.Item name="active" label="启用" valuePropName="checked">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}

export function OrgsPage() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const orgs = useOrgs();
  const [editing, setEditing] = useState<{ org?: OrgRow; parentId?: number }>();
  const [expanded, setExpanded] = useState<readonly Key[]>();
  const manage = can('org.manage');

  const tree = useMemo(() => nest<TableOrg>(orgs.data ?? [], (o, children) => ({ ...o, children })), [orgs.data]);
  // Until the user folds something, every branch is open.
  const allBranches = useMemo(() => [...new Set((orgs.data ?? []).map((o) => o.parent_id).filter((id): id is number => id != null))], [orgs.data]);

  const remove = async (o: OrgRow) => {
    try {
      await del(`/api/orgs/${o.id}`);
      message.success(`已删除 ${o.name}`);
      await qc.invalidateQueries({ queryKey: ['orgs'] });
    } catch (err) {
      message.error(problemText(err), 8);
    }
  };

  const columns: ColumnsType<TableOrg> = [
    { title: '机构名称', dataIndex: 'name', render: (v, o) => (o.short_name ? `${v}（${o.short_name}）` : v) },
    { title: '类型', dataIndex: 'org_type', width: 150, render: (v) => ORG_TYPES[v] ?? v },
    { title: '行政区划', dataIndex: 'region_name', width: 170, render: (v, o) => `${v}（${o.region_code}）` },
    { title: '考核类别', dataIndex: 'assessment_category', width: 130, render: (v) => v ?? '—' },
    { title: '统一社会信用代码', dataIndex: 'credit_code', width: 190, render: (v) => v ?? '—' },
    { title: '排序', dataIndex: 'sort_order', width: 60 },
    { title: '状态', dataIndex: 'active', width: 80, render: (v) => (v ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>) },
  ];
  if (manage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 210,
      render: (_, o) => (
        <Space size="small">
          <Button size="small" type="link" onClick={() => setEditing({ org: o })}>
            编辑
          </Button>
          <Button size="small" type="link" onClick={() => setEditing({ parentId: o.id })}>
            新增下级
          </Button>
          <Popconfirm title={`删除机构"${o.name}"？`} description="仍有下级机构、用户或业务记录的机构不能删除，可改为停用。" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(o)}>
            <Button size="small" type="link" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <PageContainer
      title="机构管理"
      extra={
        manage && (
          <Button type="primary" onClick={() => setEditing({})}>
            新增机构
          </Button>
        )
      }
    >
      <ErrorAlert error={orgs.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={orgs.isLoading}
        dataSource={tree}
        columns={columns}
        pagination={false}
        expandable={{ expandedRowKeys: expanded ?? allBranches, onExpandedRowsChange: setExpanded }}
        locale={{ emptyText: '数据范围内没有机构' }}
      />
      {editing && <OrgModal org={editing.org} parentId={editing.parentId} orgs={orgs.data ?? []} onClose={() => setEditing(undefined)} />}
    </PageContainer>
  );
}
