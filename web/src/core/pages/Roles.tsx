import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Col, Form, Input, Modal, Row, Table, Tag, Tooltip, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PageContainer } from '@ant-design/pro-components';
import { ApiError, get, patch, post } from '../api';
import { useAuth } from '../auth';
import { ErrorAlert } from '../components';

interface Role {
  id: number;
  code: string;
  name: string;
  description: string | null;
  permissions: string[];
  builtin: boolean;
  version: number;
}
interface Permission {
  code: string;
  name: string;
  global?: boolean;
}
interface FormValues {
  code?: string;
  name: string;
  description?: string;
  permissions?: string[];
}

function RoleModal({ role, permissions, onClose }: { role?: Role; permissions: Permission[]; onClose: () => void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (v: FormValues) => {
    const body = { name: v.name.trim(), description: v.description?.trim() || null, permissions: v.permissions ?? [] };
    setBusy(true);
    setError(undefined);
    try {
      if (role) await patch(`/api/roles/${role.id}`, { ...body, version: role.version });
      else await post('/api/roles', { ...body, code: v.code });
      message.success(role ? '角色已保存' : '角色已新增');
      await qc.invalidateQueries({ queryKey: ['roles'] });
      onClose();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.problem.code === 'stale_version') void qc.invalidateQueries({ queryKey: ['roles'] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={820} title={role ? `编辑角色：${role.name}` : '新增角色'} okText="保存" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose}>
      <ErrorAlert error={error} />
      {role?.builtin && <Typography.Paragraph type="warning">这是内置角色，修改其权限会影响所有被授予该角色的用户。</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={role ? { name: role.name, description: role.description ?? '', permissions: role.permissions } : { permissions: [] }} onFinish={submit}>
        <Row gutter={16}>
          <Col span={10}>
            {role ? (
              <Form.Item label="角色代码">
                <Input value={role.code} disabled />
              </Form.Item>
            ) : (
              <Form.Item name="code" label="角色代码" rules={[{ required: true, message: '请填写角色代码' }, { pattern: /^[a-z][a-z0-9_]{1,40}$/, message: '小写字母开头，2–41 位小写字母、数字或下划线' }]}>
                <Input placeholder="如 case_clerk" />
              </Form.Item>
            )}
          </Col>
          <Col span={14}>
            <Form.Item name="name" label="角色名称" rules={[{ required: true, whitespace: true, message: '请填写角色名称' }, { max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="说明" rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="permissions" label="权限" extra="标注“全局”的权限只在数据范围为“全部”的授权中生效">
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 4]}>
              {permissions.map((p) => (
                <Col span={12} key={p.code}>
                  <Checkbox value={p.code}>
                    {p.name}（{p.code}）{p.global && <Tag style={{ marginLeft: 4 }}>全局</Tag>}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RolesPage() {
  const { can } = useAuth();
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => get<Role[]>('/api/roles') });
  const permissions = useQuery({ queryKey: ['permissions'], queryFn: () => get<Permission[]>('/api/permissions'), staleTime: 300_000 });
  const [editing, setEditing] = useState<{ role?: Role }>();
  const manage = can('role.manage');
  const names = useMemo(() => new Map((permissions.data ?? []).map((p) => [p.code, p.name])), [permissions.data]);

  const columns: ColumnsType<Role> = [
    { title: '代码', dataIndex: 'code', width: 170 },
    { title: '名称', dataIndex: 'name', width: 180, render: (v, r) => <>{v} {r.builtin && <Tag color="blue">内置</Tag>}</> },
    { title: '说明', dataIndex: 'description', width: 240, render: (v) => v ?? '—' },
    {
      title: '权限',
      dataIndex: 'permissions',
      render: (ps: string[]) =>
        ps.length ? (
          ps.map((p) => (
            <Tooltip key={p} title={p}>
              <Tag style={{ marginBottom: 4 }}>{names.get(p) ?? p}</Tag>
            </Tooltip>
          ))
        ) : (
          <Typography.Text type="secondary">无</Typography.Text>
        ),
    },
  ];
  if (manage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, r) => (
        <Button type="link" size="small" disabled={!permissions.data} onClick={() => setEditing({ role: r })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <PageContainer
      title="角色权限"
      extra={
        manage && (
          <Button type="primary" disabled={!permissions.data} onClick={() => setEditing({})}>
            新增角色
          </Button>
        )
      }
    >
      <ErrorAlert error={roles.error ?? permissions.error} />
      <Table rowKey="id" size="middle" loading={roles.isLoading} dataSource={roles.data} columns={columns} pagination={false} />
      {editing && <RoleModal role={editing.role} permissions={permissions.data ?? []} onClose={() => setEditing(undefined)} />}
    </PageContainer>
  );
}
