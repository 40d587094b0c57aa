import type { StatutoryCalendar } from '../calendar/calendar.ts';

export type LightStatus = 'normal' | 'yellow' | 'red';

/**
 * The two dates that split open deadlines into red / yellow / normal for `today`: red when
 * the due date has passed; yellow when it falls within `yellowWorkingDays` working days.
 * Computed once per query so the database can count millions of rows by range.
 */
export function lightThresholds(cal: StatutoryCalendar, today: string, yellowWorkingDays: number) {
  return { today, yellowUntil: cal.addWorkingDays(today, yellowWorkingDays).due };
}

export function lightOf(due: string, t: { today: string; yellowUntil: string }): LightStatus {
  if (due < t.today) return 'red';
  if (due <= t.yellowUntil) return 'yellow';
  return 'normal';
}
