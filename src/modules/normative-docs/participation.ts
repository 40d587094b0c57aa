import { sql } from 'kysely';
import type { Services } from '../../core/services.ts';
import type { Db } from '../../core/db/client.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { AuditActor } from '../../core/audit/audit.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound } from '../../core/http/errors.ts';
import { closeDeadline } from '../../core/calendar/deadlines.ts';
import { isValidMobile, maskPersonName } from '../../core/crypto/mask.ts';
import { SEED002, SEED001 } from '../../core/rules/seeds.ts';
import { ndb, ntx, type CommentAnswer } from './schema.ts';
import { paragraphsOf } from './paragraphs.ts';

const PUBLIC_ACTOR: AuditActor = { userId: null, name: 'public' };

// ── 公开征求意见 public comment, per paragraph ─────────────────────────────────

/** Drafts open for comment today, for the portal. */
export async function publicDrafts(s: Services) {
  const today = s.today();
  return ndb(s.db)
    .selectFrom('normative_documents as d')
    .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.title', 'i.name as issuer_name', 'o.name as drafting_org_name', 'd.comment_from', 'd.comment_until'])
    .select(sql<number>`(select count(*)::int from normative_comments c where c.document_id = d.id)`.as('comment_count'))
    .where('d.status', '=', 'comment')
    .where('d.comment_until', '>=', today)
    .orderBy('d.comment_until')
    .execute();
}

/**
 * A draft as published for comment: its paragraphs, every comment on each (commenter
 * masked) and the drafting unit's answer to each (seed 000 §2: answers are published). A
 * document that never went to public comment is not shown.
 */
export async function publicDraft(s: Services, id: number) {
  const db = ndb(s.db);
  const doc = await db
    .selectFrom('normative_documents as d')
    .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.title', 'd.body', 'd.status', 'i.name as issuer_name', 'o.name as drafting_org_name', 'd.comment_from', 'd.comment_until'])
    .where('d.id', '=', id)
    .where('d.comment_from', 'is not', null)
    .where('d.status', '<>', 'withdrawn')
    .executeTakeFirst();
  if (!doc) throw notFound({ zh: '征求意见稿', en: 'Draft for comment' });
  const comments = await commentsOf(s.db, id);
  const { body, ...rest } = doc;
  return {
    ...rest,
    open: doc.status === 'comment' && !!doc.comment_until && doc.comment_until >= s.today(),
    paragraphs: paragraphsOf(body),
    comments: comments.map((c) => ({ ...c, commenter: c.commenter ? maskPersonName(c.commenter) : '匿名' })),
  };
}

/** The comments on a document, paragraph by paragraph; the contact is never selected. */
export async function commentsOf(db: Db, documentId: number) {
  return ndb(db)
    .selectFrom('normative_comments')
    .select(['id', 'paragraph', 'content', 'commenter', 'answer', 'answer_reason', 'answered_at', 'created_at'])
    .where('document_id', '=', documentId)
    .orderBy('paragraph')
    .orderBy('id')
    .execute();
}

export interface CommentInput {
  paragraph: number;
  content: string;
  name?: string;
  contact?: string;
}

/** A citizen's comment on one paragraph, accepted only while the period is open. */
export async function submitComment(s: Services, id: number, input: CommentInput) {
  if (!input.content.trim()) throw badInput('comment_empty', 'content', { zh: '意见内容不能为空', en: 'The comment is empty' });
  if (input.contact && !isValidMobile(input.contact)) throw badInput('invalid_contact', 'contact', { zh: '联系电话格式不正确', en: 'Invalid phone number' });
  return s.tx(async (tx) => {
    const t = ntx(tx);
    const doc = await t.selectFrom('normative_documents').select(['id', 'org_id', 'region_code', 'status', 'body', 'comment_from', 'comment_until']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!doc || !doc.comment_from || doc.status === 'withdrawn') throw notFound({ zh: '征求意见稿', en: 'Draft for comment' });
    if (doc.status !== 'comment' || !doc.comment_until || doc.comment_until < s.today()) {
      throw new DomainError({
        status: 409,
        code: 'comment_closed',
        title: '征求意见已结束',
        detail: `该草案的征求意见期已于${doc.comment_until ?? ''}结束，不再接收意见`,
        detail_en: `The comment period ended on ${doc.comment_until ?? ''}`,
        rule: 'comment_closed',
        basis: { law: SEED002, article: '措施16', quote: '向社会公开征求意见，期限一般不少于30日' },
      });
    }
    const paragraphs = paragraphsOf(doc.body);
    if (input.paragraph >= paragraphs.length) throw badInput('paragraph_unknown', 'paragraph', { zh: `草案共 ${paragraphs.length} 段，没有第 ${input.paragraph + 1} 段`, en: `The draft has ${paragraphs.length} paragraphs` });
    const row = await t
      .insertInto('normative_comments')
      .values({ document_id: id, org_id: doc.org_id, region_code: doc.region_code, paragraph: input.paragraph, content: input.content.trim(), commenter: input.name?.trim() || null, contact_enc: input.contact ? s.pii.encrypt(input.contact) : null })
      .returning(['id', 'paragraph', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, PUBLIC_ACTOR, { action: 'normative.comment', entityType: 'normative_comment', entityId: row.id, orgId: doc.org_id, after: { documentId: id, paragraph: input.paragraph, length: input.content.length } });
    return row;
  });
}

/** The drafting unit answers each comment; a comment not adopted in full needs a reason. */
export async function answerComment(s: Services, actor: Actor, commentId: number, input: { answer: CommentAnswer; reason?: string }) {
  if (input.answer !== 'adopted' && !input.reason?.trim()) throw badInput('reason_required', 'reason', { zh: '部分采纳或不予采纳的，须说明理由', en: 'A reason is required unless the comment is adopted' });
  return s.tx(async (tx) => {
    const t = ntx(tx);
    const c = await t.selectFrom('normative_comments').selectAll().where('id', '=', commentId).forUpdate().executeTakeFirst();
    if (!c) throw notFound({ zh: '意见', en: 'Comment' });
    await assertOrgInScope(tx, actor, 'normative.draft', c.org_id, { zh: '意见', en: 'Comment' });
    const doc = await t.selectFrom('normative_documents').select('status').where('id', '=', c.document_id).executeTakeFirstOrThrow();
    if (doc.status !== 'comment' && doc.status !== 'drafting') throw conflict('comment_answer_closed', { zh: '文件已送审，不能再修改意见答复', en: 'The document has left drafting; answers are final' });
    const after = await t
      .updateTable('normative_comments')
      .set({ answer: input.answer, answer_reason: input.reason?.trim() || null, answered_by: actor.userId, answered_at: s.now() })
      .where('id', '=', commentId)
      .returning(['id', 'paragraph', 'answer', 'answer_reason', 'answered_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.comment.answer', entityType: 'normative_comment', entityId: commentId, orgId: c.org_id, before: { answer: c.answer, reason: c.answer_reason }, after });
    return after;
  });
}

// ── 征求相关部门意见 consulted departments ─────────────────────────────────────

const CONSULTATION = { zh: '征求意见函', en: 'Consultation' };

/** Consultations addressed to the caller's departments, open ones first. */
export async function listConsultations(s: Services, actor: Actor) {
  return ndb(s.db)
    .selectFrom('normative_consultations as c')
    .innerJoin('normative_documents as d', 'd.id', 'c.document_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoin('orgs as dr', 'dr.id', 'c.drafting_org_id')
    .leftJoin('deadlines as dl', 'dl.id', 'c.deadline_id')
    .select(['c.id', 'c.document_id', 'd.title', 'd.body', 'c.org_id', 'o.name as org_name', 'dr.name as drafting_org_name', 'c.requested_on', 'dl.due_date', 'c.position', 'c.reply', 'c.replied_at', 'c.escalated_at', 'c.resolution', 'c.resolved_at'])
    .where(orgScopeFilter(actor, 'normative.draft', sql.ref('c.org_id')))
    .orderBy(sql`c.position is null`, 'desc')
    .orderBy('c.id', 'desc')
    .limit(200)
    .execute();
}

async function lockConsultation(s: Services, tx: Parameters<Parameters<Services['tx']>[0]>[0], id: number) {
  const c = await ntx(tx).selectFrom('normative_consultations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!c) throw notFound(CONSULTATION);
  return c;
}

/** The consulted department replies (agree / disagree with its opinion); its deadline closes. */
export async function replyConsultation(s: Services, actor: Actor, id: number, input: { position: 'agree' | 'disagree'; reply: string }) {
  if (!input.reply.trim()) throw badInput('reply_empty', 'reply', { zh: '回复意见不能为空', en: 'The reply is empty' });
  return s.tx(async (tx) => {
    const c = await lockConsultation(s, tx, id);
    await assertOrgInScope(tx, actor, 'normative.draft', c.org_id, CONSULTATION);
    if (c.position) throw conflict('consultation_replied', { zh: '已回复过意见', en: 'Already replied' });
    const after = await ntx(tx).updateTable('normative_consultations').set({ position: input.position, reply: input.reply.trim(), replied_by: actor.userId, replied_at: s.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (c.deadline_id) await closeDeadline(s, tx, actorForAudit(actor), c.deadline_id, '已回复意见');
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.consultation.reply', entityType: 'normative_consultation', entityId: id, orgId: c.org_id, before: c, after });
    return after;
  });
}

/**
 * A disagreement the drafting unit could not settle goes to the legal-affairs office
 * (seed 001 §3(三)2: 部门经多次协商仍不能达成一致意见的，由政府法制机构进行协调).
 */
export async function escalateConsultation(s: Services, actor: Actor, id: number) {
  return s.tx(async (tx) => {
    const c = await lockConsultation(s, tx, id);
    await assertOrgInScope(tx, actor, 'normative.draft', c.drafting_org_id, CONSULTATION);
    if (c.position !== 'disagree') throw conflict('consultation_not_disagreed', { zh: '只有不同意的部门意见需要提请协调', en: 'Only a disagreement is escalated' });
    if (c.escalated_at) throw conflict('consultation_escalated', { zh: '已提请政府法制机构协调', en: 'Already escalated' });
    const after = await ntx(tx).updateTable('normative_consultations').set({ escalated_at: s.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.consultation.escalate', entityType: 'normative_consultation', entityId: id, orgId: c.drafting_org_id, before: c, after });
    return after;
  });
}

/** Disagreements escalated to the caller's legal-affairs office. */
export async function listEscalations(s: Services, actor: Actor) {
  return ndb(s.db)
    .selectFrom('normative_consultations as c')
    .innerJoin('normative_documents as d', 'd.id', 'c.document_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoin('orgs as dr', 'dr.id', 'c.drafting_org_id')
    .select(['c.id', 'c.document_id', 'd.title', 'o.name as org_name', 'dr.name as drafting_org_name', 'c.reply', 'c.escalated_at', 'c.resolution', 'c.resolved_at'])
    .where('c.escalated_at', 'is not', null)
    .where(orgScopeFilter(actor, 'normative.review', sql.ref('c.drafting_org_id')))
    .orderBy('c.escalated_at', 'desc')
    .limit(200)
    .execute();
}

/** The legal-affairs office records the coordination result (or that it went to the leaders). */
export async function resolveConsultation(s: Services, actor: Actor, id: number, input: { resolution: string }) {
  if (!input.resolution.trim()) throw badInput('resolution_empty', 'resolution', { zh: '协调意见不能为空', en: 'The resolution is empty' });
  return s.tx(async (tx) => {
    const c = await lockConsultation(s, tx, id);
    await assertOrgInScope(tx, actor, 'normative.review', c.drafting_org_id, CONSULTATION);
    if (!c.escalated_at) {
      throw new DomainError({
        status: 409,
        code: 'consultation_not_escalated',
        title: '不能协调',
        detail: '起草单位尚未提请协调',
        detail_en: 'The drafting unit has not escalated this disagreement',
        basis: { law: SEED001, article: '三（三）2', quote: '部门经多次协商仍不能达成一致意见的，由政府法制机构进行协调' },
      });
    }
    if (c.resolved_at) throw conflict('consultation_resolved', { zh: '已协调', en: 'Already resolved' });
    const after = await ntx(tx).updateTable('normative_consultations').set({ resolution: input.resolution.trim(), resolved_by: actor.userId, resolved_at: s.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.consultation.resolve', entityType: 'normative_consultation', entityId: id, orgId: c.drafting_org_id, before: c, after });
    return after;
  });
}
