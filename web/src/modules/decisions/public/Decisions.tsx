import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { get, post, problemText } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import type { PublicDraft, PublishedDecision } from '../api';

const Pre = ({ text }: { text: string | null | undefined }) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text ?? '—'}</Typography.Paragraph>;

/** The comment form of one draft: content, optional name and phone (seen only by the office). */
function CommentForm({ draft }: { draft: PublicDraft }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const send = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      await post(`/api/public/decisions/${draft.id}/comments`, Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string' && x.trim())));
      setDone(true);
      form.resetFields();
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  if (done) return <Alert type="success" showIcon data-testid={`draft-comment-done-${draft.id}`} message="您的意见已提交，承办单位将研究答复，并在决策公布时说明意见采纳情况。" action={<Button size="small" onClick={() => setDone(false)}>继续提出意见</Button>} />;
  return (
    <Form form={form} layout="vertical">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="content" label="您的意见" rules={[{ required: true, min: 2, message: '请填写意见（至少2个字）' }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount data-testid={`draft-comment-content-${draft.id}`} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="name" label="姓名或单位（选填）">
          <Input maxLength={50} data-testid={`draft-comment-name-${draft.id}`} />
        </Form.Item>
        <Form.Item name="contact" label="联系电话（选填）" rules={[{ pattern: /^1\d{10}$/, message: '请填写11位手机号码' }]} extra="加密保存，仅承办单位可见">
          <Input maxLength={20} data-testid={`draft-comment-contact-${draft.id}`} />
        </Form.Item>
      </Space>
      <Button type="primary" loading={busy} onClick={send} data-testid={`draft-comment-submit-${draft.id}`}>提交意见</Button>
    </Form>
  );
}

/** 决策草案征求意见: the drafts open for comment, their period, the hearing, and the comment form. */
export function PublicDraftsPage() {
  const q = useQuery({ queryKey: ['public-decisions', 'drafts'], queryFn: () => get<PublicDraft[]>('/api/public/decisions/drafts') });
  return (
    <Card title="重大行政决策草案征求意见" extra={<Space><Link to="/public/decisions/published">已公布的决策</Link><Link to="/public/decisions">决策事项目录</Link></Space>}>
      <Typography.Paragraph type="secondary">决策承办单位向社会公布决策草案及其说明，公开征求意见的期限一般不少于30日（重大行政决策程序暂行条例第十四条、第十五条）。欢迎在征求意见期内提出意见。</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && q.data.length === 0 && <Empty description="目前没有正在征求意见的决策草案" />}
      {q.data?.map((d) => (
        <Card key={d.id} type="inner" style={{ marginBottom: 16 }} title={d.title} data-testid={`draft-${d.id}`} extra={<Tag color="processing">征求意见至 {d.comment_until}</Tag>}>
          <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
            <Descriptions.Item label="决策机关">{d.deciding_body}</Descriptions.Item>
            <Descriptions.Item label="承办单位">{d.undertaking_org_name}</Descriptions.Item>
            <Descriptions.Item label="征求意见期">{d.comment_from} 至 {d.comment_until}</Descriptions.Item>
            <Descriptions.Item label="听证">{d.hearing_required ? (d.hearing ? `已于 ${d.hearing.heldOn} 举行听证` : '本事项将依法举行听证') : '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>决策草案</Typography.Title>
          <Pre text={d.plan_text} />
          {d.hearing && (
            <>
              <Typography.Title level={5}>听证参加人</Typography.Title>
              <List size="small" dataSource={d.hearing.participants} renderItem={(p) => <List.Item>{p.name}（{p.sector}）</List.Item>} />
              {d.hearing.adoptionReasons && (
                <>
                  <Typography.Title level={5}>听证意见采纳情况及理由</Typography.Title>
                  <Pre text={d.hearing.adoptionReasons} />
                </>
              )}
            </>
          )}
          <Typography.Title level={5}>提出意见</Typography.Title>
          <CommentForm draft={d} />
        </Card>
      ))}
    </Card>
  );
}

/** 已公布的重大行政决策: the decision, its explanation, how public, hearing and expert opinions were taken. */
export function PublicPublishedPage() {
  const q = useQuery({ queryKey: ['public-decisions', 'published'], queryFn: () => get<PublishedDecision[]>('/api/public/decisions/published') });
  return (
    <Card title="已公布的重大行政决策" extra={<Space><Link to="/public/decisions/drafts">征求意见</Link><Link to="/public/decisions">决策事项目录</Link></Space>}>
      <Typography.Paragraph type="secondary">重大行政决策作出后依法向社会公布，并说明公众意见、专家论证意见的采纳情况（条例第三十二条）。</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && q.data.length === 0 && <Empty description="尚无已公布的重大行政决策" />}
      {q.data?.map((d) => (
        <Card key={d.id} type="inner" style={{ marginBottom: 16 }} title={d.title} data-testid={`published-${d.id}`} extra={<span>公布日期 {d.published_on}</span>}>
          <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
            <Descriptions.Item label="决策机关">{d.deciding_body}</Descriptions.Item>
            <Descriptions.Item label="承办单位">{d.undertaking_org_name}</Descriptions.Item>
            <Descriptions.Item label="决定日期">{d.decided_on ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>决策说明</Typography.Title>
          <Pre text={d.explanation} />
          <Typography.Title level={5}>公众意见采纳情况</Typography.Title>
          <Pre text={d.adoption_summary} />
          {!!d.hearing_participants?.length && (
            <>
              <Typography.Title level={5}>听证参加人</Typography.Title>
              <Typography.Paragraph>{d.hearing_participants.map((p) => `${p.name}（${p.sector}）`).join('、')}</Typography.Paragraph>
              <Typography.Title level={5}>听证意见采纳情况及理由</Typography.Title>
              <Pre text={d.hearing_adoption_reasons} />
            </>
          )}
          {!!d.expert_opinions?.length && (
            <>
              <Typography.Title level={5}>专家论证意见</Typography.Title>
              <List
                size="small"
                dataSource={d.expert_opinions}
                data-testid={`published-experts-${d.id}`}
                renderItem={(o) => (
                  <List.Item>
                    <List.Item.Meta title={`${o.expert_name}（${o.affiliation}），${o.given_on}`} description={<span style={{ whiteSpace: 'pre-wrap' }}>{o.opinion}</span>} />
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      ))}
    </Card>
  );
}
