import { sql } from 'kysely';
import { day, rowMetric, scopeOrgIds as ids, type MetricRows } from '../../core/metrics/define.ts';
import type { MetricDefinition, MetricScope } from '../../core/metrics/types.ts';

const plans = { module: 'plans' } as const;
const onTask = { ...plans, recordType: 'plan_task', recordPath: '/plans/tasks/:id' } as const;
/** Assigned items are listed, not opened one by one: no record page. */
const onItem = { ...plans, recordType: 'assigned_item' } as const;

/** The tasks of the lead units in scope due in the period (cancelled ones are not work owed). */
const tasksDue = (s: MetricScope): MetricRows => ({
  id: sql`t.id`,
  org: sql`t.org_id`,
  label: sql`t.title`,
  from: sql`plan_tasks t`,
  where: sql<boolean>`t.org_id = any(${ids(s)}::int[]) and t.status <> 'cancelled' and t.due_on between ${s.from}::date and ${s.to}::date`,
  on: sql`t.due_on`,
  note: sql`null`,
});
const ON_TIME = sql<boolean>`(t.completed_on is not null and t.completed_on <= t.due_on)`;
const taskNote = sql<string>`case when ${ON_TIME} then '按期完成（' || ${day(sql`t.completed_on`)} || '）' when t.completed_on is not null then '逾期完成（' || ${day(sql`t.completed_on`)} || '，期限 ' || ${day(sql`t.due_on`)} || '）' else '未完成（期限 ' || ${day(sql`t.due_on`)} || '）' end`;

/** Metrics for assessment (DESIGN.md §4.7, issue 7), over the units of the scope. */
export const planMetrics: MetricDefinition[] = [
  rowMetric({
    ...onTask,
    code: 'plans.task_on_time_rate',
    name: { zh: '规划任务按期完成率', en: 'Plan tasks completed on time' },
    description: { zh: '期间到期的规划任务（牵头单位）中，在完成期限内完成的比例（seed 002 措施60、seed 000 §8）', en: 'Share of plan tasks due in the period that the lead unit completed by their day' },
    unit: 'percent',
    higherIsBetter: true,
    rows: (s) => ({ ...tasksDue(s), hit: ON_TIME, note: taskNote }),
  }),
  rowMetric({
    ...onTask,
    code: 'plans.overdue_tasks',
    name: { zh: '逾期规划任务数', en: 'Overdue plan tasks' },
    description: { zh: '期间到期的规划任务中，未在期限内完成的任务数（逾期完成或至期末仍未完成）', en: 'Plan tasks due in the period not completed by their day' },
    unit: 'count',
    higherIsBetter: false,
    rows: (s) => ({ ...tasksDue(s), where: sql<boolean>`${tasksDue(s).where} and t.due_on < ${s.to}::date`, hit: sql<boolean>`not ${ON_TIME}`, note: taskNote }),
  }),
  rowMetric({
    ...onItem,
    code: 'plans.assigned_in_time_rate',
    name: { zh: '领导交办事项按时办结率', en: 'Leader-assigned items answered in time' },
    description: { zh: '期间到期的领导交办、批办事项中，在时限内办结并向交办领导报告的比例（seed 004 #4：无明确时限的15个工作日内办结）', en: 'Share of leader-assigned items due in the period answered by their day' },
    unit: 'percent',
    higherIsBetter: true,
    rows: (s) => {
      const inTime = sql<boolean>`(a.answered_on is not null and a.answered_on <= a.due_on)`;
      return {
        id: sql`a.id`,
        org: sql`a.org_id`,
        label: sql`a.title`,
        from: sql`assigned_items a`,
        where: sql<boolean>`a.org_id = any(${ids(s)}::int[]) and a.due_on between ${s.from}::date and ${s.to}::date`,
        on: sql`a.due_on`,
        hit: inTime,
        note: sql`case when ${inTime} then '按时办结（' || ${day(sql`a.answered_on`)} || '）' when a.answered_on is not null then '超时办结（' || ${day(sql`a.answered_on`)} || '，时限 ' || ${day(sql`a.due_on`)} || '）' else '未办结（时限 ' || ${day(sql`a.due_on`)} || '）' end`,
      };
    },
  }),
];
