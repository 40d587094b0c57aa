/**
 * Pure rules of the administrative penalty procedure (行政处罚法 2021). Amounts are in
 * yuan with two decimals; the functions work in fen (integers) to avoid float drift.
 */

export type PartyKind = 'person' | 'org';

export const toFen = (yuan: number | string | null | undefined) => Math.round(Number(yuan ?? 0) * 100);
export const fromFen = (fen: number) => fen / 100;

export interface Band {
  fine_min: number | string | null;
  fine_max: number | string | null;
}

/** Whether a fine lies within a benchmark band (a band without a bound is open on that side). */
export function fineInBand(fine: number, band: Band): boolean {
  const f = toFen(fine);
  if (band.fine_min != null && f < toFen(band.fine_min)) return false;
  if (band.fine_max != null && f > toFen(band.fine_max)) return false;
  return true;
}

/** A penalty outside the band it cites stands only with a recorded reason (seed 002 #29). */
export function bandDeviationOk(fine: number, band: Band, reason: string | null | undefined): boolean {
  return fineInBand(fine, band) || !!reason?.trim();
}

export interface Thresholds {
  person: number;
  org: number;
}

const threshold = (t: Thresholds, kind: PartyKind) => (kind === 'person' ? t.person : t.org);

/** Penalties whose kind alone gives the party the right to a hearing (art. 63 (二)–(五)). */
export const HEARING_KINDS = ['confiscation', 'suspension', 'revocation'] as const;

/** Art. 63: the party is told of the right to a hearing for a large fine or a heavy penalty. */
export function hearingRight(partyKind: PartyKind, fine: number, penaltyKinds: readonly string[], t: Thresholds): boolean {
  return toFen(fine) >= toFen(threshold(t, partyKind)) || penaltyKinds.some((k) => (HEARING_KINDS as readonly string[]).includes(k));
}

/** The four categories of art. 58, plus local thresholds and a deviation from the band. */
export const MAJOR_REASONS = ['public_interest', 'hearing_held', 'complex', 'law_requires', 'fine_threshold', 'band_deviation'] as const;
export type MajorReason = (typeof MAJOR_REASONS)[number];

export const MAJOR_REASON_TEXT: Record<MajorReason, string> = {
  public_interest: '涉及重大公共利益',
  hearing_held: '直接关系当事人或者第三人重大权益，经过听证程序',
  complex: '案件情况疑难复杂、涉及多个法律关系',
  law_requires: '法律、法规规定应当进行法制审核',
  fine_threshold: '罚款数额达到本地重大执法决定法制审核标准',
  band_deviation: '处罚超出所引用的裁量基准幅度',
};

/** The reasons that make a decision subject to 法制审核 (art. 58); empty when none apply. */
export function legalReviewReasons(input: { declared: readonly string[]; hearingHeld: boolean; partyKind: PartyKind; fine: number; outsideBand: boolean }, t: Thresholds): MajorReason[] {
  const out = new Set<MajorReason>(input.declared.filter((r): r is MajorReason => (MAJOR_REASONS as readonly string[]).includes(r)));
  if (input.hearingHeld) out.add('hearing_held');
  if (toFen(input.fine) >= toFen(threshold(t, input.partyKind))) out.add('fine_threshold');
  if (input.outsideBand) out.add('band_deviation');
  return MAJOR_REASONS.filter((r) => out.has(r));
}

/** Art. 51: a warning, or a fine up to the threshold for the party's kind, may be decided on the spot. */
export function simpleProcedureAllowed(partyKind: PartyKind, penaltyKind: string, fine: number, t: Thresholds): boolean {
  if (penaltyKind === 'warning') return toFen(fine) === 0;
  if (penaltyKind !== 'fine') return false;
  return toFen(fine) > 0 && toFen(fine) <= toFen(threshold(t, partyKind));
}

/** Art. 68: officers may collect on the spot only a fine up to the parameter (100 yuan). */
export function onSpotCollectionAllowed(fine: number, max: number): boolean {
  return toFen(fine) > 0 && toFen(fine) <= toFen(max);
}

/** Whole days from `from` to `to` (ISO dates, UTC arithmetic; negative when before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Art. 72(一): from the day after the payment period ends, 3 % of the fine per day, never
 * more than the fine itself. Returns fen.
 */
export function lateSurchargeFen(fine: number | string, dueDate: string, paidOn: string, percentPerDay: number): number {
  const late = daysBetween(dueDate, paidOn);
  if (late <= 0) return 0;
  const fineFen = toFen(fine);
  return Math.min(fineFen, Math.round((fineFen * percentPerDay * late) / 100));
}
