import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import type { Escalation } from '../api';
import { useSubmit } from '../useSubmit';

function ResolveModal({ item, onClose }: { item?: Escalation; onClose: () => void }) {
  const [form] = Form.useForm();
  const { busy, submit: send } = useSubmit();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    if (await send(`/api/normative/consultations/${item!.id}/resolve`, { resolution: v.resolution.trim() }, '已记录协调结果')) onClose();
  };
  return (
    <Modal title="记录协调结果" open={!!item} onOk={submit} confirmLoading={busy} onCancel={onClose} okText="保存" okButtonProps={{ 'data-testid': 'escalation-resolve-submit' } as any} destroyOnHidden>
      {item && (
        <p>
          《{item.title}》：{item.drafting_org_name} 与 {item.org_name} 的分歧。{item.org_name}意见：{item.reply}
        </p>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="resolution" label="协调意见（协调一致的内容，或报请本级政府决定的情况）" rules={[{ required: true, whitespace: true, message: '请填写协调意见' }, { max: 5000 }]}>
          <Input.TextArea data-testid="escalation-resolution" rows={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 分歧协调: disagreements the drafting units could not settle, for the legal-affairs office. */
export function EscalationsPage() {
  const list = useQuery({ queryKey: ['normative', 'escalations'], queryFn: () => get<Escalation[]>('/api/normative/escalations') });
  const [resolving, setResolving] = useState<Escalation>();
  return (
    <PageContainer title="分歧协调" subTitle="部门经多次协商仍不能达成一致意见的，由政府法制机构进行协调">
      <Card>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data}
          locale={{ emptyText: '没有提请协调的分歧' }}
          columns={[
            { title: '文件', dataIndex: 'title', render: (v, r) => <Link to={`/normative/${r.document_id}`}>{v}</Link> },
            { title: '起草单位', dataIndex: 'drafting_org_name', width: 170 },
            { title: '不同意的部门', dataIndex: 'org_name', width: 170 },
            { title: '部门意见', dataIndex: 'reply' },
            { title: '提请日期', dataIndex: 'escalated_at', width: 110, render: (v) => new Date(v).toLocaleDateString('zh-CN') },
            {
              title: '协调结果',
              dataIndex: 'resolution',
              width: 240,
              render: (v, r) =>
                r.resolved_at ? (
                  <><Tag color="green">已协调</Tag>{v}</>
                ) : (
                  <Button type="primary" size="small" data-testid={`escalation-resolve-${r.id}`} onClick={() => setResolving(r)}>
                    记录协调结果
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <ResolveModal item={resolving} onClose={() => setResolving(undefined)} />
    </PageContainer>
  );
}
