import { post } from '../../core/api';
// Server files without imports, shared so the codes and texts cannot drift apart.
import { REVIEW_CHECKLIST, REVIEW_CHECKLIST_TEXT } from '../../../../src/modules/enforcement/checklist.ts';
import { MAJOR_REASONS, MAJOR_REASON_TEXT, type MajorReason } from '../../../../src/modules/enforcement/penalty-rules.ts';
import { OFFICER_REFUSAL_TEXT, officerRefusal, type TrainingStatus } from '../../../../src/modules/enforcement/officer-rules.ts';

export { REVIEW_CHECKLIST, REVIEW_CHECKLIST_TEXT, MAJOR_REASONS, MAJOR_REASON_TEXT, OFFICER_REFUSAL_TEXT, officerRefusal };
export type { MajorReason, TrainingStatus };

/** Shapes of the enforcement API (src/modules/enforcement/*.ts). Numeric columns come back as strings. */
type Money = string | number;

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
export interface Benchmark {
  id: number;
  band: string;
  circumstances: string;
  fine_min: Money | null;
  fine_max: Money | null;
  other_penalties: string | null;
  sort_order?: number;
}
export interface Power {
  id: number;
  org_id: number;
  org_name: string;
  code: string;
  name: string;
  power_type: PowerType;
  legal_basis: string;
  internal_unit: string | null;
  responsibility_items: string[];
  published: boolean;
  active: boolean;
  version: number;
  benchmark_count: Money;
}
export interface PowerDetail extends Omit<Power, 'benchmark_count'> {
  benchmarks: Benchmark[];
}
export interface Officer {
  id: number;
  org_id: number;
  org_name: string;
  name: string;
  kind: 'officer' | 'auxiliary';
  user_id: number | null;
  domains: string[];
  trained_on: string | null;
  exam_passed_on: string | null;
  cert_no: string | null;
  cert_issuer: string | null;
  cert_valid_from: string | null;
  cert_valid_until: string | null;
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
export interface Recusal {
  id: number;
  officer_id: number;
  officer_name: string;
  source: 'self' | 'organisation' | 'party';
  reason: string;
  applied_on: string;
  due_date: string | null;
  outcome: 'recused' | 'rejected' | null;
  decided_on: string | null;
  decision_reason: string | null;
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
export interface Publicity {
  case_id: number;
  published_on: string;
  due_on: string;
  on_time: boolean;
  changed_on: string | null;
  change_kind: 'changed' | 'revoked' | 'unlawful' | null;
  change_reason: string | null;
  withdraw_due: string | null;
  withdrawn_on: string | null;
  withdraw_on_time: boolean | null;
}
export interface CaseDetail {
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
  notice_on: string | null;
  proposed_fine: Money | null;
  penalty_kind: PenaltyKind | null;
  fine_amount: Money | null;
  other_penalties: string | null;
  benchmark_id: number | null;
  band_deviation_reason: string | null;
  decision_no: string | null;
  decided_on: string | null;
  decision_text: string | null;
  publicize: boolean;
  review_reasons: string[];
  served_on: string | null;
  service_method: string | null;
  payment_due: string | null;
  paid_on: string | null;
  paid_amount: Money | null;
  surcharge: Money | null;
  closed_on: string | null;
  transferred_to: string | null;
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
export interface StatRow {
  key: string;
  label: string;
  filed: number;
  decided: number;
  closed: number;
  overdue: number;
  hearings: number;
  reviews: number;
  fines_imposed: number;
  fines_collected: number;
}
export interface Stats {
  year: number;
  total: StatRow;
  byMonth: StatRow[];
  byOrg: StatRow[];
  byPower: StatRow[];
}
export interface ImportResult {
  imported: number;
  errors: { row: number; field: string; message: string; message_en: string }[];
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
export interface PublicPower {
  id: number;
  code: string;
  name: string;
  power_type: PowerType;
  legal_basis: string;
  internal_unit: string | null;
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

// ── codes and their Chinese names ─────────────────────────────────────────────

export type SubjectKind = 'statutory' | 'authorized' | 'entrusted';
export type PowerType = 'license' | 'penalty' | 'coercion' | 'levy' | 'inspection' | 'confirmation' | 'adjudication' | 'payment' | 'reward' | 'other';
export type CertStatus = 'none' | 'valid' | 'suspended' | 'revoked';
export type PenaltyKind = 'warning' | 'fine' | 'confiscation' | 'suspension' | 'revocation' | 'detention_transfer' | 'no_penalty';

export const CASE_STATUS: Record<string, { text: string; color: string }> = {
  investigation: { text: '调查取证', color: 'blue' },
  notified: { text: '已告知', color: 'cyan' },
  hearing: { text: '听证', color: 'purple' },
  review: { text: '法制审核', color: 'geekblue' },
  deciding: { text: '待决定', color: 'gold' },
  decided: { text: '已决定待送达', color: 'orange' },
  served: { text: '已送达待履行', color: 'volcano' },
  enforcing: { text: '强制执行', color: 'red' },
  executed: { text: '已执行', color: 'green' },
  closed: { text: '结案归档', color: 'default' },
  transferred: { text: '已移送', color: 'default' },
  withdrawn: { text: '已撤销立案', color: 'default' },
};
/** States before the decision: investigation records may still be added (cases.ts OPEN_STATES). */
export const OPEN_STATES = ['investigation', 'notified', 'hearing', 'review', 'deciding'];
/** States after a decision (publicity.ts DECIDED). */
export const DECIDED_STATES = ['decided', 'served', 'enforcing', 'executed', 'closed'];

export const PENALTY_KINDS: Record<PenaltyKind, string> = {
  warning: '警告',
  fine: '罚款',
  confiscation: '没收',
  suspension: '责令停产停业',
  revocation: '吊销许可证件',
  detention_transfer: '行政拘留（移送）',
  no_penalty: '不予处罚',
};
export const POWER_TYPES: Record<PowerType, string> = {
  license: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  inspection: '行政检查',
  confirmation: '行政确认',
  adjudication: '行政裁决',
  payment: '行政给付',
  reward: '行政奖励',
  other: '其他',
};
export const SUBJECT_KINDS: Record<SubjectKind, string> = { statutory: '行政机关', authorized: '法律法规授权组织', entrusted: '受委托组织' };
export const OFFICER_KINDS: Record<string, string> = { officer: '执法人员', auxiliary: '执法辅助人员' };
export const CERT_STATUS: Record<CertStatus, { text: string; color: string }> = {
  none: { text: '未发证', color: 'default' },
  valid: { text: '有效', color: 'green' },
  suspended: { text: '暂扣', color: 'orange' },
  revoked: { text: '注销', color: 'red' },
};
export const TRAINING_STATUS: Record<TrainingStatus, { text: string; color: string }> = {
  met: { text: '已达标', color: 'green' },
  yellow: { text: '学时不足（预警）', color: 'gold' },
  red: { text: '学时未达标', color: 'red' },
  normal: { text: '学习中', color: 'default' },
};
export const PARTY_KINDS: Record<string, string> = { person: '自然人', org: '法人或其他组织' };
export const SERVICE_METHODS: Record<string, string> = { direct: '直接送达', left: '留置送达', post: '邮寄送达', electronic: '电子送达', entrusted: '委托送达', public: '公告送达', on_spot: '当场交付' };
export const PAY_CHANNELS: Record<string, string> = { bank: '指定银行', epay: '电子支付', onspot: '当场收缴' };
export const COMPULSORY_MEASURES: Record<string, string> = { surcharge: '加处罚款', auction: '拍卖、依法处理查封扣押的财物', transfer_deposit: '划拨冻结的存款、汇款', court: '申请人民法院强制执行' };
export const RECEIVER_KINDS: Record<string, string> = { agency: '有管辖权的行政机关', judicial: '司法机关（涉嫌犯罪）' };
export const ACTION_KINDS: Record<string, string> = { inspection: '现场检查', inquiry: '询问', sampling: '抽样取证', survey: '勘验', seizure: '查封扣押', other: '其他' };
export const EVIDENCE_KINDS: Record<string, string> = {
  documentary: '书证',
  physical: '物证',
  audiovisual: '视听资料',
  electronic: '电子数据',
  testimony: '证人证言',
  statement: '当事人陈述',
  expert: '鉴定意见',
  record: '勘验笔录、现场笔录',
};
export const RECUSAL_SOURCES: Record<string, string> = { self: '自行回避', organisation: '组织决定', party: '当事人申请' };
export const RECUSAL_OUTCOMES: Record<string, string> = { recused: '决定回避', rejected: '不予回避' };
export const CHANGE_KINDS: Record<string, string> = { changed: '变更', revoked: '撤销', unlawful: '确认违法或无效' };
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
