import type { LightStatus as Light } from '../../core/supervision/status.ts';

/**
 * The light of a yearly meeting obligation (seed 001 四(一)): met is green; short of the
 * minimum it turns yellow in the last quarter and red in December — before the year ends,
 * while there is still time to hold the meeting — and stays red once the year is over.
 */
export function meetingLight(held: number, required: number, year: number, today: string): Light {
  if (held >= required) return 'normal';
  if (today > `${year}-12-31` || today >= `${year}-12-01`) return 'red';
  if (today >= `${year}-10-01`) return 'yellow';
  return 'normal';
}
