import { describe, expect, it } from 'vitest';
import { distribution, levelOneRollup, provisionalResults, trendSeries, weakestLeaves, type RuleNode, type RuleScore } from './dashboard-rules.ts';

// 一 (40): 一（一）(30) → leaves 11 (10), 12 (20); leaf 13 (10) directly under 一.
// 二 (60): leaves 21 (30, manual), 22 (20, survey), 23 (10, veto).
const node = (id: number, parent: number | null, code: string, points: number, sort: number, method: string | null = 'manual'): RuleNode => ({ id, parent_id: parent, code, title: `指标${code}`, sort_order: sort, points, method });
const NODES: RuleNode[] = [
  node(2, null, '二', 60, 1, null),
  node(1, null, '一', 40, 0, null),
  node(10, 1, '一（一）', 30, 0, null),
  node(11, 10, '一（一）1', 10, 0),
  node(12, 10, '一（一）2', 20, 1),
  node(13, 1, '一（二）', 10, 1),
  node(21, 2, '二（一）', 30, 0),
  node(22, 2, '二（二）', 20, 1, 'survey'),
  node(23, 2, '二（三）', 10, 2, 'veto'),
];
const sc = (org: number, node: number, score: number | string | null, extra: Partial<RuleScore & { status: string }> = {}) => ({ org_id: org, node_id: node, score, status: score == null ? 'not_applicable' : 'scored', ...extra });
const CUTOFFS = { excellent: 90, good: 80, pass: 60 };

describe('level-1 rollup', () => {
  it('sums the scored leaves under each level-1 indicator, in tree order, with the average across organisations', () => {
    const scores = [sc(1, 11, 10), sc(1, 12, '15'), sc(1, 13, 10), sc(1, 21, 24), sc(1, 22, null), sc(1, 23, null), sc(2, 11, 5), sc(2, 12, 20), sc(2, 13, 5), sc(2, 21, 30), sc(2, 22, 10), sc(2, 23, null)];
    const r = levelOneRollup(NODES, scores, [1, 2]);
    expect(r.nodes.map((n) => n.code)).toEqual(['一', '二']);
    expect(r.orgs[0].cells).toEqual([
      { score: 35, max: 40, percent: 87.5 },
      // The survey leaf is not applicable and the veto leaf never scores: only 21 counts.
      { score: 24, max: 30, percent: 80 },
    ]);
    expect(r.orgs[1].cells).toEqual([
      { score: 30, max: 40, percent: 75 },
      { score: 40, max: 50, percent: 80 },
    ]);
    expect(r.average).toEqual([81.25, 80]);
  });

  it('gives null where nothing under an indicator counts, and ignores scores of other organisations', () => {
    const r = levelOneRollup(NODES, [sc(1, 11, null), sc(1, 12, null), sc(1, 13, null), sc(1, 21, 30), sc(9, 11, 10)], [1]);
    expect(r.orgs[0].cells[0]).toEqual({ score: 0, max: 0, percent: null });
    expect(r.average).toEqual([null, 100]);
  });
});

describe('distribution', () => {
  it('counts grades and 10-point bands, 100 in the top band, missing percents apart', () => {
    const d = distribution([
      { percent: 100, grade: 'excellent' },
      { percent: 90, grade: 'excellent' },
      { percent: 89.99, grade: 'fail' },
      { percent: 0, grade: 'fail' },
      { percent: null, grade: null },
    ]);
    expect(d.grades).toEqual([
      { grade: 'excellent', text: '优秀', count: 2 },
      { grade: 'good', text: '良好', count: 0 },
      { grade: 'pass', text: '合格', count: 0 },
      { grade: 'fail', text: '不合格', count: 2 },
    ]);
    expect(d.bands.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    expect(d.bands[9].label).toBe('90–100');
    expect(d.unscored).toBe(1);
  });
});

describe('weakest leaves', () => {
  it('orders by the average share achieved, ties to more organisations losing points, then tree order', () => {
    const scores = [
      // 11: 50% and 100% → 75%, one org lost points. 12: 75% and 75% → 75%, two lost.
      sc(1, 11, 5), sc(2, 11, 10), sc(1, 12, 15), sc(2, 12, 15),
      // 13 and 21 both 50% with two losers each: tree order decides.
      sc(1, 21, 15), sc(2, 21, 15), sc(1, 13, 5), sc(2, 13, 5),
      // 22 full marks everywhere: not weak.
      sc(1, 22, 20), sc(2, 22, 20),
    ];
    const w = weakestLeaves(NODES, scores);
    expect(w.map((x) => [x.code, x.average, x.lostOrgs, x.scoredOrgs])).toEqual([
      ['一（二）', 50, 2, 2],
      ['二（一）', 50, 2, 2],
      ['一（一）2', 75, 2, 2],
      ['一（一）1', 75, 1, 2],
    ]);
    expect(w[0]).toMatchObject({ levelOne: '指标一', averageScore: 5, points: 10 });
    expect(weakestLeaves(NODES, scores, 2)).toHaveLength(2);
  });
});

describe('an open round so far', () => {
  it('totals the scored leaves, leaves out pending ones, applies a veto and ranks with ties', () => {
    const scores = [
      sc(1, 11, 10), sc(1, 12, 20), sc(1, 13, 10), sc(1, 21, 30), sc(1, 22, null), sc(1, 23, null, { self_score: 0 }),
      sc(2, 11, 10), sc(2, 12, 20), sc(2, 13, 10), sc(2, 21, null, { status: 'pending' }), sc(2, 22, null), sc(2, 23, null, { self_score: 0, review_score: 1, review_note: '发生重大违法行政案件' }),
      sc(3, 11, 5), sc(3, 12, 10), sc(3, 13, 5), sc(3, 21, 15), sc(3, 22, null), sc(3, 23, null),
    ];
    const [a, b, c] = provisionalResults(NODES, scores, [1, 2, 3], CUTOFFS);
    expect(a).toMatchObject({ score: 70, max: 70, percent: 100, grade: 'excellent', rank: 1, pending: 0, vetoed: false });
    expect(b).toMatchObject({ score: 40, max: 40, percent: 100, grade: 'fail', rank: 1, pending: 1, vetoed: true });
    expect(b.reasons[0]).toContain('重大违法行政案件');
    expect(c).toMatchObject({ percent: 50, grade: 'fail', rank: 3 });
  });

  it('is empty for a round without organisations, and null for an organisation with nothing scored', () => {
    expect(provisionalResults(NODES, [], [], CUTOFFS)).toEqual([]);
    expect(provisionalResults(NODES, [], [7], CUTOFFS)[0]).toMatchObject({ percent: null, grade: null, rank: null, pending: 5 });
  });
});

describe('an empty round', () => {
  it('gives empty tables and zero counts', () => {
    expect(levelOneRollup(NODES, [], [])).toMatchObject({ orgs: [], average: [null, null] });
    expect(levelOneRollup([], [], [1])).toEqual({ nodes: [], orgs: [{ orgId: 1, cells: [] }], average: [] });
    expect(weakestLeaves(NODES, [])).toEqual([]);
    const d = distribution([]);
    expect(d.unscored).toBe(0);
    expect(d.grades.every((g) => g.count === 0) && d.bands.every((b) => b.count === 0)).toBe(true);
  });
});

describe('trend across rounds', () => {
  it('lists the earlier rounds sharing an organisation by year, then the current round', () => {
    const t = trendSeries(
      { id: 9, name: '2026年度', year: 2026 },
      [
        { id: 5, name: '2025年度', year: 2025 },
        { id: 3, name: '2024年度', year: 2024 },
        { id: 4, name: '2024年度县区', year: 2024 },
      ],
      [
        { orgId: 1, orgName: '甲局' },
        { orgId: 2, orgName: '乙局' },
      ],
      [
        { round_id: 5, org_id: 1, percent: '91.50' },
        { round_id: 3, org_id: 1, percent: 80 },
        { round_id: 3, org_id: 2, percent: 70 },
        { round_id: 4, org_id: 8, percent: 60 },
      ],
      new Map([
        [1, 95],
        [2, null],
      ]),
    );
    expect(t.rounds.map((r) => [r.id, r.current])).toEqual([
      [3, false],
      [5, false],
      [9, true],
    ]);
    expect(t.series).toEqual([
      { orgId: 1, orgName: '甲局', percents: [80, 91.5, 95] },
      { orgId: 2, orgName: '乙局', percents: [70, null, null] },
    ]);
  });
});
