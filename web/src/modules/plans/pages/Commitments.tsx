import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { options } from '../../../core/labels';
import { INQUIRY_CHANNEL_LABELS, INQUIRY_OUTCOME_LABELS, useCommitments, useInquiries, useSubmit, type CommitmentRow, type InquiryChannel, type InquiryRow } from '../api';
import { compact, DateField, OrgField, today } from '../components';

/** A promised time limit as said to the public: 当场办结, or N 个工作日 / N 日. */
export const timeLimitText = (c: Pick<CommitmentRow, 'time_limit_days' | 'day_unit'>) => (c.time_limit_days === 0 ? '当场办结' : `${c.time_limit_days}${c.day_unit === 'working' ? '个工作日' : '日'}`);

/** 服务承诺与首问 (seed 004 #3): the services each office promises, and the first-inquiry register. */
export function CommitmentsPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const commitments = useCommitments();
  const inquiries = useInquiries();
  const [tab, setTab] = useState('commitments');
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState(false);
  return (
    <PageContainer
      title="服务承诺与首问负责"
      subTitle="公开服务事项、承诺时限和所需材料；首问负责，属本单位职责的一办到底，不属本单位职责的准确告知承办部门"
      extra={
        tab === 'commitments'
          ? can('plans.manage') && <Button type="primary" icon={<PlusOutlined />} data-testid="commitment-create" onClick={() => setAdding(true)}>登记承诺</Button>
          : can('plans.report') && <Button type="primary" icon={<PlusOutlined />} data-testid="inquiry-create" onClick={() => setRecording(true)}>首问登记</Button>
      }
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'commitments',
              label: <span data-testid="tab-commitments">服务承诺</span>,
              children: (
                <>
                  <ErrorAlert error={commitments.error} />
                  <Table<CommitmentRow>
                    rowKey="id"
                    loading={commitments.isLoading}
                    dataSource={commitments.data}
                    pagination={{ pageSize: 30, hideOnSinglePage: true }}
                    locale={{ emptyText: '没有服务承诺' }}
                    onRow={(r) => ({ 'data-testid': `commitment-row-${r.id}` }) as object}
                    columns={[
                      { title: '部门', dataIndex: 'org_name', width: 170 },
                      { title: '服务事项', dataIndex: 'service', width: 200 },
                      { title: '承诺时限', width: 110, render: (_, c) => timeLimitText(c) },
                      { title: '所需材料（一次性告知）', dataIndex: 'materials' },
                      { title: '依据', dataIndex: 'basis', width: 160, render: (v) => v ?? '—' },
                      { title: '', dataIndex: 'active', width: 70, render: (v) => v === false && <Tag>已停用</Tag> },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'inquiries',
              label: <span data-testid="tab-inquiries">首问登记</span>,
              children: (
                <>
                  <ErrorAlert error={inquiries.error} />
                  <Table<InquiryRow>
                    rowKey="id"
                    loading={inquiries.isLoading}
                    dataSource={inquiries.data}
                    pagination={{ pageSize: 30, hideOnSinglePage: true }}
                    locale={{ emptyText: '没有首问登记' }}
                    onRow={(r) => ({ 'data-testid': `inquiry-row-${r.id}` }) as object}
                    columns={[
                      { title: '日期', dataIndex: 'received_on', width: 110 },
                      { title: '首问单位', dataIndex: 'org_name', width: 170 },
                      { title: '首问人', dataIndex: 'received_by_name', width: 100 },
                      { title: '方式', dataIndex: 'channel', width: 70, render: (v: InquiryChannel) => INQUIRY_CHANNEL_LABELS[v] },
                      { title: '服务对象', dataIndex: 'requester_masked', width: 100, render: (v) => v ?? '—' },
                      { title: '所办事项', dataIndex: 'matter' },
                      {
                        title: '处理',
                        width: 320,
                        render: (_, r) =>
                          r.outcome === 'handled' ? (
                            <span><Tag color="green">一办到底</Tag>{r.result}</span>
                          ) : (
                            <span><Tag color="blue">告知 {r.referred_org_name}</Tag>{r.referred_contact}</span>
                          ),
                      },
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
      <FormModal
        title="登记服务承诺"
        open={adding}
        onClose={() => setAdding(false)}
        okTestId="commitment-create-ok"
        width={640}
        initialValues={{ dayUnit: 'working', timeLimitDays: 5 }}
        onSubmit={(v) => submit('/api/plans/commitments', compact(v), '已登记服务承诺')}
      >
        <OrgField name="orgId" label="部门" />
        <Form.Item name="service" label="服务事项" rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} data-testid="field-service" />
        </Form.Item>
        <Space align="start">
          <Form.Item name="timeLimitDays" label="承诺办结时限" extra="0 为当场办结" rules={[{ required: true }]}>
            <InputNumber min={0} max={365} precision={0} data-testid="field-timeLimitDays" />
          </Form.Item>
          <Form.Item name="dayUnit" label="计算方式" rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'working', label: '工作日' }, { value: 'calendar', label: '自然日' }]} />
          </Form.Item>
        </Space>
        <Form.Item name="materials" label="所需材料（一次性告知）" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="field-materials" />
        </Form.Item>
        <Form.Item name="basis" label="依据" rules={[{ min: 2, message: '至少2个字' }]}>
          <Input maxLength={500} data-testid="field-basis" />
        </Form.Item>
      </FormModal>
      <FormModal
        title="首问登记"
        open={recording}
        onClose={() => setRecording(false)}
        okTestId="inquiry-create-ok"
        width={640}
        initialValues={{ receivedOn: today(), channel: 'visit', outcome: 'handled' }}
        onSubmit={(v) => submit('/api/plans/inquiries', compact(v), '已登记')}
      >
        <OrgField name="orgId" label="首问单位" />
        <Space align="start" wrap>
          <DateField name="receivedOn" label="日期" required />
          <Form.Item name="channel" label="方式" rules={[{ required: true }]}>
            <Select style={{ width: 120 }} data-testid="field-channel" options={options(INQUIRY_CHANNEL_LABELS)} />
          </Form.Item>
          <Form.Item name="requester" label="服务对象姓名" extra="加密存储，列表中脱敏显示">
            <Input maxLength={50} data-testid="field-requester" />
          </Form.Item>
        </Space>
        <Form.Item name="matter" label="所办事项" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="field-matter" />
        </Form.Item>
        <Form.Item name="outcome" label="处理" rules={[{ required: true }]}>
          <Radio.Group data-testid="field-outcome" options={options(INQUIRY_OUTCOME_LABELS)} />
        </Form.Item>
        <Form.Item noStyle dependencies={['outcome']}>
          {({ getFieldValue }) =>
            getFieldValue('outcome') === 'handled' ? (
              <Form.Item name="result" label="办理结果" rules={[{ required: true, min: 2, message: '属本单位职责的，须记录办理结果' }]}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="field-result" />
              </Form.Item>
            ) : (
              <>
                <OrgField name="referredOrgId" label="承办部门" />
                <Form.Item name="referredContact" label="告知的承办部门或人员的名称、地址、联系方式" rules={[{ required: true, min: 4, message: '须准确告知承办部门的名称、地址和联系方式' }]}>
                  <Input.TextArea rows={2} maxLength={500} data-testid="field-referredContact" />
                </Form.Item>
              </>
            )
          }
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
