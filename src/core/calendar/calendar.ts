import { daysInMonth, civilDate, dayNumber, formatDayNumber, InvalidDateError, MAX_YEAR, MIN_YEAR, parseIsoDate, weekday } from './dates.ts';

/**
 * The statutory calendar (法定日历): weekends, the public holidays and the adjusted
 * working days (调休上班) of the State Council's yearly arrangement.
 *
 * - 'holiday' — a day off under the arrangement (法定节假日 and the days off in lieu);
 * - 'workday' — a weekend day made a working day (调休上班, shown as 班);
 * - 'weekend' / 'normal' — no exception, the weekday decides.
 *
 * Every query is answered from a prefix-sum index built once (O(1) per call), so the
 * deadlines of a province can be recomputed without walking day by day.
 */
export type ExceptionKind = 'holiday' | 'workday';
export type DayKind = ExceptionKind | 'weekend' | 'normal';
export type PeriodUnit = 'working' | 'calendar' | 'month';

export interface CalendarException {
  date: string;
  kind: ExceptionKind;
  name?: string;
}

export interface DeadlineResult {
  due: string;
  /** The answer relies on a year whose official arrangement is not loaded (weekends only). */
  provisional: boolean;
  /** Set when the period ended on a rest day and moved to the next working day (民法典 art. 203). */
  rolledForwardFrom?: string;
}

export interface DayInfo {
  date: string;
  kind: DayKind;
  working: boolean;
  name?: string;
  provisional: boolean;
}

const NORMAL = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const WORKDAY = 3;
const KIND_NAMES: DayKind[] = ['normal', 'weekend', 'holiday', 'workday'];

const BASE = dayNumber(MIN_YEAR, 1, 1);
const END = dayNumber(MAX_YEAR + 1, 1, 1);
const SIZE = END - BASE;

export class StatutoryCalendar {
  private readonly kinds = new Uint8Array(SIZE);
  /** cum[i] = number of working days in [BASE, BASE + i). */
  private readonly cum = new Int32Array(SIZE + 1);
  /** Day numbers of all working days, ascending. */
  private readonly workDays: Int32Array;
  private readonly names = new Map<number, string>();
  private readonly loaded: Set<number>;

  constructor(exceptions: readonly CalendarException[], loadedYears: readonly number[]) {
    this.loaded = new Set(loadedYears);
    for (let i = 0; i < SIZE; i++) {
      const wd = weekday(BASE + i);
      this.kinds[i] = wd === 0 || wd === 6 ? WEEKEND : NORMAL;
    }
    for (const e of exceptions) {
      const n = parseIsoDate(e.date);
      this.kinds[n - BASE] = e.kind === 'holiday' ? HOLIDAY : WORKDAY;
      if (e.name) this.names.set(n, e.name);
    }
    let count = 0;
    for (let i = 0; i < SIZE; i++) {
      this.cum[i] = count;
      const k = this.kinds[i];
      if (k === NORMAL || k === WORKDAY) count++;
    }
    this.cum[SIZE] = count;
    this.workDays = new Int32Array(count);
    for (let i = 0, j = 0; i < SIZE; i++) {
      const k = this.kinds[i];
      if (k === NORMAL || k === WORKDAY) this.workDays[j++] = BASE + i;
    }
  }

  get loadedYears(): number[] {
    return [...this.loaded].sort((a, b) => a - b);
  }

  private isWorking(n: number): boolean {
    const k = this.kinds[n - BASE];
    return k === NORMAL || k === WORKDAY;
  }

  /** True when every year from the one after `from` to `to` has its arrangement loaded. */
  private provisionalBetween(from: number, to: number): boolean {
    const a = civilDate(Math.min(from, to)).y;
    const b = civilDate(Math.max(from, to)).y;
    for (let y = a; y <= b; y++) if (!this.loaded.has(y)) return true;
    return false;
  }

  private checkRange(n: number, input: string): number {
    if (n < BASE || n >= END) throw new InvalidDateError(input);
    return n;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(parseIsoDate(date));
  }

  dayInfo(date: string): DayInfo {
    const n = parseIsoDate(date);
    const name = this.names.get(n);
    return { date, kind: KIND_NAMES[this.kinds[n - BASE]], working: this.isWorking(n), ...(name ? { name } : {}), provisional: !this.loaded.has(civilDate(n).y) };
  }

  /**
   * The n-th working day after `from` (the starting day is not counted, 民法典 art. 201);
   * a negative n counts back. n = 0 returns `from`.
   */
  addWorkingDays(from: string, n: number): DeadlineResult {
    const f = parseIsoDate(from);
    if (n === 0) return { due: from, provisional: false };
    // Working days up to and including `from`, resp. strictly before it.
    const idx = n > 0 ? this.cum[f - BASE + 1] + n - 1 : this.cum[f - BASE] + n;
    if (idx < 0 || idx >= this.workDays.length) throw new InvalidDateError(`${from} + ${n} working days`);
    const due = this.workDays[idx];
    return { due: formatDayNumber(due), provisional: this.provisionalBetween(f + 1, due) };
  }

  /**
   * `from` + n calendar days; when the last day is a rest day the period ends on the next
   * working day (民法典 art. 203; 行政处罚法 art. 85 and 行政复议法 art. 88 count the same way).
   */
  addCalendarDays(from: string, n: number): DeadlineResult {
    const f = parseIsoDate(from);
    return this.rollForward(f, this.checkRange(f + n, `${from} + ${n} days`));
  }

  /**
   * A period in months ends on the corresponding day of the last month, or on its last
   * day when it has none (民法典 art. 202), then rolls forward like any period.
   */
  addMonths(from: string, n: number): DeadlineResult {
    const f = parseIsoDate(from);
    const { y, m, d } = civilDate(f);
    const total = y * 12 + (m - 1) + n;
    const ty = Math.floor(total / 12);
    const tm = (total % 12) + 1;
    if (ty < MIN_YEAR || ty > MAX_YEAR) throw new InvalidDateError(`${from} + ${n} months`);
    return this.rollForward(f, dayNumber(ty, tm, Math.min(d, daysInMonth(ty, tm))));
  }

  add(from: string, n: number, unit: PeriodUnit): DeadlineResult {
    if (unit === 'working') return this.addWorkingDays(from, n);
    if (unit === 'calendar') return this.addCalendarDays(from, n);
    return this.addMonths(from, n);
  }

  private rollForward(from: number, end: number): DeadlineResult {
    let due = end;
    if (!this.isWorking(due)) {
      const i = this.cum[due - BASE];
      if (i >= this.workDays.length) throw new InvalidDateError(formatDayNumber(end));
      due = this.workDays[i];
    }
    return {
      due: formatDayNumber(due),
      provisional: this.provisionalBetween(from + 1, due),
      ...(due !== end ? { rolledForwardFrom: formatDayNumber(end) } : {}),
    };
  }

  /** Working days in (from, to] — `from` excluded, `to` included; negative when to < from. */
  workingDaysBetween(from: string, to: string): number {
    const f = parseIsoDate(from);
    const t = parseIsoDate(to);
    return this.cum[t - BASE + 1] - this.cum[f - BASE + 1];
  }
}
