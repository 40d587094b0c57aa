// The scoring rules are pure and import-free on the server: the web checks a rule with the
// same function before sending it, so the two cannot disagree.
import { ruleProblem, type Band, type ScoringRule } from '../../../../src/modules/assessment/scoring.ts';

export { ruleProblem };
export type { Band, ScoringRule };

/** Shapes of the assessment API (src/modules/assessment/systems.ts). Numeric columns come back as strings. */
type Num = string | number;
export type Method = 'metric' | 'manual' | 'survey' | 'veto';

export interface SystemRow {
  id: number;
  name: string;
  year: number;
  edition: number;
  status: 'draft' | 'published';
  categories: string[];
  source: string;
  total_points: Num;
  published_on: string | null;
  org_id: number;
  org_name: string;
  version: number;
  node_count: Num;
}

export interface TreeNode {
  id: number;
  system_id: number;
  parent_id: number | null;
  code: string;
  level: number;
  sort_order: number;
  title: string;
  text: string | null;
  goal: string | null;
  points: Num;
  method: Method | null;
  metric_code: string | null;
  rule: ScoringRule | null;
  data_source: string | null;
  leaf: boolean;
  children: TreeNode[];
}

export interface PointsProblem {
  code: string | null;
  expected: number;
  actual: number;
}

export interface MetricDef {
  code: string;
  module: string;
  name: string;
  unit: string;
  higherIsBetter: boolean;
}

export interface SystemDetail extends Omit<SystemRow, 'org_name' | 'node_count'> {
  region_code: string;
  tree: TreeNode[];
  pointsProblems: PointsProblem[];
  metrics: MetricDef[];
}

export const STATUS: Record<SystemRow['status'], { text: string; color: string }> = {
  draft: { text: '草稿', color: 'gold' },
  published: { text: '已发布', color: 'green' },
};

export const METHOD: Record<Method, { text: string; color: string }> = {
  metric: { text: '指标数据', color: 'blue' },
  manual: { text: '自评审核', color: 'default' },
  survey: { text: '满意度调查', color: 'purple' },
  veto: { text: '一票否决', color: 'red' },
};

export const RULE_KIND: Record<ScoringRule['kind'], string> = {
  threshold: '达标计分',
  linear: '线性计分',
  deduction: '按项扣分',
  rank: '排名计分',
  bands: '分档计分',
};

/** Metric units (src/core/metrics/types.ts): the suffix of a value, and the unit's name. Percents run 0–100. */
export const UNIT_SUFFIX: Record<string, string> = { percent: '%', days: '天', count: '', ratio: '' };
export const UNIT_NAME: Record<string, string> = { percent: '百分比', days: '天数', count: '数量', ratio: '比值' };
export const unitSuffix = (unit?: string) => (unit ? UNIT_SUFFIX[unit] ?? unit : '');

/** Points as shown: at most one decimal, no trailing zeros. */
export const pts = (v: Num | null | undefined) => (v == null || v === '' ? '—' : String(Number(v)));

/** Where a system came from: the template, a copy, or an import. */
export function sourceText(source: string): string {
  if (source.startsWith('template:')) return `默认模板：${source.slice('template:'.length)}`;
  if (source.startsWith('copy:')) return `复制自第 ${source.slice('copy:'.length)} 号`;
  return source;
}

/** 一级指标合计 x 分，应为总分 y 分 / 指标"一（二）"下级合计 x 分，应为 y 分. */
export function problemText(p: PointsProblem): string {
  return p.code == null ? `一级指标合计 ${p.actual} 分，应为总分 ${p.expected} 分` : `指标"${p.code}"下级合计 ${p.actual} 分，应为 ${p.expected} 分`;
}

/** A rule in one line of Chinese, with the metric's unit. */
export function ruleText(rule: ScoringRule | null, unit = ''): string {
  if (!rule) return '未设定评分规则';
  switch (rule.kind) {
    case 'threshold':
      return `达到 ${rule.target}${unit} 得满分，未达到按比例得分`;
    case 'linear':
      return `${rule.from}${unit} 得 0 分，${rule.to}${unit} 得满分，其间线性`;
    case 'deduction':
      return `每项扣 ${rule.perItem} 分，最低 ${rule.floor} 分`;
    case 'rank':
      return `第一名 ${rule.first} 分，每降一名减 ${rule.step} 分，最低 ${rule.floor} 分`;
    case 'bands':
      return `分档：${rule.bands.map((b) => `${b.min ?? '…'}–${b.max ?? '…'}${unit} 得 ${b.points} 分`).join('；')}`;
    default:
      return JSON.stringify(rule);
  }
}

/** Every node of a tree, depth first. */
export function flatten(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
