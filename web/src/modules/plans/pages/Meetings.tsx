import { useState } from 'react';
import { Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { LIGHTS, options } from '../../../core/labels';
import { MEETING_KIND_LABELS, useMeetings, useSubmit, type MeetingObligation } from '../api';
import { DateField, OrgField, today } from '../components';

/** A yearly obligation's light: met is green; short of the minimum, yellow in the last quarter and red from December (meeting-rules.ts). */
function MeetingLight({ o, testId }: { o: MeetingObligation; testId: string }) {
  const short = o.required - o.held;
  const text = o.met ? '已达到应开次数' : o.light === 'normal' ? `尚差 ${short} 次（第四季度起预警）` : `${LIGHTS[o.light].short}：还差 ${short} 次`;
  return <Tag color={LIGHTS[o.light]?.color ?? 'default'} data-testid={testId} data-light={o.light}>{text}</Tag>;
}

/** 法定会议: each government's yearly rule-of-law meetings (seed 001 四(一)), owed and held, with the light. */
export function MeetingsPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const [year, setYear] = useState<number>();
  const q = useMeetings(year);
  const shown = q.data?.year ?? new Date().getFullYear();
  const [recording, setRecording] = useState(false);
  const thisYear = Math.max(new Date().getFullYear(), shown);
  return (
    <PageContainer
      title="法定会议"
      subTitle="市、县（市、区）人民政府每年听取依法行政（法治政府建设）工作汇报，召开领导小组会议和工作会议"
      extra={
        <Space>
          <Select value={shown} onChange={setYear} style={{ width: 110 }} data-testid="meetings-year" options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))} />
          {can('plans.manage') && <Button type="primary" icon={<PlusOutlined />} data-testid="meeting-create" onClick={() => setRecording(true)}>登记会议</Button>}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      {q.isLoading && <Card loading />}
      {q.data && q.data.orgs.length === 0 && <Card><Empty description="数据范围内没有人民政府" /></Card>}
      {q.data?.orgs.map((g) => (
        <Card key={g.org_id} title={g.org_name} style={{ marginBottom: 16 }} data-testid={`meeting-org-${g.org_id}`} data-org={g.org_name}>
          <Table<MeetingObligation>
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={g.kinds}
            expandable={{
              rowExpandable: (o) => o.meetings.length > 0,
              expandedRowRender: (o) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {o.meetings.map((m) => (
                    <div key={m.id} data-testid={`meeting-${m.id}`}>
                      <Typography.Text strong>{m.held_on} {m.title}</Typography.Text>
                      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true }}>{m.minutes}</Typography.Paragraph>
                    </div>
                  ))}
                </Space>
              ),
            }}
            columns={[
              { title: '会议', dataIndex: 'label' },
              { title: '应开', dataIndex: 'required', width: 80 },
              { title: '已开', dataIndex: 'held', width: 80, render: (v, o) => <span data-testid={`meeting-${g.org_id}-${o.kind}-held`}>{v}</span> },
              { title: '状态', width: 170, render: (_, o) => <MeetingLight o={o} testId={`meeting-${g.org_id}-${o.kind}-light`} /> },
              { title: '最近一次', width: 260, render: (_, o) => (o.meetings.length ? `${o.meetings.at(-1)!.held_on} ${o.meetings.at(-1)!.title}` : '—') },
            ]}
          />
        </Card>
      ))}
      <FormModal
        title="登记会议"
        open={recording}
        onClose={() => setRecording(false)}
        okTestId="meeting-create-ok"
        width={640}
        initialValues={{ heldOn: today() }}
        onSubmit={(v) => submit('/api/plans/meetings', v, '已登记会议')}
      >
        <OrgField name="orgId" label="召开会议的人民政府" orgType="people_government" />
        <Form.Item name="kind" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
          <Select data-testid="field-kind" options={options(MEETING_KIND_LABELS)} />
        </Form.Item>
        <DateField name="heldOn" label="召开日期" required />
        <Form.Item name="title" label="会议名称" rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} data-testid="field-title" placeholder="如 市人民政府第12次常务会议" />
        </Form.Item>
        <Form.Item name="minutes" label="会议记录或纪要" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={5} maxLength={50000} data-testid="field-minutes" />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
