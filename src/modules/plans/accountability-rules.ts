import { formatDayNumber, parseIsoDate } from '../../core/calendar/dates.ts';

/** Pure rules of accountability cases (seed 003 篇2 §7; 公务员法 art. 95). */

/** The person was heard: a statement recorded, or an express waiver. */
export function heard(statement: { waived?: boolean; statement?: string } | null | undefined): boolean {
  return !!statement && (statement.waived === true || !!statement.statement?.trim());
}

/** Whether `day` is within the appeal period of `days` calendar days from the decision (the decision day not counted). */
export function appealInTime(decidedOn: string | null, day: string, days: number): boolean {
  if (!decidedOn) return false;
  return day >= decidedOn && day <= formatDayNumber(parseIsoDate(decidedOn) + days);
}
