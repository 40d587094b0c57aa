import { useQuery } from '@tanstack/react-query';
import { get, post, qs } from '../../core/api';
import { useSubmitFor } from '../../core/useSubmit';
import type { AcceptanceResult, AssignedStatus, NodeKind, PlanKind, PlanStatus, ReportKind, TaskStatus } from '../../../../src/modules/plans/labels.ts';
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
  abilities: { report_as: number[]; report_as_units: { id: number; name: string }[]; complete: boolean };
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
export const useTasks = (q: { planId?: number; mine?: boolean }, enabled = true) => useQuery({ queryKey: ['plans', 'tasks', q], enabled, queryFn: () => get<TaskRow[]>(`/api/plans/tasks${qs(q)}`) });
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
