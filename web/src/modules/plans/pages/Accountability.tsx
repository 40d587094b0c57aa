import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Segmented, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { options } from '../../../core/labels';
import { ACCOUNTABILITY_TRIGGER_LABELS, CASE_STATUS_LABELS, useCases, useMyCases, useSubmit, type CaseDetail, type CaseRow } from '../api';
import { CaseStatusTag, compact, DateField, FormTags, OrgField, personText, today } from '../components';
import { CaseRecord } from './AccountabilityCase';


/** 问责: cases handled by, or held against, the units in scope; 立案 by the accountability office. */
export function AccountabilityPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const [status, setStatus] = useState('all');
  const list = useCases(status === 'all' ? {} : { status });
  const [filing, setFiling] = useState(false);
  return (
    <PageContainer
      title="问责"
      subTitle="线索 → 初步审查（10个工作日）→ 调查核实（30个工作日，经批准可延长一次）→ 告知与陈述申辩 → 处理决定 → 申诉复核"
      extra={can('plans.accountability') && <Button type="primary" icon={<PlusOutlined />} data-testid="case-create" onClick={() => setFiling(true)}>立案</Button>}
    >
      <Card extra={<Segmented value={status} onChange={(v) => setStatus(String(v))} options={[{ value: 'all', label: '全部' }, ...options(CASE_STATUS_LABELS)]} />}>
        <ErrorAlert error={list.error} />
        <Table<CaseRow>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: '没有问责案件' }}
          onRow={(r) => ({ 'data-testid': `case-row-${r.id}` }) as object}
          columns={[
            { title: '问责事由', dataIndex: 'summary', render: (v, r) => <Link to={`/plans/accountability/${r.id}`} data-testid={`case-link-${r.id}`}>{v}</Link> },
            { title: '线索来源', dataIndex: 'trigger_label', width: 150, ellipsis: true },
            { title: '被问责单位', dataIndex: 'subject_org_name', width: 150 },
            { title: '责任人', width: 130, render: (_, r) => personText(r) },
            { title: '立案日', dataIndex: 'filed_on', width: 105 },
            { title: '状态', dataIndex: 'status', width: 125, render: (v: string) => <CaseStatusTag status={v} label={CASE_STATUS_LABELS[v] ?? v} /> },
            { title: '处理', dataIndex: 'forms', width: 160, render: (v: CaseRow['forms']) => <FormTags forms={v} /> },
          ]}
        />
      </Card>
      <CaseForm open={filing} onClose={() => setFiling(false)} onSubmit={(v) => submit('/api/plans/accountability', v, '已立案，初步审查期限纳入督办')} />
    </PageContainer>
  );
}

/** 立案 form (CaseIn): the person is a user of the platform, or named with their post; without either, the unit. */
function CaseForm({ open, onClose, onSubmit }: { open: boolean; onClose: () => void; onSubmit: (v: object) => Promise<unknown> }) {
  const { can, me } = useAuth();
  return (
    <FormModal
      title="问责立案"
      open={open}
      onClose={onClose}
      okTestId="case-create-ok"
      width={640}
      initialValues={{ filedOn: today(), orgId: me?.user.orgId }}
      onSubmit={(v) => onSubmit(compact({ ...v, triggerRef: v.triggerRef?.trim(), personName: v.personName?.trim(), personPost: v.personPost?.trim() }))}
    >
      <OrgField name="orgId" label="处理机关" extra="如监察室所在单位、本级政府" />
      <OrgField name="subjectOrgId" label="被问责单位" />
      <Form.Item noStyle dependencies={['subjectOrgId']}>
        {({ getFieldValue }) => (can('user.read') ? <PersonUser orgId={getFieldValue('subjectOrgId')} /> : (
          <Form.Item name="personUserId" label="责任人账号编号" extra="责任人是本系统用户时填写；否则填写下面的姓名和职务">
            <InputNumber min={1} precision={0} style={{ width: 200 }} data-testid="field-personUserId" />
          </Form.Item>
        ))}
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="personName" label="责任人姓名" extra="非本系统用户时填写；都不填则问责单位">
          <Input maxLength={50} data-testid="field-personName" />
        </Form.Item>
        <Form.Item name="personPost" label="职务">
          <Input maxLength={100} data-testid="field-personPost" />
        </Form.Item>
      </Space>
      <Form.Item name="trigger" label="问责线索来源" rules={[{ required: true, message: '请选择线索来源' }]}>
        <Select data-testid="field-trigger" options={options(ACCOUNTABILITY_TRIGGER_LABELS)} />
      </Form.Item>
      <Form.Item noStyle dependencies={['trigger']}>
        {({ getFieldValue }) => (
          <Form.Item
            name="triggerRef"
            label="线索编号"
            extra={getFieldValue('trigger') === 'overdue_task' ? '逾期任务的任务编号（须为被问责单位牵头的、已逾期的任务）' : '如执法过错责任记录、投诉的编号'}
            rules={getFieldValue('trigger') === 'overdue_task' ? [{ required: true, message: '请填写逾期任务的编号' }] : []}
          >
            <Input maxLength={60} data-testid="field-triggerRef" />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item name="summary" label="问责事由" rules={[{ required: true, min: 4, message: '至少4个字' }]}>
        <Input.TextArea rows={4} maxLength={5000} data-testid="field-summary" />
      </Form.Item>
      <DateField name="filedOn" label="立案日期" required />
    </FormModal>
  );
}

/** The accountable person among the subject unit's users (with user.read). */
function PersonUser({ orgId }: { orgId?: number }) {
  const users = useQuery({ queryKey: ['users', 'of-org', orgId], enabled: !!orgId, queryFn: () => get<{ id: number; display_name: string; username: string }[]>(`/api/users${qs({ orgId, limit: 500 })}`) });
  return (
    <Form.Item name="personUserId" label="责任人（本系统用户）" extra="选择后可在“本人的问责”中看到告知和处理决定">
      <Select allowClear showSearch optionFilterProp="label" disabled={!orgId} loading={users.isLoading} data-testid="field-personUserId" options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.display_name}（${u.username}）` }))} />
    </Form.Item>
  );
}

/** 本人的问责: each case against the signed-in person, its notice, decision and appeal. */
export function MyAccountabilityPage() {
  const q = useMyCases();
  return (
    <PageContainer title="本人的问责" subTitle="对本人的问责告知、处理决定；对处理决定不服的，可以自知道之日起三十日内向原处理机关申请复核（公务员法第九十五条）">
      <ErrorAlert error={q.error} />
      {q.data && q.data.length === 0 && <Card><Empty description="没有对本人的问责" /></Card>}
      {(q.data ?? []).map((c: CaseDetail) => (
        <Card key={c.id} style={{ marginBottom: 16 }} title={c.summary} extra={<CaseStatusTag status={c.status} label={CASE_STATUS_LABELS[c.status] ?? c.status} />} data-testid={`my-case-${c.id}`}>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="处理机关">{c.org_name}</Descriptions.Item>
            <Descriptions.Item label="立案日">{c.filed_on}</Descriptions.Item>
            <Descriptions.Item label="线索来源">{c.trigger_label}</Descriptions.Item>
          </Descriptions>
          {!c.notice && !c.decision && <Alert type="info" showIcon message="案件在审查、调查中；提出处理意见时将告知本人，并听取陈述和申辩" />}
          <CaseRecord c={c} />
        </Card>
      ))}
    </PageContainer>
  );
}
