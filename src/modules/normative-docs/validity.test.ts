import { describe, expect, it } from 'vitest';
import { addCalendarDays, validityEnd } from './validity.ts';
import { StatutoryCalendar } from '../../core/calendar/calendar.ts';
import { chineseDaysExceptions, chineseDaysYears } from '../../core/calendar/seed.ts';
import { paragraphsOf } from './paragraphs.ts';
import { periodOf, seqFromNumber } from './reports.ts';
import { trackingCode } from './suggestions.ts';

describe('validity period of a normative document', () => {
  it('ends the day before the anniversary', () => {
    expect(validityEnd('2026-03-01', 5)).toBe('2031-02-28');
    expect(validityEnd('2026-01-01', 2)).toBe('2027-12-31');
    expect(validityEnd('2026-07-15', 3)).toBe('2029-07-14');
  });
  it('treats a 29 February anniversary that does not exist as 1 March', () => {
    expect(validityEnd('2024-02-29', 2)).toBe('2026-02-28');
    expect(validityEnd('2024-02-29', 4)).toBe('2028-02-28');
  });
  it('counts calendar days across months and years', () => {
    expect(addCalendarDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('filing period (15 days from publication, seed 001 / seed 002 #18) on the statutory calendar', () => {
  const cal = new StatutoryCalendar(chineseDaysExceptions(), chineseDaysYears());
  it('counts from the day after publication and ends on a working day', () => {
    expect(cal.add('2026-01-26', 15, 'calendar')).toMatchObject({ due: '2026-02-10' });
    // 10 October 2026 is a Saturday made a working day (调休): the period ends on it.
    expect(cal.add('2026-09-25', 15, 'calendar')).toMatchObject({ due: '2026-10-10' });
  });
  it('moves a last day in a holiday to the first working day after it (民法典 art. 203)', () => {
    expect(cal.add('2026-09-16', 15, 'calendar')).toMatchObject({ due: '2026-10-08', rolledForwardFrom: '2026-10-01' });
    expect(cal.add('2026-02-03', 15, 'calendar')).toMatchObject({ due: '2026-02-24', rolledForwardFrom: '2026-02-18' });
  });
});

describe('document text for comment and numbering', () => {
  it('splits paragraphs on lines, dropping blank ones', () => {
    expect(paragraphsOf('第一条 甲。\r\n\n  第二条 乙。  \n')).toEqual(['第一条 甲。', '第二条 乙。']);
  });
  it("reads the sequence number back from a number written after the issuer's pattern", () => {
    expect(seqFromNumber('演示府规〔{year}〕{seq}号', '演示府规〔2025〕12号')).toBe(12);
    expect(seqFromNumber('演司规〔{year}〕{seq:3}号', '演司规〔2025〕007号')).toBe(7);
    expect(seqFromNumber('演示府规〔{year}〕{seq}号', '演示府发〔2025〕12号')).toBeNull();
  });
  it('gives the dates of a bulletin period', () => {
    expect(periodOf(2026, 1)).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf(2024, 1)).toMatchObject({ to: '2024-03-31' });
    expect(periodOf(2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf(2026)).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });
  it('makes tracking codes that read unambiguously', () => {
    const codes = new Set(Array.from({ length: 200 }, () => trackingCode('2026-11-24')));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^JY20261124[0-9A-HJKMNP-TV-Z]{8}$/);
  });
});
