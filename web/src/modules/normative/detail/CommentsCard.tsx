import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography, message } from 'antd';
import { post, problemText } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { COMMENT_ANSWERS, type Comment, type CommentAnswer, type DocumentDetail } from '../api';

const ANSWER_COLORS: Record<CommentAnswer, string> = { adopted: 'green', partly: 'blue', not_adopted: 'default' };

/** 逐条答复: 采纳 needs no reason; 部分采纳 and 不予采纳 do (the server checks it too). */
function AnswerForm({ comment, onDone }: { comment: Comment; onDone: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const answer = Form.useWatch('answer', form) as CommentAnswer | undefined;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      await post(`/api/normative/comments/${comment.id}/answer`, { answer: v.answer, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) });
      message.success('已答复');
      await qc.invalidateQueries({ queryKey: ['normative'] });
      onDone();
    } catch (err) {
      message.error(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="inline" initialValues={{ answer: comment.answer ?? undefined, reason: comment.answer_reason ?? '' }} style={{ marginTop: 8, rowGap: 8 }}>
      <Form.Item name="answer" rules={[{ required: true, message: '请选择' }]}>
        <Select data-testid={`comment-answer-${comment.id}`} placeholder="答复" style={{ width: 120 }} options={Object.entries(COMMENT_ANSWERS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item
        name="reason"
        style={{ flex: 1, minWidth: 220 }}
        rules={[{ validator: async (_, v: string) => { if (answer && answer !== 'adopted' && !v?.trim()) throw new Error('部分采纳或不予采纳的，须说明理由'); } }]}
      >
        <Input data-testid={`comment-reason-${comment.id}`} placeholder={answer === 'adopted' ? '说明（可选）' : '理由（部分采纳、不予采纳时必填）'} maxLength={2000} />
      </Form.Item>
      <Form.Item>
        <Button data-testid={`comment-answer-submit-${comment.id}`} type="primary" loading={busy} onClick={submit}>
          答复
        </Button>
      </Form.Item>
    </Form>
  );
}

function CommentItem({ comment, canAnswer }: { comment: Comment; canAnswer: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <List.Item data-testid={`comment-${comment.id}`}>
      <div style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>{comment.commenter || '匿名'}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>{new Date(comment.created_at).toLocaleString('zh-CN')}</Typography.Text>
        </div>
        <div style={{ whiteSpace: 'pre-wrap' }}>{comment.content}</div>
        {comment.answer && !editing && (
          <div style={{ marginTop: 4, background: '#fafafa', padding: '4px 8px' }}>
            <Tag color={ANSWER_COLORS[comment.answer]}>{COMMENT_ANSWERS[comment.answer]}</Tag>
            {comment.answer_reason}
            {canAnswer && <Typography.Link style={{ marginLeft: 8 }} onClick={() => setEditing(true)}>修改答复</Typography.Link>}
          </div>
        )}
        {canAnswer && (!comment.answer || editing) && <AnswerForm comment={comment} onDone={() => setEditing(false)} />}
        {!comment.answer && !canAnswer && <Tag color="orange" style={{ marginTop: 4 }}>未答复</Tag>}
      </div>
    </List.Item>
  );
}

/** 公众意见, grouped under the paragraph each comment is about. */
export function CommentsCard({ doc }: { doc: DocumentDetail }) {
  const { can } = useAuth();
  const canAnswer = can('normative.draft') && (doc.status === 'comment' || doc.status === 'drafting');
  const groups = new Map<number, Comment[]>();
  for (const c of doc.comments) groups.set(c.paragraph, [...(groups.get(c.paragraph) ?? []), c]);
  const open = doc.comments.filter((c) => !c.answer).length;
  return (
    <Card
      title={
        <Space>
          公众意见
          <Tag>{doc.comments.length} 条</Tag>
          {open > 0 && <Tag color="orange" data-testid="comments-unanswered">{open} 条未答复</Tag>}
        </Space>
      }
      style={{ marginTop: 16 }}
    >
      {doc.comments.length === 0 ? (
        <Empty description={doc.comment_from ? '征求意见期内未收到公众意见' : '尚未公开征求意见'} />
      ) : (
        [...groups.entries()]
          .sort(([a], [b]) => a - b)
          .map(([p, list]) => (
            <div key={p} style={{ marginBottom: 16 }}>
              <Typography.Text type="secondary">第 {p + 1} 段</Typography.Text>
              <blockquote style={{ margin: '4px 0 8px', padding: '4px 12px', borderLeft: '3px solid #d9d9d9', color: '#555', whiteSpace: 'pre-wrap' }}>{doc.paragraphs[p] ?? '（段落已不在现行正文中）'}</blockquote>
              <List size="small" dataSource={list} renderItem={(c) => <CommentItem key={c.id} comment={c} canAnswer={canAnswer} />} />
            </div>
          ))
      )}
    </Card>
  );
}
