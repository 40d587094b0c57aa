import type { Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/tables.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import type { CertStatus, SubjectKind } from './labels.ts';
import type { BandColumns, CaseDecisionColumns, CaseExecutionColumns, Money, PowerColumns, PublicityColumns, QualificationColumns, RecusalColumns } from './shapes.ts';

export type { CertStatus, PenaltyKind, PowerType, SubjectKind } from './labels.ts';

export interface EnforcementSubjectTable {
  org_id: number;
  region_code: string;
  kind: SubjectKind;
  legal_basis: string;
  domains: Generated<string[]>;
  doc_prefix: string;
  announced_on: string;
  announcement: string | null;
  entrusted_by_org_id: number | null;
  entrustment_basis: string | null;
  entrustment_scope: string | null;
  entrustment_until: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EnforcementPowerTable extends PowerColumns {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  responsibility_items: Generated<string[]>;
  published: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EnforcementBenchmarkTable extends BandColumns {
  id: Generated<number>;
  power_id: number;
  org_id: number;
  region_code: string;
  sort_order: Generated<number>;
}

export interface EnforcementOfficerTable extends QualificationColumns {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  user_id: number | null;
  name: string;
  kind: 'officer' | 'auxiliary';
  domains: Generated<string[]>;
  cert_status: Generated<CertStatus>;
  cert_status_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EnforcementTrainingTable {
  id: Generated<number>;
  officer_id: number;
  org_id: number;
  year: number;
  course: string;
  hours: Money;
  held_on: string;
  recorded_by: number | null;
  created_at: Generated<Date>;
}

export interface EnforcementNumberSeqTable {
  org_id: number;
  kind: string;
  year: number;
  last_seq: number;
}

export interface EnforcementCaseTable extends CaseDecisionColumns, CaseExecutionColumns {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  procedure_kind: 'general' | 'simple';
  case_no: string | null;
  power_id: number;
  title: string;
  source: string | null;
  party_kind: 'person' | 'org';
  party_name_enc: string | null;
  party_name_masked: string;
  party_id_enc: string | null;
  party_id_masked: string | null;
  party_address_enc: string | null;
  party_address_masked: string | null;
  facts: string;
  filed_on: string;
  status: string;
  instance_id: number | null;
  major_reasons: Generated<string[]>;
  hearing_right: Generated<boolean>;
  rights_waived: Generated<boolean>;
  publicize: Generated<boolean>;
  review_reasons: Generated<string[]>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EnforcementCaseOfficerTable {
  case_id: number;
  officer_id: number;
  role: Generated<'lead' | 'handler'>;
  recused: Generated<boolean>;
}

export interface EnforcementRecordTable {
  id: Generated<number>;
  case_id: number;
  org_id: number;
  kind: string;
  title: string;
  happened_on: string;
  content: unknown;
  officer_ids: Generated<number[]>;
  attachment_id: string | null;
  digest: string;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface EnforcementRecusalTable extends RecusalColumns {
  id: Generated<number>;
  case_id: number;
  org_id: number;
  region_code: string;
  deadline_id: number | null;
  decided_by: number | null;
}

export interface EnforcementReviewTable {
  id: Generated<number>;
  case_id: number;
  org_id: number;
  reviewer_id: number | null;
  outcome: 'pass' | 'fail';
  checklist: unknown;
  opinion: string | null;
  at: Generated<Date>;
}

export interface EnforcementPaymentTable {
  id: Generated<number>;
  case_id: number;
  org_id: number;
  channel: 'bank' | 'epay' | 'onspot';
  receipt_no: string;
  amount: Money;
  surcharge: Generated<Money>;
  paid_on: string;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface EnforcementPublicityTable extends PublicityColumns {
  case_id: number;
  org_id: number;
  region_code: string;
  public_title: string;
  public_text: string;
}

export interface EnforcementInspectionTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  power_id: number | null;
  target_name: string;
  matter: string;
  planned_on: string;
  approval_required: boolean;
  approved_by: number | null;
  approved_on: string | null;
  approval_note: string | null;
  officer_ids: Generated<number[]>;
  inspected_on: string | null;
  findings: string | null;
  outcome: 'compliant' | 'rectify' | 'case' | null;
  follow_up_case_id: number | null;
  status: Generated<'planned' | 'approved' | 'refused' | 'done'>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface EnforcementErrorTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  officer_id: number;
  case_id: number | null;
  situation: string;
  description: string;
  found_on: string;
  liability: string;
  points: number;
  recorded_by: number | null;
  at: Generated<Date>;
}

export interface EnforcementEvaluationTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  name: string;
  year: number;
  sheet: unknown;
  status: Generated<'open' | 'published'>;
  published_on: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface EnforcementEvaluationItemTable {
  evaluation_id: number;
  case_id: number;
  case_org_id: number;
  scores: unknown | null;
  total: Money | null;
  grade: string | null;
  comments: string | null;
  scored_by: number | null;
  scored_at: Date | null;
}

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

export interface EnforcementUnitAssessmentTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  year: number;
  unit: string;
  self_score: Money;
  self_report: string;
  submitted_on: string;
  on_time: boolean;
  proposed_grade: Grade | null;
  office_opinion: string | null;
  grade: Grade | null;
  meeting: string | null;
  decided_on: string | null;
  consequences: string | null;
  version: Generated<number>;
}

export interface EnforcementTables {
  enforcement_inspections: EnforcementInspectionTable;
  enforcement_errors: EnforcementErrorTable;
  enforcement_evaluations: EnforcementEvaluationTable;
  enforcement_evaluation_items: EnforcementEvaluationItemTable;
  enforcement_unit_assessments: EnforcementUnitAssessmentTable;
  enforcement_subjects: EnforcementSubjectTable;
  enforcement_powers: EnforcementPowerTable;
  enforcement_benchmarks: EnforcementBenchmarkTable;
  enforcement_officers: EnforcementOfficerTable;
  enforcement_training: EnforcementTrainingTable;
  enforcement_number_seq: EnforcementNumberSeqTable;
  enforcement_cases: EnforcementCaseTable;
  enforcement_case_officers: EnforcementCaseOfficerTable;
  enforcement_records: EnforcementRecordTable;
  enforcement_recusals: EnforcementRecusalTable;
  enforcement_reviews: EnforcementReviewTable;
  enforcement_payments: EnforcementPaymentTable;
  enforcement_publicity: EnforcementPublicityTable;
}

export type EDB = DB & EnforcementTables;

/** The core's handles typed with this module's tables as well (same connection). */
export const edb = (db: Db) => db as unknown as Kysely<EDB>;
export const etx = (tx: Tx) => tx as unknown as Transaction<EDB>;
