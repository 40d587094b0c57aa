import { sql } from 'kysely';
import type { MetricDefinition, MetricScope } from './types.ts';
import { day, rowMetric, scopeOrgIds } from './define.ts';

const deadline = { module: 'core', recordType: 'deadline' } as const;
const DEADLINES = sql`deadlines dl`;
const inScope = (s: MetricScope) => sql<boolean>`dl.org_id = any(${scopeOrgIds(s)}::int[])`;
/** The deadline's title names its matter by number or document title (e.g. 作出处罚决定：演市监立〔2026〕1号), never a party. */
const deadlineRow = { id: sql<number>`dl.id`, org: sql<number>`dl.org_id`, label: sql<string>`dl.title` };

/**
 * Metrics the core can answer for every module at once, from the supervised deadlines:
 * 按时办结率 and 逾期未办结数 (seed 000 §9 and seed 004: time-limited completion). A
 * deadline has no page of its own (the supervision page opens it in a drawer): no recordPath.
 */
export const coreMetrics: MetricDefinition[] = [
  rowMetric({
    ...deadline,
    code: 'core.deadline_on_time_rate',
    name: { zh: '法定期限按时办结率', en: 'Deadlines met on time' },
    unit: 'percent',
    description: { zh: '期间内办结的期限中，在到期日当日或之前办结的比例（各模块合计）', en: 'Share of deadlines closed in the period that were closed on or before their due date' },
    higherIsBetter: true,
    // Rows: the deadlines closed in the period; counted: closed by their due date.
    rows: (s) => {
      const closedOn = sql`(dl.closed_at at time zone 'Asia/Shanghai')::date`;
      return {
        ...deadlineRow,
        from: DEADLINES,
        where: sql`dl.status = 'closed' and ${inScope(s)} and ${closedOn} between ${s.from}::date and ${s.to}::date`,
        hit: sql`${closedOn} <= dl.due_date`,
        on: closedOn,
        note: sql`case when ${closedOn} <= dl.due_date then '按期办结（届满日 ' || ${day(sql`dl.due_date`)} || '）' else '逾期 ' || (${closedOn} - dl.due_date) || ' 日办结' end`,
      };
    },
  }),
  rowMetric({
    ...deadline,
    code: 'core.overdue_open_count',
    name: { zh: '逾期未办结事项数', en: 'Overdue open items' },
    unit: 'count',
    description: { zh: '期末仍未办结且已超过到期日的事项数（红灯）', en: 'Items still open and past their due date at the end of the period (red)' },
    higherIsBetter: false,
    // Rows: exactly the counted ones, the open deadlines due before the end of the period.
    rows: (s) => ({
      ...deadlineRow,
      from: DEADLINES,
      where: sql`dl.status <> 'closed' and dl.due_date < ${s.to}::date and ${inScope(s)}`,
      on: sql`dl.due_date`,
      note: sql`'届满日 ' || ${day(sql`dl.due_date`)} || case when dl.status = 'paused' then '（中止中）' else '' end`,
    }),
  }),
  rowMetric({
    module: 'core',
    recordType: 'supervision_notice',
    code: 'core.supervision_notices_resolved_rate',
    name: { zh: '督办事项办结率', en: 'Supervised items resolved' },
    unit: 'percent',
    description: { zh: '期间发出的督办（提醒、督办通知、约谈、通报）中，所督办事项至期末已办结的比例', en: 'Share of supervision notices issued in the period whose item was closed by the end of the period' },
    higherIsBetter: true,
    // Rows: the notices issued in the period to organisations in scope; counted: their item closed by the period's end.
    rows: (s) => {
      const closedOn = sql`(dl.closed_at at time zone 'Asia/Shanghai')::date`;
      const issuedOn = sql`(n.issued_at at time zone 'Asia/Shanghai')::date`;
      const resolved = sql<boolean>`(dl.status = 'closed' and ${closedOn} <= ${s.to}::date)`;
      return {
        id: sql<number>`n.id`,
        org: sql<number>`n.org_id`,
        label: sql<string>`dl.title`,
        from: sql`supervision_notices n join deadlines dl on dl.id = n.deadline_id`,
        where: sql`n.org_id = any(${scopeOrgIds(s)}::int[]) and ${issuedOn} between ${s.from}::date and ${s.to}::date`,
        hit: resolved,
        on: issuedOn,
        note: sql`case n.level when 'reminder' then '提醒' when 'notice' then '督办通知' when 'interview' then '约谈' else '通报' end || case when ${resolved} then '；事项已于 ' || ${day(closedOn)} || ' 办结' else '；事项尚未办结' end`,
      };
    },
  }),
];
