import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db, Tx } from '../../core/db/client.ts';
import type { ADB } from './schema.ts';
import type { Question, RespondentGroup, SurveyStatus } from './survey-rules.ts';

/** Tables of migrations/assessment_003_surveys.sql. */
export interface AssessmentSurveyTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  title: string;
  intro: string | null;
  round_id: number | null;
  node_id: number | null;
  opens_on: string;
  closes_on: string;
  status: Generated<SurveyStatus>;
  public: Generated<boolean>;
  /** jsonb: read as objects, written as JSON text. */
  questions: ColumnType<Question[], string | undefined, string>;
  opened_at: Date | null;
  closed_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface AssessmentSurveyTargetTable {
  survey_id: number;
  org_id: number;
}

export interface AssessmentSurveyBatchTable {
  id: Generated<number>;
  survey_id: number;
  respondent_group: RespondentGroup;
  target_org_id: number | null;
  channel: Generated<'issued' | 'portal'>;
  issued_by: number | null;
  issued_at: Generated<Date>;
}

export interface AssessmentSurveyTokenTable {
  id: Generated<number>;
  batch_id: number;
  survey_id: number;
  token_hash: string;
  created_at: Generated<Date>;
}

export interface AssessmentSurveyResponseTable {
  id: Generated<number>;
  survey_id: number;
  token_id: number;
  target_org_id: number;
  respondent_group: RespondentGroup;
  submitted_at: Generated<Date>;
}

export interface AssessmentSurveyAnswerTable {
  response_id: number;
  question_id: string;
  choice: number[] | null;
  scale: number | null;
  text: string | null;
  satisfied: boolean | null;
}

export interface SurveyTables {
  assessment_surveys: AssessmentSurveyTable;
  assessment_survey_targets: AssessmentSurveyTargetTable;
  assessment_survey_batches: AssessmentSurveyBatchTable;
  assessment_survey_tokens: AssessmentSurveyTokenTable;
  assessment_survey_responses: AssessmentSurveyResponseTable;
  assessment_survey_answers: AssessmentSurveyAnswerTable;
}

export type SDB = ADB & SurveyTables;
/** The database (or a transaction: it is a Kysely too) typed with the survey tables. */
export const sdb = (db: Db | Tx) => db as unknown as Kysely<SDB>;
