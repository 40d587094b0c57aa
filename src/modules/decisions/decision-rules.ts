/**
 * The pure conditions behind the guards of the major-decision procedure (重大行政决策程序暂行条例
 * 2019). No database, no clock: the procedure passes in what it read. No imports, so the web
 * app may import the labels too.
 */

/** The risks a decision's assessment covers (seed 002 #24; 条例 art. 22: 社会稳定、公共安全等方面). */
export type RiskKind = 'social_stability' | 'environment' | 'economic' | 'legal' | 'fiscal' | 'public_safety';
export const RISK_KIND_LABELS: Record<RiskKind, string> = { social_stability: '社会稳定风险', environment: '生态环境风险', economic: '经济风险', legal: '法律纠纷风险', fiscal: '财政风险', public_safety: '公共安全风险' };
export const RISK_KINDS = Object.keys(RISK_KIND_LABELS) as RiskKind[];
export type RiskLevel = 'low' | 'medium' | 'high';
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: '低风险', medium: '中风险', high: '高风险' };

export type MemberView = 'agree' | 'disagree' | 'abstain';
export type AttendeeRole = 'head' | 'member' | 'legal_head' | 'other';
export interface Attendee {
  name: string;
  role: AttendeeRole;
  view?: MemberView;
}
/** The head's decision on the draft: adopt (as drafted or amended) or not. */
export type HeadDecision = 'adopt' | 'adopt_amended' | 'reject';

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Calendar days of a comment period from its first to its last day, both counted. */
export function commentPeriodDays(from: string, until: string): number {
  return dayNumber(until) - dayNumber(from) + 1;
}

/** 条例 art. 15: the period is generally not shorter than the rule parameter (30 days). */
export function commentPeriodLongEnough(from: string, until: string, minDays: number): boolean {
  return commentPeriodDays(from, until) >= minDays;
}

/** A comment is taken only within the published period. */
export function commentOpen(today: string, from: string | null, until: string | null): boolean {
  return !!from && !!until && from <= today && today <= until;
}

/** The office may close public participation only once the period has run out. */
export function commentPeriodOver(today: string, until: string | null): boolean {
  return !!until && today > until;
}

/** A hearing is needed when the item is in the hearing catalogue or the decision says so. */
export function hearingNeeded(itemFlag: boolean | null | undefined, decisionFlag: boolean): boolean {
  return !!itemFlag || decisionFlag;
}

/** A hearing counts only with its date, at least one participant and a record (seed 000 §3(三)1). */
export function hearingComplete(h: { heldOn?: string; participants?: unknown[]; record?: string } | null | undefined): boolean {
  return !!h?.heldOn && (h.participants?.length ?? 0) >= 1 && !!h.record?.trim();
}

/** The risk items not assessed yet. */
export function missingRiskItems(items: { kind: string }[]): RiskKind[] {
  const seen = new Set(items.map((i) => i.kind));
  return RISK_KINDS.filter((k) => !seen.has(k));
}

/** "未经评估或者评估不通过的，不予决策": every item assessed and the assessment passed. */
export function riskAllowsDecision(risk: { items?: { kind: string }[]; passed?: boolean } | null | undefined): boolean {
  return !!risk && risk.passed === true && missingRiskItems(risk.items ?? []).length === 0;
}

/**
 * 条例 art. 26: the review may conclude only when the minimum review time has run, i.e. on
 * or after `earliest` (the submission day plus the working days, from the statutory calendar).
 */
export function reviewMayConclude(today: string, earliest: string | null): boolean {
  return !!earliest && today >= earliest;
}

/** The meeting discusses a reviewed draft: it may not be dated before the review concluded. */
export function meetingAfterReview(heldOn: string | undefined, reviewConcludedOn: string | null): boolean {
  return !!heldOn && !!reviewConcludedOn && heldOn >= reviewConcludedOn;
}

/** The head of the legal-affairs office attends (seed 001 §3(二)4). */
export function legalHeadAttended(attendees: Attendee[]): boolean {
  return attendees.some((a) => a.role === 'legal_head');
}

/** The view of the majority of the members (the head not counted): agree, disagree or none. */
export function majorityView(attendees: Attendee[]): 'agree' | 'disagree' | null {
  const members = attendees.filter((a) => a.role !== 'head' && a.view && a.view !== 'abstain');
  const agree = members.filter((a) => a.view === 'agree').length;
  const disagree = members.length - agree;
  if (agree === disagree) return null;
  return agree > disagree ? 'agree' : 'disagree';
}

/** 条例 art. 30, seed 002 #26: the head decides against the majority of the members. */
export function headAgainstMajority(attendees: Attendee[], decision: HeadDecision): boolean {
  const m = majorityView(attendees);
  if (!m) return false;
  return (m === 'agree') !== (decision !== 'reject');
}

/** Against the majority the head must state the reason at the meeting. */
export function headReasonOk(attendees: Attendee[], decision: HeadDecision, reason: string | null | undefined): boolean {
  return !headAgainstMajority(attendees, decision) || !!reason?.trim();
}

/** Every member but the head states a view (条例 art. 30: 会议组成人员应当充分发表意见). */
export function viewsComplete(attendees: Attendee[]): boolean {
  return attendees.filter((a) => a.role === 'member').length > 0 && attendees.filter((a) => a.role === 'member').every((a) => !!a.view) && attendees.filter((a) => a.role === 'head').length === 1;
}
