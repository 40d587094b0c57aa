import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tag, TreeSelect, message } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get, post, problemText, qs } from '../api';
import { useAuth } from '../auth';
import { DeadlineTable, ErrorAlert, LightsByModuleChart, type DeadlineList, type DeadlineRow } from '../components';
import { NOTICE_LEVELS, options } from '../labels';
import { moduleName } from '../modules';

interface OrgRow {
  id: number;
  name: string;
  parent_id: number | null;
}
interface UserRow {
  id: number;
  display_name: string;
  org_name: string;
  org_id: number;
}

/** Org tree for a filter: orgs whose parent is outside the caller's scope become roots. */
export function orgTree(orgs: OrgRow[]) {
  const ids = new Set(orgs.map((o) => o.id));
  const node = (o: OrgRow): any => ({ value: o.id, title: o.name, children: orgs.filter((c) => c.parent_id === o.id).map(node) });
  return orgs.filter((o) => o.parent_id == null || !ids.has(o.parent_id)).map(node);
}

/** 督办: escalate an open item to a responsible person, who must sign for it. */
function NoticeModal({ deadline, onClose }: { deadline?: DeadlineRow; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const users = useQuery({
    queryKey: ['users', 'org', deadline?.org_id],
    enabled: !!deadline,
    queryFn: () => get<UserRow[]>(`/api/users${qs({ orgId: deadline!.org_id, limit: 200 })}`),
  });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await post('/api/supervision/notices', { deadlineId: deadline!.id, toUserId: v.toUserId, level: v.level, message: v.message });
      message.success('督办已发出，对象须签收反馈');
      onClose();
      await qc.invalidateQueries({ queryKey: ['notices'] });
    } catch (err) {
      message.error(problemText(err));
    }
  };
  return (
    <Modal title={`督办：${deadline?.title ?? ''}`} open={!!deadline} onOk={submit} onCancel={onClose} okText="发出" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ level: 'notice', toUserId: deadline?.assignee_user_id ?? undefined, message: deadline ? `“${deadline.title}”期限为 ${deadline.due_date}，请抓紧办理并反馈。` : '' }}>
        <Form.Item name="level" label="方式" rules={[{ required: true }]}>
          <Select options={options(NOTICE_LEVELS)} />
        </Form.Item>
        <Form.Item name="toUserId" label="督办对象" rules={[{ required: true, message: '请选择督办对象' }]}>
          <Select loading={users.isLoading} showSearch optionFilterProp="label" options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.display_name}（${u.org_name}）` }))} />
        </Form.Item>
        <Form.Item name="message" label="督办内容" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SupervisionPage() {
  const { can } = useAuth();
  const [filter, setFilter] = useState<{ orgId?: number; status?: string; module?: string }>({});
  const [target, setTarget] = useState<DeadlineRow>();
  const orgs = useQuery({ queryKey: ['orgs'], queryFn: () => get<OrgRow[]>('/api/orgs') });
  const list = useQuery({ queryKey: ['deadlines', filter], queryFn: () => get<DeadlineList>(`/api/supervision/deadlines${qs({ ...filter, limit: 500 })}`) });
  const issued = useQuery({ queryKey: ['notices', 'scope'], queryFn: () => get<any[]>('/api/supervision/notices?view=scope') });
  const c = list.data?.counts;
  return (
    <PageContainer title="电子监察" subTitle="数据范围内全部未办结期限">
      <ErrorAlert error={list.error} />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <TreeSelect style={{ width: 280 }} allowClear placeholder="机构（含下级）" treeData={orgTree(orgs.data ?? [])} treeDefaultExpandAll onChange={(v) => setFilter((f) => ({ ...f, orgId: v ?? undefined }))} />
          <Select style={{ width: 140 }} allowClear placeholder="灯色" options={[{ value: 'red', label: '红灯' }, { value: 'yellow', label: '黄灯' }, { value: 'normal', label: '正常' }]} onChange={(v) => setFilter((f) => ({ ...f, status: v ?? undefined }))} />
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card>
            <Space size="large">
              <Statistic title="红灯" value={c?.red ?? 0} valueStyle={{ color: '#cf1322' }} />
              <Statistic title="黄灯" value={c?.yellow ?? 0} valueStyle={{ color: '#d48806' }} />
              <Statistic title="正常" value={c?.normal ?? 0} valueStyle={{ color: '#389e0d' }} />
            </Space>
            {list.data && <LightsByModuleChart rows={list.data.byModule} moduleName={moduleName} />}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title="期限">
            <DeadlineTable
              data={list.data?.items}
              loading={list.isLoading}
              moduleName={moduleName}
              extra={
                can('supervision.notice')
                  ? [{ title: '', width: 80, render: (_: unknown, r: DeadlineRow) => (r.light !== 'normal' ? <Button data-testid={`notice-issue-${r.id}`} size="small" danger onClick={() => setTarget(r)}>督办</Button> : null) }]
                  : undefined
              }
            />
          </Card>
        </Col>
      </Row>
      <Card title="督办通知" style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          loading={issued.isLoading}
          dataSource={issued.data}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '方式', dataIndex: 'level', width: 100, render: (v) => <Tag color="volcano">{NOTICE_LEVELS[v] ?? v}</Tag> },
            { title: '事项', dataIndex: 'deadline_title' },
            { title: '对象', dataIndex: 'to_name', width: 100 },
            { title: '发出人', dataIndex: 'issued_by_name', width: 100 },
            { title: '发出时间', dataIndex: 'issued_at', width: 170, render: (v) => new Date(v).toLocaleString('zh-CN') },
            { title: '签收', dataIndex: 'acknowledged_at', width: 220, render: (v, r: any) => (v ? <span><Tag color="green">已签收</Tag>{r.ack_note}</span> : <Tag color="orange">待签收</Tag>) },
          ]}
        />
      </Card>
      <NoticeModal deadline={target} onClose={() => setTarget(undefined)} />
    </PageContainer>
  );
}
