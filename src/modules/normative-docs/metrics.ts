import { sql, type RawBuilder } from 'kysely';
import type { MetricDefinition, MetricScope, MetricValue } from '../../core/metrics/types.ts';
import type { Db } from '../../core/db/client.ts';
import type { Text } from '../../core/registry.ts';

const ids = (scope: MetricScope) => (scope.orgIds.length ? scope.orgIds : [0]);

/**
 * One query per metric: rows of `from` that satisfy `where` (the scope and period), and
 * among them those that satisfy `hit`. Each metric below only names those three parts.
 */
async function count(db: Db, from: RawBuilder<unknown>, where: RawBuilder<boolean>, hit: RawBuilder<boolean> = sql<boolean>`true`) {
  const { rows } = await sql<{ total: number; hit: number }>`select count(*)::int as total, count(*) filter (where ${hit})::int as hit from ${from} where ${where}`.execute(db);
  return rows[0];
}
const rate = ({ hit, total }: { hit: number; total: number }): MetricValue => ({ value: total ? Math.round((hit / total) * 10000) / 100 : null, numerator: hit, denominator: total });

const DOCS = sql`normative_documents d`;
/** Documents an issuing body in scope published in the period. */
const publishedIn = (s: MetricScope) => sql<boolean>`d.issuer_org_id = any(${ids(s)}::int[]) and d.published_on between ${s.from}::date and ${s.to}::date`;

const metric = (code: string, name: Text, description: Text, unit: MetricDefinition['unit'], higherIsBetter: boolean, compute: MetricDefinition['compute']): MetricDefinition => ({
  code: `normative.${code}`,
  module: 'normative',
  name,
  description,
  unit,
  higherIsBetter,
  compute,
});

/** Metrics for assessment (DESIGN.md §4.7), each over the organisations of the scope. */
export const normativeMetrics: MetricDefinition[] = [
  metric(
    'legality_review_coverage',
    { zh: '规范性文件合法性审查率', en: 'Legality review coverage' },
    { zh: '期间公布的规范性文件中，经合法性审查通过后公布的比例（seed 000 §2(二)3）', en: 'Share of documents published in the period that passed legality review first' },
    'percent',
    true,
    async (db, s) => rate(await count(db, DOCS, publishedIn(s), sql`exists (select 1 from normative_reviews v where v.document_id = d.id and v.outcome <> 'fail')`)),
  ),
  metric(
    'public_comment_compliance',
    { zh: '涉及权利义务的规范性文件公开征求意见率', en: 'Public comment compliance' },
    { zh: '期间公布且涉及公民、法人和其他组织权利义务的文件中，公开征求意见的比例（seed 001 §3(三)1、seed 002 措施16）', en: 'Share of rights-affecting documents published in the period that went to public comment' },
    'percent',
    true,
    async (db, s) => rate(await count(db, DOCS, sql`${publishedIn(s)} and d.affects_rights`, sql`d.comment_from is not null`)),
  ),
  metric(
    'filing_on_time_rate',
    { zh: '规范性文件按时备案率', en: 'On-time filing rate' },
    { zh: '期间公布的规范性文件中，在公布之日起备案期限内报送备案的比例；未报备的计为未按时（seed 001、seed 002 措施18）', en: 'Share of documents published in the period filed within the filing period (not filed counts as late)' },
    'percent',
    true,
    async (db, s) => rate(await count(db, DOCS, publishedIn(s), sql`exists (select 1 from normative_filings f where f.document_id = d.id and f.on_time)`)),
  ),
  metric(
    'filing_correction_rate',
    { zh: '备案审查纠错率', en: 'Filing-review correction rate' },
    { zh: '期间作出备案审查结论的文件中，被责令纠正或撤销的比例（有错必纠，seed 002 措施18）', en: 'Share of filing reviews in the period that ordered correction or revocation' },
    'percent',
    false,
    async (db, s) =>
      rate(await count(db, sql`normative_filings f`, sql`f.org_id = any(${ids(s)}::int[]) and f.reviewed_on between ${s.from}::date and ${s.to}::date`, sql`f.outcome in ('correction','revoked') or f.corrected_on is not null`)),
  ),
  metric(
    'expired_unevaluated',
    { zh: '有效期届满未经评估处理的文件数', en: 'Documents that expired without evaluation' },
    { zh: '期间有效期届满而失效的文件中，届满前未作施行后评估的件数（seed 000 §2(二)5：确需继续实施的应重新制定发布）', en: 'Documents whose validity ended in the period without an evaluation before' },
    'count',
    false,
    async (db, s) => {
      const r = await count(db, DOCS, sql`d.issuer_org_id = any(${ids(s)}::int[]) and d.expires_on between ${s.from}::date and ${s.to}::date and d.status = 'expired'`, sql`not exists (select 1 from normative_evaluations e where e.document_id = d.id and e.evaluated_on <= d.expires_on)`);
      return { value: r.hit };
    },
  ),
  metric(
    'cleanup_on_schedule',
    { zh: '规范性文件清理按期完成率', en: 'Cleanups completed on schedule' },
    { zh: '完成期限在期间内的清理中，按期公布清理结果的比例（seed 000 §2(二)5、seed 002 措施19）', en: 'Share of cleanups due in the period whose results were published by the due date' },
    'percent',
    true,
    async (db, s) => rate(await count(db, sql`normative_cleanups c`, sql`c.org_id = any(${ids(s)}::int[]) and c.due_on between ${s.from}::date and ${s.to}::date`, sql`c.published_on <= c.due_on`)),
  ),
  metric(
    'suggestions_answered_on_time',
    { zh: '规范性文件审查建议按期答复率', en: 'Review suggestions answered on time' },
    { zh: '答复期限在期间内的审查建议中，在期限内答复的比例（seed 002 措施18）', en: 'Share of suggestions due in the period answered by their due date' },
    'percent',
    true,
    async (db, s) =>
      rate(
        await count(
          db,
          sql`normative_suggestions g join deadlines dl on dl.id = g.deadline_id`,
          sql`g.org_id = any(${ids(s)}::int[]) and dl.due_date between ${s.from}::date and ${s.to}::date`,
          sql`g.answered_at is not null and (g.answered_at at time zone 'Asia/Shanghai')::date <= dl.due_date`,
        ),
      ),
  ),
];
