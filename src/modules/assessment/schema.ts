import type { Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/tables.ts';
import type { Db, Tx } from '../../core/db/client.ts';

/** Numeric columns come back from PostgreSQL as strings. */
type Num = string | number;
export type Method = 'metric' | 'manual' | 'survey' | 'veto';

export interface AssessmentSystemTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  name: string;
  year: number;
  edition: Generated<number>;
  status: Generated<'draft' | 'published'>;
  categories: Generated<string[]>;
  source: string;
  total_points: Num;
  published_on: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface AssessmentNodeTable {
  id: Generated<number>;
  system_id: number;
  parent_id: number | null;
  org_id: number;
  code: string;
  level: number;
  sort_order: number;
  title: string;
  text: string | null;
  goal: string | null;
  points: Num;
  method: Method | null;
  metric_code: string | null;
  rule: unknown | null;
  data_source: string | null;
}

export interface AssessmentRoundTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  system_id: number;
  name: string;
  year: number;
  period_from: string;
  period_to: string;
  self_due: string;
  review_due: string;
  cutoffs: unknown;
  status: Generated<'open' | 'published'>;
  published_on: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  version: Generated<number>;
  performance_weight: Num | null;
  publish_due: string | null;
  review_deadline_id: number | null;
  publish_deadline_id: number | null;
  frozen: unknown | null;
}

export interface AssessmentRoundOrgTable {
  round_id: number;
  org_id: number;
  status: Generated<'pending' | 'submitted' | 'returned' | 'reviewed'>;
  submitted_on: string | null;
  reviewed_on: string | null;
  deadline_id: number | null;
  score: Num | null;
  max: Num | null;
  percent: Num | null;
  grade: string | null;
  rank: number | null;
  vetoed: Generated<boolean>;
  reasons: Generated<string[]>;
  returned_on: string | null;
  return_reason: string | null;
  performance_weight: Num | null;
  performance_points: Num | null;
}

export interface AssessmentScoreTable {
  round_id: number;
  org_id: number;
  node_id: number;
  metric_value: Num | null;
  numerator: Num | null;
  denominator: Num | null;
  computed_at: Date | null;
  self_score: Num | null;
  self_note: string | null;
  review_score: Num | null;
  review_note: string | null;
  score: Num | null;
  status: Generated<'scored' | 'not_applicable' | 'pending' | 'invalid'>;
  explanation: string | null;
  returned_reason: string | null;
  rule_snapshot: unknown | null;
  record_type: string | null;
  record_ids: number[] | null;
  counted_ids: number[] | null;
}

export interface AssessmentConsequenceTable {
  id: Generated<number>;
  round_id: number;
  org_id: number;
  kind: 'commendation' | 'rectification' | 'consecutive_fail';
  basis: string;
  note: string;
  deadline_id: number | null;
  status: Generated<'open' | 'done'>;
  report: string | null;
  done_on: string | null;
}

export interface AssessmentTables {
  assessment_consequences: AssessmentConsequenceTable;
  assessment_rounds: AssessmentRoundTable;
  assessment_round_orgs: AssessmentRoundOrgTable;
  assessment_scores: AssessmentScoreTable;
  assessment_systems: AssessmentSystemTable;
  assessment_nodes: AssessmentNodeTable;
}

export type ADB = DB & AssessmentTables;
export const adb = (db: Db) => db as unknown as Kysely<ADB>;
export const atx = (tx: Tx) => tx as unknown as Transaction<ADB>;
