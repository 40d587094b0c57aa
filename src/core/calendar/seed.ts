import { createRequire } from 'node:module';
import type { CalendarException } from './calendar.ts';

/**
 * The State Council holiday arrangements 2004–present, from the maintained `chinese-days`
 * package (one entry per day: "English name,中文名,days"). Days off in lieu are part of its
 * holiday list, so every rest day of an arrangement is a 'holiday' here.
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;

const nameOf = (v: string) => v.split(',')[1] || v;

export function chineseDaysExceptions(): CalendarException[] {
  const out: CalendarException[] = [];
  for (const [date, v] of Object.entries(data.holidays)) out.push({ date, kind: 'holiday', name: nameOf(v) });
  for (const [date, v] of Object.entries(data.workdays)) out.push({ date, kind: 'workday', name: `${nameOf(v)}调休上班` });
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export function chineseDaysYears(): number[] {
  return [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}
