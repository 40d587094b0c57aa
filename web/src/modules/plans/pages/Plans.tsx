import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tree, Typography, Upload } from 'antd';
import { ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { ApiError, post, problemText } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { docxText, NODE_KIND_LABELS, PLAN_KIND_LABELS, usePlans, useSubmit, type ParsedNode, type PlanPreview } from '../api';
import { compact, CountsBar, DateField, measuresUnder, numberLabel, OrgField, PlanStatusTag } from '../components';

/** 规划: the plans, schemes and yearly work points in scope, with their tasks' completion. */
export function PlansPage() {
  const { can } = useAuth();
  const list = usePlans();
  const [importing, setImporting] = useState(false);
  return (
    <PageContainer
      title="规划"
      subTitle="法治政府建设规划、实施方案和年度工作要点：按标题导入结构，印发后将措施分解为任务并督办"
      extra={can('plans.manage') && <Button type="primary" icon={<ImportOutlined />} data-testid="plan-import" onClick={() => setImporting(true)}>导入规划</Button>}
    >
      <Card>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: '尚未导入规划' }}
          columns={[
            {
              title: '名称',
              dataIndex: 'title',
              render: (v, r) => (
                <>
                  <Link to={`/plans/${r.id}`} data-testid={`plan-link-${r.id}`}>{v}</Link>
                  {r.doc_number && <div style={{ color: '#888', fontSize: 12 }}>{r.doc_number}</div>}
                </>
              ),
            },
            { title: '类型', dataIndex: 'kind', width: 110, render: (v: keyof typeof PLAN_KIND_LABELS) => PLAN_KIND_LABELS[v] },
            { title: '制定机关', dataIndex: 'org_name', width: 160 },
            { title: '规划期', width: 120, render: (_, r) => `${r.start_year}—${r.end_year}年` },
            { title: '状态', dataIndex: 'status', width: 90, render: (v) => <PlanStatusTag status={v} /> },
            { title: '措施', dataIndex: 'measure_count', width: 70 },
            {
              title: '任务完成情况',
              width: 330,
              render: (_, r) => <CountsBar testId={`plan-bar-${r.id}`} width={150} counts={{ total: r.task_count, completed: r.completed_count, overdue: r.overdue_count }} percent={r.task_count ? Math.round((100 * r.completed_count) / r.task_count) : null} />,
            },
          ]}
        />
      </Card>
      {importing && <ImportPlanModal onClose={() => setImporting(false)} />}
    </PageContainer>
  );
}

/** The importer's tree as the preview shows it: parts, areas and measures, with measure counts. */
function previewTree(nodes: ParsedNode[], path = ''): any[] {
  return nodes.map((n, i) => {
    const key = `${path}${i}`;
    const count = measuresUnder(n);
    const leaf = n.kind === 'measure' || n.kind === 'item';
    return {
      key,
      title: (
        <span>
          <Typography.Text type="secondary">{NODE_KIND_LABELS[n.kind]}</Typography.Text> {numberLabel(n.kind, n.number)}
          {n.title}
          {!leaf && <Typography.Text type="secondary">（{count} 项措施）</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}> 第{n.line}行</Typography.Text>
        </span>
      ),
      children: previewTree(n.children, `${key}-`),
    };
  });
}

type PreviewState = { ok: PlanPreview } | { refused: string; line?: number };

/**
 * 导入规划: the text pasted or read from a .docx, a preview of the tree the importer reads
 * (or its refusal with the line), then the import.
 */
function ImportPlanModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const { submit, busy } = useSubmit();
  const [source, setSource] = useState<'text' | 'docx'>('text');
  const [preview, setPreview] = useState<PreviewState>();
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>();
  const year = new Date().getFullYear();

  const readDocx = async (file: File) => {
    setReading(true);
    setReadError(undefined);
    try {
      const { text } = await docxText(file);
      form.setFieldValue('text', text);
      setSource('docx');
      setPreview(undefined);
    } catch (err) {
      setReadError(err);
    } finally {
      setReading(false);
    }
    return false;
  };
  const runPreview = async () => {
    const v = await form.validateFields(['text']).catch(() => null);
    if (!v) return;
    try {
      setPreview({ ok: await post<PlanPreview>('/api/plans/preview', { text: v.text }) });
    } catch (err) {
      const line = err instanceof ApiError ? (err.problem as { line?: number }).line : undefined;
      setPreview({ refused: problemText(err), line });
    }
  };
  const runImport = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const row = await submit<{ id: number }>('/api/plans', { ...compact(v), source }, '规划已导入（草拟中），印发后可分解任务');
    if (row) {
      onClose();
      navigate(`/plans/${row.id}`);
    }
  };
  const ok = preview && 'ok' in preview ? preview.ok : undefined;

  return (
    <Modal
      title="导入规划"
      open
      width={900}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button onClick={runPreview} data-testid="plan-preview">预览</Button>
          <Button type="primary" loading={busy} disabled={!ok} onClick={runImport} data-testid="plan-import-ok">导入</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'implementation', startYear: year, endYear: year }} onValuesChange={(changed) => 'text' in changed && setPreview(undefined)}>
        <Space style={{ display: 'flex' }} align="start" wrap>
          <div style={{ width: 260 }}>
            <OrgField name="orgId" label="制定机关" />
          </div>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select style={{ width: 150 }} data-testid="field-kind" options={Object.entries(PLAN_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="startYear" label="起始年份" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} data-testid="field-startYear" />
          </Form.Item>
          <Form.Item name="endYear" label="期末年份" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} data-testid="field-endYear" />
          </Form.Item>
          <DateField name="defaultDueOn" label="任务默认完成日" extra="未明确时限的任务的完成日；不填为规划期末" />
        </Space>
        <Space style={{ display: 'flex' }} align="start" wrap>
          <Form.Item name="title" label="规划名称" extra="不填则取正文中的标题">
            <Input maxLength={200} style={{ width: 420 }} data-testid="field-title" />
          </Form.Item>
          <Form.Item name="docNumber" label="文号" extra="不填则取正文中的文号">
            <Input maxLength={60} style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="text"
          label={
            <Space>
              <span>规划正文</span>
              <Upload accept=".docx" showUploadList={false} beforeUpload={readDocx}>
                <Button size="small" icon={<UploadOutlined />} loading={reading} data-testid="plan-docx">从 Word（.docx）读取</Button>
              </Upload>
              {source === 'docx' && <Typography.Text type="secondary">已读取 Word 正文</Typography.Text>}
            </Space>
          }
          extra={'按标题分层："一、"为部分，"（一）"为领域，"措施：1."或"1."为具体措施'}
          rules={[{ required: true, message: '请粘贴正文或上传 Word 文件' }]}
        >
          <Input.TextArea rows={10} maxLength={400_000} data-testid="field-text" />
        </Form.Item>
      </Form>
      <ErrorAlert error={readError} />
      {preview && 'refused' in preview && (
        <Alert type="error" showIcon data-testid="plan-preview-error" message={preview.line && !preview.refused.includes(`第${preview.line}行`) ? `第${preview.line}行：${preview.refused}` : preview.refused} />
      )}
      {ok && (
        <Card size="small" title="识别结果" data-testid="plan-preview-result">
          <Typography.Paragraph>
            {ok.title ?? '（正文中未识别出标题，请填写规划名称）'}
            {ok.docNumber && `　${ok.docNumber}`}
            {ok.issuer && `　${ok.issuer}`}
            <br />
            <span data-testid="plan-preview-count">共识别出 {ok.measureCount} 项措施</span>
          </Typography.Paragraph>
          {ok.measureCount === 0 && <Alert type="warning" showIcon message='未识别出具体措施（如"措施：1.""1."），无法分解任务' style={{ marginBottom: 8 }} />}
          <Tree defaultExpandAll selectable={false} treeData={previewTree(ok.parts)} style={{ maxHeight: 320, overflow: 'auto' }} />
        </Card>
      )}
    </Modal>
  );
}
