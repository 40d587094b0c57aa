import type { Db, Tx } from '../db/client.ts';
import { StatutoryCalendar, type CalendarException } from './calendar.ts';

/**
 * Holds the statutory calendar built from the calendar_days table. It is rebuilt when
 * this process changes the calendar, and at most every `ttlMs` otherwise, so several app
 * instances converge after an edit made on another one.
 */
export class CalendarService {
  private current?: StatutoryCalendar;
  private loadedAt = 0;
  private loading?: Promise<StatutoryCalendar>;
  private generation = 0;
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 60_000,
  ) {}

  /**
   * Inside a transaction pass it as `tx`: a stale cache is then read through it, since a
   * query on the shared handle would wait for the transaction on PGlite. Caching what a
   * transaction reads is safe because every edit of the calendar goes through `edit`,
   * which drops the cache when the edit commits or rolls back.
   */
  async get(tx?: Tx): Promise<StatutoryCalendar> {
    if (this.current && Date.now() - this.loadedAt < this.ttlMs) return this.current;
    if (tx) return this.readAndKeep(tx);
    this.loading ??= this.readAndKeep(this.db).finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** Runs a change of the calendar tables; the cache is rebuilt afterwards, whatever the outcome. */
  async edit<T>(change: () => Promise<T>): Promise<T> {
    this.invalidate();
    try {
      return await change();
    } finally {
      this.invalidate();
    }
  }

  private async readAndKeep(db: Db | Tx): Promise<StatutoryCalendar> {
    const generation = this.generation;
    const cal = await this.read(db);
    // An edit begun or committed while this read ran must not be masked by its result.
    if (generation === this.generation) {
      this.current = cal;
      this.loadedAt = Date.now();
    }
    return cal;
  }

  invalidate() {
    this.current = undefined;
    this.generation++;
  }

  private async read(db: Db | Tx): Promise<StatutoryCalendar> {
    const days = await db.selectFrom('calendar_days').select(['day', 'kind', 'name']).execute();
    const years = await db.selectFrom('calendar_years').select('year').orderBy('year').execute();
    const exceptions: CalendarException[] = days.map((d) => ({ date: d.day, kind: d.kind, name: d.name ?? undefined }));
    return new StatutoryCalendar(exceptions, years.map((y) => y.year));
  }
}

/** Replaces the arrangement of the given years (import of a new year's State Council notice). */
export async function loadCalendarYears(tx: Tx, exceptions: CalendarException[], years: number[], source: string) {
  for (const year of years) {
    await tx.deleteFrom('calendar_days').where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute();
    const rows = exceptions.filter((e) => e.date.startsWith(`${year}-`));
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insertInto('calendar_days')
        .values(rows.slice(i, i + 500).map((e) => ({ day: e.date, kind: e.kind, name: e.name ?? null, source })))
        .execute();
    }
    await tx
      .insertInto('calendar_years')
      .values({ year, source })
      .onConflict((oc) => oc.column('year').doUpdateSet({ source, loaded_at: new Date() }))
      .execute();
  }
}

/** Today's date in China (UTC+8, no daylight saving), as the statutory calendar counts it. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
