import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Modal, Progress, Table, Tag, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import { get, post, problemText } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { OrgSelect, orgTreeData, useOrgs } from '../../../core/pages/Orgs';
import { daysUntil, type Cleanup, type ExpiringDocument } from '../api';
import { StatusTag } from '../components';

function NewCleanupModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { me, can } = useAuth();
  const [busy, setBusy] = useState(false);
  const orgs = useOrgs(open && can('org.read'));
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      const c = await post<{ id: number; items: number }>('/api/normative/cleanups', { orgId: v.orgId, name: v.name.trim(), dueOn: v.dueOn.format('YYYY-MM-DD') });
      message.success(`已发起清理，纳入现行文件 ${c.items} 件`);
      onClose();
      await qc.invalidateQueries({ queryKey: ['normative'] });
      navigate(`/normative/cleanups/${c.id}`);
    } catch (err) {
      message.error(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="发起规范性文件清理" open={open} onOk={submit} confirmLoading={busy} onCancel={onClose} okText="发起" okButtonProps={{ 'data-testid': 'cleanup-submit' } as any} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: me?.currentOrgId ?? me?.user.orgId, name: `${dayjs().year()}年规范性文件清理`, dueOn: dayjs().add(3, 'month') }}
      >
        <Form.Item name="orgId" label="清理机关（纳入该机关及其下级制定的全部现行有效文件）" rules={[{ required: true, message: '请选择机关' }]}>
          <OrgSelect data-testid="cleanup-org" tree={orgTreeData(orgs.data ?? [])} loading={orgs.isLoading} placeholder="选择机关" />
        </Form.Item>
        <Form.Item name="name" label="清理名称" rules={[{ required: true, min: 4, max: 200 }]}>
          <Input data-testid="cleanup-name" />
        </Form.Item>
        <Form.Item name="dueOn" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
          <DatePicker data-testid="cleanup-due" disabledDate={(d) => !d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExpiringCard() {
  const list = useQuery({ queryKey: ['normative', 'expiring', 60], queryFn: () => get<ExpiringDocument[]>('/api/normative/expiring?days=60') });
  return (
    <Card title="60 日内有效期届满的现行文件" style={{ marginBottom: 16 }}>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '60 日内没有届满的文件' }}
        columns={[
          { title: '文件', dataIndex: 'title', render: (v, r) => <Link to={`/normative/${r.id}`} data-testid={`expiring-${r.id}`}>{v}</Link> },
          { title: '登记编号', dataIndex: 'reg_number', width: 190 },
          { title: '制定机关', dataIndex: 'issuer_name', width: 180 },
          { title: '状态', dataIndex: 'status', width: 130, render: (v) => <StatusTag status={v} /> },
          {
            title: '有效期至',
            dataIndex: 'expires_on',
            width: 190,
            render: (v) => {
              const days = daysUntil(v);
              return <>{v} <Tag color={days <= 30 ? 'orange' : 'gold'}>剩 {days} 日</Tag></>;
            },
          },
          { title: '评估', dataIndex: 'evaluated', width: 90, render: (v) => (v ? <Tag color="green">已评估</Tag> : <Tag color="red">未评估</Tag>) },
        ]}
      />
    </Card>
  );
}

function CleanupsCard() {
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['normative', 'cleanups'], queryFn: () => get<Cleanup[]>('/api/normative/cleanups') });
  return (
    <Card title="规范性文件清理" extra={can('normative.publish') && <Button type="primary" icon={<PlusOutlined />} data-testid="cleanup-create" onClick={() => setCreating(true)}>发起清理</Button>}>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data}
        locale={{ emptyText: '尚未发起清理' }}
        columns={[
          { title: '清理', dataIndex: 'name', render: (v, r) => <Link to={`/normative/cleanups/${r.id}`} data-testid={`cleanup-${r.id}`}>{v}</Link> },
          { title: '机关', dataIndex: 'org_name', width: 180 },
          { title: '完成期限', dataIndex: 'due_on', width: 110 },
          { title: '进度', width: 200, render: (_, r) => <Progress percent={r.items ? Math.round((r.decided / r.items) * 100) : 0} size="small" format={() => `${r.decided}/${r.items}`} /> },
          { title: '状态', dataIndex: 'status', width: 160, render: (v, r) => (v === 'published' ? <Tag color="green">已公布 {r.published_on}</Tag> : <Tag color="blue">进行中</Tag>) },
        ]}
      />
      <NewCleanupModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

/** 到期与清理: documents nearing the end of validity, and cleanup campaigns. */
export function ValidityPage() {
  return (
    <PageContainer title="到期与清理" subTitle="有效期届满前评估是否继续实施；定期清理现行文件并向社会公布结果">
      <ExpiringCard />
      <CleanupsCard />
    </PageContainer>
  );
}
