import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/tables.ts';
import type { Db, Tx } from '../../core/db/client.ts';

export type DocType = 'government' | 'department';
export type ReviewOutcome = 'pass' | 'pass_with_changes' | 'fail';

export interface NormativeIssuerTable {
  org_id: number;
  region_code: string;
  doc_type: DocType;
  number_pattern: string;
  announced_on: string;
  announcement: string | null;
  validity_exempt: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface NormativeDocumentTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  issuer_org_id: number;
  title: string;
  doc_type: DocType;
  provisional: Generated<boolean>;
  affects_rights: Generated<boolean>;
  body: string;
  legal_bases: Generated<string[]>;
  consulted_org_ids: Generated<number[]>;
  status: Generated<string>;
  instance_id: number | null;
  comment_from: string | null;
  comment_until: string | null;
  reg_number: string | null;
  reg_year: number | null;
  reg_seq: number | null;
  published_on: string | null;
  effective_on: string | null;
  expires_on: string | null;
  search_vector: ColumnType<string | null, never, never>;
  replaces_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface NormativeNumberSeqTable {
  org_id: number;
  year: number;
  last_seq: number;
}

export interface NormativeReviewTable {
  id: Generated<number>;
  document_id: number;
  org_id: number;
  reviewer_id: number | null;
  outcome: ReviewOutcome;
  checklist: unknown;
  flags: Generated<unknown>;
  opinion: string | null;
  at: Generated<Date>;
}

export interface NormativeDecisionTable {
  id: Generated<number>;
  document_id: number;
  org_id: number;
  meeting: string;
  meeting_date: string;
  decision: string;
  recorded_by: number | null;
  at: Generated<Date>;
}

export type CommentAnswer = 'adopted' | 'partly' | 'not_adopted';

export interface NormativeCommentTable {
  id: Generated<number>;
  document_id: number;
  org_id: number;
  region_code: string;
  paragraph: number;
  content: string;
  commenter: string | null;
  contact_enc: string | null;
  answer: CommentAnswer | null;
  answer_reason: string | null;
  answered_by: number | null;
  answered_at: Date | null;
  created_at: Generated<Date>;
}

export interface NormativeConsultationTable {
  id: Generated<number>;
  document_id: number;
  org_id: number;
  drafting_org_id: number;
  region_code: string;
  requested_on: string;
  deadline_id: number | null;
  position: 'agree' | 'disagree' | null;
  reply: string | null;
  replied_by: number | null;
  replied_at: Date | null;
  escalated_at: Date | null;
  resolution: string | null;
  resolved_by: number | null;
  resolved_at: Date | null;
}

export type FilingOutcome = 'approved' | 'correction' | 'revoked';

export interface NormativeFilingTable {
  id: Generated<number>;
  document_id: number;
  org_id: number;
  filed_to_org_id: number;
  region_code: string;
  filed_on: string;
  due_on: string;
  on_time: boolean;
  report: string;
  explanation: string;
  filed_by: number | null;
  outcome: FilingOutcome | null;
  opinion: string | null;
  reviewed_by: number | null;
  reviewed_on: string | null;
  correction_due: string | null;
  corrected_on: string | null;
  correction_note: string | null;
}

export interface NormativeSuggestionTable {
  id: Generated<number>;
  tracking_code: string;
  document_id: number;
  org_id: number;
  region_code: string;
  name: string;
  contact_enc: string | null;
  content: string;
  status: Generated<'received' | 'answered'>;
  answer: string | null;
  finding: 'lawful' | 'corrected' | 'revoked' | null;
  answered_by: number | null;
  answered_at: Date | null;
  deadline_id: number | null;
  created_at: Generated<Date>;
}

export interface NormativeEvaluationTable {
  id: Generated<number>;
  document_id: number;
  org_id: number;
  conclusion: 'continue' | 'revise' | 'abolish';
  report: string;
  evaluated_on: string;
  evaluated_by: number | null;
}

export interface NormativeExpiryReminderTable {
  document_id: number;
  days_before: number;
  reminded_on: string;
  deadline_id: number | null;
}

export interface NormativeCleanupTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  name: string;
  due_on: string;
  status: Generated<'open' | 'published'>;
  published_on: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export type CleanupDecision = 'keep' | 'amend' | 'abolish' | 'declare_invalid';

export interface NormativeCleanupItemTable {
  cleanup_id: number;
  document_id: number;
  decision: CleanupDecision | null;
  reason: string | null;
  decided_by: number | null;
  decided_at: Date | null;
}

export interface NormativeTables {
  normative_comments: NormativeCommentTable;
  normative_consultations: NormativeConsultationTable;
  normative_filings: NormativeFilingTable;
  normative_suggestions: NormativeSuggestionTable;
  normative_evaluations: NormativeEvaluationTable;
  normative_expiry_reminders: NormativeExpiryReminderTable;
  normative_cleanups: NormativeCleanupTable;
  normative_cleanup_items: NormativeCleanupItemTable;
  normative_issuers: NormativeIssuerTable;
  normative_documents: NormativeDocumentTable;
  normative_number_seq: NormativeNumberSeqTable;
  normative_reviews: NormativeReviewTable;
  normative_decisions: NormativeDecisionTable;
}

export type NDB = DB & NormativeTables;

/** The core's handles typed with this module's tables as well (same connection). */
export const ndb = (db: Db) => db as unknown as Kysely<NDB>;
export const ntx = (tx: Tx) => tx as unknown as Transaction<NDB>;
