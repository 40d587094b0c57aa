import type { Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/tables.ts';
import type { AccountabilityForm } from './accountability-contract.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import type { AdviserKind, AdviserProfession, AmendmentKind, CatalogueStatus } from './labels.ts';

export interface DecisionCatalogueTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  year: number;
  title: string;
  status: Generated<CatalogueStatus>;
  due_on: string;
  published_on: string | null;
  deadline_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DecisionCatalogueItemTable {
  id: Generated<number>;
  catalogue_id: number;
  org_id: number;
  title: string;
  deciding_body: string;
  undertaking_org_id: number;
  planned_start: string | null;
  planned_end: string | null;
  hearing_required: Generated<boolean>;
  legal_basis: string | null;
  notes: string | null;
  sort_order: Generated<number>;
  removed_on: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DecisionCatalogueAmendmentTable {
  id: Generated<number>;
  catalogue_id: number;
  org_id: number;
  item_id: number;
  kind: AmendmentKind;
  reason: string;
  before: unknown;
  after: unknown;
  amended_on: string;
  amended_by: number | null;
  at: Generated<Date>;
}

/** Sealed contact columns (SM4 ciphertext + masked form), as core/crypto/personal.ts does for parties. */
export interface SealedContact {
  contact_enc: string | null;
  contact_masked: string | null;
}

export interface DecisionAdviserTable extends SealedContact {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  name: string;
  kind: AdviserKind;
  profession: AdviserProfession;
  affiliation: string;
  fields: Generated<string[]>;
  term_start: string | null;
  term_end: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DecisionAdviserEngagementTable {
  id: Generated<number>;
  adviser_id: number;
  org_id: number;
  start_on: string;
  end_on: string;
  scope: string;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface DecisionAdviserOpinionTable {
  id: Generated<number>;
  adviser_id: number;
  org_id: number;
  subject_type: string;
  subject_id: string;
  subject_title: string;
  opinion: string;
  given_on: string;
  attachment_ids: Generated<string[]>;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface DecisionExpertTable extends SealedContact {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  name: string;
  fields: string[];
  affiliation: string;
  title: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  /** The expert's own platform account, if any (migration 004). */
  user_id: Generated<number | null>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DecisionExpertConflictTable {
  id: Generated<number>;
  expert_id: number;
  org_id: number;
  conflict_org_id: number | null;
  subject_type: string | null;
  subject_id: string | null;
  description: string;
  declared_on: string;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface DecisionExpertDrawTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  subject_type: string;
  subject_id: string;
  subject_title: string;
  deciding_org_id: number | null;
  undertaking_org_id: number | null;
  counts: unknown;
  seed: string;
  pool: unknown;
  already_assigned: Generated<number[]>;
  drawn: unknown;
  excluded: unknown;
  drawn_by: number | null;
  at: Generated<Date>;
}

export interface DecisionExpertAssignmentTable {
  id: Generated<number>;
  org_id: number;
  subject_type: string;
  subject_id: string;
  expert_id: number;
  field: string;
  source: 'draw' | 'manual';
  draw_id: number | null;
  reason: string | null;
  assigned_by: number | null;
  at: Generated<Date>;
}

export interface DecisionTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  catalogue_item_id: number | null;
  no_catalogue_reason: string | null;
  title: string;
  deciding_body: string;
  undertaking_org_id: number;
  hearing_required: Generated<boolean>;
  status: Generated<string>;
  instance_id: number | null;
  plan_text: string | null;
  comment_from: string | null;
  comment_until: string | null;
  adoption_summary: string | null;
  hearing: unknown;
  risk: unknown;
  review_submitted_on: string | null;
  review_concluded_on: string | null;
  review_passed: boolean | null;
  review_opinion: string | null;
  adviser_opinion_id: number | null;
  meeting: unknown;
  decided_on: string | null;
  published_on: string | null;
  explanation: string | null;
  evaluation: unknown;
  closed_on: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface DecisionCommentTable {
  id: Generated<number>;
  decision_id: number;
  org_id: number;
  content: string;
  commenter: string | null;
  contact_enc: string | null;
  answer: 'adopted' | 'partly' | 'not_adopted' | null;
  answer_reason: string | null;
  answered_by: number | null;
  answered_at: Date | null;
  created_at: Generated<Date>;
}
export interface DecisionExpertOpinionTable {
  id: Generated<number>;
  decision_id: number;
  org_id: number;
  expert_id: number;
  opinion: string;
  given_on: string;
  recorded_by: number | null;
  at: Generated<Date>;
}
export interface DecisionProgressReportTable {
  id: Generated<number>;
  decision_id: number;
  org_id: number;
  reported_on: string;
  progress: string;
  problems: string | null;
  reported_by: number | null;
  at: Generated<Date>;
}
export interface DecisionAccountabilityTable {
  id: Generated<number>;
  decision_id: number;
  org_id: number;
  person_user_id: number | null;
  person_name: string;
  person_post: string;
  form: AccountabilityForm;
  reason: string;
  decided_on: string;
  deciding_body: string;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface DecisionTables {
  decision_accountability: DecisionAccountabilityTable;
  decisions: DecisionTable;
  decision_comments: DecisionCommentTable;
  decision_expert_opinions: DecisionExpertOpinionTable;
  decision_progress_reports: DecisionProgressReportTable;
  decision_catalogues: DecisionCatalogueTable;
  decision_catalogue_items: DecisionCatalogueItemTable;
  decision_catalogue_amendments: DecisionCatalogueAmendmentTable;
  decision_advisers: DecisionAdviserTable;
  decision_adviser_engagements: DecisionAdviserEngagementTable;
  decision_adviser_opinions: DecisionAdviserOpinionTable;
  decision_experts: DecisionExpertTable;
  decision_expert_conflicts: DecisionExpertConflictTable;
  decision_expert_draws: DecisionExpertDrawTable;
  decision_expert_assignments: DecisionExpertAssignmentTable;
}

export type XDB = DB & DecisionTables;

/** The core's handles typed with this module's tables as well (same connection). */
export const ddb = (db: Db) => db as unknown as Kysely<XDB>;
export const dtx = (tx: Tx) => tx as unknown as Transaction<XDB>;
