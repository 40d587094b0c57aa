import { sql, type RawBuilder } from 'kysely';
import { day, either, rowMetric, scopeOrgIds as ids, within, type MetricRows } from '../../core/metrics/define.ts';
import type { MetricDefinition, MetricScope } from '../../core/metrics/types.ts';
import { ruleValue, ruleValueSql } from '../../core/rules/service.ts';
import { ERROR_SITUATIONS } from './oversight-rules.ts';
import { PENALTY_KIND_LABELS } from './labels.ts';

const CASES = sql`enforcement_cases c`;
const decidedIn = (s: MetricScope) => sql<boolean>`c.org_id = any(${ids(s)}::int[]) and c.decided_on between ${s.from}::date and ${s.to}::date`;

/** The name of a code from a label map (labels.ts), in SQL. */
const labelOf = (labels: Record<string, string>, code: RawBuilder<unknown>) => sql<string>`(${JSON.stringify(labels)}::jsonb ->> ${code})`;
/** The power's name states the offence as listed (案由) without the party; the case title is free text and may name the party. */
const powerName = (powerId: RawBuilder<unknown>) => sql<string>`(select p.name from enforcement_powers p where p.id = ${powerId})`;
/** A case by its number and cause. */
const caseLabel = sql<string>`concat_ws(' ', coalesce(c.case_no, c.decision_no), ${powerName(sql`c.power_id`)})`;
/** An officer by certificate number: the name stays out of assessment lists. */
const officerLabel = sql<string>`coalesce('执法证号 ' || e.cert_no, '执法人员 #' || e.id || '（无执法证件）')`;

const enforcement = { module: 'enforcement' } as const;
const onCase = { ...enforcement, recordType: 'enforcement_case', recordPath: '/enforcement/cases/:id' } as const;
/** Officers have no page of their own (the officers page lists them). */
const onOfficer = { ...enforcement, recordType: 'enforcement_officer' } as const;
/** The cases decided in the period, each in it by its decision day. */
const decided = (s: MetricScope): MetricRows => ({ id: sql`c.id`, org: sql`c.org_id`, label: caseLabel, from: CASES, where: decidedIn(s), on: sql`c.decided_on`, note: sql`null` });

/** The yearly training hours required of the officer `e` on `date`, in force for the officer's region. */
const requiredHours = (date: string) => sql`(${ruleValueSql('training.annual_hours', sql`e.region_code`, date)})::numeric`;

/**
 * Rows: the certified officers; counted: their hours in the year of the period's end reach
 * the requirement in force for their region on that day.
 */
function trainedOfficers(s: MetricScope): MetricRows {
  const hours = sql`coalesce((select sum(t.hours) from enforcement_training t where t.officer_id = e.id and t.year = ${Number(s.to.slice(0, 4))}::int), 0)`;
  const required = requiredHours(s.to);
  return {
    id: sql`e.id`,
    label: officerLabel,
    from: sql`enforcement_officers e`,
    org: sql`e.org_id`,
    where: sql`e.org_id = any(${ids(s)}::int[]) and e.kind = 'officer' and e.cert_status = 'valid'`,
    hit: sql`${hours} >= ${required}`,
    on: null,
    note: sql`${hours} || ' / ' || coalesce(${required}::text, '（未配置）') || ' 学时'`,
  };
}

/**
 * Where no requirement is in force for an officer's region (a period before the rule), the
 * value is refused as ruleValue refuses it (rule_param_missing) rather than counted short;
 * the records still list those officers, noted 未配置.
 */
function refusingMissingHours(m: MetricDefinition): MetricDefinition {
  return {
    ...m,
    async compute(db, s) {
      const p = trainedOfficers(s);
      const { rows } = await sql<{ region_code: string }>`select distinct e.region_code from ${p.from} where ${p.where} and ${requiredHours(s.to)} is null`.execute(db);
      for (const r of rows) await ruleValue(db, 'training.annual_hours', r.region_code, s.to);
      return m.compute(db, s);
    },
  };
}

/** Metrics for assessment (DESIGN.md §4.7), over the organisations of the scope. */
export const enforcementMetrics: MetricDefinition[] = [
  rowMetric({
    ...onOfficer,
    code: 'enforcement.certified_officer_ratio',
    name: { zh: '执法人员持证率', en: 'Certified-officer ratio' },
    description: { zh: '期末在册执法人员（不含辅助人员）中持有效执法证件的比例（seed 000 §5(二)3）', en: 'Share of officers (auxiliaries excluded) holding a valid certificate at the end of the period' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the officers on the roll at the end of the period; counted: certificate valid on that day.
    rows: (s) => ({
      id: sql`e.id`,
      label: officerLabel,
      from: sql`enforcement_officers e`,
      org: sql`e.org_id`,
      where: sql`e.org_id = any(${ids(s)}::int[]) and e.kind = 'officer' and e.created_at::date <= ${s.to}::date`,
      hit: sql`e.cert_status = 'valid' and e.cert_valid_until >= ${s.to}::date and coalesce(e.cert_valid_from, ${s.to}::date) <= ${s.to}::date`,
      on: null,
      note: sql`case e.cert_status when 'none' then '未取得执法证件' when 'suspended' then '证件暂扣' when 'revoked' then '证件注销'
        else case when e.cert_valid_until < ${s.to}::date then '证件已于 ' || ${day(sql`e.cert_valid_until`)} || ' 到期' when e.cert_valid_from > ${s.to}::date then '证件自 ' || ${day(sql`e.cert_valid_from`)} || ' 起有效' else '证件有效至 ' || ${day(sql`e.cert_valid_until`)} end end`,
    }),
  }),
  refusingMissingHours(
    rowMetric({
      ...onOfficer,
      code: 'enforcement.training_compliance',
      name: { zh: '执法人员培训学时达标率', en: 'Training-hours compliance' },
      description: { zh: '执法人员在期末所在年度培训学时达到规定学时（默认 40 学时，seed 000 §1(三)1）的比例', en: 'Share of officers whose training hours in the year reach the requirement' },
      unit: 'percent',
      higherIsBetter: true,
      rows: trainedOfficers,
    }),
  ),
  rowMetric({
    ...onCase,
    code: 'enforcement.legal_review_coverage',
    name: { zh: '重大执法决定法制审核率', en: 'Legal review of major decisions' },
    description: { zh: '期间作出的重大执法决定（行政处罚法第五十八条情形及本地标准）中经法制审核通过的比例', en: 'Share of major decisions in the period made after a passed legal review' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the major decisions made in the period; counted: a passed legal review.
    rows: (s) => {
      const passed = sql<boolean>`exists (select 1 from enforcement_reviews r where r.case_id = c.id and r.outcome = 'pass')`;
      return within(decided(s), { where: sql`cardinality(c.review_reasons) > 0`, hit: passed, note: either(passed, '经法制审核通过', '未经法制审核通过') });
    },
  }),
  rowMetric({
    ...onCase,
    code: 'enforcement.on_time_decision_rate',
    name: { zh: '行政处罚案件按期决定率', en: 'Decisions within the statutory period' },
    description: { zh: '期间作出决定的普通程序案件中，在立案后法定期限（90 日，经批准延长的按延长后期限）内作出决定的比例（行政处罚法第六十条）', en: 'Share of general-procedure decisions made within the period from filing (art. 60)' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the general-procedure decisions made in the period; counted: on or before the decision deadline.
    rows: (s) => {
      const due = sql`(select max(d.due_date) from deadlines d where d.instance_id = c.instance_id and d.kind = 'enforcement.decision')`;
      return within(decided(s), {
        where: sql`c.procedure_kind = 'general'`,
        hit: sql`exists (select 1 from deadlines d where d.instance_id = c.instance_id and d.kind = 'enforcement.decision' and c.decided_on <= d.due_date)`,
        note: sql`coalesce('决定期限至 ' || ${day(due)}, '无决定期限')`,
      });
    },
  }),
  rowMetric({
    ...onCase,
    code: 'enforcement.publicity_compliance',
    name: { zh: '执法决定按时公示率', en: 'Publicity compliance' },
    description: { zh: '期间作出且应当公开的执法决定中，在规定期限（7 个工作日）内公示的比例（国办发〔2018〕118号）', en: 'Share of decisions to be published that were published on time' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the decisions made in the period that are to be published; counted: published on time.
    rows: (s) =>
      within(decided(s), {
        where: sql`c.publicize`,
        hit: sql`exists (select 1 from enforcement_publicity p where p.case_id = c.id and p.on_time)`,
        note: sql`coalesce((select case when p.on_time then '按时公示' else '逾期公示' end || '（' || ${day(sql`p.published_on`)} || '）' from enforcement_publicity p where p.case_id = c.id), '未公示')`,
      }),
  }),
  rowMetric({
    ...onCase,
    code: 'enforcement.fine_collection_rate',
    name: { zh: '罚款收缴率', en: 'Fine collection rate' },
    description: { zh: '期间作出罚款决定的案件中，罚款已经代收机构缴纳入库的比例（罚缴分离）', en: 'Share of fines decided in the period that were paid through the collecting channel' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the fines decided in the period; counted: paid.
    rows: (s) =>
      within(decided(s), {
        where: sql`c.fine_amount > 0`,
        hit: sql`c.paid_on is not null`,
        note: sql`'罚款 ' || c.fine_amount || ' 元，' || coalesce(${day(sql`c.paid_on`)} || ' 缴纳', '未缴纳')`,
      }),
  }),
  rowMetric({
    ...onCase,
    code: 'enforcement.cases_decided',
    name: { zh: '行政处罚决定件数', en: 'Penalty decisions' },
    description: { zh: '期间作出的行政处罚决定件数（普通程序与简易程序）', en: 'Penalty decisions made in the period' },
    unit: 'count',
    higherIsBetter: true,
    // Rows: exactly the counted ones, the decisions made in the period.
    rows: (s) =>
      within(decided(s), {
        note: sql`concat_ws('，', case c.procedure_kind when 'general' then '普通程序' else '简易程序' end, ${labelOf(PENALTY_KIND_LABELS, sql`c.penalty_kind`)})`,
      }),
  }),
  rowMetric({
    ...onCase,
    code: 'enforcement.casefile_score_avg',
    name: { zh: '行政执法案卷评查平均分', en: 'Case-file evaluation average' },
    description: { zh: '期间公布的案卷评查中，本单位案卷得分的平均值（百分制，seed 001 §3(四)）', en: 'Average score of the units\' case files in evaluations published in the period' },
    unit: 'count',
    higherIsBetter: true,
    // An average. Rows: the case files of the scope in evaluations published in the period
    // (their number is the denominator); counted: scored, the value being the mean of their
    // scores, which each note gives as '得分 N'.
    rows: (s) => ({
      id: sql`i.case_id`,
      label: caseLabel,
      from: sql`enforcement_evaluation_items i join enforcement_evaluations ev on ev.id = i.evaluation_id join enforcement_cases c on c.id = i.case_id`,
      org: sql`i.case_org_id`,
      where: sql`ev.status = 'published' and ev.published_on between ${s.from}::date and ${s.to}::date and i.case_org_id = any(${ids(s)}::int[])`,
      hit: sql`i.total is not null`,
      average: sql`i.total`,
      on: sql`ev.published_on`,
      note: sql`coalesce('得分 ' || i.total, '未评分') || '（' || ev.name || '）'`,
    }),
  }),
  rowMetric({
    ...enforcement,
    // An error has no page of its own (the errors page lists them).
    recordType: 'enforcement_error',
    code: 'enforcement.error_liability_count',
    name: { zh: '执法过错责任追究件数', en: 'Enforcement errors found' },
    description: { zh: '期间认定的行政执法过错件数（seed 003 篇2 五(三) 九种情形）', en: 'Enforcement errors found in the period' },
    unit: 'count',
    higherIsBetter: false,
    // Rows: exactly the counted ones, the errors found in the period.
    rows: (s) => ({
      id: sql`e.id`,
      label: sql`concat_ws('，', ${labelOf(Object.fromEntries(ERROR_SITUATIONS), sql`e.situation`)}, (select '执法证号 ' || o.cert_no from enforcement_officers o where o.id = e.officer_id), (select c.case_no from enforcement_cases c where c.id = e.case_id))`,
      from: sql`enforcement_errors e`,
      org: sql`e.org_id`,
      where: sql`e.org_id = any(${ids(s)}::int[]) and e.found_on between ${s.from}::date and ${s.to}::date`,
      on: sql`e.found_on`,
      note: sql`'记 ' || e.points || ' 分'`,
    }),
  }),
  rowMetric({
    ...enforcement,
    // An inspection has no page of its own (the inspections page lists them).
    recordType: 'enforcement_inspection',
    code: 'enforcement.inspection_compliance',
    name: { zh: '行政检查规范率', en: 'Inspections done lawfully' },
    description: { zh: '期间完成的行政检查中，须经批准的已经批准、且由两名以上持证执法人员实施的比例', en: 'Share of completed inspections approved where required and done by at least two officers' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the inspections done in the period; counted: approved where required and by two officers or more.
    // The label names the power, not the target (who may be a person) nor the free-text matter.
    rows: (s) => ({
      id: sql`i.id`,
      label: sql`'行政检查 #' || i.id || coalesce('：' || ${powerName(sql`i.power_id`)}, '')`,
      from: sql`enforcement_inspections i`,
      org: sql`i.org_id`,
      where: sql`i.org_id = any(${ids(s)}::int[]) and i.status = 'done' and i.inspected_on between ${s.from}::date and ${s.to}::date`,
      hit: sql`(not i.approval_required or i.approved_on is not null) and cardinality(i.officer_ids) >= 2`,
      on: sql`i.inspected_on`,
      note: sql`coalesce(nullif(concat_ws('，', case when i.approval_required and i.approved_on is null then '须经批准而未批准' end, case when cardinality(i.officer_ids) < 2 then '执法人员不足两名' end), ''), '程序规范')`,
    }),
  }),
];
