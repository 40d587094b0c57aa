import { useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Tooltip, message, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { PageContainer } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import { ApiError, get, patch, post, problemText, put, qs } from '../api';
import { useAuth } from '../auth';
import { ErrorAlert } from '../components';
import { SCOPES, options } from '../labels';
import { OrgSelect, flattenOrgs, orgTreeData, useOrgs, type OrgNode } from './Orgs';

interface UserGrant {
  id: number;
  role_id: number;
  role_name: string;
  org_id: number;
  org_name: string;
  scope: string;
}
interface UserRow {
  id: number;
  username: string;
  display_name: string;
  org_id: number;
  org_name: string;
  title: string | null;
  active: boolean;
  locked_until: string | null;
  must_change_password: boolean;
  phone_masked: string | null;
  id_number_masked: string | null;
  version: number;
  grants: UserGrant[];
}
interface Role {
  id: number;
  name: string;
}

const LIMIT = 500; // the API's page maximum
const PHONE = { pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号码' };
const ID_NUMBER = { pattern: /^\d{17}[\dXx]$/, message: '请输入 18 位居民身份证号码' };
const isLocked = (u: UserRow) => !!u.locked_until && dayjs(u.locked_until).isAfter(dayjs());

/** Runs a change, then refreshes the list and closes; a problem stays shown in the modal. */
function useSave(onClose: () => void) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const save = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      message.success(done);
      await qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.problem.code === 'stale_version') void qc.invalidateQueries({ queryKey: ['users'] });
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, save };
}

function FormModal({ title, form, busy, error, onClose, submitTestId, width, children }: { title: string; form: FormInstance; busy: boolean; error: unknown; onClose: () => void; submitTestId?: string; width?: number; children: ReactNode }) {
  const footer = [
    <Button key="cancel" onClick={onClose}>取消</Button>,
    <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()} data-testid={submitTestId}>保存</Button>,
  ];
  return (
    <Modal open title={title} width={width ?? 560} footer={footer} onCancel={onClose}>
      <ErrorAlert error={error} />
      {children}
    </Modal>
  );
}

/** Phone and ID number are only ever shown masked; when editing, an empty field keeps the stored value. */
function PiiFields({ user }: { user?: UserRow }) {
  const extra = user ? '留空则不修改' : undefined;
  return (
    <Space style={{ display: 'flex' }} align="start">
      <Form.Item name="phone" label="手机号码" rules={[PHONE]} extra={extra}>
        <Input maxLength={11} style={{ width: 200 }} placeholder={user ? (user.phone_masked ?? '未登记') : undefined} />
      </Form.Item>
      <Form.Item name="idNumber" label="居民身份证号码" rules={[ID_NUMBER]} extra={extra}>
        <Input maxLength={18} style={{ width: 260 }} placeholder={user ? (user.id_number_masked ?? '未登记') : undefined} />
      </Form.Item>
    </Space>
  );
}

function CreateUserModal({ tree, roles, onClose }: { tree: OrgNode[]; roles: Role[]; onClose: () => void }) {
  const [form] = Form.useForm();
  const { busy, error, save } = useSave(onClose);
  const submit = (v: any) => {
    const body = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      orgId: v.orgId,
      password: v.password,
      title: v.title?.trim() || null,
      ...(v.phone ? { phone: v.phone } : {}),
      ...(v.idNumber ? { idNumber: v.idNumber.toUpperCase() } : {}),
      ...(v.roleId ? { grants: [{ roleId: v.roleId, orgId: v.orgId, scope: v.scope }] } : {}),
    };
    return save(() => post('/api/users', body), `已新增用户 ${body.username}`);
  };
  return (
    <FormModal title="新增用户" form={form} busy={busy} error={error} onClose={onClose} submitTestId="user-submit">
      <Form form={form} layout="vertical" initialValues={{ scope: 'own' }} onFinish={submit}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32 位字母、数字或 _ . -' }]}>
          <Input data-testid="user-username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50 }]}>
          <Input data-testid="user-name" />
        </Form.Item>
        <Form.Item name="password" label="初始口令" rules={[{ required: true, message: '请设置初始口令' }]} extra="至少 10 位，含大写字母、小写字母、数字、符号中的三类，且不含用户名">
          <Input.Password data-testid="user-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgSelect tree={tree} data-testid="user-org" />
        </Form.Item>
        <Form.Item name="title" label="职务" rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <PiiFields />
        {roles.length > 0 && (
          <Space style={{ display: 'flex' }} align="start">
            <Form.Item name="roleId" label="授予角色（在所属机构）">
              <Select allowClear style={{ width: 240 }} placeholder="暂不授权" options={roles.map((r) => ({ value: r.id, label: r.name }))} />
            </Form.Item>
            <Form.Item name="scope" label="数据范围">
              <Select style={{ width: 160 }} options={options(SCOPES)} />
            </Form.Item>
          </Space>
        )}
      </Form>
    </FormModal>
  );
}

function EditUserModal({ user, tree, onClose }: { user: UserRow; tree: OrgNode[]; onClose: () => void }) {
  const [form] = Form.useForm();
  const { busy, error, save } = useSave(onClose);
  const submit = (v: any) => {
    const body: Record<string, unknown> = { version: user.version };
    if (v.displayName.trim() !== user.display_name) body.displayName = v.displayName.trim();
    if ((v.title?.trim() || null) !== user.title) body.title = v.title?.trim() || null;
    if (v.orgId !== user.org_id) body.orgId = v.orgId;
    if (v.active !== user.active) body.active = v.active;
    if (v.phone) body.phone = v.phone;
    if (v.idNumber) body.idNumber = v.idNumber.toUpperCase();
    return save(() => patch(`/api/users/${user.id}`, body), '用户信息已保存');
  };
  return (
    <FormModal title={`编辑用户：${user.username}`} form={form} busy={busy} error={error} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ displayName: user.display_name, title: user.title ?? '', orgId: user.org_id, active: user.active }} onFinish={submit}>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label="职务" rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgSelect tree={tree} />
        </Form.Item>
        <PiiFields user={user} />
        <Form.Item name="active" label="账户状态" valuePropName="checked" extra="停用后该用户的登录会话立即失效">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function GrantsModal({ user, tree, roles, onClose }: { user: UserRow; tree: OrgNode[]; roles: Role[]; onClose: () => void }) {
  const [form] = Form.useForm();
  const { busy, error, save } = useSave(onClose);
  // Grants at orgs outside the caller's scope still need a readable name in the select.
  const fullTree = useMemo(() => {
    const known = new Set(flattenOrgs(tree).map(([id]) => id));
    const extra = user.grants.filter((g) => !known.has(g.org_id)).map((g) => ({ value: g.org_id, key: g.org_id, title: g.org_name }));
    return [...tree, ...extra];
  }, [tree, user.grants]);
  const submit = (v: { grants?: { roleId: number; orgId: number; scope: string }[] }) => save(() => put(`/api/users/${user.id}/grants`, { grants: v.grants ?? [] }), '授权已保存');
  return (
    <FormModal title={`授权：${user.display_name}（${user.username}）`} form={form} busy={busy} error={error} onClose={onClose} width={760}>
      <Form form={form} initialValues={{ grants: user.grants.map((g) => ({ roleId: g.role_id, orgId: g.org_id, scope: g.scope })) }} onFinish={submit}>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'roleId']} rules={[{ required: true, message: '请选择角色' }]}>
                    <Select style={{ width: 200 }} placeholder="角色" options={roles.map((r) => ({ value: r.id, label: r.name }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'orgId']} rules={[{ required: true, message: '请选择机构' }]}>
                    <OrgSelect tree={fullTree} placeholder="授权机构" style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'scope']} rules={[{ required: true }]}>
                    <Select style={{ width: 140 }} options={options(SCOPES)} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="删除此授权" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ orgId: user.org_id, scope: 'own' })}>
                添加授权
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const [form] = Form.useForm();
  const { busy, error, save } = useSave(onClose);
  const submit = (v: { password: string }) => save(() => post(`/api/users/${user.id}/reset-password`, { password: v.password }), '口令已重置，该用户下次登录时须修改口令');
  return (
    <FormModal title={`重置口令：${user.display_name}（${user.username}）`} form={form} busy={busy} error={error} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="password" label="新口令" rules={[{ required: true, message: '请填写新口令' }]} extra="至少 10 位，含大写字母、小写字母、数字、符号中的三类，且不含用户名">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="再次输入" dependencies={['password']} rules={[{ required: true, message: '请再次输入' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入不一致'))) })]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit' | 'grants' | 'password'; user: UserRow };

export function UsersPage() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState<number>();
  const [dialog, setDialog] = useState<Dialog>();
  const manage = can('user.manage');
  const users = useQuery({ queryKey: ['users', q, orgId], queryFn: () => get<UserRow[]>(`/api/users${qs({ q, orgId, limit: LIMIT })}`) });
  const orgs = useOrgs(can('org.read'));
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => get<Role[]>('/api/roles'), enabled: manage && can('role.read') });
  const tree = useMemo(() => orgTreeData(orgs.data), [orgs.data]);
  // Newest first, so a user just created is on the first page.
  const rows = useMemo(() => [...(users.data ?? [])].sort((a, b) => b.id - a.id), [users.data]);

  const unlock = async (u: UserRow) => {
    try {
      await patch(`/api/users/${u.id}`, { version: u.version, unlock: true });
      message.success(`已解锁 ${u.username}`);
      await qc.invalidateQueries({ queryKey: ['users'] });
    } catch (err) {
      message.error(problemText(err));
    }
  };

  const columns: ColumnsType<UserRow> = [
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '姓名', dataIndex: 'display_name', width: 110 },
    { title: '所属机构', dataIndex: 'org_name', width: 200 },
    { title: '职务', dataIndex: 'title', width: 110, render: (v) => v ?? '—' },
    { title: '授权', dataIndex: 'grants', render: (gs: UserGrant[]) => gs.map((g) => <Tag key={g.id}>{`${g.role_name} @ ${g.org_name} · ${SCOPES[g.scope] ?? g.scope}`}</Tag>) },
    { title: '手机', dataIndex: 'phone_masked', width: 120, render: (v) => v ?? '—' },
    { title: '身份证号', dataIndex: 'id_number_masked', width: 170, render: (v) => v ?? '—' },
    {
      title: '状态',
      key: 'status',
      width: 120,
      render: (_, u) => (
        <>
          {!u.active ? <Tag>已停用</Tag> : isLocked(u) ? <Tooltip title={`锁定至 ${dayjs(u.locked_until).format('YYYY-MM-DD HH:mm')}`}><Tag color="red">已锁定</Tag></Tooltip> : <Tag color="green">正常</Tag>}
          {u.must_change_password && <Tag color="orange">须改口令</Tag>}
        </>
      ),
    },
  ];
  if (manage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>编辑</Button>
          {roles.data && <Button type="link" size="small" onClick={() => setDialog({ kind: 'grants', user: u })}>授权</Button>}
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', user: u })}>重置口令</Button>
          {isLocked(u) && <Button type="link" size="small" onClick={() => unlock(u)}>解锁</Button>}
        </Space>
      ),
    });
  }

  return (
    <PageContainer
      title="用户管理"
      extra={manage && <Button type="primary" data-testid="user-create" onClick={() => setDialog({ kind: 'create' })}>新增用户</Button>}
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search allowClear placeholder="用户名或姓名" style={{ width: 240 }} onSearch={(v) => setQ(v.trim())} />
        <OrgSelect allowClear tree={tree} placeholder="按机构筛选" style={{ width: 280 }} value={orgId} onChange={setOrgId} />
      </Space>
      <ErrorAlert error={users.error} />
      {users.data?.length === LIMIT && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`仅显示前 ${LIMIT} 个用户，请用搜索或机构筛选缩小范围`} />}
      <Table rowKey="id" size="middle" loading={users.isLoading} dataSource={rows} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: '没有符合条件的用户' }} />
      {dialog?.kind === 'create' && <CreateUserModal tree={tree} roles={roles.data ?? []} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} tree={tree} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'grants' && <GrantsModal user={dialog.user} tree={tree} roles={roles.data ?? []} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(undefined)} />}
    </PageContainer>
  );
}
