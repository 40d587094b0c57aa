import { sql } from 'kysely';
import type { MetricDefinition, MetricScope, MetricValue } from '../../core/metrics/types.ts';
import type { Db } from '../../core/db/client.ts';

const M = 'normative';
const ids = (scope: MetricScope) => (scope.orgIds.length ? scope.orgIds : [0]);
const rate = (num: number, den: number): MetricValue => ({ value: den ? Math.round((num / den) * 10000) / 100 : null, numerator: num, denominator: den });

/** Documents an issuer in scope published in the period, with one count per condition. */
async function published(db: Db, scope: MetricScope, condition: ReturnType<typeof sql<boolean>>) {
  const r = await db
    .selectFrom(sql`normative_documents`.as('d'))
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) filter (where ${condition})::int`.as('hit')])
    .where(sql<boolean>`d.issuer_org_id = any(${ids(scope)}::int[]) and d.published_on between ${scope.from}::date and ${scope.to}::date`)
    .executeTakeFirstOrThrow();
  return r as { total: number; hit: number };
}

/** Metrics for assessment (DESIGN.md §4.7), each over the issuing bodies of the scope. */
export const normativeMetrics: MetricDefinition[] = [
  {
    code: 'normative.legality_review_coverage',
    module: M,
    name: { zh: '规范性文件合法性审查率', en: 'Legality review coverage' },
    unit: 'percent',
    description: { zh: '期间公布的规范性文件中，经合法性审查通过后公布的比例（seed 000 §2(二)3）', en: 'Share of documents published in the period that passed legality review first' },
    higherIsBetter: true,
    async compute(db, scope) {
      const r = await published(db, scope, sql<boolean>`exists (select 1 from normative_reviews v where v.document_id = d.id and v.outcome <> 'fail')`);
      return rate(r.hit, r.total);
    },
  },
  {
    code: 'normative.public_comment_compliance',
    module: M,
    name: { zh: '涉及权利义务的规范性文件公开征求意见率', en: 'Public comment compliance' },
    unit: 'percent',
    description: { zh: '期间公布且涉及公民、法人和其他组织权利义务的文件中，公开征求意见的比例（seed 001 §3(三)1、seed 002 措施16）', en: 'Share of rights-affecting documents published in the period that went to public comment' },
    higherIsBetter: true,
    async compute(db, scope) {
      const r = await db
        .selectFrom(sql`normative_documents`.as('d'))
        .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) filter (where d.comment_from is not null)::int`.as('hit')])
        .where(sql<boolean>`d.issuer_org_id = any(${ids(scope)}::int[]) and d.affects_rights and d.published_on between ${scope.from}::date and ${scope.to}::date`)
        .executeTakeFirstOrThrow();
      return rate((r as any).hit, (r as any).total);
    },
  },
  {
    code: 'normative.filing_on_time_rate',
    module: M,
    name: { zh: '规范性文件按时备案率', en: 'On-time filing rate' },
    unit: 'percent',
    description: { zh: '期间公布的规范性文件中，在公布之日起备案期限内报送备案的比例；未报备的计为未按时（seed 001、seed 002 措施18）', en: 'Share of documents published in the period filed within the filing period (not filed counts as late)' },
    higherIsBetter: true,
    async compute(db, scope) {
      const r = await published(db, scope, sql<boolean>`exists (select 1 from normative_filings f where f.document_id = d.id and f.on_time)`);
      return rate(r.hit, r.total);
    },
  },
  {
    code: 'normative.filing_correction_rate',
    module: M,
    name: { zh: '备案审查纠错率', en: 'Filing-review correction rate' },
    unit: 'percent',
    description: { zh: '期间作出备案审查结论的文件中，被责令纠正或撤销的比例（有错必纠，seed 002 措施18）', en: 'Share of filing reviews in the period that ordered correction or revocation' },
    higherIsBetter: false,
    async compute(db, scope) {
      const r = await db
        .selectFrom(sql`normative_filings`.as('f'))
        .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) filter (where f.outcome in ('correction','revoked') or f.corrected_on is not null)::int`.as('hit')])
        .where(sql<boolean>`f.org_id = any(${ids(scope)}::int[]) and f.reviewed_on between ${scope.from}::date and ${scope.to}::date`)
        .executeTakeFirstOrThrow();
      return rate((r as any).hit, (r as any).total);
    },
  },
  {
    code: 'normative.expired_unevaluated',
    module: M,
    name: { zh: '有效期届满未经评估处理的文件数', en: 'Documents that expired without evaluation' },
    unit: 'count',
    description: { zh: '期间有效期届满的文件中，届满前未作施行后评估的件数（seed 000 §2(二)5：确需继续实施的应重新制定发布）', en: 'Documents whose validity ended in the period without an evaluation before' },
    higherIsBetter: false,
    async compute(db, scope) {
      const r = await db
        .selectFrom(sql`normative_documents`.as('d'))
        .select(sql<number>`count(*)::int`.as('n'))
        .where(sql<boolean>`d.issuer_org_id = any(${ids(scope)}::int[]) and d.expires_on between ${scope.from}::date and ${scope.to}::date and d.status = 'expired'
          and not exists (select 1 from normative_evaluations e where e.document_id = d.id and e.evaluated_on <= d.expires_on)`)
        .executeTakeFirstOrThrow();
      return { value: (r as any).n };
    },
  },
  {
    code: 'normative.cleanup_on_schedule',
    module: M,
    name: { zh: '规范性文件清理按期完成率', en: 'Cleanups completed on schedule' },
    unit: 'percent',
    description: { zh: '完成期限在期间内的清理中，按期公布清理结果的比例（seed 000 §2(二)5、seed 002 措施19）', en: 'Share of cleanups due in the period whose results were published by the due date' },
    higherIsBetter: true,
    async compute(db, scope) {
      const r = await db
        .selectFrom(sql`normative_cleanups`.as('c'))
        .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) filter (where c.published_on <= c.due_on)::int`.as('hit')])
        .where(sql<boolean>`c.org_id = any(${ids(scope)}::int[]) and c.due_on between ${scope.from}::date and ${scope.to}::date`)
        .executeTakeFirstOrThrow();
      return rate((r as any).hit, (r as any).total);
    },
  },
  {
    code: 'normative.suggestions_answered_on_time',
    module: M,
    name: { zh: '规范性文件审查建议按期答复率', en: 'Review suggestions answered on time' },
    unit: 'percent',
    description: { zh: '答复期限在期间内的审查建议中，在期限内答复的比例（seed 002 措施18）', en: 'Share of suggestions due in the period answered by their due date' },
    higherIsBetter: true,
    async compute(db, scope) {
      const { rows } = await sql<{ total: number; hit: number }>`
        select count(*)::int as total,
               count(*) filter (where g.answered_at is not null and (g.answered_at at time zone 'Asia/Shanghai')::date <= dl.due_date)::int as hit
        from normative_suggestions g join deadlines dl on dl.id = g.deadline_id
        where g.org_id = any(${ids(scope)}::int[]) and dl.due_date between ${scope.from}::date and ${scope.to}::date`.execute(db);
      const r = rows[0];
      return rate((r as any).hit, (r as any).total);
    },
  },
];
