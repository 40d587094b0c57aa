import { describe, expect, it } from 'vitest';
import { appealInTime, heard } from './accountability-rules.ts';

describe('accountability rules', () => {
  it('counts a person as heard on a statement or an express waiver only', () => {
    expect(heard(null)).toBe(false);
    expect(heard({ waived: false, statement: '  ' })).toBe(false);
    expect(heard({ waived: false, statement: '我有异议' })).toBe(true);
    expect(heard({ waived: true })).toBe(true);
  });

  it('keeps the appeal open for 30 days after the decision day (公务员法 art. 95)', () => {
    expect(appealInTime('2026-03-02', '2026-04-01', 30)).toBe(true);
    expect(appealInTime('2026-03-02', '2026-04-02', 30)).toBe(false);
    expect(appealInTime('2026-03-02', '2026-03-01', 30)).toBe(false);
    expect(appealInTime(null, '2026-03-02', 30)).toBe(false);
  });
});
