import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Form, Input, Modal, Radio, Table, Tag, Typography } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { POSITIONS, type ConsultationLetter } from '../api';
import { useSubmit } from '../useSubmit';

function ReplyModal({ letter, onClose }: { letter?: ConsultationLetter; onClose: () => void }) {
  const [form] = Form.useForm();
  const { busy, submit: send } = useSubmit();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    if (await send(`/api/normative/consultations/${letter!.id}/reply`, { position: v.position, reply: v.reply.trim() }, '已回复意见')) onClose();
  };
  return (
    <Modal title={`回复征求意见：${letter?.title ?? ''}`} open={!!letter} onOk={submit} confirmLoading={busy} onCancel={onClose} okText="回复" okButtonProps={{ 'data-testid': 'consultation-reply-submit' } as any} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ position: 'agree' }}>
        <Form.Item name="position" label="意见" rules={[{ required: true }]}>
          <Radio.Group data-testid="consultation-position" options={Object.entries(POSITIONS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="reply" label="回复内容（不同意的，请说明理由和修改建议）" rules={[{ required: true, whitespace: true, message: '请填写回复内容' }, { max: 5000 }]}>
          <Input.TextArea data-testid="consultation-reply" rows={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 征求意见函 received by the caller's departments: read the draft, agree or disagree with reasons. */
export function ConsultationsPage() {
  const list = useQuery({ queryKey: ['normative', 'consultations'], queryFn: () => get<ConsultationLetter[]>('/api/normative/consultations') });
  const [reading, setReading] = useState<ConsultationLetter>();
  const [replying, setReplying] = useState<ConsultationLetter>();
  return (
    <PageContainer title="征求意见函" subTitle="起草单位就规范性文件草案征求本部门意见，请在期限内回复">
      <Card>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data}
          locale={{ emptyText: '没有收到征求意见函' }}
          columns={[
            { title: '文件', dataIndex: 'title', render: (v, r) => <Typography.Link data-testid={`consultation-read-${r.id}`} onClick={() => setReading(r)}>{v}</Typography.Link> },
            { title: '起草单位', dataIndex: 'drafting_org_name', width: 180 },
            { title: '被征求部门', dataIndex: 'org_name', width: 180 },
            { title: '发函日期', dataIndex: 'requested_on', width: 110 },
            { title: '回复期限', dataIndex: 'due_date', width: 110 },
            {
              title: '回复',
              dataIndex: 'position',
              render: (v, r) =>
                v ? (
                  <>
                    <Tag color={v === 'agree' ? 'green' : 'red'}>{POSITIONS[v]}</Tag>
                    {r.reply}
                    {r.resolved_at ? <div><Tag color="green">已协调</Tag>{r.resolution}</div> : r.escalated_at ? <div><Tag color="blue">已提请法制机构协调</Tag></div> : null}
                  </>
                ) : (
                  <Button type="primary" size="small" data-testid={`consultation-reply-${r.id}`} onClick={() => setReplying(r)}>
                    回复意见
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Drawer title={reading?.title} open={!!reading} onClose={() => setReading(undefined)} width={640}>
        {reading && (
          <>
            <Typography.Paragraph type="secondary">
              {reading.drafting_org_name} 于 {reading.requested_on} 征求意见，回复期限 {reading.due_date ?? '—'}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 2, fontSize: 15 }} data-testid="consultation-body">{reading.body}</Typography.Paragraph>
            {!reading.position && (
              <Button type="primary" onClick={() => { setReplying(reading); setReading(undefined); }}>
                回复意见
              </Button>
            )}
          </>
        )}
      </Drawer>
      <ReplyModal letter={replying} onClose={() => setReplying(undefined)} />
    </PageContainer>
  );
}
