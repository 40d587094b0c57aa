import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, notFound } from '../../core/http/errors.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { isValidMobile } from '../../core/crypto/mask.ts';
import { ndb, ntx } from './schema.ts';
import { legalOfficeFor } from './lifecycle.ts';

const SUGGESTION = { zh: '审查建议', en: 'Review suggestion' };
// Crockford base32 without I, L, O, U: read aloud over the phone without ambiguity.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function trackingCode(today: string): string {
  const bytes = crypto.randomBytes(8);
  let tail = '';
  for (const b of bytes) tail += ALPHABET[b % 32];
  return `JY${today.replace(/-/g, '')}${tail}`;
}

export interface SuggestionInput {
  documentId: number;
  name: string;
  contact?: string;
  content: string;
}

/**
 * 审查建议: anyone may suggest that a published document is unlawful (seed 002 #18). It goes
 * to the legal-affairs office that reviews the document's filing, with an answer deadline;
 * the citizen gets a tracking code. The contact is stored encrypted and never shown.
 */
export async function submitSuggestion(s: Services, input: SuggestionInput) {
  if (!input.content.trim()) throw badInput('suggestion_empty', 'content', { zh: '建议内容不能为空', en: 'The suggestion is empty' });
  if (!input.name.trim()) throw badInput('name_required', 'name', { zh: '请填写姓名或单位名称', en: 'Name required' });
  if (input.contact && !isValidMobile(input.contact)) throw badInput('invalid_contact', 'contact', { zh: '联系电话格式不正确', en: 'Invalid phone number' });
  return s.tx(async (tx) => {
    const t = ntx(tx);
    const doc = await t.selectFrom('normative_documents').select(['id', 'title', 'issuer_org_id', 'doc_type', 'published_on']).where('id', '=', input.documentId).executeTakeFirst();
    if (!doc || !doc.published_on) throw notFound({ zh: '已公布的规范性文件', en: 'Published document' }, 'documentId');
    const office = await legalOfficeFor(tx, doc.issuer_org_id, doc.doc_type);
    if (!office) throw conflict('no_handling_office', { zh: '未找到负责办理的法制机构', en: 'No legal-affairs office handles this document' });
    const org = await tx.selectFrom('orgs').select('region_code').where('id', '=', office).executeTakeFirstOrThrow();
    const today = s.today();
    const code = trackingCode(today);
    const row = await t
      .insertInto('normative_suggestions')
      .values({ tracking_code: code, document_id: doc.id, org_id: office, region_code: org.region_code, name: input.name.trim(), contact_enc: input.contact ? s.pii.encrypt(input.contact) : null, content: input.content.trim() })
      .returningAll()
      .executeTakeFirstOrThrow();
    const deadline = await startDeadline(s, tx, { userId: null, name: 'public' }, {
      module: 'normative',
      kind: 'normative.suggestion',
      title: `办理审查建议：${doc.title}`,
      subjectType: 'normative_suggestion',
      subjectId: row.id,
      orgId: office,
      regionCode: org.region_code,
      startDate: today,
      ruleKey: 'normative.suggestion_answer_days',
    });
    await t.updateTable('normative_suggestions').set({ deadline_id: deadline.id }).where('id', '=', row.id).execute();
    await recordAudit(tx, { userId: null, name: 'public' }, { action: 'normative.suggestion.submit', entityType: 'normative_suggestion', entityId: row.id, orgId: office, after: { ...row, contact_enc: undefined } });
    return { trackingCode: code, dueDate: deadline.due_date };
  });
}

/** What the citizen sees with the tracking code: progress and the answer, no personal data. */
export async function trackSuggestion(s: Services, code: string) {
  const row = await ndb(s.db)
    .selectFrom('normative_suggestions as g')
    .innerJoin('normative_documents as d', 'd.id', 'g.document_id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .leftJoin('deadlines as dl', 'dl.id', 'g.deadline_id')
    .select(['g.tracking_code', 'd.title', 'd.reg_number', 'o.name as handling_org', 'g.status', 'g.finding', 'g.answer', 'g.answered_at', 'g.created_at', 'dl.due_date'])
    .where('g.tracking_code', '=', code.trim().toUpperCase())
    .executeTakeFirst();
  if (!row) throw notFound({ zh: '查询码对应的审查建议', en: 'Suggestion for this code' });
  return row;
}

export async function listSuggestions(s: Services, actor: Actor, f: { status?: 'received' | 'answered' }) {
  let q = ndb(s.db)
    .selectFrom('normative_suggestions as g')
    .innerJoin('normative_documents as d', 'd.id', 'g.document_id')
    .leftJoin('deadlines as dl', 'dl.id', 'g.deadline_id')
    .select(['g.id', 'g.tracking_code', 'g.document_id', 'd.title', 'd.reg_number', 'g.name', 'g.content', 'g.status', 'g.finding', 'g.answer', 'g.answered_at', 'g.created_at', 'dl.due_date'])
    .where(orgScopeFilter(actor, 'normative.filing_review', sql.ref('g.org_id')));
  if (f.status) q = q.where('g.status', '=', f.status);
  return q.orderBy('g.id', 'desc').limit(200).execute();
}

/** The office answers with its finding; the citizen sees it through the tracking code. */
export async function answerSuggestion(s: Services, actor: Actor, id: number, input: { finding: 'lawful' | 'corrected' | 'revoked'; answer: string }) {
  if (!input.answer.trim()) throw badInput('answer_empty', 'answer', { zh: '答复内容不能为空', en: 'The answer is empty' });
  return s.tx(async (tx) => {
    const t = ntx(tx);
    const g = await t.selectFrom('normative_suggestions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!g) throw notFound(SUGGESTION);
    await assertOrgInScope(tx, actor, 'normative.filing_review', g.org_id, SUGGESTION);
    if (g.status === 'answered') throw conflict('suggestion_answered', { zh: '该建议已答复', en: 'Already answered' });
    const after = await t.updateTable('normative_suggestions').set({ status: 'answered', finding: input.finding, answer: input.answer.trim(), answered_by: actor.userId, answered_at: s.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (g.deadline_id) await closeDeadline(s, tx, actorForAudit(actor), g.deadline_id, '已答复');
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.suggestion.answer', entityType: 'normative_suggestion', entityId: id, orgId: g.org_id, before: { status: g.status }, after: { status: after.status, finding: after.finding } });
    return { id: after.id, status: after.status, finding: after.finding, answer: after.answer, answered_at: after.answered_at };
  });
}
