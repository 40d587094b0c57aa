import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Space, Tag, Typography } from 'antd';
import { get, post, problemText, qs } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { FINDINGS, SUGGESTION_STATUS, type Finding } from '../api';

interface CatalogueItem {
  id: number;
  title: string;
  reg_number: string | null;
  issuer_name: string;
}
interface Tracked {
  tracking_code: string;
  title: string;
  reg_number: string | null;
  handling_org: string;
  status: 'received' | 'answered';
  finding: Finding | null;
  answer: string | null;
  answered_at: string | null;
  created_at: string;
  due_date: string | null;
}

const label = (d: { title: string; reg_number: string | null }) => `${d.title}${d.reg_number ? `（${d.reg_number}）` : ''}`;

/** Documents to choose from: the catalogue's full-text search, plus the one given in the link. */
function DocumentSelect({ value, onChange, preselected }: { value?: number; onChange?: (v: number) => void; preselected?: number }) {
  const [q, setQ] = useState<string>();
  const found = useQuery({ queryKey: ['catalogue', 'suggest', q], queryFn: () => get<{ total: number; items: CatalogueItem[] }>(`/api/public/normative/documents${qs({ q, limit: 20 })}`) });
  const pre = useQuery({ queryKey: ['public-document', preselected], enabled: !!preselected, queryFn: () => get<CatalogueItem>(`/api/public/normative/documents/${preselected}`) });
  const items = [...(pre.data ? [pre.data] : []), ...(found.data?.items ?? []).filter((d) => d.id !== pre.data?.id)];
  return (
    <Select
      data-testid="suggest-document"
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={(v) => setQ(v.trim() || undefined)}
      loading={found.isFetching || pre.isLoading}
      placeholder="输入文件标题或正文中的词语检索"
      notFoundContent={found.isFetching ? '检索中…' : '没有找到现行有效的文件'}
      options={items.map((d) => ({ value: d.id, label: label(d) }))}
    />
  );
}

function SuggestionForm({ preselected }: { preselected?: number }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<{ trackingCode: string; dueDate: string }>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    setError(undefined);
    try {
      setDone(
        await post<{ trackingCode: string; dueDate: string }>('/api/public/normative/suggestions', {
          documentId: v.documentId,
          name: v.name.trim(),
          content: v.content.trim(),
          ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
        }),
      );
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  if (done)
    return (
      <Result
        status="success"
        title="审查建议已提交"
        subTitle={
          <>
            请记下查询码：<Typography.Text copyable strong style={{ fontSize: 18 }} data-testid="suggest-code">{done.trackingCode}</Typography.Text>
            <div>法制机构将于 <b data-testid="suggest-due">{done.dueDate}</b> 前答复，您可以凭查询码在下方查询办理进度。</div>
          </>
        }
        extra={<Button onClick={() => { setDone(undefined); form.resetFields(); }}>再提一条建议</Button>}
      />
    );
  return (
    <Form form={form} layout="vertical" initialValues={{ documentId: preselected }} style={{ maxWidth: 720 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="documentId" label="规范性文件" rules={[{ required: true, message: '请选择规范性文件' }]}>
        <DocumentSelect preselected={preselected} />
      </Form.Item>
      <Form.Item name="name" label="姓名或单位名称" rules={[{ required: true, whitespace: true, message: '请填写姓名或单位名称' }, { max: 50 }]}>
        <Input data-testid="suggest-name" />
      </Form.Item>
      <Form.Item name="contact" label="联系电话（可选，仅办理机关可见）" rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: '请填写手机号码或固定电话' }]}>
        <Input data-testid="suggest-contact" maxLength={20} />
      </Form.Item>
      <Form.Item name="content" label="审查建议（认为文件哪些内容违法，理由和依据）" rules={[{ required: true, whitespace: true, message: '请填写审查建议' }, { max: 5000 }]}>
        <Input.TextArea data-testid="suggest-content" rows={6} showCount maxLength={5000} />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={submit} data-testid="suggest-submit">
        提交审查建议
      </Button>
    </Form>
  );
}

/** 查询办理进度 with the tracking code. */
function TrackBox() {
  const [code, setCode] = useState('');
  const [asked, setAsked] = useState<string>();
  const q = useQuery({ queryKey: ['suggestion-track', asked], enabled: !!asked, queryFn: () => get<Tracked>(`/api/public/normative/suggestions/${encodeURIComponent(asked!)}`) });
  const t = q.data;
  const ask = () => {
    const c = code.trim().toUpperCase();
    if (c.length >= 10) setAsked(c);
  };
  return (
    <Card title="查询办理进度" style={{ marginTop: 16 }}>
      <Space.Compact style={{ maxWidth: 520, width: '100%', marginBottom: 16 }}>
        <Input data-testid="track-input" placeholder="请输入提交建议时取得的查询码（JY 开头，18 位）" value={code} onChange={(e) => setCode(e.target.value)} onPressEnter={ask} />
        <Button type="primary" data-testid="track-submit" onClick={ask} loading={q.isFetching}>
          查询
        </Button>
      </Space.Compact>
      {code.trim().length > 0 && code.trim().length < 10 && <Typography.Paragraph type="secondary">查询码至少 10 位</Typography.Paragraph>}
      <ErrorAlert error={q.error} />
      {t && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="查询码">{t.tracking_code}</Descriptions.Item>
          <Descriptions.Item label="文件">{label(t)}</Descriptions.Item>
          <Descriptions.Item label="办理机关">{t.handling_org}</Descriptions.Item>
          <Descriptions.Item label="提交日期">{new Date(t.created_at).toLocaleDateString('zh-CN')}</Descriptions.Item>
          <Descriptions.Item label="答复期限">{t.due_date ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="办理状态">
            <Tag color={t.status === 'answered' ? 'green' : 'blue'} data-testid="track-status">{SUGGESTION_STATUS[t.status] ?? t.status}</Tag>
            {t.answered_at && <Typography.Text type="secondary">{new Date(t.answered_at).toLocaleDateString('zh-CN')}</Typography.Text>}
          </Descriptions.Item>
          {t.finding && <Descriptions.Item label="审查结论">{FINDINGS[t.finding]}</Descriptions.Item>}
          {t.answer && <Descriptions.Item label="答复"><span style={{ whiteSpace: 'pre-wrap' }}>{t.answer}</span></Descriptions.Item>}
        </Descriptions>
      )}
    </Card>
  );
}

/** 审查建议: anyone who thinks a published document is unlawful may suggest its review. */
export function SuggestPage() {
  const [params] = useSearchParams();
  const pre = Number(params.get('documentId')) || undefined;
  return (
    <>
      <Card title="对规范性文件提出审查建议" extra={<Link to="/public/normative">现行有效文件目录</Link>}>
        <Typography.Paragraph type="secondary">
          公民、法人和其他组织认为规范性文件违反法律、法规、规章或者上级规范性文件的，可以提出审查建议。建议由负责备案审查的法制机构办理并在期限内答复；提交后请记下查询码。
        </Typography.Paragraph>
        <SuggestionForm preselected={pre} />
      </Card>
      <TrackBox />
    </>
  );
}
