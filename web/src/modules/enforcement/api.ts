import { post } from '../../core/api';
// Server files without imports, shared so the codes and texts cannot drift apart.
import { REVIEW_CHECKLIST, REVIEW_CHECKLIST_TEXT } from '../../../../src/modules/enforcement/checklist.ts';
import { MAJOR_REASONS, MAJOR_REASON_TEXT, type MajorReason } from '../../../../src/modules/enforcement/penalty-rules.ts';
import { OFFICER_REFUSAL_TEXT, officerRefusal, type TrainingStatus } from '../../../../src/modules/enforcement/officer-rules.ts';
import type { CertStatus, PenaltyKind, SubjectKind, TagText } from '../../../../src/modules/enforcement/labels.ts';
import type { BandColumns, CaseDecisionColumns, CaseExecutionColumns, Money, PowerColumns, PublicityColumns, QualificationColumns, RecusalColumns, StatRow } from '../../../../src/modules/enforcement/shapes.ts';

export { REVIEW_CHECKLIST, REVIEW_CHECKLIST_TEXT, MAJOR_REASONS, MAJOR_REASON_TEXT, OFFICER_REFUSAL_TEXT, officerRefusal };
export type { MajorReason, TrainingStatus, StatRow };
// The codes and their Chinese names (SUBJECT_KIND_LABELS, CASE_STATUS, …), as the server has them.
export * from '../../../../src/modules/enforcement/labels.ts';

/** Shapes of the enforcement API (src/modules/enforcement/*.ts). Numeric columns come back as strings. */

export interface Subject {
  org_id: number;
  org_name: string;
  region_code: string;
  kind: SubjectKind;
  legal_basis: string;
  domains: string[];
  doc_prefix: string;
  announced_on: string;
  announcement: string | null;
  entrusted_by_org_id: number | null;
  entrusted_by_name: string | null;
  entrustment_basis: string | null;
  entrustment_scope: string | null;
  entrustment_until: string | null;
  active: boolean;
  version: number;
}
export interface Benchmark extends BandColumns {
  id: number;
  sort_order?: number;
}
export interface Power extends PowerColumns {
  id: number;
  org_id: number;
  org_name: string;
  responsibility_items: string[];
  published: boolean;
  active: boolean;
  version: number;
  benchmark_count: Money;
}
export interface PowerDetail extends Omit<Power, 'benchmark_count'> {
  benchmarks: Benchmark[];
}
export interface Officer extends QualificationColumns {
  id: number;
  org_id: number;
  org_name: string;
  name: string;
  kind: 'officer' | 'auxiliary';
  user_id: number | null;
  domains: string[];
  cert_status: CertStatus;
  cert_status_reason: string | null;
  version: number;
  year: number;
  hours: number;
  required_hours: number;
  training_status: TrainingStatus | null;
  can_enforce: boolean;
}
export interface OfficerDetail extends Omit<Officer, 'year' | 'hours' | 'required_hours' | 'training_status'> {
  training: { id: number; year: number; course: string; hours: Money; held_on: string }[];
}
export interface CaseRow {
  id: number;
  case_no: string | null;
  title: string;
  procedure_kind: 'general' | 'simple';
  status: string;
  party_kind: 'person' | 'org';
  party_name_masked: string;
  filed_on: string;
  decided_on: string | null;
  fine_amount: Money | null;
  instance_id: number;
  org_id: number;
  org_name: string;
  power_name: string;
  next_due: string | null;
}
export interface CaseRecord {
  id: number;
  kind: string;
  title: string;
  happened_on: string;
  content: Record<string, unknown>;
  officer_ids: number[];
  attachment_id: string | null;
  digest: string;
  at: string;
}
export interface CaseOfficer {
  id: number;
  name: string;
  cert_no: string | null;
  cert_valid_until: string | null;
  cert_status: CertStatus;
  role: 'lead' | 'handler';
  recused: boolean;
}
export interface Recusal extends RecusalColumns {
  id: number;
  officer_name: string;
  due_date: string | null;
}
export interface Review {
  id: number;
  outcome: 'pass' | 'fail';
  checklist: Record<string, boolean>;
  opinion: string | null;
  at: string;
  reviewer_name: string | null;
}
export interface Payment {
  id: number;
  channel: 'bank' | 'epay' | 'onspot';
  receipt_no: string;
  amount: Money;
  surcharge: Money;
  paid_on: string;
}
export interface Publicity extends PublicityColumns {
  case_id: number;
}
export interface CaseDetail extends CaseDecisionColumns, CaseExecutionColumns {
  id: number;
  org_id: number;
  org_name: string;
  procedure_kind: 'general' | 'simple';
  case_no: string | null;
  power_id: number;
  power_name: string;
  power_code: string;
  power_basis: string;
  title: string;
  source: string | null;
  party_kind: 'person' | 'org';
  party_name_masked: string;
  party: { kind: 'person' | 'org'; name: string; idNumber: string | null; address: string | null };
  facts: string;
  filed_on: string;
  status: string;
  instance_id: number;
  major_reasons: string[];
  hearing_right: boolean;
  rights_waived: boolean;
  publicize: boolean;
  review_reasons: string[];
  officers: CaseOfficer[];
  records: CaseRecord[];
  recusals: Recusal[];
  reviews: Review[];
  payments: Payment[];
  publicity: Publicity | null;
  benchmarks: Benchmark[];
}
export interface ReviewQueueRow {
  id: number;
  case_no: string | null;
  title: string;
  party_name_masked: string;
  proposed_fine: Money | null;
  major_reasons: string[];
  instance_id: number;
  updated_at: string;
  power_name: string;
}
export interface Stats {
  year: number;
  total: StatRow;
  byMonth: StatRow[];
  byOrg: StatRow[];
  byPower: StatRow[];
}
export interface PublicSubject {
  org_id: number;
  org_name: string;
  kind: SubjectKind;
  legal_basis: string;
  domains: string[];
  announced_on: string;
  announcement: string | null;
  entrusted_by_name: string | null;
  entrustment_scope: string | null;
  entrustment_until: string | null;
  power_count: Money;
  officer_count: Money;
}
export interface PublicPower extends PowerColumns {
  id: number;
  responsibility_items: string[];
  benchmarks: Omit<Benchmark, 'id'>[];
}
export interface PublicOfficer {
  name: string;
  cert_no: string;
  cert_issuer: string | null;
  cert_valid_from: string | null;
  cert_valid_until: string | null;
  cert_status: CertStatus;
  domains: string[];
  org_name: string;
  valid: boolean;
}
export interface PublicDecisionRow {
  id: number;
  decision_no: string;
  title: string;
  party_kind: 'person' | 'org';
  party_name_masked: string;
  penalty_kind: PenaltyKind | null;
  fine_amount: Money | null;
  decided_on: string;
  published_on: string;
  org_name: string;
  power_name: string;
}
export interface PublicDecision extends PublicDecisionRow {
  party_id_masked: string | null;
  party_address_masked: string | null;
  other_penalties: string | null;
  decision_text: string | null;
  legal_basis: string;
  band: string | null;
  circumstances: string | null;
}

// ── codes and their Chinese names (the others in src/modules/enforcement/labels.ts) ──

export const TRAINING_STATUS: Record<TrainingStatus, TagText> = {
  met: { text: '已达标', color: 'green' },
  yellow: { text: '学时不足（预警）', color: 'gold' },
  red: { text: '学时未达标', color: 'red' },
  normal: { text: '学习中', color: 'default' },
};
/** States before the decision: investigation records may still be added (cases.ts OPEN_STATES). */
export const OPEN_STATES = ['investigation', 'notified', 'hearing', 'review', 'deciding'];
/** States after a decision (publicity.ts DECIDED). */
export const DECIDED_STATES = ['decided', 'served', 'enforcing', 'executed', 'closed'];
export const CASE_SOURCES = ['检查发现', '投诉举报', '上级交办', '其他机关移送', '媒体曝光', '监测发现'];

export function options(map: Record<string, string>) {
  return Object.entries(map).map(([value, label]) => ({ value, label }));
}

/** ¥ 12,000.00; '—' when absent. */
export function money(v: Money | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  return `${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`;
}

/** A band's range: '500–2,000 元', '≤ 0 元', '≥ 50 元', '不罚款'. */
export function bandRange(b: Pick<Benchmark, 'fine_min' | 'fine_max'>): string {
  const n = (v: Money) => Number(v).toLocaleString('zh-CN');
  if (b.fine_min == null && b.fine_max == null) return '不设罚款幅度';
  if (b.fine_min == null) return Number(b.fine_max) === 0 ? '不罚款' : `${n(b.fine_max!)} 元以下`;
  if (b.fine_max == null) return `${n(b.fine_min)} 元以上`;
  return `${n(b.fine_min)}–${n(b.fine_max)} 元`;
}

/** Whether a fine lies in a band (penalty-rules.ts fineInBand, on fen). */
export function inBand(fine: number | null | undefined, b: Pick<Benchmark, 'fine_min' | 'fine_max'>): boolean {
  const f = Math.round(Number(fine ?? 0) * 100);
  if (b.fine_min != null && f < Math.round(Number(b.fine_min) * 100)) return false;
  if (b.fine_max != null && f > Math.round(Number(b.fine_max) * 100)) return false;
  return true;
}

/**
 * Today as the server counts it: the calendar day in China (UTC+8), whatever the browser's
 * time zone (src/core/calendar/service.ts todayInChina). Dates of acts may not be later.
 */
export function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Uploads one file as the multipart field `file`; extra fields go first (the server reads them before the file). */
export function uploadFile<T>(url: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  return post<T>(url, form);
}
