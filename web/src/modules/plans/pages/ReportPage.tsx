import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { useReport, useSubmit, type ReportDetail, type ReportRecipient } from '../api';
import { compact, DateField, DueDay, today } from '../components';
import { ReportStatusTag } from './Reports';

const TEXTS = [
  { name: 'overview', field: 'overview', label: '一、总体情况', rows: 10, min: 2 },
  { name: 'problems', field: 'problems', label: '三、存在的问题', rows: 5, min: 0 },
  { name: 'nextYear', field: 'next_year', label: '四、下一年度工作安排', rows: 5, min: 0 },
] as const;

/** 年度报告: the editable text, the figures the platform recorded, the bodies reported to, publication and the Word file. */
export function ReportPage() {
  const id = Number(useParams().id);
  const { submit, busy } = useSubmit();
  const q = useReport(id);
  const r = q.data;
  const [publishing, setPublishing] = useState(false);
  const editable = !!r && r.abilities.edit;
  return (
    <PageContainer
      title={r?.title ?? '年度报告'}
      onBack={() => history.back()}
      tags={r && <ReportStatusTag status={r.status} />}
      extra={
        r && (
          <Space>
            <Button icon={<DownloadOutlined />} href={`/api/plans/reports/${r.id}/docx`} data-testid="report-docx">下载 Word</Button>
            {r.abilities.publish && (
              <Button type="primary" icon={<SendOutlined />} data-testid="report-publish" onClick={() => setPublishing(true)}>
                公开
              </Button>
            )}
          </Space>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {r && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="报告机关">{r.org_name}</Descriptions.Item>
              <Descriptions.Item label="年度">{r.year}</Descriptions.Item>
              <Descriptions.Item label="版本">{r.version}</Descriptions.Item>
              <Descriptions.Item label="报告时限">{r.submitted_on ? `${r.submitted_on} 已报告` : <DueDay dueOn={r.submit_due_on} open />}</Descriptions.Item>
              <Descriptions.Item label="公开时限">{r.published_on ? `${r.published_on} 已公开` : <DueDay dueOn={r.publish_due_on} open />}</Descriptions.Item>
            </Descriptions>
          </Card>
          <ReportText r={r} editable={editable} busy={busy} onSave={(v) => submit(`/api/plans/reports/${r.id}`, { version: r.version, ...v }, '已保存报告正文', 'PATCH')} />
          <Card title="二、主要指标" style={{ marginBottom: 16 }} data-testid="report-figures" extra={<Typography.Text type="secondary">起草时由平台各模块的本年度数据生成</Typography.Text>}>
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={r.figure_rows}
              locale={{ emptyText: '没有指标数据' }}
              columns={[
                { title: '指标', dataIndex: 'name' },
                { title: '数值', dataIndex: 'value', width: 120 },
                { title: '说明', dataIndex: 'detail', width: 180, render: (v) => v ?? '' },
              ]}
            />
          </Card>
          <Recipients r={r} canManage={r.abilities.submit} onSubmit={(v) => submit(`/api/plans/reports/${r.id}/submissions`, compact(v), '已登记报告')} />
        </>
      )}
      <FormModal
        title="向社会公开年度报告"
        open={publishing}
        onClose={() => setPublishing(false)}
        okTestId="report-publish-ok"
        initialValues={{ publishedOn: today() }}
        onSubmit={(v) => submit(`/api/plans/reports/${id}/publish`, { ...v, version: r!.version }, '已公开，门户网站可查阅')}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="须先向全部报告对象报告，再通过报刊、政府网站等向社会公开报告的主要内容（措施55）" />
        <DateField name="publishedOn" label="公开日期" required />
      </FormModal>
    </PageContainer>
  );
}

function ReportText({ r, editable, busy, onSave }: { r: ReportDetail; editable: boolean; busy: boolean; onSave: (v: Record<string, string>) => Promise<unknown> }) {
  const [form] = Form.useForm();
  return (
    <Card
      title="报告正文"
      style={{ marginBottom: 16 }}
      extra={editable && <Button type="primary" icon={<SaveOutlined />} loading={busy} data-testid="report-save" onClick={async () => { const v = await form.validateFields().catch(() => null); if (v) await onSave(v); }}>保存</Button>}
    >
      {/* keyed by version: a saved report reloads the form with what the server kept */}
      <Form key={r.version} form={form} layout="vertical" disabled={!editable} initialValues={{ overview: r.overview, problems: r.problems, nextYear: r.next_year }}>
        {TEXTS.map((t) => (
          <Form.Item key={t.name} name={t.name} label={t.label} rules={t.min ? [{ required: true, min: t.min, message: `请填写${t.label.slice(2)}` }] : []} extra={t.min === 0 ? '报告须写明存在的问题和下一年度工作安排后才能报送' : undefined}>
            <Input.TextArea rows={t.rows} maxLength={50000} data-testid={`report-${t.name}`} />
          </Form.Item>
        ))}
      </Form>
    </Card>
  );
}

/** The bodies the report goes to (seed 002 #55), each with its submission or a form to record it. */
function Recipients({ r, canManage, onSubmit }: { r: ReportDetail; canManage: boolean; onSubmit: (v: Record<string, unknown>) => Promise<unknown> }) {
  return (
    <Card title="报告对象" data-testid="report-recipients">
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={r.required_recipients}
        columns={[
          { title: '报告对象', dataIndex: 'label', width: 180 },
          {
            title: '报告情况',
            render: (_, x) =>
              x.submitted ? (
                <span data-testid={`recipient-${x.code}`}>
                  <Tag color="green">已报告</Tag>
                  {x.submitted.submitted_on}
                  {x.submitted.doc_number && `（${x.submitted.doc_number}）`}
                </span>
              ) : canManage ? (
                <SubmitForm recipient={x.code} onSubmit={onSubmit} />
              ) : (
                <Tag data-testid={`recipient-${x.code}`}>未报告</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

function SubmitForm({ recipient, onSubmit }: { recipient: ReportRecipient; onSubmit: (v: Record<string, unknown>) => Promise<unknown> }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await onSubmit({ ...v, recipient });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="inline" initialValues={{ submittedOn: today() }} data-testid={`recipient-${recipient}`}>
      <Form.Item name="submittedOn" rules={[{ required: true, message: '报告日期' }]}>
        <Input type="date" data-testid={`submit-${recipient}-date`} />
      </Form.Item>
      <Form.Item name="docNumber" rules={[{ min: 2, message: '至少2个字' }]}>
        <Input placeholder="报告文号（可不填）" style={{ width: 200 }} data-testid={`submit-${recipient}-doc`} />
      </Form.Item>
      <Button loading={busy} onClick={send} data-testid={`submit-${recipient}`}>报送</Button>
    </Form>
  );
}
