import { describe, expect, it } from 'vitest';
import { consequencesOf, minPerformanceWeight, performancePoints } from './results-rules.ts';

const mins = { provincialDepartment: 5, cityCountyGovernment: 2 };

describe('minimum weight in the performance assessment (seed 000 §9(三)1)', () => {
  it('is 5% for a provincial department', () => {
    expect(minPerformanceWeight({ orgType: 'government_department', regionLevel: 'province' }, mins)).toEqual({ min: 5, who: '省直部门' });
    expect(minPerformanceWeight({ orgType: 'legal_affairs', regionLevel: 'province' }, mins)?.min).toBe(5);
  });
  it('is 2% for a city or county government', () => {
    expect(minPerformanceWeight({ orgType: 'people_government', regionLevel: 'city' }, mins)?.min).toBe(2);
    expect(minPerformanceWeight({ orgType: 'people_government', regionLevel: 'county' }, mins)?.min).toBe(2);
  });
  it('has no minimum for city departments, townships or the provincial government', () => {
    expect(minPerformanceWeight({ orgType: 'government_department', regionLevel: 'city' }, mins)).toBeNull();
    expect(minPerformanceWeight({ orgType: 'township_street', regionLevel: 'township' }, mins)).toBeNull();
    expect(minPerformanceWeight({ orgType: 'people_government', regionLevel: 'province' }, mins)).toBeNull();
  });
});

describe('performance points', () => {
  it('is the achieved percent of the weight, to the hundredth', () => {
    expect(performancePoints(87.5, 5)).toBe(4.38);
    expect(performancePoints(100, 2)).toBe(2);
    expect(performancePoints(0, 2)).toBe(0);
  });
  it('is absent without a percent or a weight', () => {
    expect(performancePoints(null, 5)).toBeNull();
    expect(performancePoints(80, null)).toBeNull();
  });
});

describe('consequences of a grade (seed 001 §4(三), seed 003 六(三))', () => {
  it('commends 优秀', () => expect(consequencesOf('excellent', 'fail').map((c) => c.kind)).toEqual(['commendation']));
  it('asks 不合格 for a rectification', () => expect(consequencesOf('fail', 'pass').map((c) => c.kind)).toEqual(['rectification']));
  it('flags two consecutive 不合格', () => expect(consequencesOf('fail', 'fail').map((c) => c.kind)).toEqual(['rectification', 'consecutive_fail']));
  it('has nothing for 良好, 合格 or no grade', () => {
    expect(consequencesOf('good', 'fail')).toEqual([]);
    expect(consequencesOf('pass', null)).toEqual([]);
    expect(consequencesOf(null, 'fail')).toEqual([]);
  });
});
