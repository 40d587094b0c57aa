import { describe, expect, it } from 'vitest';
import { DEFAULT_SHEET, ERROR_SITUATIONS, defaultPoints, gradeOf, pointsThresholdReached, scoreSheet, sheetProblem } from './oversight-rules.ts';

describe('error liability and points (seed 003)', () => {
  it('lists the nine situations of the text', () => expect(ERROR_SITUATIONS).toHaveLength(9));
  it('takes default points by situation from the parameter list', () => {
    const perSituation = [4, 6, 6, 4, 4, 12, 4, 6, 2];
    expect(defaultPoints('ultra_vires', perSituation)).toBe(4);
    expect(defaultPoints('misconduct', perSituation)).toBe(12);
    expect(defaultPoints('other', [3])).toBe(3);
  });
  it('reaches the threshold at, not before, the parameter', () => {
    expect(pointsThresholdReached(11, 12)).toBe(false);
    expect(pointsThresholdReached(12, 12)).toBe(true);
    expect(pointsThresholdReached(50, 0)).toBe(false);
  });
});

describe('grades (优秀/良好/合格/不合格)', () => {
  it('grades at the lower bounds', () => {
    expect(gradeOf(90, [90, 80, 60])).toBe('excellent');
    expect(gradeOf(89.9, [90, 80, 60])).toBe('good');
    expect(gradeOf(60, [90, 80, 60])).toBe('pass');
    expect(gradeOf(59.5, [90, 80, 60])).toBe('fail');
  });
});

describe('case-file scoring sheet', () => {
  it('accepts the default sheet of 100 points', () => expect(sheetProblem(DEFAULT_SHEET)).toBeNull());
  it('refuses sheets that do not add up, repeat a code or have a zero item', () => {
    expect(sheetProblem([{ code: 'a', name: 'A', max: 50 }])).toMatch(/100/);
    expect(sheetProblem([{ code: 'a', name: 'A', max: 50 }, { code: 'a', name: 'B', max: 50 }])).toMatch(/重复/);
    expect(sheetProblem([{ code: 'a', name: 'A', max: 100 }, { code: 'b', name: 'B', max: 0 }])).toMatch(/大于零/);
  });
  it('totals scores within each maximum and names the first wrong item', () => {
    const full = Object.fromEntries(DEFAULT_SHEET.map((i) => [i.code, i.max]));
    expect(scoreSheet(DEFAULT_SHEET, full)).toEqual({ total: 100 });
    expect(scoreSheet(DEFAULT_SHEET, { ...full, evidence: 20.5 })).toEqual({ total: 95.5 });
    expect(scoreSheet(DEFAULT_SHEET, { ...full, evidence: 26 })).toEqual({ item: 'evidence', problem: 'out_of_range' });
    expect(scoreSheet(DEFAULT_SHEET, { ...full, evidence: -1 })).toEqual({ item: 'evidence', problem: 'out_of_range' });
    const { archiving, ...partial } = full;
    expect(scoreSheet(DEFAULT_SHEET, partial)).toEqual({ item: 'archiving', problem: 'missing' });
    expect(scoreSheet(DEFAULT_SHEET, { ...full, bonus: 1 })).toEqual({ item: 'bonus', problem: 'unknown' });
  });
});
