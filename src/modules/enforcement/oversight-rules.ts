/**
 * Pure rules of enforcement oversight: the nine situations of error liability, officer
 * points, and the grading of case files and internal units.
 */

/** 执法过错 (seed 003 篇2 五(三)): the nine situations, in the text's order. */
export const ERROR_SITUATIONS = [
  ['ultra_vires', '超越职权、违反法定程序的'],
  ['unlawful_penalty', '违法实施罚款、责令停产停业、没收财物、暂扣或吊销许可证或批准证明文件等行政处罚的'],
  ['unlawful_coercion', '违法对当事人的财产采取查封、扣押等行政强制措施的'],
  ['wrong_facts', '认定事实不清，主要证据不足，适用法律法规不当，导致有关行政执法决定错误或显失公正的'],
  ['delay', '拒绝或无正当理由拖延履行法定职责，造成严重后果的'],
  ['misconduct', '在行政许可、认证、年检、检查、处罚等行政行为中不遵守法定条件，甚至失职、徇私枉法的'],
  ['inaction', '对举报、直接发现或当事人举报的违法行为，应当处理而不处理造成严重影响的'],
  ['leak', '泄露举报人的情况，或将案情、案件讨论情况泄露给案件当事人或其他不应知道的人员'],
  ['other', '其他应当追究的行政执法过错行为'],
] as const;
export type ErrorSituation = (typeof ERROR_SITUATIONS)[number][0];
export const ERROR_SITUATION_CODES = ERROR_SITUATIONS.map(([c]) => c) as ErrorSituation[];

/** The default points of a situation from the parameter (a list in the order above). */
export function defaultPoints(situation: ErrorSituation, perSituation: number[]): number {
  const i = ERROR_SITUATION_CODES.indexOf(situation);
  return perSituation[i] ?? perSituation[perSituation.length - 1] ?? 0;
}

/** Reaching the yearly threshold of deducted points suspends the certificate. */
export function pointsThresholdReached(deducted: number, threshold: number): boolean {
  return threshold > 0 && deducted >= threshold;
}

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';
export const GRADE_TEXT: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** A score against descending lower bounds [优秀, 良好, 合格]: e.g. [90, 80, 60]. */
export function gradeOf(score: number, bands: number[]): Grade {
  const [excellent, good, pass] = bands;
  if (score >= excellent) return 'excellent';
  if (score >= good) return 'good';
  if (score >= pass) return 'pass';
  return 'fail';
}

export interface SheetItem {
  code: string;
  name: string;
  max: number;
}

/** 案卷评查 default scoring sheet: subject, evidence, procedure, legal application, documents, archiving. */
export const DEFAULT_SHEET: SheetItem[] = [
  { code: 'subject', name: '执法主体与执法人员资格合法', max: 10 },
  { code: 'evidence', name: '事实清楚，证据确凿充分', max: 25 },
  { code: 'procedure', name: '程序合法（立案、调查、告知、听证、审核、决定、送达）', max: 25 },
  { code: 'law', name: '适用法律正确，裁量适当', max: 20 },
  { code: 'documents', name: '执法文书规范完整', max: 10 },
  { code: 'archiving', name: '立卷归档规范', max: 10 },
];

/** The sheet must have distinct codes and positive maxima adding up to 100. */
export function sheetProblem(sheet: SheetItem[]): string | null {
  if (!sheet.length) return '评分表不能为空';
  if (new Set(sheet.map((i) => i.code)).size !== sheet.length) return '评分项编码重复';
  if (sheet.some((i) => !(i.max > 0))) return '每一评分项的分值须大于零';
  const sum = sheet.reduce((a, i) => a + i.max, 0);
  if (Math.abs(sum - 100) > 1e-9) return `各评分项分值合计须为 100 分（现为 ${sum} 分）`;
  return null;
}

/** Scores per item within 0..max; returns the total, or the first item that is wrong. */
export function scoreSheet(sheet: SheetItem[], scores: Record<string, number>): { total: number } | { item: string; problem: 'missing' | 'out_of_range' | 'unknown' } {
  for (const k of Object.keys(scores)) if (!sheet.some((i) => i.code === k)) return { item: k, problem: 'unknown' };
  let total = 0;
  for (const i of sheet) {
    const v = scores[i.code];
    if (v === undefined || v === null) return { item: i.code, problem: 'missing' };
    if (!(v >= 0 && v <= i.max)) return { item: i.code, problem: 'out_of_range' };
    total += v;
  }
  return { total: Math.round(total * 10) / 10 };
}
