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

export interface NormativeTables {
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
