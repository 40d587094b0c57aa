import { GRADE_TEXT, type Grade } from '../../../../src/modules/assessment/scoring.ts';
import type { Method } from './api';

export { GRADE_TEXT };
export type { Grade };

/** Shapes of the rounds API (src/modules/assessment/rounds.ts). Numeric columns come back as strings. */
type Num = string | number;
export type RoundStatus = 'open' | 'published';
export type OrgStatus = 'pending' | 'submitted' | 'returned' | 'reviewed';
export type ScoreStatus = 'scored' | 'not_applicable' | 'pending' | 'invalid';

export interface RoundRow {
  id: number;
  name: string;
  year: number;
  status: RoundStatus;
  self_due: string;
  review_due: string;
  published_on: string | null;
  system_id: number;
  system_name: string;
  edition: number;
  organisations: Num;
}

export interface RoundOrg {
  round_id: number;
  org_id: number;
  org_name: string;
  assessment_category: string | null;
  status: OrgStatus;
  submitted_on: string | null;
  reviewed_on?: string | null;
  score: Num | null;
  max: Num | null;
  percent: Num | null;
  grade: Grade | null;
  rank: number | null;
  vetoed: boolean;
  reasons: string[];
  returned_on: string | null;
  return_reason: string | null;
  performance_weight: Num | null;
  performance_points: Num | null;
}

export interface RoundDetail {
  id: number;
  name: string;
  year: number;
  status: RoundStatus;
  system_id: number;
  self_due: string;
  review_due: string;
  period_from?: string | null;
  period_to?: string | null;
  published_on: string | null;
  version: number;
  publish_due: string | null;
  performance_weight: Num | null;
  frozen: Record<string, { id: number; value: unknown; jurisdiction: string; effectiveFrom: string; version: number }> | null;
  orgs: RoundOrg[];
}

export interface SheetItem {
  node_id: number;
  code: string;
  title: string;
  points: Num;
  method: Method | null;
  metric_code: string | null;
  metric_value: Num | null;
  numerator: Num | null;
  denominator: Num | null;
  computed_at: string | null;
  self_score: Num | null;
  self_note: string | null;
  review_score: Num | null;
  review_note: string | null;
  score: Num | null;
  status: ScoreStatus;
  explanation: string | null;
  returned_reason: string | null;
  record_type: string | null;
}

export interface Sheet {
  round: Omit<RoundDetail, 'orgs'>;
  org: { id: number; name: string; status: OrgStatus; submitted_on: string | null; returned_on?: string | null; return_reason?: string | null; performance_weight?: Num | null; performance_points?: Num | null; score?: Num | null; max?: Num | null; percent?: Num | null; grade?: Grade | null; rank?: number | null; vetoed?: boolean; reasons?: string[] };
  items: SheetItem[];
}

export const ROUND_STATUS: Record<RoundStatus, { text: string; color: string }> = {
  open: { text: '进行中', color: 'blue' },
  published: { text: '已公布', color: 'green' },
};
export const ORG_STATUS: Record<OrgStatus, { text: string; color: string }> = {
  pending: { text: '待自评', color: 'gold' },
  submitted: { text: '已报送', color: 'blue' },
  returned: { text: '退回补充', color: 'orange' },
  reviewed: { text: '已审核', color: 'green' },
};
export const SCORE_STATUS: Record<ScoreStatus, { text: string; color: string }> = {
  scored: { text: '已计分', color: 'green' },
  not_applicable: { text: '不适用', color: 'default' },
  pending: { text: '待打分', color: 'gold' },
  invalid: { text: '无效', color: 'red' },
};
export const GRADE_COLOR: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'cyan', fail: 'orange' };

/** A date column as YYYY-MM-DD. */
export const day = (v: string | null | undefined) => (v ? String(v).slice(0, 10) : '—');
/** A value shown with at most two decimals. */
export const num = (v: Num | null | undefined) => (v == null || v === '' ? '—' : String(Math.round(Number(v) * 100) / 100));

/** One record behind a computed indicator (GET /assessment/rounds/:id/records). */
export interface IndicatorRecord {
  entity_id: number;
  counted: boolean;
  label: string;
  on_date: string | null;
  note: string | null;
}
export interface IndicatorRecords {
  indicator: { code: string; title: string; metric: { code: string; name: string; unit: string; description: string }; value: Num | null; numerator: Num | null; denominator: Num | null; computedAt: string | null };
  frozen: boolean;
  recordType: string;
  recordPath: string | null;
  total: number;
  offset: number;
  items: IndicatorRecord[];
}

export type ConsequenceKind = 'commendation' | 'rectification' | 'consecutive_fail';
export interface Consequence {
  id: number;
  org_id: number;
  org_name: string;
  kind: ConsequenceKind;
  basis: string;
  note: string;
  status: 'open' | 'done';
  report: string | null;
  done_on: string | null;
  due_date: string | null;
  deadline_status: string | null;
}
export const CONSEQUENCE_TEXT: Record<ConsequenceKind, { text: string; color: string }> = {
  commendation: { text: '通报表彰', color: 'green' },
  rectification: { text: '通报批评·限期整改', color: 'orange' },
  consecutive_fail: { text: '连续两年不合格', color: 'red' },
};

export interface Verification {
  roundId: number;
  status: RoundStatus;
  checked: number;
  differences: { orgId: number; nodeId: number; problem: string }[];
}
