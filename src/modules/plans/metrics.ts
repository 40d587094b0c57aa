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
  rowMetric({
    ...plans,
    recordType: 'accountability_case',
    code: 'plans.accountability_in_time_rate',
    name: { zh: '问责案件按期调查终结率', en: 'Accountability cases investigated in time' },
    description: { zh: '调查期限在期间届满的问责案件中，在期限（30个工作日，经批准延长30个工作日）内提出处理意见并告知当事人的比例（seed 003 篇2 七（二））', en: 'Share of accountability cases whose investigation was due in the period and ended in time' },
    unit: 'percent',
    higherIsBetter: true,
    rows: (s) => {
      const inTime = sql<boolean>`(c.notified_on is not null and c.notified_on <= c.investigation_due_on)`;
      return {
        id: sql`c.id`,
        org: sql`c.org_id`,
        label: sql`left(c.summary, 60)`,
        from: sql`accountability_cases c`,
        where: sql<boolean>`c.org_id = any(${ids(s)}::int[]) and c.investigation_due_on between ${s.from}::date and ${s.to}::date`,
        on: sql`c.investigation_due_on`,
        hit: inTime,
        note: sql`case when ${inTime} then '按期调查终结（' || ${day(sql`c.notified_on`)} || '）' when c.notified_on is not null then '超期调查终结（' || ${day(sql`c.notified_on`)} || '）' else '调查未终结（期限 ' || ${day(sql`c.investigation_due_on`)} || '）' end`,
      };
    },
  }),
  rowMetric({
    ...plans,
    recordType: 'plan_meeting',
    code: 'plans.executive_briefings_held',
    name: { zh: '政府常务会议听取依法行政工作汇报次数', en: 'Executive meetings briefed on rule-of-law work' },
    description: { zh: '期间政府常务会议听取依法行政（法治政府建设）工作汇报的次数（seed 001 四（一）：每年至少2次；seed 002 措施55：至少1次）', en: "Executive meetings of the governments in scope briefed on rule-of-law work in the period" },
    unit: 'count',
    higherIsBetter: true,
    rows: (s) => ({ id: sql`m.id`, org: sql`m.org_id`, label: sql`m.title`, from: sql`plan_meetings m`, where: sql<boolean>`m.org_id = any(${ids(s)}::int[]) and m.kind = 'executive_briefing' and m.held_on between ${s.from}::date and ${s.to}::date`, on: sql`m.held_on`, note: sql`'会议记录已归档'` }),
  }),
  rowMetric({
    ...plans,
    recordType: 'annual_report',
    code: 'plans.annual_report_on_time',
    name: { zh: '法治政府建设年度报告按时报告和公开率', en: 'Annual rule-of-law reports submitted and published on time' },
    description: { zh: '报告期限在期间届满的年度报告中，在第一季度内向全部报告对象报告、并在规定日期前向社会公开的比例（seed 002 措施55；督察工作规定第二十四条）', en: 'Share of annual reports due in the period that were submitted to every body and published by their days' },
    unit: 'percent',
    higherIsBetter: true,
    rows: (s) => {
      const onTime = sql<boolean>`(r.submitted_on is not null and r.submitted_on <= r.submit_due_on and r.published_on is not null and r.published_on <= r.publish_due_on)`;
      return {
        id: sql`r.id`,
        org: sql`r.org_id`,
        label: sql`r.title`,
        from: sql`annual_reports r`,
        where: sql<boolean>`r.org_id = any(${ids(s)}::int[]) and r.publish_due_on between ${s.from}::date and ${s.to}::date`,
        on: sql`r.publish_due_on`,
        hit: onTime,
        note: sql`case when ${onTime} then '按时报告（' || ${day(sql`r.submitted_on`)} || '）并公开（' || ${day(sql`r.published_on`)} || '）' when r.submitted_on is null then '未向全部报告对象报告' when r.published_on is null then '未公开' else '逾期报告或公开' end`,
      };
    },
  }),
];
