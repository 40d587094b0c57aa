import { sql } from 'kysely';
import type { MetricDefinition } from './types.ts';

/**
 * Metrics the core can answer for every module at once, from the supervised deadlines:
 * 按时办结率 and 逾期未办结数 (seed 000 §9 and seed 004: time-limited completion).
 */
export const coreMetrics: MetricDefinition[] = [
  {
    code: 'core.deadline_on_time_rate',
    module: 'core',
    name: { zh: '法定期限按时办结率', en: 'Deadlines met on time' },
    unit: 'percent',
    description: { zh: '期间内办结的期限中，在到期日当日或之前办结的比例（各模块合计）', en: 'Share of deadlines closed in the period that were closed on or before their due date' },
    higherIsBetter: true,
    async compute(db, scope) {
      const r = await db
        .selectFrom('deadlines')
        .select([
          sql<number>`count(*)::int`.as('total'),
          sql<number>`count(*) filter (where (closed_at at time zone 'Asia/Shanghai')::date <= due_date)::int`.as('on_time'),
        ])
        .where('status', '=', 'closed')
        .where('org_id', 'in', scope.orgIds.length ? scope.orgIds : [0])
        .where(sql<boolean>`(closed_at at time zone 'Asia/Shanghai')::date between ${scope.from}::date and ${scope.to}::date`)
        .executeTakeFirstOrThrow();
      return { value: r.total ? Math.round((r.on_time / r.total) * 10000) / 100 : null, numerator: r.on_time, denominator: r.total };
    },
  },
  {
    code: 'core.overdue_open_count',
    module: 'core',
    name: { zh: '逾期未办结事项数', en: 'Overdue open items' },
    unit: 'count',
    description: { zh: '期末仍未办结且已超过到期日的事项数（红灯）', en: 'Items still open and past their due date at the end of the period (red)' },
    higherIsBetter: false,
    async compute(db, scope) {
      const r = await db
        .selectFrom('deadlines')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('status', '<>', 'closed')
        .where('due_date', '<', scope.to)
        .where('org_id', 'in', scope.orgIds.length ? scope.orgIds : [0])
        .executeTakeFirstOrThrow();
      return { value: r.n };
    },
  },
];
