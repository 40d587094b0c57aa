import { sql } from 'kysely';
import { day, either, rowMetric, scopeOrgIds as ids, within, type MetricRows } from '../../core/metrics/define.ts';
import type { MetricDefinition, MetricScope } from '../../core/metrics/types.ts';
import { ruleValueSql } from '../../core/rules/service.ts';

const decisions = { module: 'decisions' } as const;
const onDecision = { ...decisions, recordType: 'decision', recordPath: '/decisions/:id' } as const;
const inPeriod = (s: MetricScope, date: ReturnType<typeof sql>) => sql<boolean>`d.org_id = any(${ids(s)}::int[]) and ${date} between ${s.from}::date and ${s.to}::date`;

/** A decision by its title: the matter decided, no person named. */
const rowsOn = (s: MetricScope, date: ReturnType<typeof sql>): MetricRows => ({ id: sql`d.id`, org: sql`d.org_id`, label: sql`d.title`, from: sql`decisions d`, where: inPeriod(s, date), on: date, note: sql`null` });
/** The decisions taken at a meeting in the period (adopted or rejected), each in it by the meeting day. */
const decided = (s: MetricScope) => rowsOn(s, sql`d.decided_on`);

// The five statutory procedures (条例 art. 3 ¶2; seed 000 §3(二)), each as the dossier shows it.
const PUBLIC = sql<boolean>`(d.comment_from is not null and d.adoption_summary is not null)`;
const EXPERT = sql<boolean>`exists (select 1 from decision_expert_opinions o where o.decision_id = d.id)`;
const RISK = sql<boolean>`coalesce((d.risk ->> 'passed')::boolean, false)`;
const REVIEWED = sql<boolean>`coalesce(d.review_passed and d.review_concluded_on <= d.decided_on, false)`;
const COLLECTIVE = sql<boolean>`(d.meeting is not null)`;
const missing = (test: ReturnType<typeof sql<boolean>>, name: string) => sql`case when ${test} then null else ${name} end`;
const HEARING_NEEDED = sql<boolean>`(d.hearing_required or exists (select 1 from decision_catalogue_items i where i.id = d.catalogue_item_id and i.hearing_required))`;
const HEARING_HELD = sql<boolean>`(d.hearing ->> 'heldOn' is not null and coalesce(jsonb_array_length(d.hearing -> 'participants'), 0) > 0)`;
const EVALUATED_ON = sql`(d.evaluation ->> 'evaluatedOn')::date`;

/** The day a published decision is due for post-evaluation: publication + the rule's months. */
const evaluationDue = (s: MetricScope) => sql`(d.published_on + (${ruleValueSql('decision.evaluation_due_months', sql`d.region_code`, s.to)})::int * interval '1 month')::date`;

/** Metrics for assessment (DESIGN.md §4.7, issue 6), over the deciding bodies of the scope. */
export const decisionMetrics: MetricDefinition[] = [
  rowMetric({
    ...onDecision,
    code: 'decisions.five_procedures_rate',
    name: { zh: '重大行政决策法定程序履行率', en: 'Decisions through all five procedures' },
    description: { zh: '期间经集体讨论作出的重大行政决策中，经过公众参与、专家论证、风险评估、合法性审查、集体讨论决定五项法定程序的比例（条例第三条、seed 000 §3(二)）', en: 'Share of decisions taken in the period that went through public participation, expert argumentation, risk assessment, legality review and collective decision' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the decisions taken at a meeting in the period; counted: all five procedures recorded.
    rows: (s) => {
      const all = sql<boolean>`${PUBLIC} and ${EXPERT} and ${RISK} and ${REVIEWED} and ${COLLECTIVE}`;
      const gaps = sql<string>`concat_ws('、', ${missing(PUBLIC, '公众参与')}, ${missing(EXPERT, '专家论证')}, ${missing(RISK, '风险评估')}, ${missing(REVIEWED, '合法性审查')}, ${missing(COLLECTIVE, '集体讨论决定')})`;
      return within(decided(s), { hit: all, note: sql`case when ${all} then '五项程序齐全' else '缺少：' || ${gaps} end` });
    },
  }),
  rowMetric({
    ...onDecision,
    code: 'decisions.comment_period_compliance',
    name: { zh: '决策草案公开征求意见期限合规率', en: 'Public comment period compliance' },
    description: { zh: '期间开始公开征求意见的决策草案中，征求意见期限不少于规定天数（一般不少于30日，条例第十五条）的比例', en: 'Share of drafts opened for comment in the period whose period was at least the rule (30 days)' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the drafts whose comment period began in the period; counted: long enough under the rule in force.
    rows: (s) => {
      const days = sql`(d.comment_until - d.comment_from + 1)`;
      const required = ruleValueSql('decision.comment_days', sql`d.region_code`, s.to);
      return { ...rowsOn(s, sql`d.comment_from`), hit: sql`${days} >= (${required})::int`, note: sql`'征求意见 ' || ${days} || ' 日（' || ${day(sql`d.comment_from`)} || ' 至 ' || ${day(sql`d.comment_until`)} || '），规定不少于 ' || coalesce(${required}, '（未配置）') || ' 日'` };
    },
  }),
  rowMetric({
    ...onDecision,
    code: 'decisions.hearing_held_rate',
    name: { zh: '应听证决策事项听证率', en: 'Hearings held where required' },
    description: { zh: '期间作出决定、列入听证目录或依法应当听证的决策事项中，举行了听证（有参加人和笔录）的比例（seed 000 §3(三)1、seed 002 措施22）', en: 'Share of decisions taken in the period that needed a hearing and held one' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the decisions taken in the period that needed a hearing; counted: a hearing recorded with participants.
    rows: (s) =>
      within(decided(s), {
        where: HEARING_NEEDED,
        hit: HEARING_HELD,
        note: sql`case when ${HEARING_HELD} then '听证于 ' || (d.hearing ->> 'heldOn') || ' 举行，参加人 ' || jsonb_array_length(d.hearing -> 'participants') || ' 名' else '未举行听证' end`,
      }),
  }),
  rowMetric({
    ...onDecision,
    code: 'decisions.legality_review_coverage',
    name: { zh: '重大行政决策合法性审查率', en: 'Legality-review coverage' },
    description: { zh: '期间经集体讨论作出的重大行政决策中，提交会议前经合法性审查通过的比例（seed 000 §3(四)2："未经合法性审查或者经审查未通过的，不予提交会议讨论"）', en: 'Share of decisions taken in the period whose legality review passed before the meeting' },
    unit: 'percent',
    higherIsBetter: true,
    rows: (s) => within(decided(s), { hit: REVIEWED, note: sql`case when ${REVIEWED} then '合法性审查于 ' || ${day(sql`d.review_concluded_on`)} || ' 通过' else '未经合法性审查通过' end` }),
  }),
  rowMetric({
    ...onDecision,
    code: 'decisions.post_evaluation_completed',
    name: { zh: '重大行政决策后评估完成率', en: 'Post-evaluations completed' },
    description: { zh: '期间到期应当进行后评估（公布后满规定月数）的重大行政决策中，已完成后评估的比例（条例第三十六条、seed 002 措施27）；到期前已停止执行的不计', en: 'Share of decisions due for post-evaluation in the period that were evaluated' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the published decisions whose evaluation fell due in the period, unless stopped before; counted: evaluated.
    rows: (s) => {
      const due = evaluationDue(s);
      return {
        ...rowsOn(s, due),
        where: sql`${inPeriod(s, due)} and not (d.status = 'stopped' and d.evaluation is null and d.closed_on < ${due})`,
        hit: sql`d.evaluation is not null`,
        note: sql`'应于 ' || ${day(due)} || ' 前评估；' || coalesce('已于 ' || ${day(EVALUATED_ON)} || ' 评估', '未评估')`,
      };
    },
  }),
  rowMetric({
    ...onDecision,
    code: 'decisions.adjusted_or_stopped_after_evaluation',
    name: { zh: '经后评估调整或停止执行的决策数', en: 'Decisions adjusted or stopped after evaluation' },
    description: { zh: '期间完成后评估、结论为调整或停止执行的重大行政决策，以及评估后停止执行的决策（条例第三十七条、第三十八条）', en: 'Decisions evaluated in the period with the conclusion to adjust or stop, or stopped after evaluation' },
    unit: 'count',
    // More corrections mean more decisions that needed correcting.
    higherIsBetter: false,
    rows: (s) => ({
      ...rowsOn(s, EVALUATED_ON),
      where: sql`${inPeriod(s, EVALUATED_ON)} and (d.evaluation ->> 'conclusion' in ('adjust', 'stop') or d.status = 'stopped')`,
      note: sql`case when d.status = 'stopped' then '评估后停止执行' when d.evaluation ->> 'conclusion' = 'stop' then '评估结论：停止执行' else '评估结论：调整' end`,
    }),
  }),
  rowMetric({
    ...decisions,
    recordType: 'decision_catalogue',
    recordPath: '/decisions/catalogues/:id',
    code: 'decisions.catalogue_published_on_time',
    name: { zh: '重大行政决策事项目录按时公布率', en: 'Decision catalogues published on time' },
    description: { zh: '公布日在期间内的年度重大行政决策事项目录（含听证目录）中，在公布日前公布的比例（条例第三条第三款、seed 002 措施21—22）', en: 'Share of catalogues due in the period published by their due day' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the catalogues due in the period; counted: published on or before the due day.
    rows: (s) => {
      const onTime = sql<boolean>`c.published_on <= c.due_on`;
      return {
        id: sql`c.id`,
        org: sql`c.org_id`,
        label: sql`c.title`,
        from: sql`decision_catalogues c`,
        where: sql`c.org_id = any(${ids(s)}::int[]) and c.due_on between ${s.from}::date and ${s.to}::date`,
        hit: onTime,
        on: sql`c.due_on`,
        note: sql`case when c.published_on is null then '未公布' else ${either(onTime, '按时公布', '逾期公布')} || '（' || ${day(sql`c.published_on`)} || '）' end`,
      };
    },
  }),
];
