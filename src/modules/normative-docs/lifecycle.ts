import type { Tx } from '../../core/db/client.ts';
import type { EffectContext } from '../../core/workflow/types.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { startDeadline } from '../../core/calendar/deadlines.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { badInput } from '../../core/http/errors.ts';
import { ntx, type DocType, type FilingOutcome } from './schema.ts';
import { addCalendarDays } from './validity.ts';
import { searchVector } from './text-search.ts';

const docId = (ctx: EffectContext) => Number(ctx.instance.subjectId);

/**
 * The legal-affairs office that receives a document's filing and handles suggestions on
 * it: for a department document, the legal-affairs office of its own government's region
 * (本级政府法制机构); for a government document, the one of the superior region (上级行政
 * 机关), falling back to its own region when the superior level is not on this platform.
 */
export async function legalOfficeFor(tx: Tx, issuerOrgId: number, docType: DocType): Promise<number | null> {
  const issuer = await tx.selectFrom('orgs as o').innerJoin('regions as r', 'r.code', 'o.region_code').select(['o.region_code', 'r.parent_code']).where('o.id', '=', issuerOrgId).executeTakeFirstOrThrow();
  const regions = docType === 'government' && issuer.parent_code ? [issuer.parent_code, issuer.region_code] : [issuer.region_code];
  for (const region of regions) {
    const office = await tx.selectFrom('orgs').select('id').where('org_type', '=', 'legal_affairs').where('region_code', '=', region).where('active', '=', true).orderBy('id').executeTakeFirst();
    if (office) return office.id;
  }
  return null;
}

/** 征求意见期: from today, for the rule-parameter number of calendar days (seed 002 #16). */
export async function setCommentPeriod(ctx: EffectContext) {
  const days = await ruleValue<number>(ctx.tx, 'normative.comment_days', ctx.instance.regionCode, ctx.services.today());
  const from = ctx.services.today();
  await ntx(ctx.tx).updateTable('normative_documents').set({ comment_from: from, comment_until: addCalendarDays(from, days - 1) }).where('id', '=', docId(ctx)).execute();
}

/**
 * Each department whose duties the document touches is asked for its opinion, with a reply
 * deadline on the statutory calendar in that department's own 待办 (seed 001 §3(三)2).
 * Asked once per document: re-opening the comment period does not ask again.
 */
export async function openConsultations(ctx: EffectContext) {
  const t = ntx(ctx.tx);
  const doc = await t.selectFrom('normative_documents').select(['id', 'org_id', 'title', 'consulted_org_ids']).where('id', '=', docId(ctx)).executeTakeFirstOrThrow();
  const today = ctx.services.today();
  for (const orgId of doc.consulted_org_ids) {
    if (orgId === doc.org_id) continue;
    const exists = await t.selectFrom('normative_consultations').select('id').where('document_id', '=', doc.id).where('org_id', '=', orgId).executeTakeFirst();
    if (exists) continue;
    const org = await ctx.tx.selectFrom('orgs').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow();
    const deadline = await startDeadline(ctx.services, ctx.tx, actorForAudit(ctx.actor), {
      module: 'normative',
      kind: 'normative.consultation',
      title: `回复规范性文件征求意见：${doc.title}`,
      subjectType: 'normative_document',
      subjectId: doc.id,
      orgId,
      regionCode: org.region_code,
      startDate: today,
      ruleKey: 'normative.consultation_working_days',
    });
    await t.insertInto('normative_consultations').values({ document_id: doc.id, org_id: orgId, drafting_org_id: doc.org_id, region_code: org.region_code, requested_on: today, deadline_id: deadline.id }).execute();
  }
}

/**
 * 报送备案 with the filing package (report, drafting explanation; the text and legal bases
 * are the document's own). Timeliness is judged against the filing deadline started at
 * publication (seed 002 #18: within 15 days).
 */
export async function fileDocument(ctx: EffectContext) {
  const t = ntx(ctx.tx);
  const doc = await t.selectFrom('normative_documents').selectAll().where('id', '=', docId(ctx)).executeTakeFirstOrThrow();
  const data = ctx.input.data as { filedToOrgId?: number; report: string; explanation: string };
  const to = data.filedToOrgId ?? (await legalOfficeFor(ctx.tx, doc.issuer_org_id, doc.doc_type));
  if (!to) throw badInput('no_filing_recipient', 'data.filedToOrgId', { zh: '未找到接受备案的法制机构，请指定', en: 'No receiving legal-affairs office found; name one' });
  const recipient = await ctx.tx.selectFrom('orgs').select(['id', 'org_type']).where('id', '=', to).executeTakeFirst();
  if (!recipient || recipient.org_type !== 'legal_affairs') throw badInput('filing_recipient_invalid', 'data.filedToOrgId', { zh: '备案须报送司法行政/法制机构', en: 'A filing goes to a legal-affairs office' });
  const deadline = await ctx.tx.selectFrom('deadlines').select('due_date').where('instance_id', '=', ctx.instance.id).where('kind', '=', 'normative.filing').orderBy('id', 'desc').executeTakeFirst();
  const today = ctx.services.today();
  const due = deadline?.due_date ?? today;
  await t
    .insertInto('normative_filings')
    .values({ document_id: doc.id, org_id: doc.issuer_org_id, filed_to_org_id: to, region_code: doc.region_code, filed_on: today, due_on: due, on_time: today <= due, report: data.report, explanation: data.explanation, filed_by: ctx.actor.userId })
    .execute();
}

export async function recordFilingOutcome(ctx: EffectContext, outcome: FilingOutcome) {
  const today = ctx.services.today();
  let correctionDue: string | null = null;
  if (outcome === 'correction') {
    const days = await ruleValue<number>(ctx.tx, 'normative.correction_days', ctx.instance.regionCode, today);
    correctionDue = (await ctx.services.calendar.get(ctx.tx)).add(today, days, 'calendar').due;
  }
  await ntx(ctx.tx)
    .updateTable('normative_filings')
    .set({ outcome, opinion: ctx.input.note ?? null, reviewed_by: ctx.actor.userId, reviewed_on: today, ...(outcome === 'correction' ? { correction_due: correctionDue } : {}) })
    .where('document_id', '=', docId(ctx))
    .execute();
}

/** The issuing body reports what it corrected (optionally the corrected text); the filing goes back for review. */
export async function reportCorrection(ctx: EffectContext) {
  const t = ntx(ctx.tx);
  const body = ctx.input.data?.body as string | undefined;
  if (body !== undefined) {
    if (!body.trim()) throw badInput('body_empty', 'data.body', { zh: '纠正后的正文不能为空', en: 'The corrected text is empty' });
    const doc = await t.selectFrom('normative_documents').select(['title']).where('id', '=', docId(ctx)).executeTakeFirstOrThrow();
    await t.updateTable('normative_documents').set({ body, search_vector: searchVector(doc.title, body) } as any).where('id', '=', docId(ctx)).execute();
  }
  await t
    .updateTable('normative_filings')
    .set({ outcome: null, corrected_on: ctx.services.today(), correction_note: ctx.input.note ?? null })
    .where('document_id', '=', docId(ctx))
    .execute();
}

