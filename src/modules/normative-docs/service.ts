import { sql } from 'kysely';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { EffectContext } from '../../core/workflow/types.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound, staleVersion } from '../../core/http/errors.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { isValidIsoDate } from '../../core/calendar/dates.ts';
import { SEED002 } from '../../core/rules/seeds.ts';
import { ndb, ntx, type DocType, type ReviewOutcome } from './schema.ts';
import { formatNumber, parseNumberPattern } from './numbering.ts';
import { searchVector, segmentQuery, tsQuery } from './text-search.ts';
import { flagRisks } from './risk-flags.ts';
import { validityEnd } from './validity.ts';
import { CHECKLIST } from './checklist.ts';
import { IN_FORCE } from './states.ts';
import { maskPersonName } from '../../core/crypto/mask.ts';
import { paragraphsOf } from './paragraphs.ts';
import { commentsOf } from './participation.ts';
import { createInstance, executeSystemTransition } from '../../core/workflow/engine.ts';

const DOC = { zh: '规范性文件', en: 'Normative document' };
export { MAX_BODY } from './limits.ts';
import { MAX_BODY } from './limits.ts';

// ── 制定主体 eligible issuers ────────────────────────────────────────────────

export interface IssuerInput {
  orgId: number;
  docType: DocType;
  numberPattern: string;
  announcedOn: string;
  announcement?: string | null;
  validityExempt?: boolean;
  active?: boolean;
}

export async function listIssuers(s: Services, actor: Actor) {
  return ndb(s.db)
    .selectFrom('normative_issuers as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .select(['i.org_id', 'o.name as org_name', 'i.region_code', 'i.doc_type', 'i.number_pattern', 'i.announced_on', 'i.announcement', 'i.validity_exempt', 'i.active', 'i.version'])
    .where(orgScopeFilter(actor, 'normative.read', sql.ref('i.org_id')))
    .orderBy('o.path')
    .execute();
}

/** The legal-affairs office confirms and announces an issuer (seed 002 measure 17). */
export async function saveIssuer(s: Services, actor: Actor, input: IssuerInput) {
  const pattern = parseNumberPattern(input.numberPattern);
  if (!pattern.ok) throw badInput(pattern.code, 'numberPattern', { zh: pattern.zh, en: pattern.en });
  if (!isValidIsoDate(input.announcedOn)) throw badInput('invalid_date', 'announcedOn', { zh: `公告日期无效：${input.announcedOn}`, en: `Invalid date ${input.announcedOn}` });
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'normative.issuer.manage', input.orgId, { zh: '机构', en: 'Organisation' });
    const org = await tx.selectFrom('orgs').select(['region_code']).where('id', '=', input.orgId).executeTakeFirstOrThrow();
    const t = ntx(tx);
    const before = await t.selectFrom('normative_issuers').selectAll().where('org_id', '=', input.orgId).forUpdate().executeTakeFirst();
    const values = {
      doc_type: input.docType,
      number_pattern: input.numberPattern,
      announced_on: input.announcedOn,
      announcement: input.announcement ?? null,
      validity_exempt: input.validityExempt ?? false,
      active: input.active ?? true,
    };
    const row = before
      ? await t.updateTable('normative_issuers').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('org_id', '=', input.orgId).returningAll().executeTakeFirstOrThrow()
      : await t.insertInto('normative_issuers').values({ org_id: input.orgId, region_code: org.region_code, ...values }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, actorForAudit(actor), { action: before ? 'normative.issuer.update' : 'normative.issuer.create', entityType: 'normative_issuer', entityId: input.orgId, orgId: input.orgId, before: before ?? null, after: row });
    return row;
  });
}

// ── drafting ────────────────────────────────────────────────────────────────

export interface DraftInput {
  issuerOrgId: number;
  draftingOrgId?: number;
  title: string;
  provisional?: boolean;
  affectsRights?: boolean;
  body: string;
  legalBases?: string[];
  consultedOrgIds?: number[];
  /** A document in force of the same issuer that this one re-issues after evaluation. */
  replacesId?: number;
}

function checkBody(body: string) {
  if (!body.trim()) throw badInput('body_empty', 'body', { zh: '文件正文不能为空', en: 'The text is empty' });
  if (body.length > MAX_BODY) throw badInput('body_too_long', 'body', { zh: `文件正文超过 ${MAX_BODY} 字`, en: `The text exceeds ${MAX_BODY} characters` });
}


/** Only a confirmed, announced issuer may have a document drafted in its name (seed 002 measure 17). */
export async function createDocument(s: Services, actor: Actor, input: DraftInput) {
  checkBody(input.body);
  return s.tx(async (tx) => {
    const t = ntx(tx);
    const draftingOrgId = input.draftingOrgId ?? actor.currentOrgId ?? actor.orgId;
    await assertOrgInScope(tx, actor, 'normative.draft', draftingOrgId, { zh: '起草单位', en: 'Drafting unit' });
    const issuer = await t.selectFrom('normative_issuers').selectAll().where('org_id', '=', input.issuerOrgId).where('active', '=', true).executeTakeFirst();
    if (!issuer) {
      throw new DomainError({
        status: 409,
        code: 'issuer_not_eligible',
        title: '不能起草',
        detail: '该机关未经确认并公告为规范性文件制定主体，不得制定规范性文件',
        detail_en: 'The body is not a confirmed and announced issuer of normative documents',
        field: 'issuerOrgId',
        rule: 'issuer_not_eligible',
        basis: { law: SEED002, article: '措施17', quote: '凡没有被确定并公告的单位不能成为规范性文件制定的适格主体，不得制定规范性文件' },
      });
    }
    for (const o of input.consultedOrgIds ?? []) {
      if (!(await tx.selectFrom('orgs').select('id').where('id', '=', o).executeTakeFirst())) throw badInput('unknown_org', 'consultedOrgIds', { zh: `征求意见的部门不存在：${o}`, en: `Unknown organisation ${o}` });
    }
    if (input.replacesId) {
      const old = await t.selectFrom('normative_documents').select(['issuer_org_id', 'status']).where('id', '=', input.replacesId).executeTakeFirst();
      if (!old || old.issuer_org_id !== input.issuerOrgId || !IN_FORCE.includes(old.status)) {
        throw badInput('replaces_invalid', 'replacesId', { zh: '被替代的文件须为同一制定机关的现行有效文件', en: 'The replaced document must be in force and of the same issuer' });
      }
    }
    const org = await tx.selectFrom('orgs').select('region_code').where('id', '=', draftingOrgId).executeTakeFirstOrThrow();
    const doc = await t
      .insertInto('normative_documents')
      .values({
        org_id: draftingOrgId,
        region_code: org.region_code,
        issuer_org_id: input.issuerOrgId,
        title: input.title,
        doc_type: issuer.doc_type,
        provisional: input.provisional ?? /暂行|试行/.test(input.title),
        affects_rights: input.affectsRights ?? true,
        body: input.body,
        legal_bases: input.legalBases ?? [],
        consulted_org_ids: input.consultedOrgIds ?? [],
        replaces_id: input.replacesId ?? null,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const inst = await createInstance(s, tx, actor, { procedure: 'normative.document', subjectId: doc.id, title: input.title, orgId: draftingOrgId, regionCode: org.region_code });
    await t.updateTable('normative_documents').set({ instance_id: inst.id, search_vector: searchVector(input.title, input.body) } as any).where('id', '=', doc.id).execute();
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.draft', entityType: 'normative_document', entityId: doc.id, orgId: draftingOrgId, after: { ...doc, body: `${input.body.length} 字` } });
    return { ...doc, instance_id: inst.id };
  });
}

export interface DraftUpdate {
  version: number;
  title?: string;
  body?: string;
  provisional?: boolean;
  affectsRights?: boolean;
  legalBases?: string[];
  consultedOrgIds?: number[];
}

/** The text can change while the document is being drafted, never after it left drafting. */
export async function updateDraft(s: Services, actor: Actor, id: number, input: DraftUpdate) {
  if (input.body !== undefined) checkBody(input.body);
  return s.tx(async (tx) => {
    const t = ntx(tx);
    const doc = await t.selectFrom('normative_documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!doc) throw notFound(DOC);
    await assertOrgInScope(tx, actor, 'normative.draft', doc.org_id, DOC);
    if (doc.status !== 'drafting') throw conflict('not_in_drafting', { zh: '只有起草阶段的文件可以修改正文', en: 'Only a document in drafting can be edited' });
    if (doc.version !== input.version) throw staleVersion(DOC);
    const title = input.title ?? doc.title;
    const body = input.body ?? doc.body;
    const after = await t
      .updateTable('normative_documents')
      .set({
        title,
        body,
        provisional: input.provisional ?? doc.provisional,
        affects_rights: input.affectsRights ?? doc.affects_rights,
        legal_bases: input.legalBases ?? doc.legal_bases,
        consulted_org_ids: input.consultedOrgIds ?? doc.consulted_org_ids,
        search_vector: searchVector(title, body),
        version: doc.version + 1,
        updated_at: new Date(),
      } as any)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (title !== doc.title) await tx.updateTable('procedure_instances').set({ title }).where('id', '=', doc.instance_id!).execute();
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.update_draft', entityType: 'normative_document', entityId: id, orgId: doc.org_id, before: { title: doc.title, version: doc.version, bodyLength: doc.body.length }, after: { title, version: after.version, bodyLength: body.length } });
    return present(after);
  });
}

function present<T extends { search_vector?: unknown }>(row: T) {
  const { search_vector, ...rest } = row;
  return rest;
}

export async function getDocument(s: Services, actor: Actor, id: number) {
  const db = ndb(s.db);
  const doc = await db.selectFrom('normative_documents as d').innerJoin('orgs as i', 'i.id', 'd.issuer_org_id').innerJoin('orgs as o', 'o.id', 'd.org_id').selectAll('d').select(['i.name as issuer_name', 'o.name as drafting_org_name']).where('d.id', '=', id).executeTakeFirst();
  if (!doc) throw notFound(DOC);
  await assertOrgInScope(s.db, actor, 'normative.read', doc.org_id, DOC);
  const reviews = await db.selectFrom('normative_reviews as r').leftJoin('users as u', 'u.id', 'r.reviewer_id').select(['r.id', 'r.outcome', 'r.checklist', 'r.opinion', 'r.at', 'u.display_name as reviewer_name']).where('r.document_id', '=', id).orderBy('r.id').execute();
  const decisions = await db.selectFrom('normative_decisions').select(['id', 'meeting', 'meeting_date', 'decision', 'at']).where('document_id', '=', id).orderBy('id').execute();
  const comments = await commentsOf(s.db, id);
  const consultations = await db
    .selectFrom('normative_consultations as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .leftJoin('deadlines as dl', 'dl.id', 'c.deadline_id')
    .select(['c.id', 'c.org_id', 'o.name as org_name', 'c.requested_on', 'dl.due_date', 'c.position', 'c.reply', 'c.replied_at', 'c.escalated_at', 'c.resolution', 'c.resolved_at'])
    .where('c.document_id', '=', id)
    .orderBy('c.id')
    .execute();
  const filing = await db
    .selectFrom('normative_filings as f')
    .innerJoin('orgs as o', 'o.id', 'f.filed_to_org_id')
    .select(['f.filed_to_org_id', 'o.name as filed_to_name', 'f.filed_on', 'f.due_on', 'f.on_time', 'f.report', 'f.explanation', 'f.outcome', 'f.opinion', 'f.reviewed_on', 'f.correction_due', 'f.corrected_on', 'f.correction_note'])
    .where('f.document_id', '=', id)
    .executeTakeFirst();
  const evaluations = await db.selectFrom('normative_evaluations').select(['id', 'conclusion', 'report', 'evaluated_on']).where('document_id', '=', id).orderBy('id').execute();
  // The assistant reads the current text; the reviewer decides (seed 000 §2(二)1).
  return {
    ...present(doc),
    paragraphs: paragraphsOf(doc.body),
    flags: flagRisks(doc.body),
    checklistItems: CHECKLIST,
    reviews,
    decisions,
    comments: comments.map((c) => ({ ...c, commenter: c.commenter ? maskPersonName(c.commenter) : null })),
    consultations,
    filing: filing ?? null,
    evaluations,
  };
}

export async function listDocuments(s: Services, actor: Actor, f: { status?: string; q?: string; limit?: number; offset?: number }) {
  let q = ndb(s.db)
    .selectFrom('normative_documents as d')
    .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.title', 'd.status', 'd.doc_type', 'd.provisional', 'd.reg_number', 'd.published_on', 'd.effective_on', 'd.expires_on', 'd.comment_until', 'd.instance_id', 'd.org_id', 'o.name as drafting_org_name', 'd.issuer_org_id', 'i.name as issuer_name', 'd.updated_at'])
    .where(orgScopeFilter(actor, 'normative.read', sql.ref('d.org_id')));
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.q) q = q.where('d.title', 'ilike', `%${f.q}%`);
  return q.orderBy('d.updated_at', 'desc').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
}

// ── procedure effects (run inside the step's transaction) ─────────────────────

export async function recordReview(ctx: EffectContext, outcome: ReviewOutcome) {
  const t = ntx(ctx.tx);
  const doc = await t.selectFrom('normative_documents').select(['id', 'org_id', 'body']).where('id', '=', Number(ctx.instance.subjectId)).executeTakeFirstOrThrow();
  await t
    .insertInto('normative_reviews')
    .values({ document_id: doc.id, org_id: doc.org_id, reviewer_id: ctx.actor.userId, outcome, checklist: JSON.stringify(ctx.input.data?.checklist ?? {}), flags: JSON.stringify(flagRisks(doc.body)), opinion: ctx.input.note ?? null })
    .execute();
}

export async function recordDecision(ctx: EffectContext, d: { meeting: string; meetingDate: string; decision: string }) {
  const t = ntx(ctx.tx);
  const doc = await t.selectFrom('normative_documents').select(['id', 'org_id']).where('id', '=', Number(ctx.instance.subjectId)).executeTakeFirstOrThrow();
  await t.insertInto('normative_decisions').values({ document_id: doc.id, org_id: doc.org_id, meeting: d.meeting, meeting_date: d.meetingDate, decision: d.decision, recorded_by: ctx.actor.userId }).execute();
}

/**
 * 统一登记、统一编号、统一公布 (seed 001 §3(三)1; seed 002 measure 18): the next number of
 * the issuer's year — the counter row stays locked until the step commits, so concurrent
 * publications get distinct numbers, and a rolled-back one gives its number back — then
 * the effective date and the validity period from the rule parameters.
 */
export async function publishDocument(ctx: EffectContext, effectiveOn?: string) {
  const t = ntx(ctx.tx);
  const today = ctx.services.today();
  const doc = await t.selectFrom('normative_documents').selectAll().where('id', '=', Number(ctx.instance.subjectId)).executeTakeFirstOrThrow();
  const issuer = await t.selectFrom('normative_issuers').selectAll().where('org_id', '=', doc.issuer_org_id).executeTakeFirstOrThrow();
  const effective = effectiveOn ?? today;
  if (!isValidIsoDate(effective) || effective < today) throw badInput('invalid_date', 'data.effectiveOn', { zh: '施行日期无效或早于公布日期', en: 'The effective date is invalid or before publication' });
  const year = Number(today.slice(0, 4));
  await t.insertInto('normative_number_seq').values({ org_id: issuer.org_id, year, last_seq: 0 }).onConflict((oc) => oc.columns(['org_id', 'year']).doNothing()).execute();
  // A number already taken by an imported register entry is skipped, never reused.
  let seq = 0;
  do {
    seq = (
      await t
        .updateTable('normative_number_seq')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
        .where('org_id', '=', issuer.org_id)
        .where('year', '=', year)
        .returning('last_seq')
        .executeTakeFirstOrThrow()
    ).last_seq;
  } while (await t.selectFrom('normative_documents').select('id').where('reg_number', '=', formatNumber(issuer.number_pattern, year, seq)).executeTakeFirst());
  const years = issuer.validity_exempt ? null : await ruleValue<number>(ctx.tx, doc.provisional ? 'normative.validity_years_temporary' : 'normative.validity_years', doc.region_code, today);
  await t
    .updateTable('normative_documents')
    .set({ reg_number: formatNumber(issuer.number_pattern, year, seq), reg_year: year, reg_seq: seq, published_on: today, effective_on: effective, expires_on: years == null ? null : validityEnd(effective, years), search_vector: searchVector(doc.title, doc.body) } as any)
    .where('id', '=', doc.id)
    .execute();
  // 确需继续实施的，应重新制定发布 (seed 000 §2(二)5): the re-issued text replaces the old one.
  if (doc.replaces_id) {
    const old = await t.selectFrom('normative_documents').select(['instance_id']).where('id', '=', doc.replaces_id).executeTakeFirstOrThrow();
    await executeSystemTransition(ctx.services, ctx.tx, old.instance_id!, 'replace', `由重新制定发布的文件（${formatNumber(issuer.number_pattern, year, seq)}）替代`);
  }
}

// ── public catalogue ─────────────────────────────────────────────────────────

/** Valid documents: in force (never a draft, seed 001 §3(三)1) and not past validity. */
const VALID = [...IN_FORCE];

/** The announced issuing bodies (制定主体 are announced publicly, seed 002 #17), for the portal's filter. */
export async function publicIssuers(s: Services) {
  return ndb(s.db)
    .selectFrom('normative_issuers as n')
    .innerJoin('orgs as o', 'o.id', 'n.org_id')
    .select(['n.org_id', 'o.name', 'n.doc_type', 'n.announced_on', 'n.announcement'])
    .where('n.active', '=', true)
    .orderBy('o.path')
    .execute();
}

/**
 * Counting stops here: a search word common to most documents would otherwise make every
 * request count tens of thousands of rows that nobody pages through.
 */
export const CATALOGUE_COUNT_CAP = 1000;

export async function catalogue(s: Services, f: { q?: string; issuerOrgId?: number; year?: number; limit?: number; offset?: number }) {
  const today = s.today();
  let q = ndb(s.db)
    .selectFrom('normative_documents as d')
    .where('d.status', 'in', VALID)
    .where((eb) => eb.or([eb('d.expires_on', 'is', null), eb('d.expires_on', '>=', today)]));
  if (f.q) {
    const tokens = segmentQuery(f.q);
    if (!tokens.length) return { total: 0, more: false, items: [] };
    q = q.where(sql<boolean>`d.search_vector @@ to_tsquery('simple', ${tsQuery(tokens)})`);
  }
  if (f.issuerOrgId) q = q.where('d.issuer_org_id', '=', f.issuerOrgId);
  if (f.year) q = q.where('d.reg_year', '=', f.year);
  const counted = await ndb(s.db)
    .selectFrom(q.select('d.id').limit(CATALOGUE_COUNT_CAP + 1).as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  const items = await q
    .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
    .select(['d.id', 'd.title', 'd.reg_number', 'd.issuer_org_id', 'i.name as issuer_name', 'd.doc_type', 'd.provisional', 'd.published_on', 'd.effective_on', 'd.expires_on', 'd.status'])
    .orderBy('d.published_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(f.limit ?? 20)
    .offset(f.offset ?? 0)
    .execute();
  return { total: Math.min(n, CATALOGUE_COUNT_CAP), more: n > CATALOGUE_COUNT_CAP, items };
}

/** A published document's public page: its text and public history; drafts never show. */
export async function publicDocument(s: Services, id: number) {
  const db = ndb(s.db);
  const doc = await db
    .selectFrom('normative_documents as d')
    .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
    .select(['d.id', 'd.title', 'd.reg_number', 'i.name as issuer_name', 'd.doc_type', 'd.provisional', 'd.body', 'd.legal_bases', 'd.published_on', 'd.effective_on', 'd.expires_on', 'd.status', 'd.instance_id'])
    .where('d.id', '=', id)
    .where('d.status', 'in', [...VALID, 'expired', 'abolished', 'revoked'])
    .executeTakeFirst();
  if (!doc) throw notFound(DOC);
  const history = await s.db
    .selectFrom('procedure_history')
    .select(['transition', 'to_state', 'at'])
    .where('instance_id', '=', doc.instance_id!)
    .where('transition', 'in', ['import', 'publish', 'file', 'approve_filing', 'order_correction', 'report_correction', 'revoke', 'abolish', 'expire', 'replace', 'cleanup_abolish', 'cleanup_invalid'])
    .orderBy('id')
    .execute();
  const { instance_id, ...rest } = doc;
  return { ...rest, valid: VALID.includes(doc.status) && (!doc.expires_on || doc.expires_on >= s.today()), history };
}
