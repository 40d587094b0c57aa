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

export interface AssessmentTables {
  assessment_systems: AssessmentSystemTable;
  assessment_nodes: AssessmentNodeTable;
}

export type ADB = DB & AssessmentTables;
export const adb = (db: Db) => db as unknown as Kysely<ADB>;
export const atx = (tx: Tx) => tx as unknown as Transaction<ADB>;
