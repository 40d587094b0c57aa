import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Radio, Segmented, Table, Tag, Typography } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get, qs } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { FINDINGS, SUGGESTION_STATUS, type Suggestion } from '../api';
import { useSubmit } from '../useSubmit';

function AnswerModal({ item, onClose }: { item?: Suggestion; onClose: () => void }) {
  const [form] = Form.useForm();
  const { busy, submit: send } = useSubmit();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    if (await send(`/api/normative/suggestions/${item!.id}/answer`, { finding: v.finding, answer: v.answer.trim() }, '已答复，提出人可凭查询码查看')) onClose();
  };
  return (
    <Modal title={`答复审查建议（${item?.tracking_code ?? ''}）`} open={!!item} onOk={submit} confirmLoading={busy} onCancel={onClose} okText="答复" width={640} okButtonProps={{ 'data-testid': 'suggestion-answer-submit' } as any} destroyOnHidden>
      {item && (
        <Typography.Paragraph>
          <b>《{item.title}》</b>{item.reg_number ? `（${item.reg_number}）` : ''}
          <br />
          {item.name}：<span style={{ whiteSpace: 'pre-wrap' }}>{item.content}</span>
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="finding" label="审查结论" rules={[{ required: true, message: '请选择审查结论' }]}>
          <Radio.Group data-testid="suggestion-finding" options={Object.entries(FINDINGS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="answer" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }, { max: 5000 }]}>
          <Input.TextArea data-testid="suggestion-answer" rows={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 审查建议: citizens' suggestions that a published document is unlawful, answered within the deadline. */
export function SuggestionsPage() {
  const [status, setStatus] = useState<string>('received');
  const [answering, setAnswering] = useState<Suggestion>();
  const list = useQuery({
    queryKey: ['normative', 'suggestions', status],
    queryFn: () => get<Suggestion[]>(`/api/normative/suggestions${qs({ status: status === 'all' ? undefined : status })}`),
  });
  return (
    <PageContainer title="审查建议" subTitle="公民、法人和其他组织认为规范性文件违法提出的审查建议">
      <Card
        extra={
          <Segmented
            value={status}
            onChange={(v) => setStatus(String(v))}
            options={[
              { value: 'received', label: '办理中' },
              { value: 'answered', label: '已答复' },
              { value: 'all', label: '全部' },
            ]}
          />
        }
      >
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data}
          locale={{ emptyText: '没有审查建议' }}
          expandable={{ expandedRowRender: (r) => <div style={{ whiteSpace: 'pre-wrap' }}>{r.content}{r.answer && <div style={{ marginTop: 8 }}><b>答复：</b>{r.answer}</div>}</div> }}
          columns={[
            { title: '查询码', dataIndex: 'tracking_code', width: 200, render: (v) => <code>{v}</code> },
            { title: '文件', dataIndex: 'title', render: (v, r) => <Link to={`/normative/${r.document_id}`}>{v}</Link> },
            { title: '提出人', dataIndex: 'name', width: 120 },
            { title: '收到', dataIndex: 'created_at', width: 110, render: (v) => new Date(v).toLocaleDateString('zh-CN') },
            { title: '答复期限', dataIndex: 'due_date', width: 110 },
            {
              title: '办理',
              dataIndex: 'status',
              width: 200,
              render: (v, r) =>
                v === 'answered' ? (
                  <><Tag color="green">{SUGGESTION_STATUS[v]}</Tag>{r.finding && FINDINGS[r.finding]}</>
                ) : (
                  <Button type="primary" size="small" data-testid={`suggestion-answer-${r.id}`} onClick={() => setAnswering(r)}>
                    答复
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <AnswerModal item={answering} onClose={() => setAnswering(undefined)} />
    </PageContainer>
  );
}
