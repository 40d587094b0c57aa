import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get, post, problemText, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { STATUS, type DocumentRow, type Issuer } from '../api';
import { StatusTag } from '../components';

/** Drafting a new document: only announced issuers can be chosen (the server enforces it too). */
function NewDocumentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const issuers = useQuery({ queryKey: ['normative', 'issuers'], enabled: open, queryFn: () => get<Issuer[]>('/api/normative/issuers') });
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const doc = await post<{ id: number }>('/api/normative/documents', {
        issuerOrgId: v.issuerOrgId,
        title: v.title,
        body: v.body,
        affectsRights: v.affectsRights ?? true,
        legalBases: (v.legalBases ?? '').split(/\n/).map((x: string) => x.trim()).filter(Boolean),
      });
      message.success('已创建起草稿');
      onClose();
      navigate(`/normative/${doc.id}`);
    } catch (err) {
      message.error(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="起草规范性文件" open={open} onOk={submit} confirmLoading={busy} onCancel={onClose} width={760} okText="创建" okButtonProps={{ 'data-testid': 'doc-submit' } as any} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ affectsRights: true }}>
        <Form.Item name="issuerOrgId" label="制定机关（须为已公告的制定主体）" rules={[{ required: true, message: '请选择制定机关' }]}>
          <Select data-testid="doc-issuer" loading={issuers.isLoading} showSearch optionFilterProp="label" options={(issuers.data ?? []).filter((i) => i.active).map((i) => ({ value: i.org_id, label: i.org_name }))} />
        </Form.Item>
        <Form.Item name="title" label="标题" extra="标题含“暂行”“试行”的，按暂行、试行文件确定有效期" rules={[{ required: true, min: 4, max: 200 }]}>
          <Input data-testid="doc-title" />
        </Form.Item>
        <Form.Item name="body" label="正文" rules={[{ required: true, whitespace: true, message: '请输入正文' }]}>
          <Input.TextArea data-testid="doc-body" rows={12} />
        </Form.Item>
        <Form.Item name="legalBases" label="制定依据（每行一项）">
          <Input.TextArea rows={3} placeholder="中华人民共和国水污染防治法" />
        </Form.Item>
        <Form.Item name="affectsRights" valuePropName="checked">
          <Checkbox data-testid="doc-affects-rights">涉及公民、法人和其他组织权利义务（须公开征求意见）</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DocumentsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState<string>();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['normative', 'documents', status, q], queryFn: () => get<DocumentRow[]>(`/api/normative/documents${qs({ status, q, limit: 200 })}`) });
  return (
    <PageContainer
      title="规范性文件"
      extra={can('normative.draft') && <Button data-testid="doc-create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>起草文件</Button>}
    >
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search placeholder="按标题查找" allowClear onSearch={(v) => setQ(v || undefined)} style={{ width: 260 }} />
          <Select allowClear placeholder="状态" style={{ width: 160 }} onChange={setStatus} options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.text }))} />
        </Space>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data}
          onRow={(r) => ({ onClick: () => navigate(`/normative/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '标题', dataIndex: 'title', render: (v, r) => <span data-testid={`doc-row-${r.id}`}>{v}{r.provisional && <Tag style={{ marginLeft: 8 }}>暂行/试行</Tag>}</span> },
            { title: '状态', dataIndex: 'status', width: 130, render: (v) => <StatusTag status={v} /> },
            { title: '登记编号', dataIndex: 'reg_number', width: 190 },
            { title: '制定机关', dataIndex: 'issuer_name', width: 180 },
            { title: '起草单位', dataIndex: 'drafting_org_name', width: 180 },
            { title: '有效期至', dataIndex: 'expires_on', width: 110, render: (v, r) => (r.published_on ? v ?? '不设有效期' : '') },
          ]}
        />
      </Card>
      <NewDocumentModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
