import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Upload, message } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { get, post, problemText } from '../../core/api';
import { useAuth } from '../../core/auth';
import { useOrgs } from '../../core/pages/Orgs';
import { uploadFile, type Issuer } from './api';

/** What a re-issue (重新制定发布) copies from the document it replaces. */
export interface DraftSeed {
  replacesId: number;
  replacesTitle: string;
  issuerOrgId: number;
  title: string;
  body: string;
  legalBases: string[];
  affectsRights: boolean;
  consultedOrgIds: number[];
}

/** Reads a Word file's text on the server and gives it to the body field. */
function DocxButton({ onText }: { onText: (text: string) => void }) {
  const [busy, setBusy] = useState(false);
  const read = async (file: File) => {
    setBusy(true);
    try {
      const r = await uploadFile<{ text: string }>('/api/normative/docx-text', file);
      onText(r.text);
      message.success(`已读取“${file.name}”的正文（${r.text.length} 字），请核对`);
    } catch (err) {
      message.error(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload
      accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      showUploadList={false}
      maxCount={1}
      beforeUpload={(file) => {
        void read(file);
        return false;
      }}
    >
      <Button data-testid="doc-docx" size="small" icon={<UploadOutlined />} loading={busy}>
        上传 Word 读取正文
      </Button>
    </Upload>
  );
}

/**
 * Drafting a new document: only announced issuers can be chosen (the server enforces it
 * too). With a `seed` it re-issues a document after its evaluation concluded 继续实施: same
 * issuer, text copied, `replacesId` set; publication of the new one abolishes the old.
 */
export function NewDocumentModal({ open, onClose, seed }: { open: boolean; onClose: () => void; seed?: DraftSeed }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { can } = useAuth();
  const [busy, setBusy] = useState(false);
  const issuers = useQuery({ queryKey: ['normative', 'issuers'], enabled: open, queryFn: () => get<Issuer[]>('/api/normative/issuers') });
  const orgs = useOrgs(open && can('org.read'));
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      const doc = await post<{ id: number }>('/api/normative/documents', {
        issuerOrgId: v.issuerOrgId,
        title: v.title,
        body: v.body,
        affectsRights: v.affectsRights ?? true,
        legalBases: (v.legalBases ?? '').split(/\n/).map((x: string) => x.trim()).filter(Boolean),
        ...(v.consultedOrgIds?.length ? { consultedOrgIds: v.consultedOrgIds } : {}),
        ...(seed ? { replacesId: seed.replacesId } : {}),
      });
      message.success(seed ? '已创建重新制定的起草稿' : '已创建起草稿');
      await qc.invalidateQueries({ queryKey: ['normative'] });
      onClose();
      navigate(`/normative/${doc.id}`);
    } catch (err) {
      message.error(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  const initial = seed
    ? { issuerOrgId: seed.issuerOrgId, title: seed.title, body: seed.body, legalBases: seed.legalBases.join('\n'), affectsRights: seed.affectsRights, consultedOrgIds: seed.consultedOrgIds }
    : { affectsRights: true };
  return (
    <Modal
      title={seed ? '重新制定发布' : '起草规范性文件'}
      open={open}
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      width={760}
      okText="创建"
      okButtonProps={{ 'data-testid': 'doc-submit' } as any}
      destroyOnHidden
    >
      {seed && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`经评估确需继续实施，重新制定发布以替代《${seed.replacesTitle}》；新文件公布时原文件同时废止。`} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="issuerOrgId" label="制定机关（须为已公告的制定主体）" rules={[{ required: true, message: '请选择制定机关' }]}>
          <Select
            data-testid="doc-issuer"
            disabled={!!seed}
            loading={issuers.isLoading}
            showSearch
            optionFilterProp="label"
            options={(issuers.data ?? []).filter((i) => i.active).map((i) => ({ value: i.org_id, label: i.org_name }))}
          />
        </Form.Item>
        <Form.Item name="title" label="标题" extra="标题含“暂行”“试行”的，按暂行、试行文件确定有效期" rules={[{ required: true, min: 4, max: 200 }]}>
          <Input data-testid="doc-title" />
        </Form.Item>
        <Form.Item label="正文" required extra="可直接输入，或上传 Word（.docx）文件读取其中的文字">
          <div style={{ marginBottom: 8 }}>
            <DocxButton onText={(text) => form.setFieldsValue({ body: text })} />
          </div>
          <Form.Item name="body" noStyle rules={[{ required: true, whitespace: true, message: '请输入正文' }]}>
            <Input.TextArea data-testid="doc-body" rows={12} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="legalBases" label="制定依据（每行一项）">
          <Input.TextArea rows={3} placeholder="中华人民共和国水污染防治法" />
        </Form.Item>
        <Form.Item
          name="consultedOrgIds"
          label="征求意见的相关部门"
          extra={can('org.read') ? '公开征求意见时向所选部门发出征求意见函，回复期限进入其待办' : '您没有“查看机构”权限，无法选择部门；可请法制机构代为选择'}
        >
          <Select
            data-testid="doc-consulted"
            mode="multiple"
            allowClear
            disabled={!can('org.read')}
            loading={orgs.isLoading}
            showSearch
            optionFilterProp="label"
            placeholder="选择职责相关的部门"
            options={(orgs.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="affectsRights" valuePropName="checked">
          <Checkbox data-testid="doc-affects-rights">涉及公民、法人和其他组织权利义务（须公开征求意见）</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
