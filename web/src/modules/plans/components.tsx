import { Progress, Space, Tag, Typography } from 'antd';
import { ACCOUNTABILITY_CASE_FORMS, PLAN_STATUS_LABELS, TASK_STATUS_LABELS, type NodeCounts, type PlanStatus, type TaskStatus } from './api';

/** Today in the browser as 'YYYY-MM-DD' (the server decides overdue; this only colours). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
/** Calendar days from `from` to `to` ('YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export { compact, DateField, OrgField } from '../../core/formFields';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return <Tag color={status === 'published' ? 'blue' : status === 'accepted' ? 'green' : 'default'}>{PLAN_STATUS_LABELS[status]}</Tag>;
}

/** The task's status, and 已逾期 for an open task past its day. */
export function TaskStatusTag({ status, dueOn }: { status: TaskStatus; dueOn: string }) {
  if (status === 'open' && dueOn < today()) return <Tag color="red">已逾期</Tag>;
  return <Tag color={status === 'completed' ? 'green' : status === 'cancelled' ? 'default' : 'blue'}>{TASK_STATUS_LABELS[status]}</Tag>;
}

/** A task's day: red when past (while open), orange within 7 days. */
export function DueDay({ dueOn, open }: { dueOn: string; open: boolean }) {
  if (!open) return <span>{dueOn}</span>;
  const left = daysBetween(today(), dueOn);
  const color = left < 0 ? '#cf1322' : left <= 7 ? '#d46b08' : undefined;
  const note = left < 0 ? `逾期 ${-left} 天` : left === 0 ? '今日到期' : left <= 7 ? `${left} 天后到期` : '';
  return (
    <span style={{ color }} data-due={left < 0 ? 'overdue' : left <= 7 ? 'soon' : 'normal'}>
      {dueOn}
      {note && <div style={{ fontSize: 12 }}>{note}</div>}
    </span>
  );
}

/** Completion of a node (or a plan): the bar, completed / total, and the overdue count in red. */
export function CountsBar({ counts, percent, testId, width = 220 }: { counts: NodeCounts; percent: number | null; testId?: string; width?: number }) {
  if (!counts.total) return <Typography.Text type="secondary" data-testid={testId}>未分解任务</Typography.Text>;
  return (
    <Space size={8} data-testid={testId}>
      <Progress percent={percent ?? 0} size="small" style={{ width, margin: 0 }} status={percent === 100 ? 'success' : 'normal'} format={(p) => `${p}%`} />
      <span style={{ whiteSpace: 'nowrap' }}>
        {counts.completed}/{counts.total}
      </span>
      {counts.overdue > 0 && (
        <Typography.Text type="danger" data-testid={testId ? `${testId}-overdue` : undefined} style={{ whiteSpace: 'nowrap' }}>
          逾期 {counts.overdue}
        </Typography.Text>
      )}
    </Space>
  );
}

/** A heading's number as the text writes it: 一、 （一） 1. */
export function numberLabel(kind: string, number: string): string {
  if (kind === 'part') return `${number}、`;
  if (kind === 'area') return `（${number}）`;
  return `${number}.`;
}

/** How many measures (and items) lie under a node of the importer's tree. */
export function measuresUnder(node: { kind: string; children: { kind: string; children: any[] }[] }): number {
  return node.children.reduce((n, c) => n + (c.kind === 'measure' || c.kind === 'item' ? 1 : 0) + measuresUnder(c), 0);
}

/** The typed forms of accountability (seeds 002 #40, 003, 004), each with the text it comes from, to pick one or several. */
export const CASE_FORM_OPTIONS = Object.entries(ACCOUNTABILITY_CASE_FORMS).map(([value, f]) => ({ value, label: f.label, title: f.source }));

/** A case's state as a tag: grey when ended without consequence, green when closed, blue while running. */
export function CaseStatusTag({ status, label }: { status: string; label: string }) {
  const color = status === 'dropped' ? 'default' : status === 'closed' ? 'green' : status === 'decided' ? 'orange' : status === 'appeal' ? 'purple' : 'blue';
  return <Tag color={color} data-testid="case-status">{label}</Tag>;
}

/** The accountable person with their post, or the unit itself. */
export const personText = (r: { person_name: string | null; person_post: string | null }) => (r.person_name ? `${r.person_name}${r.person_post ? `（${r.person_post}）` : ''}` : '（单位）');
/** A decision's forms, named. */
export const FormTags = ({ forms }: { forms: { code: string; label: string }[] }) => (forms.length ? <Space size={[0, 4]} wrap>{forms.map((f) => <Tag key={f.code}>{f.label}</Tag>)}</Space> : <span>—</span>);
