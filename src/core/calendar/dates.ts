/**
 * ISO dates (YYYY-MM-DD) as whole day numbers since 1970-01-01. Statutory periods count
 * whole days in China's civil calendar, so no time zone or clock enters the arithmetic.
 */

export class InvalidDateError extends Error {
  constructor(public readonly value: string) {
    super(`invalid date: ${value}`);
  }
}

// Days from civil date (H. Hinnant's algorithm): constant time, no Date allocation.
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilDate(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const DIGIT0 = 48;
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - DIGIT0;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The years the statutory calendar indexes; no procedure of this platform reaches past them. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Parses YYYY-MM-DD into a day number; rejects impossible dates such as 2026-02-30. */
export function parseIsoDate(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) throw new InvalidDateError(String(s));
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new InvalidDateError(s);
  return dayNumber(y, m, d);
}

export function isValidIsoDate(s: string): boolean {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

export function formatDayNumber(n: number): string {
  const { y, m, d } = civilDate(n);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function yearOf(n: number): number {
  return civilDate(n).y;
}
