import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { ASSIGNED_STATUS_LABELS, useAssigned, useSubmit, type AssignedRow, type AssignedStatus } from '../api';
import { compact, DateField, DueDay, OrgField, today } from '../components';

/** 领导交办: items assigned by leaders, their time limits, and the results reported back. */
export function AssignedPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const [status, setStatus] = useState<AssignedStatus | 'all'>('all');
  const list = useAssigned(status === 'all' ? {} : { status });
  const [creating, setCreating] = useState(false);
  const [answering, setAnswering] = useState<AssignedRow>();
  return (
    <PageContainer
      title="领导交办"
      subTitle="领导交办、批办事项：有明确时限的按时限办结，无明确时限的在15个工作日内办结，并向交办领导报告结果"
      extra={can('plans.assign') && <Button type="primary" icon={<PlusOutlined />} data-testid="assigned-create" onClick={() => setCreating(true)}>交办</Button>}
    >
      <Card
        extra={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as AssignedStatus | 'all')}
            options={[{ value: 'all', label: '全部' }, ...Object.entries(ASSIGNED_STATUS_LABELS).map(([value, label]) => ({ value, label }))]}
          />
        }
      >
        <ErrorAlert error={list.error} />
        <Table<AssignedRow>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: '没有交办事项' }}
          onRow={(r) => ({ id: `item-${r.id}`, 'data-testid': `assigned-${r.id}` }) as object}
          expandable={{ expandedRowRender: (r) => <AssignedBody item={r} />, rowExpandable: () => true }}
          columns={[
            { title: '交办事项', dataIndex: 'title' },
            { title: '承办单位', dataIndex: 'org_name', width: 170 },
            { title: '交办领导', dataIndex: 'leader_name', width: 110 },
            { title: '交办日', dataIndex: 'assigned_on', width: 110 },
            {
              title: '办理时限',
              dataIndex: 'due_on',
              width: 150,
              render: (v, r) => (
                <>
                  <DueDay dueOn={v} open={r.status === 'open'} />
                  {!r.due_given && <Typography.Text type="secondary" style={{ fontSize: 12 }}>（未明确时限，15个工作日）</Typography.Text>}
                </>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 150,
              render: (v: AssignedStatus, r) =>
                v === 'open' ? (
                  <Tag color={r.due_on < today() ? 'red' : 'blue'}>{r.due_on < today() ? '已超期' : ASSIGNED_STATUS_LABELS.open}</Tag>
                ) : (
                  <Space size={4}>
                    <Tag color="green">{ASSIGNED_STATUS_LABELS.answered}</Tag>
                    <Tag color={r.in_time ? 'green' : 'red'}>{r.in_time ? '按时' : '超期'}</Tag>
                  </Space>
                ),
            },
            {
              title: '',
              width: 110,
              render: (_, r) =>
                r.status === 'open' &&
                can('plans.answer') && (
                  <Button size="small" data-testid={`answer-${r.id}`} onClick={() => setAnswering(r)}>
                    办结报告
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <FormModal
        title="交办事项"
        open={creating}
        onClose={() => setCreating(false)}
        okTestId="assigned-create-ok"
        initialValues={{ assignedOn: today() }}
        onSubmit={(v) => submit('/api/plans/assigned', compact(v), '已交办，办理时限纳入督办')}
      >
        <OrgField name="orgId" label="承办单位" />
        <Form.Item name="title" label="交办事项" rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} data-testid="field-title" />
        </Form.Item>
        <Form.Item name="content" label="交办、批办内容" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} maxLength={10000} data-testid="field-content" />
        </Form.Item>
        <Space align="start" wrap>
          <DateField name="assignedOn" label="交办日期" required />
          <DateField name="dueOn" label="办理时限" />
        </Space>
        <Alert type="info" showIcon message="不填办理时限的，按规则参数自交办之日起15个工作日内办结（法定节假日顺延）" />
      </FormModal>
      <FormModal
        title={`办结报告：${answering?.title ?? ''}`}
        open={!!answering}
        onClose={() => setAnswering(undefined)}
        okTestId="answer-ok"
        initialValues={{ answeredOn: today() }}
        onSubmit={(v) => submit(`/api/plans/assigned/${answering!.id}/answer`, { ...v, version: answering!.version }, '已办结并报告交办领导')}
      >
        {answering && <Typography.Paragraph type="secondary">办理时限：{answering.due_on}（{answering.leader_name}交办）</Typography.Paragraph>}
        <DateField name="answeredOn" label="办结日期" required />
        <Form.Item name="answer" label="办理结果（向交办领导报告）" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} maxLength={10000} data-testid="field-answer" />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}

function AssignedBody({ item }: { item: AssignedRow }) {
  return (
    <div style={{ whiteSpace: 'pre-wrap' }}>
      <Typography.Text strong>交办内容：</Typography.Text>
      {item.content}
      {item.answer && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>办理结果（{item.answered_on}）：</Typography.Text>
          {item.answer}
        </div>
      )}
    </div>
  );
}
