import { useQuery } from '@tanstack/react-query';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
// Server files without imports, shared so the codes and texts cannot drift apart.
import { DEFAULT_SHEET, ERROR_SITUATIONS, GRADE_TEXT, type ErrorSituation, type Grade, type SheetItem } from '../../../../../src/modules/enforcement/oversight-rules.ts';
import { OFFICER_REFUSAL_TEXT, officerRefusal } from '../../../../../src/modules/enforcement/officer-rules.ts';

export { DEFAULT_SHEET, ERROR_SITUATIONS, GRADE_TEXT, OFFICER_REFUSAL_TEXT, officerRefusal };
export type { ErrorSituation, Grade, SheetItem };

/**
 * Shapes of the enforcement oversight API (src/modules/enforcement/inspections.ts,
 * liability.ts, evaluations.ts, publicity.ts publicProcedure). Numeric columns come back
 * as strings.
 */
type Num = string | number;

export type InspectionStatus = 'planned' | 'approved' | 'refused' | 'done';
export type InspectionOutcome = 'compliant' | 'rectify' | 'case';

export interface Inspection {
  id: number;
  org_id: number;
  org_name: string;
  region_code: string;
  power_id: number | null;
  power_name: string | null;
  target_name: string;
  matter: string;
  planned_on: string;
  approval_required: boolean;
  approved_by: number | null;
  approved_on: string | null;
  approval_note: string | null;
  officer_ids: number[];
  inspected_on: string | null;
  findings: string | null;
  outcome: InspectionOutcome | null;
  follow_up_case_id: number | null;
  follow_up_case_no: string | null;
  status: InspectionStatus;
  version: number;
}

export interface ErrorRow {
  id: number;
  officer_id: number;
  officer_name: string;
  org_name: string;
  case_id: number | null;
  case_no: string | null;
  situation: ErrorSituation;
  situation_text: string;
  description: string;
  found_on: string;
  liability: string;
  points: number;
}
/** POST /api/enforcement/errors answers the row with the year's total and the threshold. */
export interface ErrorRecorded extends Omit<ErrorRow, 'officer_name' | 'org_name' | 'case_no'> {
  year_points: number;
  threshold: number;
  certificate_suspended: boolean;
}

export interface EvaluationRow {
  id: number;
  name: string;
  year: number;
  status: 'open' | 'published';
  published_on: string | null;
  org_name: string;
  items: Num;
  scored: Num;
}
export interface SubjectSummary {
  org_id: number;
  org_name: string;
  files: number;
  scored: number;
  average: Num | null;
  excellent: number;
  good: number;
  pass: number;
  fail: number;
}
export interface EvaluationItem {
  case_id: number;
  case_no: string | null;
  decision_no: string | null;
  title: string;
  party_name_masked: string;
  org_name: string;
  scores: Record<string, number> | null;
  total: Num | null;
  grade: Grade | null;
  comments: string | null;
  scored_at: string | null;
}
export interface EvaluationDetail {
  id: number;
  org_id: number;
  name: string;
  year: number;
  sheet: SheetItem[];
  status: 'open' | 'published';
  published_on: string | null;
  items: EvaluationItem[];
  bySubject: SubjectSummary[];
  gradeText: Record<Grade, string>;
}
export interface PublicEvaluation {
  id: number;
  name: string;
  year: number;
  published_on: string;
  org_name: string;
  bySubject: Omit<SubjectSummary, 'org_id'>[];
}

export interface UnitAssessment {
  id: number;
  org_id: number;
  org_name: string;
  region_code: string;
  year: number;
  unit: string;
  self_score: Num;
  self_report: string;
  submitted_on: string;
  on_time: boolean;
  /** The due day the report was judged by (YYYY-MM-DD). */
  due: string;
  proposed_grade: Grade | null;
  office_opinion: string | null;
  grade: Grade | null;
  meeting: string | null;
  decided_on: string | null;
  consequences: string | null;
  version: number;
}

export interface LegalBasis {
  law: string;
  article?: string;
  quote?: string;
}
export interface PublicProcedure {
  code: string;
  name: string;
  states: { code: string; name: string; final: boolean }[];
  steps: { code: string; name: string; from: string[]; to: string; conditions: { rule: string; text: string; basis: LegalBasis }[] }[];
}

/** The few columns of other enforcement lists these pages need. */
export interface OfficerLite {
  id: number;
  org_id: number;
  org_name: string;
  region_code: string;
  name: string;
  kind: 'officer' | 'auxiliary';
  cert_no: string | null;
  cert_status: string;
  cert_valid_from: string | null;
  cert_valid_until: string | null;
  can_enforce: boolean;
}
export interface CaseLite {
  id: number;
  case_no: string | null;
  title: string;
  status: string;
  org_id: number;
  org_name: string;
}
export interface PowerLite {
  id: number;
  org_id: number;
  org_name: string;
  code: string;
  name: string;
  active: boolean;
}
export interface SubjectLite {
  org_id: number;
  org_name: string;
  active: boolean;
}
export interface RuleValue<T> {
  key: string;
  name: string;
  value: T;
  jurisdiction: string;
  basis_law: string;
  basis_article: string | null;
}

// ── codes and their Chinese names ─────────────────────────────────────────────

export const INSPECTION_STATUS: Record<InspectionStatus, { text: string; color: string }> = {
  planned: { text: '待审批', color: 'gold' },
  approved: { text: '已批准', color: 'blue' },
  refused: { text: '不予检查', color: 'default' },
  done: { text: '已完成', color: 'green' },
};
export const INSPECTION_OUTCOMES: Record<InspectionOutcome, { text: string; color: string }> = {
  compliant: { text: '未发现问题', color: 'green' },
  rectify: { text: '责令整改', color: 'orange' },
  case: { text: '发现违法需立案', color: 'red' },
};
export const SITUATION_TEXT = Object.fromEntries(ERROR_SITUATIONS) as Record<ErrorSituation, string>;
export const GRADE_COLOR: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };
export const GRADES = Object.keys(GRADE_TEXT) as Grade[];

// ── queries shared by the pages ───────────────────────────────────────────────

export function useOfficerList(enabled = true) {
  return useQuery({ queryKey: ['enforcement', 'officers', null], enabled, queryFn: () => get<OfficerLite[]>('/api/enforcement/officers') });
}

/** The cases in scope (newest 200), to link an inspection or an error to one. */
export function useCaseList(enabled = true) {
  return useQuery({ queryKey: ['enforcement', 'cases', 'oversight-pick'], enabled, queryFn: () => get<CaseLite[]>(`/api/enforcement/cases${qs({ limit: 200 })}`) });
}

export function useSubjectList(enabled = true) {
  return useQuery({ queryKey: ['enforcement', 'subjects'], enabled, queryFn: () => get<SubjectLite[]>('/api/enforcement/subjects') });
}

/**
 * A rule parameter's value in force for a region on a day (GET /api/rules/resolve), for
 * callers holding rule.read; undefined for the others (the server applies it anyway).
 */
export function useRuleValue<T>(key: string, region: string | undefined, date: string | undefined) {
  const { can } = useAuth();
  const enabled = can('rule.read') && !!region && !!date;
  return useQuery({
    queryKey: ['enforcement', 'rule', key, region, date],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: () => get<RuleValue<T>>(`/api/rules/resolve${qs({ key, region, date })}`),
  });
}

/** A year select's options: this year and the four before. */
export function yearOptions(thisYear: number, suffix = '年') {
  return Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} ${suffix}` }));
}
