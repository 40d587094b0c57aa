import type { Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/tables.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import type { AcceptanceResult, AccountabilityTrigger, InquiryChannel, InquiryOutcome, MeetingKind, NodeKind, ReportStatus, PlanKind, PlanSource, PlanStatus, ReportKind, TaskStatus } from './labels.ts';

export interface PlanTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  kind: PlanKind;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  start_year: number;
  end_year: number;
  default_due_on: string;
  status: Generated<PlanStatus>;
  published_on: string | null;
  accepted_on: string | null;
  source: PlanSource;
  measure_count: Generated<number>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanNodeTable {
  id: Generated<number>;
  plan_id: number;
  org_id: number;
  parent_id: number | null;
  kind: NodeKind;
  number: string;
  title: string;
  body: string;
  sort_order: number;
  source_line: number | null;
}

export interface PlanTaskTable {
  id: Generated<number>;
  plan_id: number;
  node_id: number;
  org_id: number;
  region_code: string;
  title: string;
  co_org_ids: number[];
  responsible_name: string;
  responsible_user_id: number | null;
  deliverable: string;
  year: number | null;
  due_on: string;
  status: Generated<TaskStatus>;
  completed_on: string | null;
  completion_note: string | null;
  cancel_reason: string | null;
  deadline_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanMilestoneTable {
  id: Generated<number>;
  task_id: number;
  org_id: number;
  title: string;
  due_on: string;
  done_on: string | null;
  sort_order: number;
}

export interface PlanProgressReportTable {
  id: Generated<number>;
  task_id: number;
  org_id: number;
  task_org_id: number;
  kind: ReportKind;
  milestone_id: number | null;
  reported_on: string;
  percent: number;
  content: string;
  evidence: string | null;
  attachment_id: string | null;
  reported_by: number | null;
  at: Generated<Date>;
}

export interface PlanAcceptanceTable {
  id: Generated<number>;
  plan_id: number;
  org_id: number;
  checked_on: string;
  result: AcceptanceResult;
  findings: string;
  open_tasks: number;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface AssignedItemTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  title: string;
  content: string;
  leader_user_id: number;
  assigned_on: string;
  due_on: string;
  due_given: boolean;
  status: Generated<'open' | 'answered'>;
  answer: string | null;
  answered_on: string | null;
  answered_by: number | null;
  deadline_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface AccountabilityCaseTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  subject_org_id: number;
  person_user_id: number | null;
  person_name: string | null;
  person_post: string | null;
  trigger: AccountabilityTrigger;
  trigger_ref: string | null;
  summary: string;
  filed_on: string;
  status: Generated<string>;
  instance_id: number | null;
  preliminary_opinion: string | null;
  investigation_due_on: string | null;
  extended: Generated<boolean>;
  notice: unknown;
  notified_on: string | null;
  statement: unknown;
  decision: unknown;
  decided_on: string | null;
  appeal: unknown;
  closed_on: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanMeetingTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  kind: MeetingKind;
  held_on: string;
  title: string;
  minutes: string;
  attachment_id: string | null;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface AnnualReportTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  year: number;
  title: string;
  status: Generated<ReportStatus>;
  overview: string;
  problems: Generated<string>;
  next_year: Generated<string>;
  figures: unknown;
  submit_due_on: string;
  publish_due_on: string;
  submitted_on: string | null;
  published_on: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AnnualReportSubmissionTable {
  id: Generated<number>;
  report_id: number;
  org_id: number;
  recipient: string;
  submitted_on: string;
  doc_number: string | null;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface WhitePaperTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  year: number;
  duties: string;
  targets: unknown;
  published_on: string | null;
  completion: unknown;
  completion_published_on: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface ServiceCommitmentTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  service: string;
  time_limit_days: number;
  day_unit: 'working' | 'calendar';
  materials: string;
  basis: string | null;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface FirstInquiryTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  received_by: number;
  received_on: string;
  channel: InquiryChannel;
  requester_enc: string | null;
  requester_masked: string | null;
  matter: string;
  outcome: InquiryOutcome;
  result: string | null;
  referred_org_id: number | null;
  referred_contact: string | null;
  at: Generated<Date>;
}

export interface PlanTables {
  white_papers: WhitePaperTable;
  service_commitments: ServiceCommitmentTable;
  first_inquiries: FirstInquiryTable;
  annual_reports: AnnualReportTable;
  annual_report_submissions: AnnualReportSubmissionTable;
  plan_meetings: PlanMeetingTable;
  accountability_cases: AccountabilityCaseTable;
  plans: PlanTable;
  plan_nodes: PlanNodeTable;
  plan_tasks: PlanTaskTable;
  plan_milestones: PlanMilestoneTable;
  plan_progress_reports: PlanProgressReportTable;
  plan_acceptances: PlanAcceptanceTable;
  assigned_items: AssignedItemTable;
}

export type XDB = DB & PlanTables;

/** The core's handles typed with this module's tables as well (same connection). */
export const pdb = (db: Db) => db as unknown as Kysely<XDB>;
export const ptx = (tx: Tx) => tx as unknown as Transaction<XDB>;
