import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Rate, Result, Select, Space, Spin, Typography } from 'antd';
import { ApiError, problemText } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { portalToken, sendAnswers, tokenFromHash, usePublicSurvey, useTokenForm, type Answers, type PublicSurvey } from '../surveys-api';

const RATING_TEXT = ['很不满意', '不满意', '一般', '比较满意', '很满意'];

/** The questionnaire as a form: the organisation evaluated (unless the token fixes it) and each question. */
function AnswerForm({ survey, fixedOrgId, onSubmit }: { survey: PublicSurvey; fixedOrgId: number | null; onSubmit: (orgId: number | undefined, answers: Answers) => Promise<void> }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const fixed = survey.targets.find((t) => t.org_id === fixedOrgId);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    const answers: Answers = {};
    for (const q of survey.questions) {
      const a = v[q.id];
      // A cleared rating is 0: not answered.
      if (a === undefined || a === null || a === '' || a === 0 || (Array.isArray(a) && !a.length)) continue;
      answers[q.id] = typeof a === 'string' ? a.trim() : a;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(fixed ? undefined : v.orgId, answers);
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 760 }}>
      {fixed ? (
        <Form.Item label="被评价单位">
          <Typography.Text strong>{fixed.name}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="orgId" label="被评价单位" rules={[{ required: true, message: '请选择您要评价的单位' }]}>
          <Select data-testid="answer-org" showSearch optionFilterProp="label" placeholder="选择您要评价的单位" options={survey.targets.map((t) => ({ value: t.org_id, label: t.name }))} />
        </Form.Item>
      )}
      {survey.questions.map((q, i) => {
        const label = `${i + 1}. ${q.text}`;
        const rules = q.required ? [{ validator: (_: unknown, v: unknown) => (v === undefined || v === null || v === 0 || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length) ? Promise.reject(new Error('本题为必答题')) : Promise.resolve()) }] : [];
        const options = (q.options ?? []).map((o, j) => ({ value: j, label: o }));
        return (
          <Form.Item key={q.id} name={q.id} label={label} required={q.required} rules={rules} data-testid={`answer-${q.id}`}>
            {q.kind === 'single' ? (
              <Radio.Group options={options} />
            ) : q.kind === 'multiple' ? (
              <Checkbox.Group options={options} />
            ) : q.kind === 'scale' ? (
              <Rate count={5} tooltips={RATING_TEXT} />
            ) : (
              <Input.TextArea rows={3} maxLength={2000} showCount />
            )}
          </Form.Item>
        );
      })}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" loading={busy} onClick={submit} data-testid="answer-submit">
        提交答卷
      </Button>
    </Form>
  );
}

function Intro({ survey }: { survey: PublicSurvey }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        组织单位：{survey.organiser}；调查期间：{survey.opens_on} 至 {survey.closes_on}
      </Typography.Paragraph>
      {survey.intro && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{survey.intro}</Typography.Paragraph>}
    </>
  );
}

const Thanks = ({ org }: { org: string }) => (
  <Result status="success" title="答卷已提交，感谢您的参与" subTitle={`您对"${org}"的评价已记录。答卷匿名，系统不记录您的身份。`} extra={<Link to="/public/assessment/surveys">返回满意度调查</Link>} />
);

/** 公开调查: anyone may answer; a one-time token is taken from the portal when the answers are sent. */
export function PublicSurveyPage() {
  const id = Number(useParams().id);
  const q = usePublicSurvey(id);
  const [token, setToken] = useState<string>();
  const [done, setDone] = useState<string>();
  const sv = q.data;
  // Kept for a retry after a refused answer: a token is used only by an answer that is accepted.
  const submit = async (orgId: number | undefined, answers: Answers) => {
    const t = token ?? (await portalToken(id)).token;
    setToken(t);
    setDone((await sendAnswers({ token: t, orgId, answers })).org);
  };
  if (q.isLoading) return <Spin />;
  return (
    <Card title={sv?.title ?? '满意度调查'} extra={<Link to="/public/assessment/surveys">全部调查</Link>}>
      <ErrorAlert error={q.error} />
      {sv && !done && (
        <>
          <Intro survey={sv} />
          {sv.open ? <AnswerForm survey={sv} fixedOrgId={null} onSubmit={submit} /> : <Alert type="info" showIcon message={sv.notice ?? '本调查不接受答卷'} />}
        </>
      )}
      {done && <Thanks org={done} />}
    </Card>
  );
}

/** A code typed from an evaluation card (评估卡) opens the answer page. */
export function CodeEntry() {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const enter = () => {
    const c = code.trim();
    if (c.length >= 10) navigate(`/public/assessment/answer#t=${encodeURIComponent(c)}`);
  };
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
      <Input data-testid="answer-code" value={code} onChange={(e) => setCode(e.target.value)} onPressEnter={enter} placeholder="20 位答卷码，不区分大小写" />
      <Button type="primary" onClick={enter} disabled={code.trim().length < 10}>
        开始答卷
      </Button>
    </Space.Compact>
  );
}

/** 凭答卷码答卷: the link carries the token after '#'; a code from an evaluation card can be typed in. */
export function TokenAnswerPage() {
  const location = useLocation();
  const [token, setToken] = useState(() => tokenFromHash(location.hash));
  const [done, setDone] = useState<string>();
  useEffect(() => setToken(tokenFromHash(location.hash)), [location.hash]);
  const q = useTokenForm(token);
  const sv = q.data;
  const used = q.error instanceof ApiError && q.error.problem.code === 'survey_token_used';
  const submit = async (orgId: number | undefined, answers: Answers) => setDone((await sendAnswers({ token: token!, orgId, answers })).org);
  return (
    <Card title={sv?.title ?? '凭答卷码答卷'} extra={<Link to="/public/assessment/surveys">全部调查</Link>}>
      {(!token || (q.isError && !used)) && (
        <>
          <Typography.Paragraph>请输入评估卡或答卷通知上的答卷码。</Typography.Paragraph>
          <CodeEntry />
        </>
      )}
      {token && q.isLoading && <Spin />}
      {used ? <Result status="info" title="该答卷码已经答过卷" subTitle="每个答卷码只能答一次卷。" /> : <ErrorAlert error={q.error} />}
      {sv && !done && (
        <>
          <Intro survey={sv} />
          {sv.open ? <AnswerForm survey={sv} fixedOrgId={sv.fixedOrgId} onSubmit={submit} /> : <Alert type="info" showIcon message={sv.notice ?? '本调查不接受答卷'} />}
        </>
      )}
      {done && <Thanks org={done} />}
    </Card>
  );
}
