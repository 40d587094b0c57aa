/**
 * Pure aggregation rules of the assessment dashboard and result files: how leaf scores roll
 * up to the level-1 indicators (the 10 一级 systems of the seed-000 template), how results
 * spread over grades and 10-point bands, which leaves are weakest across the organisations,
 * what an open round's results are so far, and each organisation's percent across rounds.
 *
 * A leaf counts only where it has a score: a not-applicable leaf (no data, a survey not
 * held, a veto item) leaves both the score and the points, as in `totalAndGrade`; in an open
 * round a leaf not yet scored is left out the same way, so the figures are "so far".
 */
import { GRADE_TEXT, rankWithinCategory, round2, totalAndGrade, vetoOf, type Cutoffs, type Grade } from './scoring.ts';

type Num = number | string;
const num = (v: Num | null | undefined): number | null => (v == null || v === '' ? null : Number(v));

export interface RuleNode {
  id: number;
  parent_id: number | null;
  code: string;
  title: string;
  sort_order: number;
  points: Num;
  method: string | null;
}

export interface RuleScore {
  org_id: number;
  node_id: number;
  score: Num | null;
  self_score?: Num | null;
  review_score?: Num | null;
  self_note?: string | null;
  review_note?: string | null;
}

/** The nodes in tree order (pre-order, siblings by sort_order), each with its level-1 ancestor. */
export function treeOrder<N extends RuleNode>(nodes: N[]): { node: N; top: N; leaf: boolean }[] {
  const children = new Map<number | null, N[]>();
  for (const n of nodes) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n]);
  for (const list of children.values()) list.sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
  const out: { node: N; top: N; leaf: boolean }[] = [];
  const walk = (n: N, top: N) => {
    const kids = children.get(n.id) ?? [];
    out.push({ node: n, top, leaf: kids.length === 0 });
    for (const k of kids) walk(k, top);
  };
  for (const root of children.get(null) ?? []) walk(root, root);
  return out;
}

/** Leaves in tree order with their level-1 ancestor. */
export const leavesInOrder = <N extends RuleNode>(nodes: N[]) => treeOrder(nodes).filter((e) => e.leaf);

export interface Cell {
  score: number;
  /** Points of the leaves that count (scored). */
  max: number;
  /** score / max × 100 to 0.01; null when nothing under the indicator counts. */
  percent: number | null;
}

const cellOf = (score: number, max: number): Cell => ({ score: round2(score), max: round2(max), percent: max > 0 ? round2((score / max) * 100) : null });

/**
 * Each organisation's result in each level-1 indicator: the sum of its scored leaves' scores
 * over the sum of their points. Cells follow the level-1 nodes in tree order; `average` is
 * the mean percent across the organisations that have one (null where none has).
 */
export function levelOneRollup(nodes: RuleNode[], scores: RuleScore[], orgIds: number[]) {
  const tops = treeOrder(nodes).filter((e) => e.node.parent_id == null).map((e) => e.node);
  const topOfLeaf = new Map(leavesInOrder(nodes).map((e) => [e.node.id, e.top.id]));
  const pointsOf = new Map(nodes.map((n) => [n.id, Number(n.points)]));
  const index = new Map(tops.map((t, i) => [t.id, i]));
  const sums = new Map(orgIds.map((o) => [o, tops.map(() => ({ score: 0, max: 0 }))]));
  for (const s of scores) {
    const score = num(s.score);
    const top = topOfLeaf.get(s.node_id);
    const row = sums.get(s.org_id);
    if (score == null || top == null || !row) continue;
    const acc = row[index.get(top)!];
    acc.score += round2(score);
    acc.max += pointsOf.get(s.node_id)!;
  }
  const orgs = orgIds.map((orgId) => ({ orgId, cells: sums.get(orgId)!.map((a) => cellOf(a.score, a.max)) }));
  const average = tops.map((_, i) => {
    const ps = orgs.map((o) => o.cells[i].percent).filter((p): p is number => p != null);
    return ps.length ? round2(ps.reduce((a, b) => a + b, 0) / ps.length) : null;
  });
  return { nodes: tops.map((t) => ({ id: t.id, code: t.code, title: t.title, points: Number(t.points) })), orgs, average };
}

export const GRADES: Grade[] = ['excellent', 'good', 'pass', 'fail'];

/**
 * Counts per grade and per 10-point band of percent: [0,10), [10,20) … [90,100], so 100
 * falls in the top band. Organisations without a percent are counted apart (`unscored`).
 */
export function distribution(rows: { percent: number | null; grade: Grade | null }[]) {
  const bands = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, label: `${i * 10}–${i * 10 + 10}`, count: 0 }));
  const grades = GRADES.map((grade) => ({ grade, text: GRADE_TEXT[grade], count: 0 }));
  let unscored = 0;
  for (const r of rows) {
    if (r.grade) grades[GRADES.indexOf(r.grade)].count++;
    if (r.percent == null || !Number.isFinite(r.percent)) unscored++;
    else bands[Math.min(9, Math.max(0, Math.floor(r.percent / 10)))].count++;
  }
  return { grades, bands, unscored };
}

/**
 * The leaves where the organisations did worst: the mean share of the points achieved
 * (over the organisations where the leaf is scored), lowest first; ties go to the leaf that
 * more organisations lost points on, then to tree order. Leaves that nobody lost points on
 * are not weak and are left out.
 */
export function weakestLeaves(nodes: RuleNode[], scores: RuleScore[], limit = 10) {
  const byLeaf = new Map<number, number[]>();
  for (const s of scores) {
    const score = num(s.score);
    if (score != null) byLeaf.set(s.node_id, [...(byLeaf.get(s.node_id) ?? []), round2(score)]);
  }
  const out = [];
  for (const [position, { node, top }] of leavesInOrder(nodes).entries()) {
    const points = Number(node.points);
    const got = byLeaf.get(node.id) ?? [];
    if (!got.length || !(points > 0)) continue;
    const lostOrgs = got.filter((g) => g < points).length;
    if (!lostOrgs) continue;
    const averageScore = got.reduce((a, b) => a + b, 0) / got.length;
    out.push({ nodeId: node.id, code: node.code, title: node.title, levelOne: top.title, points, averageScore: round2(averageScore), average: round2((averageScore / points) * 100), lostOrgs, scoredOrgs: got.length, position });
  }
  out.sort((a, b) => a.average - b.average || b.lostOrgs - a.lostOrgs || a.position - b.position);
  return out.slice(0, limit).map(({ position: _, ...rest }) => rest);
}

/** Whether a veto leaf's condition occurred: the reviewer's answer, else the self-assessment. */
export const vetoTriggered = (s: RuleScore | undefined) => num(s?.review_score ?? s?.self_score) === 1;

/**
 * An open round's results so far, as `publishRound` would settle them: totals over the
 * scored leaves, grades after vetoes, ranks across the round. `pending` counts the non-veto
 * leaves that have no score yet and are not known to be not applicable.
 */
export function provisionalResults(nodes: RuleNode[], scores: (RuleScore & { status: string })[], orgIds: number[], cutoffs: Cutoffs) {
  const leaves = leavesInOrder(nodes).map((e) => e.node);
  const byOrg = new Map(orgIds.map((o) => [o, new Map<number, RuleScore & { status: string }>()]));
  for (const s of scores) byOrg.get(s.org_id)?.set(s.node_id, s);
  const results = orgIds.map((orgId) => {
    const mine = byOrg.get(orgId)!;
    const scored = leaves.filter((l) => l.method !== 'veto').map((l) => ({ points: Number(l.points), score: num(mine.get(l.id)?.score) }));
    const vetoes = leaves.filter((l) => l.method === 'veto').flatMap((l) => {
      const s = mine.get(l.id);
      return vetoOf(vetoTriggered(s), `${l.title}：${s?.review_note ?? s?.self_note ?? ''}`) ?? [];
    });
    const pending = leaves.filter((l) => l.method !== 'veto' && ['pending', 'invalid'].includes(mine.get(l.id)?.status ?? 'pending')).length;
    return { orgId, ...totalAndGrade(scored, cutoffs, vetoes), pending };
  });
  const ranks = rankWithinCategory(results);
  return results.map((r) => ({ ...r, rank: ranks.get(r.orgId) ?? null }));
}

export interface TrendRound {
  id: number;
  name: string;
  year: number;
}

/**
 * Each organisation's percent across rounds: the earlier rounds (year, then id) that share
 * at least one organisation with the current one, then the current round itself. An
 * organisation not assessed in a round has null there.
 */
export function trendSeries(current: TrendRound, earlier: TrendRound[], orgs: { orgId: number; orgName: string }[], percents: { round_id: number; org_id: number; percent: Num | null }[], currentPercent: Map<number, number | null>) {
  const ids = new Set(orgs.map((o) => o.orgId));
  const shared = new Set(percents.filter((p) => ids.has(p.org_id)).map((p) => p.round_id));
  const rounds = earlier
    .filter((r) => r.id !== current.id && shared.has(r.id))
    .sort((a, b) => a.year - b.year || a.id - b.id)
    .map((r) => ({ id: r.id, name: r.name, year: r.year, current: false }));
  rounds.push({ id: current.id, name: current.name, year: current.year, current: true });
  const at = new Map(percents.map((p) => [`${p.round_id}:${p.org_id}`, num(p.percent)]));
  const series = orgs.map((o) => ({ orgId: o.orgId, orgName: o.orgName, percents: rounds.map((r) => (r.current ? currentPercent.get(o.orgId) ?? null : at.get(`${r.id}:${o.orgId}`) ?? null)) }));
  return { rounds, series };
}
