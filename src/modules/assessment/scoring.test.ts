import { describe, expect, it } from 'vitest';
import {
  rankRound,
  type LeafResult,
  type ScoringRule,
  cutoffsProblem,
  manualScoreProblem,
  rankWithinCategory,
  round2,
  ruleProblem,
  scoreManual,
  scoreMetric,
  scoreRank,
  scoreSurvey,
  totalAndGrade,
  vetoOf,
} from './scoring.ts';

const score = (r: LeafResult) => r.score;

describe('rounding to 0.01', () => {
  it('rounds halves up as written, despite binary floats', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2 / 3)).toBe(0.67);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
  });
});

describe('threshold', () => {
  const rule = { kind: 'threshold', target: 90 } as const;
  it('gives full points exactly at the target and above', () => {
    const r = scoreMetric(rule, 90, 10, true, '%');
    expect(r).toEqual({ status: 'scored', score: 10, explanation: '实际值 90%，目标 ≥ 90%，达到目标，得满分 10 分' });
    expect(score(scoreMetric(rule, 100, 10, true))).toBe(10);
  });
  it('is proportional just below, rounded to 0.01', () => {
    expect(scoreMetric(rule, 89.9, 10, true, '%')).toMatchObject({ score: 9.99, explanation: '实际值 89.9%，目标 ≥ 90%，未达到目标，按比例得 9.99 分（10 × 89.9 ÷ 90）' });
    // 9.9988… rounds to 10.00: rounding is uniform, the explanation still says the target was missed.
    expect(scoreMetric(rule, 89.99, 10, true)).toMatchObject({ score: 10, explanation: expect.stringContaining('未达到目标') });
    expect(score(scoreMetric(rule, 89, 10, true))).toBe(9.89);
    expect(score(scoreMetric(rule, 60, 10, true))).toBe(6.67);
  });
  it('does not lose points to float drift of a computed rate', () => {
    expect(score(scoreMetric({ kind: 'threshold', target: 0.3 }, 0.1 + 0.2, 10, true))).toBe(10);
  });
  it('gives 0 for a zero or negative value when higher is better', () => {
    expect(score(scoreMetric(rule, 0, 10, true))).toBe(0);
    expect(score(scoreMetric(rule, -5, 10, true))).toBe(0);
  });
  it('refuses a zero target when higher is better (any value would meet it)', () => {
    const r = scoreMetric({ kind: 'threshold', target: 0 }, 5, 10, true);
    expect(r.status).toBe('invalid');
    expect(r.explanation).toMatch(/目标值须大于零/);
  });
  it('lower is better: full points at or under the target, target/value above it', () => {
    const low = { kind: 'threshold', target: 2 } as const;
    expect(scoreMetric(low, 2, 10, false).explanation).toBe('实际值 2，目标 ≤ 2，达到目标，得满分 10 分');
    expect(score(scoreMetric(low, 0, 10, false))).toBe(10);
    expect(score(scoreMetric(low, 3, 10, false))).toBe(6.67);
    expect(scoreMetric(low, 3, 10, false, '件').explanation).toBe('实际值 3件，目标 ≤ 2件，未达到目标，按比例得 6.67 分（10 × 2 ÷ 3）');
  });
  it('lower is better with a zero target: nothing is full points, any occurrence is 0', () => {
    const zero = { kind: 'threshold', target: 0 } as const;
    expect(score(scoreMetric(zero, 0, 10, false))).toBe(10);
    expect(score(scoreMetric(zero, 0.5, 10, false))).toBe(0);
    expect(score(scoreMetric(zero, 1, 10, false))).toBe(0);
  });
  it('treats a null value (zero denominator) as not applicable, and NaN/Infinity alike', () => {
    for (const v of [null, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = scoreMetric(rule, v, 10, true);
      expect(r.status).toBe('not_applicable');
      expect(r.score).toBeNull();
      expect(r.explanation).toMatch(/不适用.*10 分不计入应得满分/);
    }
  });
});

describe('bands', () => {
  const rule: ScoringRule = {
    kind: 'bands',
    bands: [
      { min: 60, max: 80, points: 5 },
      { min: 80, max: 90, points: 8 },
      { min: 90, points: 10 },
    ],
  };
  it('puts a value on a shared bound into the band with more points (以上 includes the number)', () => {
    expect(score(scoreMetric(rule, 90, 10, true))).toBe(10);
    expect(score(scoreMetric(rule, 89.99, 10, true))).toBe(8);
    expect(score(scoreMetric(rule, 80, 10, true))).toBe(8);
    expect(scoreMetric(rule, 85, 10, true, '%').explanation).toBe('实际值 85%，属于“80%–90%”档，得 8 分');
  });
  it('includes the outer bounds and scores 0 outside every band', () => {
    expect(score(scoreMetric(rule, 60, 10, true))).toBe(5);
    expect(scoreMetric(rule, 59.99, 10, true)).toMatchObject({ score: 0, explanation: '实际值 59.99，不在任何计分档内，得 0 分' });
    expect(score(scoreMetric(rule, 1e6, 10, true))).toBe(10);
  });
  it('scores 0 in a gap between bands', () => {
    const gap: ScoringRule = { kind: 'bands', bands: [{ max: 10, points: 10 }, { min: 20, max: 30, points: 4 }] };
    expect(score(scoreMetric(gap, 15, 10, false))).toBe(0);
    expect(score(scoreMetric(gap, 10, 10, false))).toBe(10);
    expect(score(scoreMetric(gap, 20, 10, false))).toBe(4);
  });
  it('lower-is-better bands: "5%以下" includes 5%', () => {
    const low: ScoringRule = { kind: 'bands', bands: [{ max: 5, points: 10 }, { min: 5, max: 10, points: 6 }, { min: 10, points: 0 }] };
    expect(score(scoreMetric(low, 5, 10, false))).toBe(10);
    expect(score(scoreMetric(low, 5.01, 10, false))).toBe(6);
    expect(score(scoreMetric(low, 10, 10, false))).toBe(6);
    expect(score(scoreMetric(low, 10.5, 10, false))).toBe(0);
    expect(scoreMetric(low, 3, 10, false, '%').explanation).toBe('实际值 3%，属于“5%以下”档，得 10 分');
  });
  it('a single-value band', () => {
    const exact: ScoringRule = { kind: 'bands', bands: [{ min: 0, max: 0, points: 10 }, { min: 0, max: 3, points: 5 }] };
    expect(score(scoreMetric(exact, 0, 10, false))).toBe(10);
    expect(score(scoreMetric(exact, 1, 10, false))).toBe(5);
  });
  it('null is not applicable', () => expect(scoreMetric(rule, null, 10, true).status).toBe('not_applicable'));
});

describe('linear', () => {
  const up = { kind: 'linear', from: 60, to: 100 } as const;
  it('runs from 0 points at `from` to full points at `to`', () => {
    expect(score(scoreMetric(up, 60, 10, true))).toBe(0);
    expect(score(scoreMetric(up, 100, 10, true))).toBe(10);
    expect(score(scoreMetric(up, 85, 10, true))).toBe(6.25);
    expect(score(scoreMetric(up, 70, 3, true))).toBe(0.75);
  });
  it('clamps beyond the range', () => {
    expect(scoreMetric(up, 120, 10, true)).toMatchObject({ score: 10, explanation: expect.stringContaining('达到满分值') });
    expect(scoreMetric(up, 10, 10, true)).toMatchObject({ score: 0, explanation: expect.stringContaining('未超过零分值') });
  });
  it('works downwards when lower is better', () => {
    const down = { kind: 'linear', from: 10, to: 2 } as const;
    expect(score(scoreMetric(down, 10, 10, false))).toBe(0);
    expect(score(scoreMetric(down, 2, 10, false))).toBe(10);
    expect(score(scoreMetric(down, 0, 10, false))).toBe(10);
    expect(score(scoreMetric(down, 4, 10, false))).toBe(7.5);
    expect(score(scoreMetric(down, 11, 10, false))).toBe(0);
  });
  it('refuses a range that runs against the indicator', () => {
    expect(scoreMetric(up, 80, 10, false).status).toBe('invalid');
    expect(scoreMetric({ kind: 'linear', from: 10, to: 2 }, 4, 10, true).status).toBe('invalid');
  });
});

describe('deduction with a floor', () => {
  const rule = { kind: 'deduction', perItem: 2, floor: 3 } as const;
  it('deducts per item', () => {
    expect(scoreMetric(rule, 0, 10, false)).toMatchObject({ score: 10, explanation: '0 项，不扣分，得满分 10 分' });
    expect(scoreMetric(rule, 2, 10, false, '件')).toMatchObject({ score: 6, explanation: '2 件，每件扣 2 分，应扣 4 分，得 6 分' });
  });
  it('stops at the floor, exactly and beyond', () => {
    expect(score(scoreMetric({ kind: 'deduction', perItem: 2.5, floor: 0 }, 4, 10, false))).toBe(0);
    expect(score(scoreMetric(rule, 3, 10, false))).toBe(4);
    expect(scoreMetric(rule, 4, 10, false)).toMatchObject({ score: 3, explanation: expect.stringContaining('扣至最低得分 3 分') });
    expect(score(scoreMetric(rule, 100, 10, false))).toBe(3);
  });
  it('reads a negative count as none and null as not applicable', () => {
    expect(score(scoreMetric(rule, -1, 10, false))).toBe(10);
    expect(scoreMetric(rule, null, 10, false).status).toBe('not_applicable');
  });
  it('counts items whatever the direction flag says', () => expect(score(scoreMetric(rule, 1, 10, true))).toBe(8));
});

describe('rank among peers', () => {
  const rule = { kind: 'rank', first: 10, step: 2, floor: 5 } as const;
  it('shares the better rank on ties (1, 1, 3) and steps down', () => {
    const m = scoreRank(
      [
        { orgId: 1, value: 95 },
        { orgId: 2, value: 98 },
        { orgId: 3, value: 98 },
        { orgId: 4, value: 90 },
      ],
      rule,
      10,
      true,
      '%',
    );
    expect([1, 2, 3, 4].map((id) => m.get(id)!.rank)).toEqual([3, 1, 1, 4]);
    expect([1, 2, 3, 4].map((id) => m.get(id)!.score)).toEqual([6, 10, 10, 5]);
    expect(m.get(2)!.explanation).toBe('实际值 98%，在 4 个参评单位中并列第 1 名，得 10 分');
    expect(m.get(4)!.explanation).toContain('第 4 名，按最低得分得 5 分');
  });
  it('ranks ascending when lower is better', () => {
    const m = scoreRank(
      [
        { orgId: 1, value: 3 },
        { orgId: 2, value: 1 },
        { orgId: 3, value: 2 },
      ],
      rule,
      10,
      false,
    );
    expect([1, 2, 3].map((id) => m.get(id)!.rank)).toEqual([3, 1, 2]);
  });
  it('excludes nulls: not applicable, unranked, not counted among peers', () => {
    const m = scoreRank(
      [
        { orgId: 1, value: null },
        { orgId: 2, value: 5 },
        { orgId: 3, value: 7 },
      ],
      rule,
      10,
      true,
    );
    expect(m.get(1)).toMatchObject({ status: 'not_applicable', rank: null, score: null });
    expect(m.get(3)).toMatchObject({ rank: 1, score: 10 });
    expect(m.get(2)!.explanation).toContain('在 2 个参评单位中第 2 名');
  });
  it('ties float-drifted values', () => {
    const m = scoreRank(
      [
        { orgId: 1, value: 0.1 + 0.2 },
        { orgId: 2, value: 0.3 },
      ],
      rule,
      10,
      true,
    );
    expect(m.get(1)!.rank).toBe(1);
    expect(m.get(2)!.rank).toBe(1);
  });
  it('gives everyone `invalid` for an invalid rule and handles no peers', () => {
    const m = scoreRank([{ orgId: 1, value: 1 }], { kind: 'rank', first: 12, step: 1, floor: 0 }, 10, true);
    expect(m.get(1)!.status).toBe('invalid');
    expect(scoreRank([], rule, 10, true).size).toBe(0);
  });
});

describe('manual: self-assessment and review', () => {
  it('counts the reviewer when present, else the self-assessment', () => {
    expect(scoreManual({ self: 9, reviewer: 7.5 }, 10)).toMatchObject({ status: 'scored', score: 7.5, source: 'reviewer', explanation: '自评 9 分，复核 7.5 分，以复核分为准' });
    expect(scoreManual({ self: 9, reviewer: null }, 10)).toMatchObject({ score: 9, source: 'self', explanation: '自评 9 分（尚未复核）' });
    expect(scoreManual({ self: null, reviewer: 0 }, 10)).toMatchObject({ score: 0, source: 'reviewer' });
  });
  it('is pending with no score and invalid above the points', () => {
    expect(scoreManual({ self: null, reviewer: null }, 10)).toMatchObject({ status: 'pending', score: null });
    expect(scoreManual({ self: 9, reviewer: 10.5 }, 10)).toMatchObject({ status: 'invalid', score: null, explanation: '复核评分 10.5 分超过该项分值 10 分' });
    expect(scoreManual({ self: 11, reviewer: null }, 10).status).toBe('invalid');
    expect(manualScoreProblem(10, 10)).toBeNull();
    expect(manualScoreProblem(-1, 10)).toMatch(/负数/);
  });
});

describe('survey (外部评价满意度 ≥ 80%)', () => {
  it('scores like a threshold and flags a shortfall', () => {
    expect(scoreSurvey(80, 80, 5)).toMatchObject({ score: 5, shortfall: false });
    expect(scoreSurvey(76, 80, 5)).toMatchObject({ score: 4.75, shortfall: true, explanation: '满意度 76%，目标 ≥ 80%，未达到目标，按比例得 4.75 分（5 × 76 ÷ 80）' });
  });
  it('is not applicable without responses and invalid with an impossible parameter', () => {
    expect(scoreSurvey(null, 80, 5)).toMatchObject({ status: 'not_applicable', score: null, shortfall: false });
    expect(scoreSurvey(90, 120, 5).status).toBe('invalid');
    expect(scoreSurvey(90, 0, 5).status).toBe('invalid');
  });
});

describe('total, grade and veto', () => {
  const cutoffs = { excellent: 90, good: 80, pass: 60 };
  it('removes not-applicable leaves from the maximum', () => {
    const t = totalAndGrade(
      [
        { points: 10, score: 9 },
        { points: 20, score: null },
        { points: 10, score: 8.5 },
      ],
      cutoffs,
      [],
    );
    expect(t).toEqual({ score: 17.5, max: 20, excluded: 20, percent: 87.5, grade: 'good', gradeBeforeVeto: 'good', vetoed: false, reasons: [] });
  });
  it('grades at the cut-offs, on the percent rounded to 0.01', () => {
    const at = (s: number, max = 100) => totalAndGrade([{ points: max, score: s }], cutoffs, []).grade;
    expect(at(90)).toBe('excellent');
    expect(at(89.99)).toBe('good');
    expect(at(80)).toBe('good');
    expect(at(79.99)).toBe('pass');
    expect(at(60)).toBe('pass');
    expect(at(59.99)).toBe('fail');
    expect(at(179.99, 200)).toBe('excellent'); // 89.995 % is reported as 90.00 %
    expect(totalAndGrade([{ points: 200, score: 179.99 }], cutoffs, []).percent).toBe(90);
  });
  it('sums without float drift', () => {
    const leaves = Array.from({ length: 10 }, () => ({ points: 1, score: 0.1 }));
    expect(totalAndGrade(leaves, cutoffs, []).score).toBe(1);
  });
  it('a veto caps the grade at 不合格 and keeps the score', () => {
    const veto = vetoOf(true, '发生重大行政执法过错并造成恶劣影响');
    expect(vetoOf(false, 'x')).toBeNull();
    const t = totalAndGrade([{ points: 100, score: 95 }], cutoffs, [veto!]);
    expect(t).toMatchObject({ score: 95, percent: 95, gradeBeforeVeto: 'excellent', grade: 'fail', vetoed: true, reasons: ['发生重大行政执法过错并造成恶劣影响'] });
  });
  it('a veto with a higher cap only lowers grades above it', () => {
    expect(totalAndGrade([{ points: 100, score: 95 }], cutoffs, [{ reason: 'r', cap: 'pass' }]).grade).toBe('pass');
    expect(totalAndGrade([{ points: 100, score: 50 }], cutoffs, [{ reason: 'r', cap: 'pass' }]).grade).toBe('fail');
    expect(totalAndGrade([{ points: 100, score: 95 }], cutoffs, [{ reason: 'a', cap: 'good' }, { reason: 'b', cap: 'pass' }])).toMatchObject({ grade: 'pass', reasons: ['a', 'b'] });
  });
  it('with nothing applicable there is no percent and no grade, unless a veto settles it', () => {
    expect(totalAndGrade([{ points: 10, score: null }], cutoffs, [])).toMatchObject({ score: 0, max: 0, excluded: 10, percent: null, grade: null });
    expect(totalAndGrade([], cutoffs, [{ reason: 'r' }]).grade).toBe('fail');
    expect(totalAndGrade([], cutoffs, [{ reason: 'r', cap: 'good' }]).grade).toBeNull();
  });
  it('checks the cut-offs', () => {
    expect(cutoffsProblem(cutoffs)).toBeNull();
    expect(cutoffsProblem({ excellent: 80, good: 90, pass: 60 })).toMatch(/合格 ≤ 良好 ≤ 优秀/);
    expect(cutoffsProblem({ excellent: 101, good: 90, pass: 60 })).toMatch(/0 至 100/);
  });
});

describe('rank within the assessment category', () => {
  it('uses competition ranking by percent, ties sharing', () => {
    const m = rankWithinCategory([
      { orgId: 1, percent: 88 },
      { orgId: 2, percent: 92.5 },
      { orgId: 3, percent: 88 },
      { orgId: 4, percent: 70 },
      { orgId: 5, percent: null },
    ]);
    expect(Object.fromEntries(m)).toEqual({ 1: 2, 2: 1, 3: 2, 4: 4 });
    expect(m.has(5)).toBe(false);
  });
  it('ties percents equal at 0.01', () => {
    const m = rankWithinCategory([
      { orgId: 1, percent: 88.001 },
      { orgId: 2, percent: 88 },
    ]);
    expect([m.get(1), m.get(2)]).toEqual([1, 1]);
  });
});

describe('ruleProblem', () => {
  it('accepts sound rules', () => {
    expect(ruleProblem({ kind: 'threshold', target: 90 }, 10)).toBeNull();
    expect(ruleProblem({ kind: 'threshold', target: 0 }, 10, false)).toBeNull();
    expect(ruleProblem({ kind: 'bands', bands: [{ max: 0, points: 10 }, { min: 0, max: 3, points: 5 }, { min: 3, points: 0 }] }, 10)).toBeNull();
    expect(ruleProblem({ kind: 'linear', from: -5, to: 5 }, 10, true)).toBeNull();
    expect(ruleProblem({ kind: 'deduction', perItem: 1, floor: 10 }, 10)).toBeNull();
    expect(ruleProblem({ kind: 'rank', first: 10, step: 1, floor: 0 }, 10)).toBeNull();
  });
  it('refuses non-positive points and negative parameters', () => {
    expect(ruleProblem({ kind: 'threshold', target: 90 }, 0)).toMatch(/分值须为大于零/);
    expect(ruleProblem({ kind: 'threshold', target: -1 }, 10)).toMatch(/目标值不能为负数/);
    expect(ruleProblem({ kind: 'threshold', target: Number.NaN }, 10)).toMatch(/须为数字/);
    expect(ruleProblem({ kind: 'threshold', target: 0 }, 10, true)).toMatch(/目标值须大于零/);
    expect(ruleProblem({ kind: 'deduction', perItem: 0, floor: 0 }, 10)).toMatch(/每项扣分须大于零/);
    expect(ruleProblem({ kind: 'deduction', perItem: 1, floor: -1 }, 10)).toMatch(/最低得分不能为负数/);
    expect(ruleProblem({ kind: 'deduction', perItem: 1, floor: 11 }, 10)).toMatch(/超过指标分值/);
  });
  it('refuses bad bands', () => {
    const b = (bands: { min?: number; max?: number; points: number }[]) => ruleProblem({ kind: 'bands', bands }, 10);
    expect(b([])).toMatch(/至少须有一档/);
    expect(b([{ min: 0, max: 10, points: 11 }])).toMatch(/第 1 档的得分 11 分超过指标分值 10 分/);
    expect(b([{ min: 0, max: 10, points: -1 }])).toMatch(/不小于零/);
    expect(b([{ min: 10, max: 5, points: 1 }])).toMatch(/下限大于上限/);
    expect(b([{ min: 0, max: 10, points: 1 }, { min: 5, max: 20, points: 2 }])).toMatch(/第 1 档与第 2 档的区间重叠/);
    expect(b([{ min: 10, max: 20, points: 1 }, { min: 0, max: 5, points: 2 }])).toMatch(/从低到高排列/);
    expect(b([{ min: 10, points: 1 }, { min: 20, points: 2 }])).toMatch(/重叠/);
    expect(b([{ max: 10, points: 1 }, { max: 20, points: 2 }])).toMatch(/重叠/);
  });
  it('refuses a flat or reversed linear range', () => {
    expect(ruleProblem({ kind: 'linear', from: 5, to: 5 }, 10)).toMatch(/起止值不能相同/);
    expect(ruleProblem({ kind: 'linear', from: 5, to: 1 }, 10, true)).toMatch(/满分值须大于零分值/);
    expect(ruleProblem({ kind: 'linear', from: 1, to: 5 }, 10, false)).toMatch(/满分值须小于零分值/);
  });
  it('refuses bad rank rules', () => {
    expect(ruleProblem({ kind: 'rank', first: 12, step: 1, floor: 0 }, 10)).toMatch(/第一名得分 12 分超过指标分值 10 分/);
    expect(ruleProblem({ kind: 'rank', first: 10, step: 0, floor: 0 }, 10)).toMatch(/递减分值须大于零/);
    expect(ruleProblem({ kind: 'rank', first: 10, step: 1, floor: -1 }, 10)).toMatch(/最低得分不能为负数/);
    expect(ruleProblem({ kind: 'rank', first: 5, step: 1, floor: 6 }, 10)).toMatch(/不能超过第一名得分/);
  });
});

describe('ranks of a round', () => {
  const r = (orgId: number, percent: number | null, category: string | null, vetoed = false) => ({ orgId, percent, category, vetoed });
  it('ranks within each category', () => {
    const ranks = rankRound([r(1, 90, '市直部门'), r(2, 95, '市直部门'), r(3, 80, '县（市、区）政府'), r(4, 85, '县（市、区）政府')]);
    expect([...ranks.entries()].sort((a, b) => a[0] - b[0])).toEqual([[1, 2], [2, 1], [3, 2], [4, 1]]);
  });
  it('puts a vetoed organisation after every unvetoed one of its category', () => {
    const ranks = rankRound([r(1, 99, 'A', true), r(2, 70, 'A'), r(3, 60, 'A'), r(4, 50, 'A', true)]);
    expect([ranks.get(2), ranks.get(3), ranks.get(1), ranks.get(4)]).toEqual([1, 2, 3, 4]);
  });
  it('keeps ties and leaves organisations without a percentage unranked', () => {
    const ranks = rankRound([r(1, 90, null), r(2, 90, null), r(3, null, null)]);
    expect([ranks.get(1), ranks.get(2), ranks.has(3)]).toEqual([1, 1, false]);
  });
});
