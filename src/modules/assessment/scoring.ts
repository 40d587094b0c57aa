/**
 * Pure scoring rules of 指标考核 (DESIGN §4.7): how a leaf indicator scores from a metric
 * (threshold, bands, linear, per-item deduction, rank among peers), from a manual
 * self-assessment and review, from a satisfaction survey, or as a veto (一票否决); and how
 * the leaves add up to a percent, a grade and a rank within the assessment category.
 *
 * Conventions, for every function here:
 * - Scores are rounded to 0.01 point, once per leaf; a total is the sum of rounded leaf
 *   scores (rounded again only to drop float drift); the percent is rounded to 0.01 and the
 *   grade and the ranking use that rounded percent, so what the report shows is what is
 *   graded and ranked.
 * - Metric values are compared at 12 significant digits, so float drift in a computed rate
 *   (0.1 + 0.2 vs 0.3) never costs or gains a point, nor breaks a tie.
 * - Missing data: a metric value of null (nothing to measure, e.g. a zero denominator) — or a
 *   non-finite number, which is what a zero denominator yields when divided anyway — makes
 *   the leaf `not_applicable`: it is excluded and its points leave the maximum, so the
 *   organisation is scored on the rest (`totalAndGrade` reports the excluded points).
 * - No free-form formulas: every rule is one of the structured kinds below.
 */

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';
export const GRADE_TEXT: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
/** Worst first, so a cap is the lower of two indexes. */
const GRADE_ORDER: Grade[] = ['fail', 'pass', 'good', 'excellent'];

/**
 * A band is the closed range [min, max] on the metric's scale; an omitted bound is open.
 * Bands are listed from low to high values and may touch but not overlap; a value on a
 * bound shared by two bands scores the band with more points, because "90%以上" and
 * "5%以下" include the number itself (民法典 art. 1259) whichever way the indicator runs.
 * A value in no band (below, above or between them) scores 0.
 */
export interface Band {
  min?: number;
  max?: number;
  points: number;
}

export type ScoringRule =
  /** Full points on reaching the target; short of it, proportional (see `scoreMetric`). */
  | { kind: 'threshold'; target: number }
  | { kind: 'bands'; bands: Band[] }
  /** `from` scores 0, `to` full points, linear in between, clamped outside; either direction. */
  | { kind: 'linear'; from: number; to: number }
  /** The value is a count of items: full − count × perItem, never below `floor`. */
  | { kind: 'deduction'; perItem: number; floor: number }
  /** Rank among peers: 1st gets `first`, each next rank `step` less, never below `floor`. */
  | { kind: 'rank'; first: number; step: number; floor: number };
export type MetricRule = Exclude<ScoringRule, { kind: 'rank' }>;
export type RankRule = Extract<ScoringRule, { kind: 'rank' }>;

/**
 * The outcome of one leaf. `pending` (manual leaf not yet scored) and `invalid` (a rule or
 * score that fails validation) also carry no score, but they are not `not_applicable`: a
 * round must not be closed while a leaf is in either state.
 */
export type LeafResult =
  | { status: 'scored'; score: number; explanation: string }
  | { status: 'not_applicable' | 'pending' | 'invalid'; score: null; explanation: string };

/** Round to 0.01; toPrecision first so 1.005 (stored as 1.00499…) rounds up as written. */
export function round2(n: number): number {
  return Math.round(Number((n * 100).toPrecision(12))) / 100 + 0; // + 0 turns -0 into 0
}

/** The comparison form of a metric value (12 significant digits). */
const norm = (n: number) => Number(n.toPrecision(12));

/** A number for an explanation: two decimals from 1 up, four below (rates as fractions). */
const fmt = (n: number) => String(Math.abs(n) >= 1 ? round2(n) : Number(n.toFixed(4)) + 0);
const withUnit = (n: number, unit: string) => `${fmt(n)}${unit}`;

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function bandText(b: Band, unit: string): string {
  if (b.min != null && b.max != null) return b.min === b.max ? withUnit(b.min, unit) : `${withUnit(b.min, unit)}–${withUnit(b.max, unit)}`;
  if (b.min != null) return `${withUnit(b.min, unit)}以上`;
  if (b.max != null) return `${withUnit(b.max, unit)}以下`;
  return '全部取值';
}

/**
 * What is wrong with a rule for a leaf of `points` points, in Chinese; null when it is sound.
 * Bounds of bands and linear ends are on the metric's scale and may be negative (e.g. a
 * year-on-year change); points, targets and deductions may not. With `higherIsBetter` given,
 * also refuses rules that run against the indicator's direction.
 */
export function ruleProblem(rule: ScoringRule, points: number, higherIsBetter?: boolean): string | null {
  if (!finite(points) || points <= 0) return '指标分值须为大于零的数';
  switch (rule.kind) {
    case 'threshold':
      if (!finite(rule.target)) return '目标值须为数字';
      if (rule.target < 0) return '目标值不能为负数';
      // "≥ 0" is met by any count or rate: the indicator would award points for nothing.
      if (higherIsBetter === true && rule.target === 0) return '数值越高越好的指标，目标值须大于零';
      return null;
    case 'bands': {
      const bands = rule.bands;
      if (!bands.length) return '分档计分至少须有一档';
      for (let i = 0; i < bands.length; i++) {
        const b = bands[i];
        const n = i + 1;
        if ((b.min != null && !finite(b.min)) || (b.max != null && !finite(b.max))) return `第 ${n} 档的上下限须为数字`;
        if (!finite(b.points) || b.points < 0) return `第 ${n} 档的得分须为不小于零的数`;
        if (b.points > points) return `第 ${n} 档的得分 ${fmt(b.points)} 分超过指标分值 ${fmt(points)} 分`;
        if (b.min != null && b.max != null && b.min > b.max) return `第 ${n} 档的下限大于上限`;
        if (i === 0) continue;
        const a = bands[i - 1];
        if (a.min != null && b.min != null && b.min < a.min) return `分档须按数值从低到高排列（第 ${n} 档低于第 ${i} 档）`;
        if (a.max == null || b.min == null || b.min < a.max) return `第 ${i} 档与第 ${n} 档的区间重叠`;
      }
      return null;
    }
    case 'linear':
      if (!finite(rule.from) || !finite(rule.to)) return '线性计分的起止值须为数字';
      if (rule.from === rule.to) return '线性计分的起止值不能相同';
      if (higherIsBetter === true && rule.to < rule.from) return '数值越高越好的指标，满分值须大于零分值';
      if (higherIsBetter === false && rule.to > rule.from) return '数值越低越好的指标，满分值须小于零分值';
      return null;
    case 'deduction':
      if (!finite(rule.perItem) || rule.perItem <= 0) return '每项扣分须大于零';
      if (!finite(rule.floor) || rule.floor < 0) return '最低得分不能为负数';
      if (rule.floor > points) return `最低得分 ${fmt(rule.floor)} 分超过指标分值 ${fmt(points)} 分`;
      return null;
    case 'rank':
      if (!finite(rule.first) || rule.first < 0) return '第一名得分不能为负数';
      if (rule.first > points) return `第一名得分 ${fmt(rule.first)} 分超过指标分值 ${fmt(points)} 分`;
      if (!finite(rule.step) || rule.step <= 0) return '名次递减分值须大于零';
      if (!finite(rule.floor) || rule.floor < 0) return '最低得分不能为负数';
      if (rule.floor > rule.first) return '最低得分不能超过第一名得分';
      return null;
  }
}

const notApplicable = (points: number): LeafResult => ({
  status: 'not_applicable',
  score: null,
  explanation: `本期无可计量的数据（如分母为零），该项不适用，其分值 ${fmt(points)} 分不计入应得满分`,
});
const invalid = (problem: string): LeafResult => ({ status: 'invalid', score: null, explanation: `计分规则有误：${problem}` });
const scored = (score: number, explanation: string): LeafResult => ({ status: 'scored', score: round2(score), explanation });

/**
 * One leaf from a metric value. `unit` only dresses the explanation ('%', '件', '小时').
 *
 * threshold — higher is better: full points at value ≥ target, else points × value / target
 *   (0 for a negative value). Lower is better: full points at value ≤ target, else
 *   points × target / value; the value then exceeds a target ≥ 0, so it is positive and the
 *   division is safe, and a target of 0 ("no incident") gives 0 for any incident — use
 *   `deduction` to lose points item by item instead.
 * bands — the bands carry the direction (their points); `higherIsBetter` is not consulted.
 * linear — runs from → to; a rule running against `higherIsBetter` is `invalid`, as is any
 *   rule `ruleProblem` refuses for this direction (e.g. a higher-is-better target of 0).
 * deduction — the value is a count (lower is better by nature, whatever the flag says); a
 *   negative count reads as none.
 */
export function scoreMetric(rule: MetricRule, value: number | null, points: number, higherIsBetter: boolean, unit = ''): LeafResult {
  const problem = ruleProblem(rule, points, higherIsBetter);
  if (problem) return invalid(problem);
  if (value == null || !Number.isFinite(value)) return notApplicable(points);
  const v = norm(value);
  const shown = `实际值 ${withUnit(value, unit)}`;
  const full = fmt(points);
  switch (rule.kind) {
    case 'threshold': {
      const t = rule.target;
      const sign = higherIsBetter ? '≥' : '≤';
      const head = `${shown}，目标 ${sign} ${withUnit(t, unit)}`;
      if (higherIsBetter ? v >= t : v <= t) return scored(points, `${head}，达到目标，得满分 ${full} 分`);
      // Guards: a zero target (lower is better) or a negative value (higher is better) earn nothing.
      const ratio = higherIsBetter ? (t > 0 && v > 0 ? v / t : 0) : t > 0 ? t / v : 0;
      if (ratio === 0) return scored(0, `${head}，未达到目标，得 0 分`);
      const s = round2(points * ratio);
      const formula = higherIsBetter ? `${full} × ${fmt(value)} ÷ ${fmt(t)}` : `${full} × ${fmt(t)} ÷ ${fmt(value)}`;
      return scored(s, `${head}，未达到目标，按比例得 ${fmt(s)} 分（${formula}）`);
    }
    case 'bands': {
      let hit: Band | null = null;
      for (const b of rule.bands) {
        const inside = (b.min == null || v >= b.min) && (b.max == null || v <= b.max);
        if (inside && (hit == null || b.points > hit.points)) hit = b;
      }
      if (!hit) return scored(0, `${shown}，不在任何计分档内，得 0 分`);
      return scored(hit.points, `${shown}，属于“${bandText(hit, unit)}”档，得 ${fmt(round2(hit.points))} 分`);
    }
    case 'linear': {
      const { from, to } = rule;
      const head = `${shown}，按线性计分（${withUnit(from, unit)} 得 0 分，${withUnit(to, unit)} 得满分 ${full} 分）`;
      const f = (v - from) / (to - from);
      if (f >= 1) return scored(points, `${head}，达到满分值，得满分 ${full} 分`);
      if (f <= 0) return scored(0, `${head}，未超过零分值，得 0 分`);
      const s = round2(points * f);
      return scored(s, `${head}，得 ${fmt(s)} 分`);
    }
    case 'deduction': {
      const count = Math.max(0, v);
      const u = unit || '项';
      const due = count * rule.perItem;
      const s = Math.max(rule.floor, points - due);
      if (count === 0) return scored(points, `0 ${u}，不扣分，得满分 ${full} 分`);
      const head = `${fmt(count)} ${u}，每${u}扣 ${fmt(rule.perItem)} 分，应扣 ${fmt(round2(due))} 分`;
      if (points - due < rule.floor) return scored(s, `${head}，扣至最低得分 ${fmt(rule.floor)} 分`);
      return scored(s, `${head}，得 ${fmt(round2(s))} 分`);
    }
  }
}

/**
 * A rank leaf for every peer, keyed by orgId (one entry per org). Orgs with a null or
 * non-finite value are not ranked and are `not_applicable`; the others are ranked by
 * competition ranking (ties share the better rank: 1, 1, 3), descending when higher is
 * better. The rank counts only the orgs that have a value.
 */
export function scoreRank(
  values: { orgId: number; value: number | null }[],
  rule: RankRule,
  points: number,
  higherIsBetter: boolean,
  unit = '',
): Map<number, LeafResult & { rank: number | null }> {
  const out = new Map<number, LeafResult & { rank: number | null }>();
  const problem = ruleProblem(rule, points, higherIsBetter);
  const measured = values
    .filter((e): e is { orgId: number; value: number } => e.value != null && Number.isFinite(e.value))
    .map((e) => ({ ...e, key: norm(e.value) }))
    .sort((a, b) => (higherIsBetter ? b.key - a.key : a.key - b.key));
  const rankOf = new Map<number, { rank: number; tied: boolean }>();
  let rank = 0;
  measured.forEach((e, i) => {
    if (i === 0 || measured[i - 1].key !== e.key) rank = i + 1; // competition ranking: 1, 1, 3
    rankOf.set(e.orgId, { rank, tied: measured[i - 1]?.key === e.key || measured[i + 1]?.key === e.key });
  });
  for (const e of values) {
    const r = rankOf.get(e.orgId);
    if (problem) out.set(e.orgId, { ...invalid(problem), rank: null });
    else if (!r || e.value == null) out.set(e.orgId, { ...notApplicable(points), rank: null });
    else {
      const due = rule.first - (r.rank - 1) * rule.step;
      const s = Math.max(rule.floor, due);
      const text = `实际值 ${withUnit(e.value, unit)}，在 ${measured.length} 个参评单位中${r.tied ? '并列' : ''}第 ${r.rank} 名，${due < rule.floor ? '按最低得分' : ''}得 ${fmt(round2(s))} 分`;
      out.set(e.orgId, { ...scored(s, text), rank: r.rank });
    }
  }
  return out;
}

/** A manual score must lie within 0..points (checked at entry and again when scoring). */
export function manualScoreProblem(score: number, points: number): string | null {
  if (!finite(score)) return '评分须为数字';
  if (score < 0) return '评分不能为负数';
  if (score > points) return `评分 ${fmt(score)} 分超过该项分值 ${fmt(points)} 分`;
  return null;
}

/**
 * A manual leaf: the reviewer's score counts when present; until then the self-assessment
 * counts (provisionally — `source` says which). Neither → `pending`; the counting score
 * out of range → `invalid`.
 */
export function scoreManual(input: { self: number | null; reviewer: number | null }, points: number): LeafResult & { source: 'reviewer' | 'self' | null } {
  if (!finite(points) || points <= 0) return { ...invalid('指标分值须为大于零的数'), source: null };
  const source = input.reviewer != null ? 'reviewer' : input.self != null ? 'self' : null;
  if (source == null) return { status: 'pending', score: null, explanation: '尚未自评，也未复核', source };
  const value = source === 'reviewer' ? input.reviewer! : input.self!;
  const who = source === 'reviewer' ? '复核' : '自评';
  const problem = manualScoreProblem(value, points);
  if (problem) return { status: 'invalid', score: null, explanation: `${who}${problem}`, source };
  const selfPart = source === 'reviewer' && input.self != null ? `自评 ${fmt(input.self)} 分，` : '';
  const text = source === 'reviewer' ? `${selfPart}复核 ${fmt(round2(value))} 分，以复核分为准` : `自评 ${fmt(round2(value))} 分（尚未复核）`;
  return { ...scored(value, text), source };
}

/**
 * A survey leaf: the satisfaction percentage scored like a higher-is-better threshold
 * against the satisfaction parameter (seed 000 §9(三)2: 外部评价满意度不应低于80%).
 * `shortfall` marks a percentage below the parameter; no valid responses → not applicable.
 */
export function scoreSurvey(percent: number | null, target: number, points: number): LeafResult & { shortfall: boolean } {
  if (finite(target) && target > 100) return { ...invalid('满意度要求不能超过 100%'), shortfall: false };
  const r = scoreMetric({ kind: 'threshold', target }, percent, points, true, '%');
  if (r.status === 'invalid') return { ...r, shortfall: false };
  if (r.status !== 'scored') return { status: r.status, score: null, explanation: '本期无有效满意度问卷，该项不适用，其分值不计入应得满分', shortfall: false };
  const shortfall = norm(percent!) < target;
  return { ...r, explanation: r.explanation.replace('实际值', '满意度'), shortfall };
}

/** A triggered veto caps the overall grade (at 不合格 unless the indicator says otherwise). */
export interface Veto {
  reason: string;
  cap?: Grade;
}

/** A veto leaf: the veto when its condition holds, null otherwise. */
export function vetoOf(triggered: boolean, reason: string, cap: Grade = 'fail'): Veto | null {
  return triggered ? { reason, cap } : null;
}

export interface Cutoffs {
  excellent: number;
  good: number;
  pass: number;
}

/** Cut-offs are percents of the applicable maximum: 0 ≤ 合格 ≤ 良好 ≤ 优秀 ≤ 100. */
export function cutoffsProblem(c: Cutoffs): string | null {
  if (![c.excellent, c.good, c.pass].every(finite)) return '等次分数线须为数字';
  if (c.pass < 0 || c.excellent > 100) return '等次分数线须在 0 至 100 之间';
  if (!(c.pass <= c.good && c.good <= c.excellent)) return '等次分数线须满足 合格 ≤ 良好 ≤ 优秀';
  return null;
}

/** The grade of a percent; each cut-off is a lower bound that the percent reaches when equal. */
export function gradeOfPercent(percent: number, c: Cutoffs): Grade {
  if (percent >= c.excellent) return 'excellent';
  if (percent >= c.good) return 'good';
  if (percent >= c.pass) return 'pass';
  return 'fail';
}

export interface Total {
  /** Sum of the applicable leaf scores. */
  score: number;
  /** Sum of the applicable leaves' points: what the organisation is scored against. */
  max: number;
  /** Points of the not-applicable leaves, removed from the maximum. */
  excluded: number;
  /** score / max × 100, rounded to 0.01; null when no leaf is applicable. */
  percent: number | null;
  /** Grade after vetoes; null only when no leaf is applicable and no veto settles it. */
  grade: Grade | null;
  /** Grade from the percent alone, before vetoes. */
  gradeBeforeVeto: Grade | null;
  vetoed: boolean;
  /** The reasons of the vetoes, in the order given. */
  reasons: string[];
}

/**
 * Total of a round for one organisation. A leaf with score null is not applicable: neither
 * its score nor its points count (the caller passes only scored or not-applicable leaves;
 * pending or invalid leaves must block closing the round instead). A veto leaves the score
 * and percent as they are and caps the grade; with no applicable leaf, a veto capping at
 * 不合格 still settles the grade, since nothing is below it.
 */
export function totalAndGrade(leaves: { points: number; score: number | null }[], cutoffs: Cutoffs, vetoes: Veto[]): Total {
  let score = 0;
  let max = 0;
  let excluded = 0;
  for (const l of leaves) {
    if (l.score == null) excluded += l.points;
    else {
      score += round2(l.score);
      max += l.points;
    }
  }
  score = round2(score);
  max = round2(max);
  excluded = round2(excluded);
  const percent = max > 0 ? round2((score / max) * 100) : null;
  const gradeBeforeVeto = percent == null ? null : gradeOfPercent(percent, cutoffs);
  const capIndex = Math.min(GRADE_ORDER.length - 1, ...vetoes.map((v) => Math.max(0, GRADE_ORDER.indexOf(v.cap ?? 'fail'))));
  let grade = gradeBeforeVeto;
  if (vetoes.length) {
    if (grade != null) grade = GRADE_ORDER[Math.min(GRADE_ORDER.indexOf(grade), capIndex)];
    else if (capIndex === 0) grade = 'fail';
  }
  return { score, max, excluded, percent, grade, gradeBeforeVeto, vetoed: vetoes.length > 0, reasons: vetoes.map((v) => v.reason) };
}

/**
 * Rank within an assessment category by percent, highest first, ties sharing the better
 * rank (1, 1, 3). Percents are compared rounded to 0.01, as reported; orgs without a
 * percent (nothing applicable) are left out of the map.
 */
export function rankWithinCategory(results: { orgId: number; percent: number | null }[]): Map<number, number> {
  const sorted = results
    .filter((r): r is { orgId: number; percent: number } => r.percent != null && Number.isFinite(r.percent))
    .map((r) => ({ orgId: r.orgId, key: round2(r.percent) }))
    .sort((a, b) => b.key - a.key);
  const out = new Map<number, number>();
  let rank = 0;
  sorted.forEach((r, i) => {
    if (i === 0 || sorted[i - 1].key !== r.key) rank = i + 1;
    out.set(r.orgId, rank);
  });
  return out;
}

/**
 * Ranks of a round: within each category of assessed organisations (市直部门, 县（市、区）政府 …),
 * and within it a vetoed organisation (一票否决) after every organisation not vetoed, whatever
 * its percentage — a veto caps the grade, so it cannot rank above an unvetoed peer.
 */
export function rankRound(results: { orgId: number; percent: number | null; category: string | null; vetoed: boolean }[]): Map<number, number> {
  const out = new Map<number, number>();
  const categories = new Map<string, typeof results>();
  for (const r of results) categories.set(r.category ?? '', [...(categories.get(r.category ?? '') ?? []), r]);
  for (const group of categories.values()) {
    const clear = group.filter((r) => !r.vetoed);
    const ranked = rankWithinCategory(clear);
    for (const [orgId, rank] of ranked) out.set(orgId, rank);
    for (const [orgId, rank] of rankWithinCategory(group.filter((r) => r.vetoed))) out.set(orgId, ranked.size + rank);
  }
  return out;
}
