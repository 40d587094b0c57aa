import { sql, type RawBuilder } from 'kysely';
import type { MetricDefinition, MetricRecordRow, MetricScope, MetricValue } from './types.ts';

/** The organisations of a scope as a query parameter; an empty scope matches nothing. */
export const scopeOrgIds = (scope: MetricScope) => (scope.orgIds.length ? scope.orgIds : [0]);

/**
 * A metric in SQL parts: the rows of the scope and period, those of them that count, and how
 * each row reads in the drill-down. Both `compute` and `records` are built from the same
 * parts (see rowMetric), so a value is always what its records add up to.
 */
export interface MetricRows {
  /** Tables and joins (a FROM clause). */
  from: RawBuilder<unknown>;
  /** The organisation a row belongs to: the column the scope filters on. */
  org: RawBuilder<number>;
  /** The rows of the scope and period: a rate's denominator, the rows a count looks at. */
  where: RawBuilder<boolean>;
  /** Among them, the counted ones: a rate's numerator, a count's items. Default: all. */
  hit?: RawBuilder<boolean>;
  /** For an average: the value of a row, the metric being its mean (one decimal) and the denominator the number of rows. */
  average?: RawBuilder<unknown>;
  id: RawBuilder<number>;
  /** Carries no personal data (MetricRecordRow). */
  label: RawBuilder<string>;
  /** The date that put the row in the period (a `date` expression), if any. */
  on: RawBuilder<unknown> | null;
  note: RawBuilder<string | null>;
}

/** The drill-down SELECT of a metric's rows, in MetricRecordRow columns. */
export function recordsOf(r: MetricRows): RawBuilder<MetricRecordRow> {
  return sql<MetricRecordRow>`select (${r.id})::int as entity_id, (${r.org})::int as org_id, coalesce(${r.hit ?? sql`true`}, false) as counted, (${r.label})::text as label, to_char(${r.on ?? sql`null::date`}, 'YYYY-MM-DD') as on_date, (${r.note})::text as note from ${r.from} where ${r.where}`;
}

export const rate = ({ hit, total }: { hit: number; total: number }): MetricValue => ({ value: total ? Math.round((hit / total) * 10000) / 100 : null, numerator: hit, denominator: total });

/**
 * A metric counted over rows. A rate ('percent') is counted rows over rows; a count is the
 * counted rows; with `average`, the mean of the rows' values. Rate and count are computed
 * from `records` itself, so its invariant (rows = denominator, counted = numerator or value)
 * holds by construction.
 */
export function rowMetric(m: Omit<MetricDefinition, 'compute' | 'records'> & { rows(scope: MetricScope): MetricRows }): MetricDefinition {
  const { rows, ...definition } = m;
  const records = (scope: MetricScope) => recordsOf(rows(scope));
  const averaged = !!rows({ orgIds: [], from: '2000-01-01', to: '2000-01-01' }).average;
  return {
    ...definition,
    records,
    valueFromRecords: !averaged && (definition.unit === 'percent' || definition.unit === 'count'),
    async compute(db, scope) {
      const parts = rows(scope);
      if (parts.average) {
        const { rows: [r] } = await sql<{ avg: string | null; n: number }>`select round(avg(${parts.average}), 1) as avg, count(*)::int as n from ${parts.from} where ${parts.where}`.execute(db);
        return { value: r.n ? Number(r.avg) : null, denominator: r.n };
      }
      const { rows: [r] } = await sql<{ total: number; hit: number }>`select count(*)::int as total, count(*) filter (where r.counted)::int as hit from (${recordsOf(parts)}) r`.execute(db);
      return definition.unit === 'percent' ? rate(r) : { value: r.hit };
    },
  };
}

/** The rows of `base` narrowed by a further `where`, with their own `hit`, `note` … */
export const within = (base: MetricRows, { where, ...rows }: Partial<MetricRows>): MetricRows => ({ ...base, ...rows, where: where ? sql`${base.where} and ${where}` : base.where });

/** 'YYYY-MM-DD' of a date expression, for notes. */
export const day = (d: RawBuilder<unknown>) => sql<string>`to_char(${d}, 'YYYY-MM-DD')`;
/** A note that says whether the row satisfies `test`. */
export const either = (test: RawBuilder<boolean>, yes: string, no: string) => sql<string>`case when ${test} then ${yes} else ${no} end`;
