import { sql, type RawBuilder } from 'kysely';
import type { MetricDefinition, MetricScope, MetricValue } from '../../core/metrics/types.ts';
import type { Db } from '../../core/db/client.ts';
import type { Text } from '../../core/registry.ts';
import { ruleValue } from '../../core/rules/service.ts';

const ids = (scope: MetricScope) => (scope.orgIds.length ? scope.orgIds : [0]);

async function count(db: Db, from: RawBuilder<unknown>, where: RawBuilder<boolean>, hit: RawBuilder<boolean>) {
  const { rows } = await sql<{ total: number; hit: number }>`select count(*)::int as total, count(*) filter (where ${hit})::int as hit from ${from} where ${where}`.execute(db);
  return rows[0];
}
const rate = ({ hit, total }: { hit: number; total: number }): MetricValue => ({ value: total ? Math.round((hit / total) * 10000) / 100 : null, numerator: hit, denominator: total });

const CASES = sql`enforcement_cases c`;
const decidedIn = (s: MetricScope) => sql<boolean>`c.org_id = any(${ids(s)}::int[]) and c.decided_on between ${s.from}::date and ${s.to}::date`;

const metric = (code: string, name: Text, description: Text, unit: MetricDefinition['unit'], higherIsBetter: boolean, compute: MetricDefinition['compute']): MetricDefinition => ({ code: `enforcement.${code}`, module: 'enforcement', name, description, unit, higherIsBetter, compute });

/** Metrics for assessment (DESIGN.md §4.7), over the organisations of the scope. */
export const enforcementMetrics: MetricDefinition[] = [
  metric(
    'certified_officer_ratio',
    { zh: '执法人员持证率', en: 'Certified-officer ratio' },
    { zh: '期末在册执法人员（不含辅助人员）中持有效执法证件的比例（seed 000 §5(二)3）', en: 'Share of officers (auxiliaries excluded) holding a valid certificate at the end of the period' },
    'percent',
    true,
    async (db, s) => rate(await count(db, sql`enforcement_officers e`, sql`e.org_id = any(${ids(s)}::int[]) and e.kind = 'officer' and e.created_at::date <= ${s.to}::date`, sql`e.cert_status = 'valid' and e.cert_valid_until >= ${s.to}::date and coalesce(e.cert_valid_from, ${s.to}::date) <= ${s.to}::date`)),
  ),
  metric(
    'training_compliance',
    { zh: '执法人员培训学时达标率', en: 'Training-hours compliance' },
    { zh: '执法人员在期末所在年度培训学时达到规定学时（默认 40 学时，seed 000 §1(三)1）的比例', en: 'Share of officers whose training hours in the year reach the requirement' },
    'percent',
    true,
    async (db, s) => {
      const year = Number(s.to.slice(0, 4));
      const { rows } = await sql<{ region_code: string; hours: string }>`select e.region_code, coalesce((select sum(t.hours) from enforcement_training t where t.officer_id = e.id and t.year = ${year}), 0) as hours from enforcement_officers e where e.org_id = any(${ids(s)}::int[]) and e.kind = 'officer' and e.cert_status = 'valid'`.execute(db);
      const required = new Map<string, number>();
      let hit = 0;
      for (const r of rows) {
        if (!required.has(r.region_code)) required.set(r.region_code, await ruleValue<number>(db, 'training.annual_hours', r.region_code, s.to));
        if (Number(r.hours) >= required.get(r.region_code)!) hit++;
      }
      return rate({ hit, total: rows.length });
    },
  ),
  metric(
    'legal_review_coverage',
    { zh: '重大执法决定法制审核率', en: 'Legal review of major decisions' },
    { zh: '期间作出的重大执法决定（行政处罚法第五十八条情形及本地标准）中经法制审核通过的比例', en: 'Share of major decisions in the period made after a passed legal review' },
    'percent',
    true,
    async (db, s) => rate(await count(db, CASES, sql`${decidedIn(s)} and cardinality(c.review_reasons) > 0`, sql`exists (select 1 from enforcement_reviews r where r.case_id = c.id and r.outcome = 'pass')`)),
  ),
  metric(
    'on_time_decision_rate',
    { zh: '行政处罚案件按期决定率', en: 'Decisions within the statutory period' },
    { zh: '期间作出决定的普通程序案件中，在立案后法定期限（90 日，经批准延长的按延长后期限）内作出决定的比例（行政处罚法第六十条）', en: 'Share of general-procedure decisions made within the period from filing (art. 60)' },
    'percent',
    true,
    async (db, s) => rate(await count(db, CASES, sql`${decidedIn(s)} and c.procedure_kind = 'general'`, sql`exists (select 1 from deadlines d where d.instance_id = c.instance_id and d.kind = 'enforcement.decision' and c.decided_on <= d.due_date)`)),
  ),
  metric(
    'publicity_compliance',
    { zh: '执法决定按时公示率', en: 'Publicity compliance' },
    { zh: '期间作出且应当公开的执法决定中，在规定期限（7 个工作日）内公示的比例（国办发〔2018〕118号）', en: 'Share of decisions to be published that were published on time' },
    'percent',
    true,
    async (db, s) => rate(await count(db, CASES, sql`${decidedIn(s)} and c.publicize`, sql`exists (select 1 from enforcement_publicity p where p.case_id = c.id and p.on_time)`)),
  ),
  metric(
    'fine_collection_rate',
    { zh: '罚款收缴率', en: 'Fine collection rate' },
    { zh: '期间作出罚款决定的案件中，罚款已经代收机构缴纳入库的比例（罚缴分离）', en: 'Share of fines decided in the period that were paid through the collecting channel' },
    'percent',
    true,
    async (db, s) => rate(await count(db, CASES, sql`${decidedIn(s)} and c.fine_amount > 0`, sql`c.paid_on is not null`)),
  ),
  metric(
    'cases_decided',
    { zh: '行政处罚决定件数', en: 'Penalty decisions' },
    { zh: '期间作出的行政处罚决定件数（普通程序与简易程序）', en: 'Penalty decisions made in the period' },
    'count',
    true,
    async (db, s) => {
      const r = await count(db, CASES, decidedIn(s), sql<boolean>`true`);
      return { value: r.total };
    },
  ),
  metric(
    'casefile_score_avg',
    { zh: '行政执法案卷评查平均分', en: 'Case-file evaluation average' },
    { zh: '期间公布的案卷评查中，本单位案卷得分的平均值（百分制，seed 001 §3(四)）', en: 'Average score of the units\' case files in evaluations published in the period' },
    'count',
    true,
    async (db, s) => {
      const { rows } = await sql<{ avg: string | null; n: number }>`select round(avg(i.total), 1) as avg, count(*)::int as n from enforcement_evaluation_items i join enforcement_evaluations e on e.id = i.evaluation_id where e.status = 'published' and e.published_on between ${s.from}::date and ${s.to}::date and i.case_org_id = any(${ids(s)}::int[])`.execute(db);
      return { value: rows[0].n ? Number(rows[0].avg) : null, denominator: rows[0].n };
    },
  ),
  metric(
    'error_liability_count',
    { zh: '执法过错责任追究件数', en: 'Enforcement errors found' },
    { zh: '期间认定的行政执法过错件数（seed 003 篇2 五(三) 九种情形）', en: 'Enforcement errors found in the period' },
    'count',
    false,
    async (db, s) => {
      const r = await count(db, sql`enforcement_errors e`, sql<boolean>`e.org_id = any(${ids(s)}::int[]) and e.found_on between ${s.from}::date and ${s.to}::date`, sql<boolean>`true`);
      return { value: r.total };
    },
  ),
  metric(
    'inspection_compliance',
    { zh: '行政检查规范率', en: 'Inspections done lawfully' },
    { zh: '期间完成的行政检查中，须经批准的已经批准、且由两名以上持证执法人员实施的比例', en: 'Share of completed inspections approved where required and done by at least two officers' },
    'percent',
    true,
    async (db, s) => rate(await count(db, sql`enforcement_inspections i`, sql<boolean>`i.org_id = any(${ids(s)}::int[]) and i.status = 'done' and i.inspected_on between ${s.from}::date and ${s.to}::date`, sql<boolean>`(not i.approval_required or i.approved_on is not null) and cardinality(i.officer_ids) >= 2`)),
  ),
];
