import { describe, expect, it } from 'vitest';
import { StatutoryCalendar } from '../../core/calendar/calendar.ts';
import { chineseDaysExceptions, chineseDaysYears } from '../../core/calendar/seed.ts';
import { localRuleParams } from '../../core/rules/seeds.ts';
import { formatDayNumber, parseIsoDate } from '../../core/calendar/dates.ts';
import { ASSIGNED_RULE } from './assigned.ts';

const cal = new StatutoryCalendar(chineseDaysExceptions(), chineseDaysYears());
const rule = localRuleParams.find((r) => r.key === ASSIGNED_RULE)!;

/** Seed 004 #4: a leader-assigned item without a time limit is done within 15 working days. */
describe('the default time limit of a leader-assigned item', () => {
  it('is 15 working days, with its basis in seed 004', () => {
    expect(rule).toMatchObject({ value: 15, unit: 'working_days' });
    expect(rule.basis.quote).toContain('15个工作日');
  });

  it('counts working days on the statutory calendar: an ordinary three weeks', () => {
    // Monday 2 March 2026 (the day of assignment is not counted) → Monday 23 March.
    expect(cal.add('2026-03-02', 15, 'working').due).toBe('2026-03-23');
  });

  it('steps over the National Day holiday and counts its make-up working days', () => {
    // Assigned Monday 28 September 2026: 1–7 October are holidays, so the day falls well after 16 October.
    const due = cal.add('2026-09-28', 15, 'working').due;
    expect(due > '2026-10-16').toBe(true);
    let n = 0;
    for (let d = '2026-09-28'; d < due; ) {
      d = formatDayNumber(parseIsoDate(d) + 1);
      if (cal.isWorkingDay(d)) n++;
    }
    expect(n).toBe(15);
  });
});
