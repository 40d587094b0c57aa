import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { actorForAudit, auditBy as audit } from '../../core/auth/audit-actor.ts';
import { recordAudit, type AuditActor } from '../../core/audit/audit.ts';
import { assertOrgInScope, inScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound, staleVersion } from '../../core/http/errors.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { noticeDocx, type NoticeBlock } from '../../core/docx/notice.ts';
import { SEED002 } from '../../core/rules/seeds.ts';
import { pdb, ptx } from './schema.ts';
import { REPORT_RECIPIENT_LABELS, type ReportRecipient } from './labels.ts';
import { recipientsOf, reportFigureRows, type ReportFigure } from './report-rules.ts';
import type { ReportIn, ReportPatch, SubmissionIn } from './contract.ts';
import { checkNotFuture } from '../../core/http/checks.ts';

const REPORT = { zh: '法治政府建设年度报告', en: 'Annual rule-of-law report' };
const BASIS_REPORT = { law: SEED002, article: '措施55', quote: '县级以上政府每年第一季度要向同级党委、人大常委会和上一级政府报告上一年度法治政府建设情况……报告的主要内容要通过报刊、政府网站等向社会公开' };

/** The organisation and everything under it. */
async function subtree(db: Parameters<typeof pdb>[0] | Tx, orgId: number) {
  const rows = await sql<{ id: number }>`select id from orgs where path like (select path from orgs where id = ${orgId}) || '%'`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * The year's figures of the organisation's subtree from every metric a module registers —
 * the report is drafted from what the platform recorded, not typed in.
 */
async function figuresOf(s: Services, tx: Tx, orgId: number, year: number): Promise<ReportFigure[]> {
  const orgIds = await subtree(tx, orgId);
  const scope = { orgIds, from: `${year}-01-01`, to: `${year}-12-31` };
  const out: ReportFigure[] = [];
  for (const m of s.registry.metrics.values()) {
    const v = await m.compute(tx, scope);
    out.push({ code: m.code, module: m.module, name: m.name.zh, unit: m.unit, value: v.value, numerator: v.numerator ?? null, denominator: v.denominator ?? null });
  }
  return out;
}

/** 总体情况, first draft: the plans' completion and the figures that have data, in sentences the office then edits. */
function overviewText(orgName: string, year: number, figures: ReportFigure[]): string {
  const lines = reportFigureRows(figures).filter((r) => r.value !== '—');
  const head = `${year}年，${orgName}深入推进法治政府建设，各项工作情况如下（数据取自法治政府建设综合管理平台）。`;
  return [head, ...lines.slice(0, 12).map((r) => `${r.name}：${r.value}${r.detail ? `（${r.detail}）` : ''}。`)].join('\n');
}

/** 起草: one report per organisation and year, its figures frozen at drafting; the reporting and publication days are supervised. */
export async function draftReport(s: Services, actor: Actor, input: Static<typeof ReportIn>) {
  const currentYear = Number(s.today().slice(0, 4));
  if (input.year >= currentYear) throw badInput('report_year_open', 'year', { zh: `${input.year}年度尚未结束，不能起草该年度报告`, en: 'The year has not ended' });
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'plans.manage', input.orgId, { zh: '报告机关', en: 'Reporting body' });
    return insertReport(s, tx, actorForAudit(actor), input.orgId, input.year);
  });
}

/** The draft with its frozen figures and its two supervised days (the route's and the demo's path). */
export async function insertReport(s: Services, tx: Tx, by: AuditActor, orgId: number, year: number) {
  const t = ptx(tx);
  if (await t.selectFrom('annual_reports').select('id').where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst()) throw conflict('report_exists', { zh: `${year}年度报告已起草`, en: 'The report of that year exists' }, 'year');
  const org = await tx.selectFrom('orgs').select(['name', 'region_code']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const figures = await figuresOf(s, tx, orgId, year);
  const dueDay = async (key: string) => `${year + 1}-${await ruleValue<string>(tx, key, org.region_code, `${year + 1}-01-01`)}`;
  const [submitDue, publishDue] = [await dueDay('report.rule_of_law_submit_due'), await dueDay('report.rule_of_law_annual_due')];
  const row = await t
    .insertInto('annual_reports')
    .values({ org_id: orgId, region_code: org.region_code, year, title: `${org.name}关于${year}年度法治政府建设情况的报告`, overview: overviewText(org.name, year, figures), figures: JSON.stringify(figures), submit_due_on: submitDue, publish_due_on: publishDue, created_by: by.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
  const base = { module: 'plans', subjectType: 'annual_report', subjectId: row.id, orgId, regionCode: org.region_code };
  const start = (due: string) => (s.today() < due ? s.today() : due);
  await startDeadline(s, tx, by, { ...base, kind: 'plans.report_submit', title: `报告${year}年度法治政府建设情况`, startDate: start(submitDue), dueOn: submitDue });
  await startDeadline(s, tx, by, { ...base, kind: 'plans.report_publish', title: `公开${year}年度法治政府建设情况报告`, startDate: start(publishDue), dueOn: publishDue });
  await recordAudit(tx, by, { action: 'plans.report.draft', entityType: 'annual_report', entityId: row.id, orgId, after: { ...row, figures: figures.length } });
  return row;
}

export async function listReports(s: Services, actor: Actor) {
  return pdb(s.db)
    .selectFrom('annual_reports as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.org_id', 'o.name as org_name', 'r.year', 'r.title', 'r.status', 'r.submit_due_on', 'r.publish_due_on', 'r.submitted_on', 'r.published_on', 'r.version'])
    .where(orgScopeFilter(actor, 'plans.read', sql.ref('r.org_id')))
    .orderBy('r.year', 'desc')
    .orderBy('o.path')
    .limit(500)
    .execute();
}

async function reportRow(db: Parameters<typeof pdb>[0] | Tx, id: number, lock = false) {
  let q = pdb(db as Parameters<typeof pdb>[0]).selectFrom('annual_reports').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) throw notFound(REPORT);
  return r;
}

async function detail(db: Parameters<typeof pdb>[0] | Tx, r: Awaited<ReturnType<typeof reportRow>>) {
  const [org, submissions] = await Promise.all([
    db.selectFrom('orgs').select(['name', 'org_type']).where('id', '=', r.org_id).executeTakeFirstOrThrow(),
    pdb(db as Parameters<typeof pdb>[0]).selectFrom('annual_report_submissions').select(['id', 'recipient', 'submitted_on', 'doc_number']).where('report_id', '=', r.id).orderBy('id').execute(),
  ]);
  const required = recipientsOf(org.org_type);
  return { ...r, org_name: org.name, figure_rows: reportFigureRows(r.figures as ReportFigure[]), required_recipients: required.map((code) => ({ code, label: REPORT_RECIPIENT_LABELS[code], submitted: submissions.find((x) => x.recipient === code) ?? null })), submissions };
}

export async function getReport(s: Services, actor: Actor, id: number) {
  const r = await reportRow(s.db, id);
  const facts = await assertOrgInScope(s.db, actor, 'plans.read', r.org_id, REPORT);
  const d = await detail(s.db, r);
  const manage = inScope(actor, 'plans.manage', facts);
  const complete = !incomplete(r);
  return { ...d, abilities: { edit: manage && r.status !== 'published', submit: manage && complete && d.required_recipients.some((x) => !x.submitted), publish: manage && r.status === 'submitted' } };
}

/** The office edits the text (总体情况, 存在的问题, 下一年度工作安排) until the report is public. */
export async function updateReport(s: Services, actor: Actor, id: number, input: Static<typeof ReportPatch>) {
  return s.tx(async (tx) => {
    const r = await reportRow(tx, id, true);
    await assertOrgInScope(tx, actor, 'plans.manage', r.org_id, REPORT);
    if (r.version !== input.version) throw staleVersion(REPORT);
    if (r.status === 'published') throw conflict('report_published', { zh: '报告已公开，不能修改', en: 'The report is public' });
    const after = await ptx(tx)
      .updateTable('annual_reports')
      .set({ overview: input.overview?.trim() ?? r.overview, problems: input.problems?.trim() ?? r.problems, next_year: input.nextYear?.trim() ?? r.next_year, version: r.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'plans.report.update', entityType: 'annual_report', entityId: id, orgId: r.org_id, before: { overview: r.overview, problems: r.problems, next_year: r.next_year }, after: { overview: after.overview, problems: after.problems, next_year: after.next_year } });
    return detail(tx, after);
  });
}

const incomplete = (r: { problems: string; next_year: string }) => !r.problems.trim() || !r.next_year.trim();

/**
 * 报告: to each body the rule names (seed 002 #55); the reporting deadline closes when the last
 * one has it. A report without its problems and next year's measures is not sent.
 */
export async function submitReport(s: Services, actor: Actor, id: number, input: Static<typeof SubmissionIn>) {
  checkNotFuture(input.submittedOn, s.today(), 'submittedOn');
  return s.tx(async (tx) => {
    const r = await reportRow(tx, id, true);
    await assertOrgInScope(tx, actor, 'plans.manage', r.org_id, REPORT);
    const org = await tx.selectFrom('orgs').select('org_type').where('id', '=', r.org_id).executeTakeFirstOrThrow();
    const required = recipientsOf(org.org_type);
    if (!required.includes(input.recipient as ReportRecipient)) throw badInput('recipient_not_required', 'recipient', { zh: `${REPORT_RECIPIENT_LABELS[input.recipient as ReportRecipient]}不是本机关年度报告的报告对象`, en: 'Not a recipient of this body' });
    if (incomplete(r)) throw new DomainError({ status: 409, code: 'guard_refused', title: '不能报送', detail: '报告须写明存在的问题和下一年度工作安排', detail_en: "The report lacks its problems or next year's measures", rule: 'report_incomplete', basis: BASIS_REPORT });
    if (input.submittedOn < `${r.year + 1}-01-01`) throw badInput('dates_out_of_order', 'submittedOn', { zh: '报告日期须在报告年度结束之后', en: 'The report follows the year' });
    const t = ptx(tx);
    if (await t.selectFrom('annual_report_submissions').select('id').where('report_id', '=', id).where('recipient', '=', input.recipient).executeTakeFirst()) throw conflict('already_submitted', { zh: `已向${REPORT_RECIPIENT_LABELS[input.recipient as ReportRecipient]}报告`, en: 'Already submitted to that body' }, 'recipient');
    const row = await t.insertInto('annual_report_submissions').values({ report_id: id, org_id: r.org_id, recipient: input.recipient, submitted_on: input.submittedOn, doc_number: input.docNumber?.trim() || null, recorded_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    const done = await t.selectFrom('annual_report_submissions').select(['recipient', 'submitted_on']).where('report_id', '=', id).execute();
    if (required.every((code) => done.some((d) => d.recipient === code))) {
      const last = done.map((d) => d.submitted_on).sort().at(-1)!;
      await t.updateTable('annual_reports').set({ status: r.status === 'draft' ? 'submitted' : r.status, submitted_on: last, version: r.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
      const d = await tx.selectFrom('deadlines').select('id').where('subject_type', '=', 'annual_report').where('subject_id', '=', String(id)).where('kind', '=', 'plans.report_submit').executeTakeFirst();
      if (d) await closeDeadline(s, tx, actorForAudit(actor), d.id, `已于${last}向全部报告对象报告`);
    }
    await audit(tx, actor, { action: 'plans.report.submit', entityType: 'annual_report', entityId: id, orgId: r.org_id, after: row });
    return detail(tx, await reportRow(tx, id));
  });
}

/** 公开: after it has been reported, on the portal; the publication deadline closes. */
export async function publishReport(s: Services, actor: Actor, id: number, input: { version: number; publishedOn: string }) {
  checkNotFuture(input.publishedOn, s.today(), 'publishedOn');
  return s.tx(async (tx) => {
    const r = await reportRow(tx, id, true);
    await assertOrgInScope(tx, actor, 'plans.manage', r.org_id, REPORT);
    if (r.version !== input.version) throw staleVersion(REPORT);
    if (r.status === 'published') throw conflict('report_published', { zh: '报告已公开', en: 'The report is public' });
    if (r.status !== 'submitted') throw new DomainError({ status: 409, code: 'guard_refused', title: '不能公开', detail: '须先向全部报告对象报告，再向社会公开报告的主要内容', detail_en: 'Report to every body first', rule: 'report_not_submitted', basis: BASIS_REPORT });
    if (input.publishedOn < (r.submitted_on ?? '')) throw badInput('dates_out_of_order', 'publishedOn', { zh: '公开日期不能早于报告日期', en: 'Publication precedes the report' });
    const after = await ptx(tx).updateTable('annual_reports').set({ status: 'published', published_on: input.publishedOn, version: r.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const d = await tx.selectFrom('deadlines').select('id').where('subject_type', '=', 'annual_report').where('subject_id', '=', String(id)).where('kind', '=', 'plans.report_publish').executeTakeFirst();
    if (d) await closeDeadline(s, tx, actorForAudit(actor), d.id, `已于${input.publishedOn}向社会公开`);
    await audit(tx, actor, { action: 'plans.report.publish', entityType: 'annual_report', entityId: id, orgId: r.org_id, before: { status: r.status }, after: { status: after.status, published_on: after.published_on } });
    return detail(tx, after);
  });
}

/** The report as a Word document in 公文 layout: the office's text and the platform's figures. */
export async function reportDocx(s: Services, actor: Actor | null, id: number) {
  const r = await reportRow(s.db, id);
  if (actor) await assertOrgInScope(s.db, actor, 'plans.read', r.org_id, REPORT);
  else if (r.status !== 'published') throw notFound(REPORT);
  const d = await detail(s.db, r);
  const paragraphs = (text: string): NoticeBlock[] => text.split('\n').filter((l) => l.trim()).map((l) => ({ text: l.trim() }));
  const blocks: NoticeBlock[] = [
    { heading: '一、总体情况' },
    ...paragraphs(r.overview),
    { heading: '二、主要指标' },
    { columns: [{ title: '指标', width: 6, align: 'left' }, { title: '数值', width: 2 }, { title: '说明', width: 3 }], rows: d.figure_rows.map((f) => [f.name, f.value, f.detail ?? '']) },
    { heading: '三、存在的问题' },
    ...paragraphs(r.problems || '（待填写）'),
    { heading: '四、下一年度工作安排' },
    ...paragraphs(r.next_year || '（待填写）'),
  ];
  const to = d.required_recipients.map((x) => x.label).join('、');
  const data = await noticeDocx({ title: r.title, to, blocks, authority: d.org_name, date: r.submitted_on ?? s.today() });
  return { filename: `${r.title}.docx`, data };
}

/** Published reports for the portal (no internal figures beyond the text and table). */
export async function publicReports(s: Services) {
  return pdb(s.db)
    .selectFrom('annual_reports as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['r.id', 'o.name as org_name', 'r.year', 'r.title', 'r.published_on', 'r.overview', 'r.problems', 'r.next_year'])
    .where('r.status', '=', 'published')
    .orderBy('r.year', 'desc')
    .orderBy('r.published_on', 'desc')
    .limit(200)
    .execute();
}
