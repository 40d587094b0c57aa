import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StatutoryCalendar } from './calendar.ts';
import { chineseDaysExceptions, chineseDaysYears } from './seed.ts';
import { dayNumber, formatDayNumber, isValidIsoDate, parseIsoDate, weekday } from './dates.ts';
import { parseCalendarFile } from './import-file.ts';

const cal = new StatutoryCalendar(chineseDaysExceptions(), chineseDaysYears());

/** Day-by-day reference used only to check the index. */
function naiveAddWorking(c: StatutoryCalendar, from: string, n: number): string {
  let d = parseIsoDate(from);
  let left = n;
  while (left > 0) {
    d++;
    if (c.isWorkingDay(formatDayNumber(d))) left--;
  }
  return formatDayNumber(d);
}

describe('dates', () => {
  it('round-trips day numbers and knows weekdays', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(formatDayNumber(dayNumber(2024, 2, 29))).toBe('2024-02-29');
    expect(weekday(parseIsoDate('2026-11-22'))).toBe(0); // a Sunday
  });
  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01', '20260101', '', '2026-00-10', '1800-01-01']) expect(isValidIsoDate(bad)).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
  });
});

describe('statutory calendar on the State Council arrangements', () => {
  it('marks holidays (休) and adjusted working days (班)', () => {
    expect(cal.dayInfo('2025-10-01')).toMatchObject({ kind: 'holiday', working: false, name: '国庆节' });
    expect(cal.dayInfo('2025-09-28')).toMatchObject({ kind: 'workday', working: true }); // a Sunday made a working day
    expect(cal.dayInfo('2025-11-22')).toMatchObject({ kind: 'weekend', working: false });
    expect(cal.dayInfo('2025-11-20')).toMatchObject({ kind: 'normal', working: true, provisional: false });
  });

  it('adds working days across the National Day week, the starting day not counted', () => {
    expect(cal.addWorkingDays('2025-09-30', 1)).toEqual({ due: '2025-10-09', provisional: false });
    // 20 working days from 2025-09-26 (Fri): 28 Sep (班) counts, 1–8 Oct do not, 11 Oct (班) counts.
    expect(cal.addWorkingDays('2025-09-26', 20).due).toBe(naiveAddWorking(cal, '2025-09-26', 20));
    expect(cal.addWorkingDays('2025-10-09', -1).due).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-10-09', 0).due).toBe('2025-10-09');
  });

  it('rolls a calendar-day period ending on a rest day forward (民法典 art. 203)', () => {
    expect(cal.addCalendarDays('2025-09-25', 7)).toEqual({ due: '2025-10-09', provisional: false, rolledForwardFrom: '2025-10-02' });
    expect(cal.addCalendarDays('2025-11-13', 7)).toEqual({ due: '2025-11-20', provisional: false });
    // An adjusted working day is not a rest day: no roll-forward onto the Monday.
    expect(cal.addCalendarDays('2026-02-07', 7)).toEqual({ due: '2026-02-14', provisional: false });
  });

  it('ends a month period on the corresponding day or the month end (民法典 art. 202)', () => {
    expect(cal.addMonths('2026-01-31', 1).due).toBe('2026-02-28'); // 班 on a Saturday
    expect(cal.addMonths('2025-03-31', 1).due).toBe('2025-04-30');
    expect(cal.addMonths('2025-08-31', 1)).toEqual({ due: '2025-09-30', provisional: false });
    expect(cal.addMonths('2025-09-01', 1)).toEqual({ due: '2025-10-09', provisional: false, rolledForwardFrom: '2025-10-01' });
  });

  it('flags answers that rely on a year without a loaded arrangement', () => {
    const last = Math.max(...chineseDaysYears());
    const r = cal.addWorkingDays(`${last}-12-25`, 10);
    expect(r.provisional).toBe(true);
    expect(cal.addWorkingDays(`${last}-06-01`, 5).provisional).toBe(false);
    expect(cal.dayInfo(`${last + 1}-03-02`).provisional).toBe(true);
  });

  it('counts working days between two dates, from excluded', () => {
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    expect(cal.workingDaysBetween('2025-10-09', '2025-09-30')).toBe(-1);
    expect(cal.workingDaysBetween('2025-11-17', '2025-11-17')).toBe(0);
  });

  it('agrees with a day-by-day count on random inputs (property)', () => {
    const from = fc.integer({ min: dayNumber(2004, 1, 1), max: dayNumber(2027, 12, 31) }).map(formatDayNumber);
    fc.assert(
      fc.property(from, fc.integer({ min: 0, max: 120 }), (f, n) => {
        const r = cal.addWorkingDays(f, n);
        expect(r.due).toBe(naiveAddWorking(cal, f, n));
        expect(cal.workingDaysBetween(f, r.due)).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(r.due)).toBe(true);
        const c = cal.addCalendarDays(f, n);
        expect(cal.isWorkingDay(c.due)).toBe(true);
        expect(parseIsoDate(c.due)).toBeGreaterThanOrEqual(parseIsoDate(f) + n);
      }),
      { numRuns: 500 },
    );
  });

  it('applies edits: an added holiday moves working-day deadlines', () => {
    const extra = new StatutoryCalendar([...chineseDaysExceptions(), { date: '2025-11-20', kind: 'holiday', name: '测试' }], chineseDaysYears());
    expect(cal.addWorkingDays('2025-11-19', 1).due).toBe('2025-11-20');
    expect(extra.addWorkingDays('2025-11-19', 1).due).toBe('2025-11-21');
  });
});

describe('calendar files', () => {
  it('reads CSV with 休/班, a header and per-line errors', () => {
    const r = parseCalendarFile('日期,类型,名称\n2027-01-01,休,元旦\n2027-02-30,休,坏日期\n2027-02-06,班,春节调休\n2027-01-01,休,重复\n2027-03-01,放假,x\n', 'x.csv');
    expect(r.format).toBe('csv');
    expect(r.exceptions).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节调休' },
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([3, 5, 6]);
  });

  it('reads the JSON shapes', () => {
    expect(parseCalendarFile(JSON.stringify([{ date: '2027-05-01', kind: 'holiday', name: '劳动节' }])).exceptions).toHaveLength(1);
    const cd = parseCalendarFile(JSON.stringify({ holidays: { '2027-10-01': 'National Day,国庆节,7' }, workdays: { '2027-09-26': 'National Day,国庆节,7' } }), 'cd.json');
    expect(cd.exceptions).toEqual([
      { date: '2027-09-26', kind: 'workday', name: '国庆节' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
    ]);
    expect(parseCalendarFile('{bad', 'x.json').errors[0].line).toBe(1);
  });

  it('reads a published iCalendar holiday calendar, expanding multi-day events', () => {
    const text = fs.readFileSync(createRequire(import.meta.url).resolve('chinese-days/dist/holidays.ics'), 'utf8');
    const r = parseCalendarFile(text, 'holidays.ics');
    expect(r.errors).toEqual([]);
    const byDate = new Map(r.exceptions.map((e) => [e.date, e]));
    expect(byDate.get('2025-10-05')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(byDate.get('2025-09-28')).toMatchObject({ kind: 'workday' });
    // Agrees with the package's own day list for those years.
    const seeded = chineseDaysExceptions().filter((e) => byDate.has(e.date));
    expect(seeded.every((e) => byDate.get(e.date)!.kind === e.kind)).toBe(true);
  });
});
