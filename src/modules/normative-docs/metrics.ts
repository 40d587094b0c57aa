import { sql } from 'kysely';
import { day, either, rowMetric, scopeOrgIds as ids, within, type MetricRows } from '../../core/metrics/define.ts';
import type { MetricDefinition, MetricScope } from '../../core/metrics/types.ts';

const DOCS = sql`normative_documents d`;
/** Documents an issuing body in scope published in the period. */
const publishedIn = (s: MetricScope) => sql<boolean>`d.issuer_org_id = any(${ids(s)}::int[]) and d.published_on between ${s.from}::date and ${s.to}::date`;

/** A record is a document, shown by its number (文号) and title. */
const document = { module: 'normative', recordType: 'normative_document', recordPath: '/normative/:id' } as const;
const documentRow = { id: sql<number>`d.id`, label: sql<string>`concat_ws(' ', d.reg_number, d.title)` };
/** The documents published in the period, each in it by its publication day. */
const published = (s: MetricScope): MetricRows => ({ ...documentRow, from: DOCS, org: sql`d.issuer_org_id`, where: publishedIn(s), on: sql`d.published_on`, note: sql`null` });

/**
 * Metrics for assessment (DESIGN.md §4.7), each over the organisations of the scope. Each
 * names its rows in SQL parts (rowMetric): every rate's records are the rows of its
 * denominator, `counted` marking its numerator.
 */
export const normativeMetrics: MetricDefinition[] = [
  rowMetric({
    ...document,
    code: 'normative.legality_review_coverage',
    name: { zh: '规范性文件合法性审查率', en: 'Legality review coverage' },
    description: { zh: '期间公布的规范性文件中，经合法性审查通过后公布的比例（seed 000 §2(二)3）', en: 'Share of documents published in the period that passed legality review first' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the documents published in the period; counted: reviewed and not failed.
    rows: (s) => {
      const reviewed = sql<boolean>`exists (select 1 from normative_reviews v where v.document_id = d.id and v.outcome <> 'fail')`;
      return within(published(s), { hit: reviewed, note: either(reviewed, '经合法性审查', '未经合法性审查通过') });
    },
  }),
  rowMetric({
    ...document,
    code: 'normative.public_comment_compliance',
    name: { zh: '涉及权利义务的规范性文件公开征求意见率', en: 'Public comment compliance' },
    description: { zh: '期间公布且涉及公民、法人和其他组织权利义务的文件中，公开征求意见的比例（seed 001 §3(三)1、seed 002 措施16）', en: 'Share of rights-affecting documents published in the period that went to public comment' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the rights-affecting documents published in the period; counted: put to public comment.
    rows: (s) =>
      within(published(s), {
        where: sql`d.affects_rights`,
        hit: sql`d.comment_from is not null`,
        note: sql`coalesce('征求意见 ' || ${day(sql`d.comment_from`)} || ' 至 ' || coalesce(${day(sql`d.comment_until`)}, '—'), '未公开征求意见')`,
      }),
  }),
  rowMetric({
    ...document,
    code: 'normative.filing_on_time_rate',
    name: { zh: '规范性文件按时备案率', en: 'On-time filing rate' },
    description: { zh: '期间公布的规范性文件中，在公布之日起备案期限内报送备案的比例；未报备的计为未按时（seed 001、seed 002 措施18）', en: 'Share of documents published in the period filed within the filing period (not filed counts as late)' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the documents published in the period; counted: filed on time (one filing per document).
    rows: (s) =>
      within(published(s), {
        hit: sql`exists (select 1 from normative_filings f where f.document_id = d.id and f.on_time)`,
        note: sql`coalesce((select case when f.on_time then '按时备案（' || ${day(sql`f.filed_on`)} || '）' else '逾期 ' || greatest(f.filed_on - f.due_on, 0) || ' 日备案' end from normative_filings f where f.document_id = d.id), '未备案')`,
      }),
  }),
  rowMetric({
    ...document,
    code: 'normative.filing_correction_rate',
    name: { zh: '备案审查纠错率', en: 'Filing-review correction rate' },
    description: { zh: '期间作出备案审查结论的文件中，被责令纠正或撤销的比例（有错必纠，seed 002 措施18）', en: 'Share of filing reviews in the period that ordered correction or revocation' },
    unit: 'percent',
    higherIsBetter: false,
    // Rows: the filings reviewed in the period, each shown as its document; counted: correction or revocation ordered.
    rows: (s) => ({
      ...documentRow,
      from: sql`normative_filings f join normative_documents d on d.id = f.document_id`,
      org: sql`f.org_id`,
      where: sql`f.org_id = any(${ids(s)}::int[]) and f.reviewed_on between ${s.from}::date and ${s.to}::date`,
      hit: sql`f.outcome in ('correction','revoked') or f.corrected_on is not null`,
      on: sql`f.reviewed_on`,
      note: sql`concat_ws('，', case f.outcome when 'approved' then '予以备案' when 'correction' then '责令纠正' when 'revoked' then '予以撤销' end, '已于 ' || ${day(sql`f.corrected_on`)} || ' 纠正')`,
    }),
  }),
  rowMetric({
    ...document,
    code: 'normative.expired_unevaluated',
    name: { zh: '有效期届满未经评估处理的文件数', en: 'Documents that expired without evaluation' },
    description: { zh: '期间有效期届满而失效的文件中，届满前未作施行后评估的件数（seed 000 §2(二)5：确需继续实施的应重新制定发布）', en: 'Documents whose validity ended in the period without an evaluation before' },
    unit: 'count',
    higherIsBetter: false,
    // Rows: the documents that expired in the period; counted: those not evaluated before expiry.
    rows: (s) => {
      const unevaluated = sql<boolean>`not exists (select 1 from normative_evaluations e where e.document_id = d.id and e.evaluated_on <= d.expires_on)`;
      return {
        ...documentRow,
        from: DOCS,
        org: sql`d.issuer_org_id`,
        where: sql`d.issuer_org_id = any(${ids(s)}::int[]) and d.expires_on between ${s.from}::date and ${s.to}::date and d.status = 'expired'`,
        hit: unevaluated,
        on: sql`d.expires_on`,
        note: either(unevaluated, '届满前未作评估', '届满前已作评估'),
      };
    },
  }),
  rowMetric({
    module: 'normative',
    recordType: 'normative_cleanup',
    recordPath: '/normative/cleanups/:id',
    code: 'normative.cleanup_on_schedule',
    name: { zh: '规范性文件清理按期完成率', en: 'Cleanups completed on schedule' },
    description: { zh: '完成期限在期间内的清理中，按期公布清理结果的比例（seed 000 §2(二)5、seed 002 措施19）', en: 'Share of cleanups due in the period whose results were published by the due date' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the cleanups due in the period; counted: results published by the due date.
    rows: (s) => ({
      id: sql`c.id`,
      label: sql`c.name`,
      from: sql`normative_cleanups c`,
      org: sql`c.org_id`,
      where: sql`c.org_id = any(${ids(s)}::int[]) and c.due_on between ${s.from}::date and ${s.to}::date`,
      hit: sql`c.published_on <= c.due_on`,
      on: sql`c.due_on`,
      note: sql`case when c.published_on is null then '未公布清理结果' when c.published_on <= c.due_on then '按期公布（' || ${day(sql`c.published_on`)} || '）' else '逾期 ' || (c.published_on - c.due_on) || ' 日公布' end`,
    }),
  }),
  rowMetric({
    module: 'normative',
    // A suggestion has no page of its own (the suggestions page lists them).
    recordType: 'normative_suggestion',
    code: 'normative.suggestions_answered_on_time',
    name: { zh: '规范性文件审查建议按期答复率', en: 'Review suggestions answered on time' },
    description: { zh: '答复期限在期间内的审查建议中，在期限内答复的比例（seed 002 措施18）', en: 'Share of suggestions due in the period answered by their due date' },
    unit: 'percent',
    higherIsBetter: true,
    // Rows: the suggestions due in the period; counted: answered by the due date. The label
    // names the document, not the person who made the suggestion nor the tracking code.
    rows: (s) => {
      const answeredOn = sql`(g.answered_at at time zone 'Asia/Shanghai')::date`;
      return {
        id: sql`g.id`,
        label: sql`'审查建议 #' || g.id || '：' || (select concat_ws(' ', d.reg_number, d.title) from normative_documents d where d.id = g.document_id)`,
        from: sql`normative_suggestions g join deadlines dl on dl.id = g.deadline_id`,
        org: sql`g.org_id`,
        where: sql`g.org_id = any(${ids(s)}::int[]) and dl.due_date between ${s.from}::date and ${s.to}::date`,
        hit: sql`g.answered_at is not null and ${answeredOn} <= dl.due_date`,
        on: sql`dl.due_date`,
        note: sql`case when g.answered_at is null then '未答复' when ${answeredOn} <= dl.due_date then '按期答复（' || ${day(answeredOn)} || '）' else '逾期 ' || (${answeredOn} - dl.due_date) || ' 日答复' end`,
      };
    },
  }),
];
