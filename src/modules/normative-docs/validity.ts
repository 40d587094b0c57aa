import { daysInMonth, formatDayNumber, parseIsoDate, dayNumber, civilDate } from '../../core/calendar/dates.ts';

/**
 * Last day of validity of a document effective on `effectiveOn` for `years` years: the
 * day before the anniversary (a 5-year document effective 2026-03-01 is valid through
 * 2031-02-28). An anniversary on a 29 February that does not exist falls on 1 March.
 */
export function validityEnd(effectiveOn: string, years: number): string {
  const { y, m, d } = civilDate(parseIsoDate(effectiveOn));
  const ty = y + years;
  const anniversary = d <= daysInMonth(ty, m) ? dayNumber(ty, m, d) : dayNumber(ty, m, daysInMonth(ty, m)) + 1;
  return formatDayNumber(anniversary - 1);
}

/** YYYY-MM-DD plus n calendar days (the comment period counts calendar days). */
export function addCalendarDays(date: string, n: number): string {
  return formatDayNumber(parseIsoDate(date) + n);
}
