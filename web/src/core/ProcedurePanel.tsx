import { useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Space, Steps, Tag, Timeline, Tooltip, Typography, message } from 'antd';
import { get, post, problemText } from './api';
import { ErrorAlert } from './components';

interface Basis {
  law: string;
  article?: string;
  quote?: string;
}
interface Transition {
  code: string;
  name: { zh: string; en: string };
  to: string;
  allowed: boolean;
  refusal?: { code: string; detail: string; basis?: Basis };
}
export interface InstanceDescription {
  instance: { id: number; procedure: string; title: string; state: string; version: number; orgId: number; subjectType: string; subjectId: string };
  procedure: { code: string; name: { zh: string }; states: { code: string; name: { zh: string } }[] };
  history: { id: number; transition: string; from_state: string; to_state: string; note: string | null; at: string; actor_name: string | null }[];
  transitions: Transition[];
  deadlines: { id: number; title: string; due_date: string; status: string }[];
}

export const basisText = (b?: Basis) => (b ? `${b.law}${b.article ? ' ' + b.article : ''}${b.quote ? `：“${b.quote}”` : ''}` : '');

/**
 * The path of the procedure: its ordinary states in order; a final state that is not on
 * the path (撤回, 废止, 失效 …) shows only when the instance has ended in it. Long
 * procedures are drawn vertically so the names stay readable in a side column.
 */
function ProcedureSteps({ states, current }: { states: { code: string; name: { zh: string }; final?: boolean }[]; current: string }) {
  const path = states.filter((s) => !s.final || s.code === current);
  const vertical = path.length > 6;
  return (
    <Steps
      size="small"
      progressDot={vertical}
      direction={vertical ? 'vertical' : 'horizontal'}
      style={{ margin: '16px 0' }}
      current={path.findIndex((s) => s.code === current)}
      items={path.map((s) => ({ title: s.name.zh }))}
    />
  );
}

/** An open deadline past its due date is red (逾期); the supervision pages give the full light. */
function DeadlineTag({ status, due }: { status: string; due: string }) {
  if (status === 'closed') return <Tag>已办结</Tag>;
  if (status === 'paused') return <Tag color="default">中止</Tag>;
  return due < dayjs().format('YYYY-MM-DD') ? <Tag color="red">逾期</Tag> : <Tag color="processing">进行中</Tag>;
}

/**
 * A procedure instance with its history and the steps the caller may take now. The
 * buttons come from the server's evaluation of the procedure definition (guards, data
 * scope, permissions): a step the caller may not take is shown disabled with the rule
 * that refuses it, never re-decided here. Modules embed this panel in their pages and
 * may give, per step code, the form items of the step's data (named ['data', …]).
 */
export function ProcedurePanel({ id, dataFields, onChanged }: { id: number; dataFields?: Record<string, ReactNode>; onChanged?: () => void }) {
  const qc = useQueryClient();
  const key = ['procedure', id];
  const q = useQuery({ queryKey: key, queryFn: () => get<InstanceDescription>(`/api/procedures/${id}`) });
  const [step, setStep] = useState<Transition>();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Card loading />;
  const d = q.data;
  const stateName = (code: string) => d.procedure.states.find((s) => s.code === code)?.name.zh ?? code;
  const run = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await post(`/api/procedures/${id}/transitions/${step!.code}`, { version: d.instance.version, ...(v.note ? { note: v.note } : {}), ...(dataFields?.[step!.code] ? { data: v.data ?? {} } : {}) });
      onChanged?.();
      message.success(`已${step!.name.zh}`);
      setStep(undefined);
      form.resetFields();
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
      await qc.invalidateQueries({ queryKey: key });
      await qc.invalidateQueries({ queryKey: ['my-deadlines'] });
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={d.instance.title} extra={<Tag color="blue" data-testid="procedure-state">{stateName(d.instance.state)}</Tag>}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="程序">{d.procedure.name.zh}</Descriptions.Item>
          <Descriptions.Item label="编号">{d.instance.id}</Descriptions.Item>
          <Descriptions.Item label="版本">{d.instance.version}</Descriptions.Item>
        </Descriptions>
        <ProcedureSteps states={d.procedure.states} current={d.instance.state} />
        <Space wrap>
          {d.transitions.map((t) =>
            t.allowed ? (
              <Button key={t.code} type="primary" data-testid={`transition-${t.code}`} onClick={() => setStep(t)}>
                {t.name.zh}
              </Button>
            ) : (
              <Tooltip key={t.code} title={`${t.refusal?.detail ?? ''}${t.refusal?.basis ? `（依据：${basisText(t.refusal.basis)}）` : ''}`}>
                <Button disabled data-testid={`transition-${t.code}`}>{t.name.zh}</Button>
              </Tooltip>
            ),
          )}
          {!d.transitions.length && <Typography.Text type="secondary">当前状态没有可办理的环节</Typography.Text>}
        </Space>
      </Card>
      {d.deadlines.length > 0 && (
        <Card title="期限" size="small">
          {d.deadlines.map((x) => (
            <div key={x.id}>
              {x.title}：{x.due_date} <DeadlineTag status={x.status} due={x.due_date} />
            </div>
          ))}
        </Card>
      )}
      <Card title="办理记录" size="small">
        <Timeline
          items={d.history.map((h) => ({
            children: (
              <>
                <b>{stateName(h.from_state)} → {stateName(h.to_state)}</b> · {h.actor_name ?? '系统'} · {new Date(h.at).toLocaleString('zh-CN')}
                {h.note && <div>{h.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      <Modal title={step?.name.zh} open={!!step} onOk={run} confirmLoading={busy} onCancel={() => setStep(undefined)} okText="确定" destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          {step && dataFields?.[step.code]}
          <Form.Item name="note" label="意见或理由">
            <Input.TextArea data-testid="transition-note" rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
