import { useQuery } from '@tanstack/react-query';
import { get, post, qs } from '../../core/api';
import { useSubmitFor } from '../../core/useSubmit';
import { ACCOUNTABILITY_CASE_FORMS } from '../../../../src/modules/plans/labels.ts';
import type { AcceptanceResult, AccountabilityCaseForm, AccountabilityTrigger, AppealResult, AssignedStatus, InquiryChannel, InquiryOutcome, MeetingKind, NodeKind, PlanKind, PlanStatus, ReportKind, ReportRecipient, ReportStatus, TaskStatus } from '../../../../src/modules/plans/labels.ts';
import type { NodeCounts } from '../../../../src/modules/plans/rollup.ts';

// The codes and their Chinese names, as the server has them (a file without imports).
export * from '../../../../src/modules/plans/labels.ts';
export type { NodeCounts };

/** Shapes of the plans API (src/modules/plans/*.ts). */
export interface PlanRow {
  id: number;
  org_id: number;
  org_name: string;
  kind: PlanKind;
  title: string;
  doc_number: string | null;
  start_year: number;
  end_year: number;
  status: PlanStatus;
  published_on: string | null;
  accepted_on: string | null;
  measure_count: number;
  version: number;
  task_count: number;
  completed_count: number;
  overdue_count: number;
}
export interface PlanTreeNode {
  id: number;
  parent_id: number | null;
  kind: NodeKind;
  number: string;
  title: string;
  body: string;
  source_line: number;
  counts: NodeCounts;
  /** Completed share of the node's tasks, 0–100, or null when it has none. */
  percent: number | null;
  children: PlanTreeNode[];
}
export interface UnitCounts extends NodeCounts {
  org_id: number;
  org_name: string;
}
export interface YearCounts extends NodeCounts {
  year: number;
}
export interface Acceptance {
  id: number;
  org_id: number;
  org_name: string;
  checked_on: string;
  result: AcceptanceResult;
  findings: string;
  open_tasks: number;
}
export interface PlanDetail extends Omit<PlanRow, 'task_count' | 'completed_count' | 'overdue_count'> {
  issuer: string | null;
  default_due_on: string;
  source: string;
  nodes: PlanTreeNode[];
  by_unit: UnitCounts[];
  by_year: YearCounts[];
  acceptances: Acceptance[];
  abilities: { manage: boolean };
}

/** A node as the importer reads it (preview: nothing written yet). */
export interface ParsedNode {
  kind: NodeKind;
  number: string;
  title: string;
  text: string;
  line: number;
  children: ParsedNode[];
}
export interface PlanPreview {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  measureCount: number;
  parts: ParsedNode[];
}

export interface TaskRow {
  id: number;
  /** Open past its day, by the server's clock. */
  overdue: boolean;
  plan_id: number;
  plan_title: string;
  node_id: number;
  measure_number: string;
  measure_title: string;
  org_id: number;
  org_name: string;
  co_org_ids: number[];
  co_org_names: string[];
  title: string;
  responsible_name: string;
  deliverable: string;
  year: number | null;
  due_on: string;
  status: TaskStatus;
  completed_on: string | null;
  version: number;
  /** The lead unit's last reported percentage. */
  percent: number | null;
  last_reported_on: string | null;
}
export interface Milestone {
  id: number;
  title: string;
  due_on: string;
  done_on: string | null;
}
export interface ProgressReport {
  id: number;
  kind: ReportKind;
  org_id: number;
  org_name: string;
  milestone_id: number | null;
  reported_on: string;
  percent: number;
  content: string;
  evidence: string | null;
  attachment_id: string | null;
  reporter: string | null;
}
export interface TaskDetail extends Omit<TaskRow, 'percent' | 'last_reported_on'> {
  end_year: number;
  measure_text: string;
  responsible_user_id: number | null;
  completion_note: string | null;
  cancel_reason: string | null;
  milestones: Milestone[];
  reports: ProgressReport[];
  /** The co-units in the task's order, named. */
  co_units: { id: number; name: string }[];
  /** The units the caller may report for (lead first), named, and whether they may complete the task. */
  abilities: { report_as: number[]; report_as_units: { id: number; name: string }[]; complete: boolean; cancel: boolean };
}

export interface AssignedRow {
  id: number;
  org_id: number;
  org_name: string;
  title: string;
  content: string;
  leader_name: string;
  leader_user_id: number;
  assigned_on: string;
  due_on: string;
  due_given: boolean;
  status: AssignedStatus;
  answer: string | null;
  answered_on: string | null;
  version: number;
  /** Answered by the day; null while open. */
  in_time: boolean | null;
}

export interface PublicPlanRow {
  id: number;
  org_name: string;
  kind: PlanKind;
  title: string;
  doc_number: string | null;
  start_year: number;
  end_year: number;
  published_on: string;
  status: PlanStatus;
  measure_count: number;
}
export interface PublicPlanNode {
  id: number;
  parent_id: number | null;
  kind: NodeKind;
  number: string;
  title: string;
  body: string;
}

export const usePlans = () => useQuery({ queryKey: ['plans', 'list'], queryFn: () => get<PlanRow[]>('/api/plans') });
export const usePlan = (id: number) => useQuery({ queryKey: ['plans', 'plan', id], queryFn: () => get<PlanDetail>(`/api/plans/${id}`) });
export const useTasks = (q: { planId?: number; mine?: boolean; status?: TaskStatus | 'overdue' }, enabled = true) => useQuery({ queryKey: ['plans', 'tasks', q], enabled, queryFn: () => get<TaskRow[]>(`/api/plans/tasks${qs(q)}`) });
export const useTask = (id: number) => useQuery({ queryKey: ['plans', 'task', id], queryFn: () => get<TaskDetail>(`/api/plans/tasks/${id}`) });
export const useAssigned = (q: { status?: AssignedStatus } = {}) => useQuery({ queryKey: ['plans', 'assigned', q], queryFn: () => get<AssignedRow[]>(`/api/plans/assigned${qs(q)}`) });

/** Mutations of this module refresh every plans query (lists, the open plan and task). */
export const useSubmit = () => useSubmitFor([['plans'], ['deadlines'], ['my-deadlines']]);

/** The text of an uploaded .docx (the multipart field `file`), to paste into the import form. */
export function docxText(file: File): Promise<{ text: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return post<{ text: string }>('/api/plans/docx-text', form);
}

// ── accountability cases (src/modules/plans/accountability.ts) ──
export interface NamedForm {
  code: AccountabilityCaseForm;
  label: string;
}
export interface CaseNotice {
  notifiedOn: string;
  facts: string;
  reasons: string;
  proposedForms: AccountabilityCaseForm[];
  rights: string;
}
export interface CaseStatement {
  statedOn: string;
  waived: boolean;
  statement?: string;
}
export interface CaseDecision {
  decidedOn: string;
  decidingBody: string;
  forms: AccountabilityCaseForm[];
  reasons: string;
}
export interface CaseAppeal {
  appealedOn: string;
  grounds: string;
  review?: { result: AppealResult; forms?: AccountabilityCaseForm[]; reasons: string };
  reviewedOn?: string;
}
export interface CaseRow {
  id: number;
  org_id: number;
  org_name: string;
  subject_org_id: number;
  subject_org_name: string;
  person_user_id: number | null;
  person_name: string | null;
  person_post: string | null;
  trigger: AccountabilityTrigger;
  trigger_label: string;
  trigger_ref: string | null;
  summary: string;
  filed_on: string;
  /** The procedure state (CASE_STATUS_LABELS). */
  status: string;
  instance_id: number | null;
  investigation_due_on: string | null;
  extended: boolean;
  notified_on: string | null;
  decided_on: string | null;
  closed_on: string | null;
  decision: CaseDecision | null;
  appeal: CaseAppeal | null;
  /** The decided forms, named. */
  forms: NamedForm[];
}
export interface CaseDetail extends CaseRow {
  notice: CaseNotice | null;
  statement: CaseStatement | null;
  preliminary_opinion: string | null;
}
/** The states of the procedure plans.accountability (accountability-procedure.ts), for lists; the panel reads them from the server. */
export const CASE_STATUS_LABELS: Record<string, string> = {
  preliminary: '初步审查',
  investigation: '调查核实',
  hearing: '告知与陈述申辩',
  decided: '已作出处理决定',
  appeal: '申诉复核中',
  dropped: '不予追究',
  closed: '已办结',
};
export const formLabel = (code: string) => ACCOUNTABILITY_CASE_FORMS[code as AccountabilityCaseForm]?.label ?? code;

// ── required meetings (meetings.ts) ──
export interface MeetingRow {
  id: number;
  org_id: number;
  kind: MeetingKind;
  held_on: string;
  title: string;
  minutes: string;
}
export interface MeetingObligation {
  kind: MeetingKind;
  label: string;
  required: number;
  held: number;
  /** Held at least the rule's number this year. */
  met: boolean;
  light: 'normal' | 'yellow' | 'red';
  meetings: MeetingRow[];
}
export interface MeetingsOfYear {
  year: number;
  orgs: { org_id: number; org_name: string; kinds: MeetingObligation[] }[];
}

// ── annual reports (annual-reports.ts) ──
export interface ReportRow {
  id: number;
  org_id: number;
  org_name: string;
  year: number;
  title: string;
  status: ReportStatus;
  submit_due_on: string;
  publish_due_on: string;
  submitted_on: string | null;
  published_on: string | null;
  version: number;
}
export interface ReportSubmission {
  id: number;
  recipient: ReportRecipient;
  submitted_on: string;
  doc_number: string | null;
}
export interface ReportDetail extends ReportRow {
  overview: string;
  problems: string;
  next_year: string;
  figure_rows: { code: string; name: string; value: string; detail: string | null }[];
  required_recipients: { code: ReportRecipient; label: string; submitted: ReportSubmission | null }[];
  submissions: ReportSubmission[];
  /** What the caller may do now, as the server decides it. */
  abilities: { edit: boolean; submit: boolean; publish: boolean };
}
export interface PublicReportRow {
  id: number;
  org_name: string;
  year: number;
  title: string;
  published_on: string;
  overview: string;
  problems: string;
  next_year: string;
}

// ── white papers, commitments, first inquiries (service-duties.ts) ──
export interface WhitePaperRow {
  id: number;
  org_id: number;
  org_name: string;
  year: number;
  duties: string;
  targets: string[];
  published_on: string | null;
  completion: { target: string; done: boolean; result: string }[] | null;
  completion_published_on: string | null;
  version: number;
  /** Publish (年初), or report the completion (from December of the year), as the server decides it. */
  abilities: { publish: boolean; complete: boolean };
}
export interface CommitmentRow {
  id: number;
  org_id: number;
  org_name: string;
  service: string;
  time_limit_days: number;
  day_unit: 'working' | 'calendar';
  materials: string;
  basis: string | null;
  active?: boolean;
}
export interface InquiryRow {
  id: number;
  org_id: number;
  org_name: string;
  received_by_name: string;
  received_on: string;
  channel: InquiryChannel;
  requester_masked: string | null;
  matter: string;
  outcome: InquiryOutcome;
  result: string | null;
  referred_org_id: number | null;
  referred_org_name: string | null;
  referred_contact: string | null;
}

export const useCases = (q: { status?: string } = {}) => useQuery({ queryKey: ['plans', 'accountability', q], queryFn: () => get<CaseRow[]>(`/api/plans/accountability${qs(q)}`) });
export const useMyCases = () => useQuery({ queryKey: ['plans', 'accountability-mine'], queryFn: () => get<CaseDetail[]>('/api/plans/accountability/mine') });
export const useCase = (id: number) => useQuery({ queryKey: ['plans', 'case', id], queryFn: () => get<CaseDetail>(`/api/plans/accountability/${id}`) });
export const useMeetings = (year?: number) => useQuery({ queryKey: ['plans', 'meetings', year ?? null], queryFn: () => get<MeetingsOfYear>(`/api/plans/meetings${qs({ year })}`) });
export const useReports = () => useQuery({ queryKey: ['plans', 'reports'], queryFn: () => get<ReportRow[]>('/api/plans/reports') });
export const useReport = (id: number) => useQuery({ queryKey: ['plans', 'report', id], queryFn: () => get<ReportDetail>(`/api/plans/reports/${id}`) });
export const useWhitePapers = () => useQuery({ queryKey: ['plans', 'white-papers'], queryFn: () => get<WhitePaperRow[]>('/api/plans/white-papers') });
export const useCommitments = () => useQuery({ queryKey: ['plans', 'commitments'], queryFn: () => get<CommitmentRow[]>('/api/plans/commitments') });
export const useInquiries = () => useQuery({ queryKey: ['plans', 'inquiries'], queryFn: () => get<InquiryRow[]>('/api/plans/inquiries') });
