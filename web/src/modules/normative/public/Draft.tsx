import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Tag, Typography, message } from 'antd';
import { get, post, problemText } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { COMMENT_ANSWERS, type Comment, type PublicDraft } from '../api';

function CommentModal({ draftId, paragraph, text, onClose }: { draftId: number; paragraph?: number; text?: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    setError(undefined);
    try {
      await post(`/api/public/normative/drafts/${draftId}/comments`, {
        paragraph,
        content: v.content.trim(),
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
      });
      message.success('意见已提交，感谢您的参与');
      onClose();
      await qc.invalidateQueries({ queryKey: ['public-draft', draftId] });
      await qc.invalidateQueries({ queryKey: ['public-drafts'] });
    } catch (err) {
      setError(problemText(err));
      // e.g. comment_closed: the period ended while the page was open; show the draft as it is now.
      void qc.invalidateQueries({ queryKey: ['public-draft', draftId] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={paragraph === undefined ? '提出意见' : `对第 ${paragraph + 1} 段提出意见`}
      open={paragraph !== undefined}
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      okText="提交意见"
      okButtonProps={{ 'data-testid': 'comment-submit' } as any}
      destroyOnHidden
    >
      {text && <blockquote style={{ margin: '0 0 12px', padding: '4px 12px', borderLeft: '3px solid #d9d9d9', color: '#555' }}>{text}</blockquote>}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="comment-error" />}
      <Form form={form} layout="vertical">
        <Form.Item name="content" label="意见内容" rules={[{ required: true, whitespace: true, message: '请填写意见内容' }, { max: 2000 }]}>
          <Input.TextArea data-testid="comment-content" rows={5} showCount maxLength={2000} />
        </Form.Item>
        <Form.Item name="name" label="姓名（可选，公开时隐去姓名中除姓氏外的字）">
          <Input data-testid="comment-name" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="contact"
          label="联系电话（可选，仅起草单位可见）"
          rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: '请填写手机号码或固定电话' }]}
        >
          <Input data-testid="comment-contact" maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CommentEntry({ c }: { c: Comment }) {
  return (
    <List.Item data-testid={`public-comment-${c.id}`}>
      <div style={{ width: '100%' }}>
        <Typography.Text strong data-testid={`public-commenter-${c.id}`}>{c.commenter || '匿名'}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>{new Date(c.created_at).toLocaleDateString('zh-CN')}</Typography.Text>
        <div style={{ whiteSpace: 'pre-wrap' }}>{c.content}</div>
        {c.answer ? (
          <div style={{ background: '#fafafa', padding: '4px 8px', marginTop: 4 }}>
            起草单位答复：<Tag color={c.answer === 'adopted' ? 'green' : c.answer === 'partly' ? 'blue' : 'default'}>{COMMENT_ANSWERS[c.answer]}</Tag>
            {c.answer_reason}
          </div>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>待答复</Typography.Text>
        )}
      </div>
    </List.Item>
  );
}

/** 征求意见稿: the draft paragraph by paragraph, each with its comments and the answers. */
export function DraftPage() {
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['public-draft', id], queryFn: () => get<PublicDraft>(`/api/public/normative/drafts/${id}`) });
  const [target, setTarget] = useState<number>();
  const d = q.data;
  return (
    <Card title={d?.title ?? '征求意见稿'} extra={<Link to="/public/normative/drafts">返回草案列表</Link>} loading={q.isLoading}>
      <ErrorAlert error={q.error} />
      {d && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="制定机关">{d.issuer_name}</Descriptions.Item>
            <Descriptions.Item label="起草单位">{d.drafting_org_name}</Descriptions.Item>
            <Descriptions.Item label="征求意见期">{d.comment_from} 至 {d.comment_until}</Descriptions.Item>
            <Descriptions.Item label="意见">{d.comments.length} 条</Descriptions.Item>
          </Descriptions>
          {d.open ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message="正在征求意见：点击段落下方的“对本段提意见”提交您的意见。请勿填写他人的个人信息。" />
          ) : (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="draft-closed" message="征求意见期已结束，不再接收意见；以下为收到的意见及起草单位的答复。" />
          )}
          {d.paragraphs.map((p, i) => {
            const comments = d.comments.filter((c) => c.paragraph === i);
            return (
              <div key={i} data-testid={`draft-paragraph-${i}`} style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }}>
                <Typography.Paragraph style={{ fontSize: 15, lineHeight: 2, marginBottom: 4, whiteSpace: 'pre-wrap' }}>{p}</Typography.Paragraph>
                {d.open && (
                  <Button size="small" data-testid={`comment-open-${i}`} onClick={() => setTarget(i)}>
                    对本段提意见
                  </Button>
                )}
                {comments.length > 0 && (
                  <List size="small" style={{ marginTop: 8, marginLeft: 24 }} header={<Typography.Text type="secondary">本段意见 {comments.length} 条</Typography.Text>} dataSource={comments} renderItem={(c) => <CommentEntry key={c.id} c={c} />} />
                )}
              </div>
            );
          })}
        </>
      )}
      <CommentModal draftId={id} paragraph={target} text={target === undefined ? undefined : d?.paragraphs[target]} onClose={() => setTarget(undefined)} />
    </Card>
  );
}
