import { formatDayNumber, parseIsoDate } from '../src/core/calendar/dates.ts';

/** YYYY-MM-DD plus n calendar days. */
export function addDays(date: string, n: number): string {
  return formatDayNumber(parseIsoDate(date) + n);
}
