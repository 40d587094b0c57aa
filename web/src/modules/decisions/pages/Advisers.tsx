import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { options } from '../../../core/labels';
import { ADVISER_KIND_LABELS, ADVISER_PROFESSION_LABELS, useSubmit, type AdviserDetail, type AdviserRow } from '../api';
import { compact, DateField, OrgField, QueryTable } from '../components';

function AdviserDrawer({ id, onClose }: { id?: number; onClose: () => void }) {
  const { submit } = useSubmit();
  const q = useQuery({ queryKey: ['decisions', 'adviser', id], enabled: !!id, queryFn: () => get<AdviserDetail>(`/api/decisions/advisers/${id}`) });
  const [dialog, setDialog] = useState<'engage' | 'opinion'>();
  const a = q.data;
  return (
    <Drawer title={a?.name ?? '法律顾问'} open={!!id} onClose={onClose} width={640} extra={a?.abilities.edit && (
      <Space>
        <Button data-testid="adviser-engage" onClick={() => setDialog('engage')}>登记聘请</Button>
        <Button type="primary" data-testid="adviser-opinion" onClick={() => setDialog('opinion')}>登记法律意见</Button>
      </Space>
    )}>
      <ErrorAlert error={q.error} />
      {a && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="服务机关">{a.org_name}</Descriptions.Item>
            <Descriptions.Item label="类别">{ADVISER_KIND_LABELS[a.kind]} · {ADVISER_PROFESSION_LABELS[a.profession]}</Descriptions.Item>
            <Descriptions.Item label="所在单位">{a.affiliation}</Descriptions.Item>
            <Descriptions.Item label="擅长领域">{a.fields.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="任期">{a.term_start || a.term_end ? `${a.term_start ?? '—'} 至 ${a.term_end ?? '—'}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{a.contact ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>聘请记录</Typography.Title>
          <Table rowKey="id" size="small" pagination={false} dataSource={a.engagements} locale={{ emptyText: '没有聘请记录' }} columns={[{ title: '期间', width: 210, render: (_, r) => `${r.start_on} 至 ${r.end_on}` }, { title: '事项范围', dataIndex: 'scope' }]} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>法律意见</Typography.Title>
          <Table rowKey="id" size="small" pagination={false} dataSource={a.opinions} locale={{ emptyText: '没有法律意见' }} columns={[{ title: '日期', dataIndex: 'given_on', width: 110 }, { title: '事项', dataIndex: 'subject_title', width: 160 }, { title: '意见', dataIndex: 'opinion' }]} />
          <FormModal title="登记聘请" open={dialog === 'engage'} onClose={() => setDialog(undefined)} okTestId="adviser-engage-ok" onSubmit={(v) => submit(`/api/decisions/advisers/${a.id}/engagements`, v, '聘请已登记')}>
            <DateField name="startOn" label="聘期开始" required />
            <DateField name="endOn" label="聘期结束" required />
            <Form.Item name="scope" label="事项范围" rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </FormModal>
          <FormModal title="登记法律意见" open={dialog === 'opinion'} onClose={() => setDialog(undefined)} okTestId="adviser-opinion-ok" width={640} initialValues={{ subjectType: 'decision' }} onSubmit={(v) => submit(`/api/decisions/advisers/${a.id}/opinions`, v, '法律意见已登记')}>
            <Form.Item name="subjectType" label="事项类型" rules={[{ required: true, pattern: /^[a-z][a-z_]{1,39}$/, message: '小写英文，如 decision' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="subjectId" label="事项编号" rules={[{ required: true }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="subjectTitle" label="事项名称" rules={[{ required: true, min: 2 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <DateField name="givenOn" label="出具日期" required />
            <Form.Item name="opinion" label="法律意见" rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={5} maxLength={20000} />
            </Form.Item>
          </FormModal>
        </>
      )}
    </Drawer>
  );
}

/** 法律顾问: in-house and external advisers per body, their engagements and opinions. */
export function AdvisersPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const list = useQuery({ queryKey: ['decisions', 'advisers'], queryFn: () => get<AdviserRow[]>('/api/decisions/advisers') });
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<number>();
  return (
    <PageContainer
      title="法律顾问"
      subTitle="政府及其部门的内部和外聘法律顾问，为重大行政决策提供法律意见"
      extra={can('decisions.manage') && <Button type="primary" icon={<PlusOutlined />} data-testid="adviser-create" onClick={() => setCreating(true)}>登记法律顾问</Button>}
    >
      <Card>
        <QueryTable
          query={list}
          empty="尚未登记法律顾问"
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100, render: (v, r) => <Typography.Link data-testid={`adviser-${r.id}`} onClick={() => setViewing(r.id)}>{v}</Typography.Link> },
            { title: '服务机关', dataIndex: 'org_name', width: 170 },
            { title: '类别', dataIndex: 'kind', width: 110, render: (v: AdviserRow['kind']) => <Tag>{v === 'in_house' ? '内部' : '外聘'}</Tag> },
            { title: '身份', dataIndex: 'profession', width: 130, render: (v: AdviserRow['profession']) => ADVISER_PROFESSION_LABELS[v] },
            { title: '所在单位', dataIndex: 'affiliation' },
            { title: '联系电话', dataIndex: 'contact_masked', width: 120 },
            { title: '在聘至', dataIndex: 'engaged_until', width: 110, render: (v, r) => v ?? (r.kind === 'in_house' ? '—' : <Tag color="orange">未在聘</Tag>) },
            { title: '意见数', dataIndex: 'opinion_count', width: 80, align: 'right' },
          ]}
        />
      </Card>
      <AdviserDrawer id={viewing} onClose={() => setViewing(undefined)} />
      <FormModal title="登记法律顾问" open={creating} onClose={() => setCreating(false)} okTestId="adviser-create-ok" initialValues={{ kind: 'external', profession: 'lawyer' }} onSubmit={(v) => submit('/api/decisions/advisers', compact({ ...v, fields: v.fields?.length ? v.fields : undefined }), '法律顾问已登记')}>
        <OrgField name="orgId" label="服务机关" />
        <Form.Item name="name" label="姓名" rules={[{ required: true, min: 2 }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={options(ADVISER_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="profession" label="身份" rules={[{ required: true }]}>
          <Select options={options(ADVISER_PROFESSION_LABELS)} />
        </Form.Item>
        <Form.Item name="affiliation" label="所在单位" rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="fields" label="擅长领域">
          <Select mode="tags" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <DateField name="termStart" label="任期开始" />
        <DateField name="termEnd" label="任期结束" />
        <Form.Item name="contact" label="联系电话" extra="加密存储；名册中只显示脱敏号码">
          <Input maxLength={20} />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
