import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Modal, Select, Table, Tag, message } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import { get, post, problemText } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { DOC_TYPES, type Issuer } from '../api';

/** 制定主体名单: only bodies confirmed and announced here may issue documents (seed 002 measure 17). */
export function IssuersPage() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [open, setOpen] = useState<Partial<Issuer> | null>(null);
  const list = useQuery({ queryKey: ['normative', 'issuers'], queryFn: () => get<Issuer[]>('/api/normative/issuers') });
  const orgs = useQuery({ queryKey: ['orgs'], enabled: !!open, queryFn: () => get<{ id: number; name: string }[]>('/api/orgs') });
  const save = async () => {
    const v = await form.validateFields();
    try {
      await post('/api/normative/issuers', { orgId: v.orgId, docType: v.docType, numberPattern: v.numberPattern, announcedOn: v.announcedOn, announcement: v.announcement || null, validityExempt: !!v.validityExempt, active: v.active !== false });
      message.success('已保存');
      setOpen(null);
      await qc.invalidateQueries({ queryKey: ['normative', 'issuers'] });
    } catch (err) {
      message.error(problemText(err));
    }
  };
  return (
    <PageContainer title="制定主体" subTitle="经确认并公告的规范性文件制定主体及其统一编号规则" extra={can('normative.issuer.manage') && <Button type="primary" onClick={() => setOpen({})}>确认新的制定主体</Button>}>
      <Card>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="org_id"
          loading={list.isLoading}
          dataSource={list.data}
          columns={[
            { title: '制定主体', dataIndex: 'org_name' },
            { title: '文件类型', dataIndex: 'doc_type', render: (v) => DOC_TYPES[v] },
            { title: '编号规则', dataIndex: 'number_pattern', render: (v) => <code>{v}</code> },
            { title: '公告', render: (_, r) => `${r.announced_on}${r.announcement ? ` ${r.announcement}` : ''}` },
            { title: '有效期', dataIndex: 'validity_exempt', render: (v) => (v ? '不设有效期' : '按规则参数') },
            { title: '状态', dataIndex: 'active', render: (v) => (v ? <Tag color="green">有效</Tag> : <Tag>已取消</Tag>) },
            ...(can('normative.issuer.manage') ? [{ title: '', render: (_: unknown, r: Issuer) => <Button size="small" onClick={() => setOpen(r)}>修改</Button> }] : []),
          ]}
        />
      </Card>
      <Modal title="制定主体" open={!!open} onOk={save} onCancel={() => setOpen(null)} destroyOnHidden>
        {open && (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ orgId: open.org_id, docType: open.doc_type ?? 'department', numberPattern: open.number_pattern ?? '', announcedOn: open.announced_on ?? dayjs().format('YYYY-MM-DD'), announcement: open.announcement, validityExempt: open.validity_exempt, active: open.active ?? true }}
          >
            <Form.Item name="orgId" label="机构" rules={[{ required: true }]}>
              <Select disabled={!!open.org_id} showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
            <Form.Item name="docType" label="文件类型" rules={[{ required: true }]}>
              <Select options={Object.entries(DOC_TYPES).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="numberPattern" label="统一编号规则" extra="{year} 为年份，{seq} 为顺序号（{seq:3} 补零至 3 位），如 演示府规〔{year}〕{seq}号" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="announcedOn" label="公告日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
              <Input />
            </Form.Item>
            <Form.Item name="announcement" label="公告文号">
              <Input />
            </Form.Item>
            <Form.Item name="validityExempt" valuePropName="checked">
              <Checkbox>不设有效期</Checkbox>
            </Form.Item>
            <Form.Item name="active" valuePropName="checked">
              <Checkbox>有效（取消后不得再以其名义制定文件）</Checkbox>
            </Form.Item>
          </Form>
        )}
      </Modal>
    </PageContainer>
  );
}
