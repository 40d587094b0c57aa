import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { CheckOutlined, CloseCircleOutlined, FormOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { REPORT_KIND_LABELS, useSubmit, useTask } from '../api';
import { compact, DateField, DueDay, TaskStatusTag, today } from '../components';

/** 任务: the measure, units, deliverable, milestones and every report; 报告进展, 任务完成 and 撤销任务. */
export function TaskPage() {
  const id = Number(useParams().id);
  const { submit } = useSubmit();
  const q = useTask(id);
  const t = q.data;
  const [reporting, setReporting] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const milestoneTitle = (mid: number | null) => t?.milestones.find((m) => m.id === mid)?.title;

  return (
    <PageContainer
      title={t?.title ?? '任务'}
      onBack={() => history.back()}
      tags={t && <TaskStatusTag status={t.status} dueOn={t.due_on} />}
      extra={
        t && (
          <Space>
            {t.abilities.report_as.length > 0 && (
              <Button icon={<FormOutlined />} data-testid="task-report" onClick={() => setReporting(true)}>
                报告进展
              </Button>
            )}
            {t.abilities.complete && (
              <Button type="primary" icon={<CheckOutlined />} data-testid="task-complete" onClick={() => setCompleting(true)}>
                任务完成
              </Button>
            )}
            {t.abilities.cancel && (
              <Button danger icon={<CloseCircleOutlined />} data-testid="task-cancel" onClick={() => setCancelling(true)}>
                撤销任务
              </Button>
            )}
          </Space>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {t && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="规划" span={2}>
                <Link to={`/plans/${t.plan_id}`}>{t.plan_title}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={`措施 ${t.measure_number}`} span={2}>
                <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 4, expandable: true }}>
                  {t.measure_text}
                </Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label="牵头单位">{t.org_name}</Descriptions.Item>
              <Descriptions.Item label="配合单位">{t.co_units.length ? t.co_units.map((u) => u.name).join('、') : '—'}</Descriptions.Item>
              <Descriptions.Item label="责任人">{t.responsible_name}</Descriptions.Item>
              <Descriptions.Item label="完成时限">
                <DueDay dueOn={t.due_on} open={t.status === 'open'} />
                {t.year && <Typography.Text type="secondary">（{t.year}年度任务）</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label="成果形式" span={2}>{t.deliverable}</Descriptions.Item>
              {t.completed_on && <Descriptions.Item label="完成日期">{t.completed_on}</Descriptions.Item>}
              {t.completion_note && <Descriptions.Item label="完成情况">{t.completion_note}</Descriptions.Item>}
              {t.cancel_reason && <Descriptions.Item label="撤销理由" span={2}>{t.cancel_reason}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="时间节点" style={{ marginBottom: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={t.milestones}
              locale={{ emptyText: '未设时间节点' }}
              columns={[
                { title: '节点', dataIndex: 'title' },
                { title: '时间', dataIndex: 'due_on', width: 130, render: (v, m) => <DueDay dueOn={v} open={!m.done_on && t.status === 'open'} /> },
                { title: '完成', dataIndex: 'done_on', width: 150, render: (v) => (v ? <Tag color="green">{v} 完成</Tag> : <Tag>未完成</Tag>) },
              ]}
            />
          </Card>
          <Card title="进展报告">
            {t.reports.length === 0 ? (
              <Empty description="尚未报告进展" />
            ) : (
              <div data-testid="task-reports">
              <Timeline
                items={t.reports.map((r) => ({
                  color: r.kind === 'lead' ? 'blue' : 'gray',
                  children: (
                    <div data-testid={`report-${r.id}`}>
                      <Space wrap>
                        <b>{r.reported_on}</b>
                        <Tag color={r.kind === 'lead' ? 'blue' : 'default'}>{REPORT_KIND_LABELS[r.kind]}</Tag>
                        <span>{r.org_name}</span>
                        <span data-testid={`report-percent-${r.id}`}>完成 {r.percent}%</span>
                        {r.milestone_id && <Tag color="purple">节点：{milestoneTitle(r.milestone_id)}</Tag>}
                        {r.reporter && <Typography.Text type="secondary">{r.reporter}</Typography.Text>}
                      </Space>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{r.content}</div>
                      {r.evidence && <Typography.Text type="secondary">佐证材料：{r.evidence}</Typography.Text>}
                    </div>
                  ),
                }))}
              />
              </div>
            )}
          </Card>
          <FormModal
            title="报告进展"
            open={reporting}
            onClose={() => setReporting(false)}
            okTestId="report-ok"
            initialValues={{ orgId: t.abilities.report_as[0], reportedOn: today(), milestoneDone: false }}
            onSubmit={(v) => submit(`/api/plans/tasks/${id}/progress`, compact(v), '进展已报告')}
          >
            <Form.Item name="orgId" label="报告单位" rules={[{ required: true }]} extra="配合单位向牵头单位报告本单位承担部分的进展">
              <Select data-testid="field-orgId" options={t.abilities.report_as_units.map((u) => ({ value: u.id, label: `${u.name}（${u.id === t.org_id ? '牵头单位' : '配合单位'}）` }))} />
            </Form.Item>
            {t.milestones.length > 0 && (
              <Space align="start" wrap>
                <Form.Item name="milestoneId" label="对应节点">
                  <Select allowClear style={{ width: 300 }} data-testid="field-milestoneId" options={t.milestones.map((m) => ({ value: m.id, label: `${m.title}（${m.due_on}）${m.done_on ? ' 已完成' : ''}` }))} />
                </Form.Item>
                <Form.Item name="milestoneDone" label=" " valuePropName="checked">
                  <Checkbox data-testid="field-milestoneDone">该节点已完成（牵头单位）</Checkbox>
                </Form.Item>
              </Space>
            )}
            <Space align="start" wrap>
              <DateField name="reportedOn" label="报告日期" required />
              <Form.Item name="percent" label="完成进度（%）" rules={[{ required: true, message: '请填写完成进度' }]}>
                <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} data-testid="field-percent" />
              </Form.Item>
            </Space>
            <Form.Item name="content" label="进展情况" rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={4} maxLength={10000} data-testid="field-content" />
            </Form.Item>
            <Form.Item name="evidence" label="佐证材料" rules={[{ min: 2 }]}>
              <Input.TextArea rows={2} maxLength={2000} placeholder="如：工作方案、会议纪要、制度文件" data-testid="field-evidence" />
            </Form.Item>
          </FormModal>
          <FormModal
            title="任务完成"
            open={completing}
            onClose={() => setCompleting(false)}
            okTestId="complete-ok"
            initialValues={{ completedOn: today() }}
            onSubmit={(v) => submit(`/api/plans/tasks/${id}/complete`, { ...v, version: t.version }, '任务已完成，督办期限办结')}
          >
            <Typography.Paragraph type="secondary">各时间节点均已完成方可办结；成果形式：{t.deliverable}</Typography.Paragraph>
            <DateField name="completedOn" label="完成日期" required />
            <Form.Item name="note" label="完成情况和成果" rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={4} maxLength={10000} data-testid="field-note" />
            </Form.Item>
          </FormModal>
          <FormModal
            title="撤销任务"
            open={cancelling}
            onClose={() => setCancelling(false)}
            okTestId="cancel-ok"
            onSubmit={(v) => submit(`/api/plans/tasks/${id}/cancel`, { ...v, version: t.version }, '任务已撤销，督办期限办结')}
          >
            <Typography.Paragraph type="secondary">撤销后不再计入按期完成率，督办期限随之办结。</Typography.Paragraph>
            <Form.Item name="reason" label="撤销理由" rules={[{ required: true, min: 4, message: '请说明撤销理由（至少4字）' }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="field-reason" />
            </Form.Item>
          </FormModal>
        </>
      )}
    </PageContainer>
  );
}
