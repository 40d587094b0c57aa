import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { AuditActor } from '../../core/audit/audit.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { assertOrgInScope, inScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound } from '../../core/http/errors.ts';
import { isValidMobile } from '../../core/crypto/mask.ts';
import { createInstance } from '../../core/workflow/engine.ts';
import { DECISION } from '../../core/rules/seeds.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { ddb, dtx } from './schema.ts';
import { audit, BASIS_CATALOGUE, orgOf } from './common.ts';
import { commentOpen } from './decision-rules.ts';
import type { CommentAnswerIn, DecisionIn, DecisionQuery, PublicCommentIn } from './decision-contract.ts';

export const DECISION_ENTITY = { zh: '重大行政决策', en: 'Major decision' };
export const SUBJECT_TYPE = 'decision';
const PUBLIC_ACTOR: AuditActor = { userId: null, name: 'public' };
export const BASIS_COMMENT = { law: DECISION, article: '第十五条', quote: '公开征求意见的期限一般不少于30日' };

/**
 * 起动: from an item of a published catalogue (its deciding body, undertaking unit and hearing
 * flag), or — outside the catalogue — only with a recorded reason (条例 art. 3 ¶3; seed 002 #21).
 */
export async function startDecision(s: Services, actor: Actor, input: Static<typeof DecisionIn>) {
  return s.tx(async (tx) => {
    const t = dtx(tx);
    let v: { org_id: number; title: string; deciding_body: string; undertaking_org_id: number; hearing_required: boolean; catalogue_item_id: number | null; no_catalogue_reason: string | null };
    if (input.catalogueItemId) {
      const item = await t.selectFrom('decision_catalogue_items as i').innerJoin('decision_catalogues as c', 'c.id', 'i.catalogue_id').select(['i.id', 'i.org_id', 'i.title', 'i.deciding_body', 'i.undertaking_org_id', 'i.hearing_required', 'i.removed_on', 'c.status']).where('i.id', '=', input.catalogueItemId).executeTakeFirst();
      if (!item) throw badInput('unknown_catalogue_item', 'catalogueItemId', { zh: '决策事项目录中没有该事项', en: 'No such catalogue item' });
      await assertOrgInScope(tx, actor, 'decisions.handle', item.org_id, { zh: '目录事项', en: 'Catalogue item' });
      if (item.status !== 'published' || item.removed_on) throw conflict('catalogue_item_not_published', { zh: '该事项不在已公布的决策事项目录中', en: 'The item is not in a published catalogue' }, 'catalogueItemId', { basis: BASIS_CATALOGUE });
      const taken = await t.selectFrom('decisions').select('id').where('catalogue_item_id', '=', item.id).executeTakeFirst();
      if (taken) throw conflict('decision_exists', { zh: '该目录事项已起动决策程序', en: 'A decision exists for this item' }, 'catalogueItemId', { decisionId: taken.id });
      v = { org_id: item.org_id, title: item.title, deciding_body: item.deciding_body, undertaking_org_id: item.undertaking_org_id, hearing_required: item.hearing_required || !!input.hearingRequired, catalogue_item_id: item.id, no_catalogue_reason: null };
    } else {
      if (!input.orgId) throw badInput('org_required', 'orgId', { zh: '不依目录起动的，须指明决策机关', en: 'Name the deciding body' });
      await assertOrgInScope(tx, actor, 'decisions.handle', input.orgId, { zh: '决策机关', en: 'Deciding body' });
      if (!input.noCatalogueReason?.trim()) {
        throw new DomainError({ status: 409, code: 'guard_refused', title: '不能起动决策程序', detail: '未列入决策事项目录的事项，须记录起动理由', detail_en: 'A decision outside the catalogue needs a recorded reason', field: 'noCatalogueReason', rule: 'catalogue_or_reason', basis: BASIS_CATALOGUE });
      }
      if (!input.title || !input.decidingBody || !input.undertakingOrgId) throw badInput('decision_incomplete', 'title', { zh: '须填写决策事项名称、决策机关和承办单位', en: 'Title, deciding body and undertaking unit are required' });
      await orgOf(tx, input.undertakingOrgId, 'undertakingOrgId');
      v = { org_id: input.orgId, title: input.title.trim(), deciding_body: input.decidingBody.trim(), undertaking_org_id: input.undertakingOrgId, hearing_required: !!input.hearingRequired, catalogue_item_id: null, no_catalogue_reason: input.noCatalogueReason.trim() };
    }
    const org = await orgOf(tx, v.org_id, 'orgId');
    const row = await t.insertInto('decisions').values({ ...v, region_code: org.region_code, created_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    const inst = await createInstance(s, tx, actor, { procedure: 'decisions.decision', subjectType: SUBJECT_TYPE, subjectId: row.id, title: row.title, orgId: row.org_id, regionCode: row.region_code });
    const after = await t.updateTable('decisions').set({ instance_id: inst.id }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.decision.start', entityType: 'decision', entityId: row.id, orgId: row.org_id, after });
    return after;
  });
}

export async function listDecisions(s: Services, actor: Actor, q: Static<typeof DecisionQuery>) {
  let query = ddb(s.db)
    .selectFrom('decisions as d')
    .innerJoin('orgs as u', 'u.id', 'd.undertaking_org_id')
    .select(['d.id', 'd.org_id', 'd.title', 'd.deciding_body', 'u.name as undertaking_org_name', 'd.status', 'd.instance_id', 'd.hearing_required', 'd.catalogue_item_id', 'd.comment_until', 'd.decided_on', 'd.published_on'])
    .where(orgScopeFilter(actor, 'decisions.read', sql.ref('d.org_id')));
  if (q.orgId) query = query.where('d.org_id', '=', q.orgId);
  if (q.status) query = query.where('d.status', '=', q.status);
  return query.orderBy('d.id', 'desc').limit(1000).execute();
}

/** The dossier: the decision, the comments (no phone), expert and adviser opinions, progress. */
export async function getDecision(s: Services, actor: Actor, id: number) {
  const d = await ddb(s.db)
    .selectFrom('decisions as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .innerJoin('orgs as u', 'u.id', 'd.undertaking_org_id')
    .leftJoin('decision_catalogue_items as i', 'i.id', 'd.catalogue_item_id')
    .selectAll('d')
    .select(['o.name as org_name', 'u.name as undertaking_org_name', 'i.title as catalogue_item_title'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) throw notFound(DECISION_ENTITY);
  const facts = await assertOrgInScope(s.db, actor, 'decisions.read', d.org_id, DECISION_ENTITY);
  const [comments, expertOpinions, adviserOpinions, progress, assignments] = await Promise.all([
    ddb(s.db).selectFrom('decision_comments').select(['id', 'content', 'commenter', 'answer', 'answer_reason', 'answered_at', 'created_at']).select(sql<boolean>`contact_enc is not null`.as('has_contact')).where('decision_id', '=', id).orderBy('id').execute(),
    ddb(s.db).selectFrom('decision_expert_opinions as o').innerJoin('decision_experts as e', 'e.id', 'o.expert_id').select(['o.id', 'o.expert_id', 'e.name as expert_name', 'e.affiliation', 'o.opinion', 'o.given_on']).where('o.decision_id', '=', id).orderBy('o.id').execute(),
    ddb(s.db).selectFrom('decision_adviser_opinions as p').innerJoin('decision_advisers as a', 'a.id', 'p.adviser_id').select(['p.id', 'a.name as adviser_name', 'p.opinion', 'p.given_on']).where('p.subject_type', '=', SUBJECT_TYPE).where('p.subject_id', '=', String(id)).orderBy('p.id').execute(),
    ddb(s.db).selectFrom('decision_progress_reports').select(['id', 'reported_on', 'progress', 'problems']).where('decision_id', '=', id).orderBy('id').execute(),
    ddb(s.db)
      .selectFrom('decision_expert_assignments as x')
      .innerJoin('decision_experts as e', 'e.id', 'x.expert_id')
      .select(['x.id', 'x.expert_id', 'e.name as expert_name', 'e.affiliation', 'x.field', 'x.source', 'x.reason'])
      .where('x.subject_type', '=', SUBJECT_TYPE)
      .where('x.subject_id', '=', String(id))
      .orderBy('x.id')
      .execute(),
  ]);
  return { ...d, comments, expert_opinions: expertOpinions, adviser_opinions: adviserOpinions, progress, expert_assignments: assignments, abilities: { handle: inScope(actor, 'decisions.handle', facts) } };
}

/** A comment from the public while the period runs (条例 art. 15); refused before and after. */
export async function submitPublicComment(s: Services, id: number, input: Static<typeof PublicCommentIn>) {
  const contact = input.contact?.trim();
  if (contact && !isValidMobile(contact)) throw badInput('invalid_contact', 'contact', { zh: '联系电话格式不正确', en: 'Invalid phone number' });
  return s.tx(async (tx) => {
    const t = dtx(tx);
    const d = await t.selectFrom('decisions').select(['id', 'org_id', 'status', 'comment_from', 'comment_until']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!d || !d.comment_from) throw notFound({ zh: '征求意见的决策草案', en: 'Draft open for comment' });
    if (d.status !== 'comment' || !commentOpen(s.today(), d.comment_from, d.comment_until)) {
      throw new DomainError({ status: 409, code: 'comment_closed', title: '不在征求意见期内', detail: `该决策草案的征求意见期为${d.comment_from}至${d.comment_until}，现不接收意见`, detail_en: `Comments are taken from ${d.comment_from} to ${d.comment_until}`, rule: 'comment_closed', basis: BASIS_COMMENT });
    }
    const row = await t
      .insertInto('decision_comments')
      .values({ decision_id: id, org_id: d.org_id, content: input.content.trim(), commenter: input.name?.trim() || null, contact_enc: contact ? s.pii.encrypt(contact) : null })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, PUBLIC_ACTOR, { action: 'decisions.comment', entityType: 'decision_comment', entityId: row.id, orgId: d.org_id, after: { decisionId: id, length: input.content.length } });
    return row;
  });
}

/** The office answers each comment; not adopting (in full) needs a reason. */
export async function answerComment(s: Services, actor: Actor, id: number, input: Static<typeof CommentAnswerIn>) {
  if (input.answer !== 'adopted' && !input.reason?.trim()) throw badInput('reason_required', 'reason', { zh: '部分采纳或不予采纳的，须说明理由', en: 'A reason is required unless the comment is adopted' });
  return s.tx(async (tx) => {
    const t = dtx(tx);
    const d = await t.selectFrom('decisions').select(['id', 'org_id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!d) throw notFound(DECISION_ENTITY);
    await assertOrgInScope(tx, actor, 'decisions.handle', d.org_id, DECISION_ENTITY);
    if (d.status !== 'comment') throw conflict('comment_answer_closed', { zh: '公众参与环节已结束，不能再修改意见答复', en: 'Public participation has ended' });
    const c = await t.selectFrom('decision_comments').selectAll().where('id', '=', input.commentId).where('decision_id', '=', id).executeTakeFirst();
    if (!c) throw badInput('comment_not_of_decision', 'commentId', { zh: '该意见不属于本决策事项', en: 'The comment is not of this decision' });
    const after = await t.updateTable('decision_comments').set({ answer: input.answer, answer_reason: input.reason?.trim() ?? null, answered_by: actor.userId, answered_at: new Date() }).where('id', '=', c.id).returning(['id', 'answer', 'answer_reason', 'answered_at']).executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.comment.answer', entityType: 'decision', entityId: id, orgId: d.org_id, before: { commentId: c.id, answer: c.answer }, after });
    return after;
  });
}

// ── public portal: no commenter, no phone, no internal record ──

/** Drafts open for comment, with the hearing notice and participants list where held. */
export async function publicDrafts(s: Services) {
  const today = s.today();
  return ddb(s.db)
    .selectFrom('decisions as d')
    .innerJoin('orgs as u', 'u.id', 'd.undertaking_org_id')
    .select(['d.id', 'd.title', 'd.deciding_body', 'u.name as undertaking_org_name', 'd.plan_text', 'd.comment_from', 'd.comment_until', 'd.hearing_required', 'd.hearing'])
    .where('d.status', '=', 'comment')
    .where('d.comment_from', '<=', today)
    .where('d.comment_until', '>=', today)
    .orderBy('d.comment_until')
    .limit(500)
    .execute();
}

/**
 * Published decisions with their explanation and the adoption summary (条例 art. 32), the
 * hearing's participants and the reasons for adopting its opinions (seed 000 §3(三)1), and —
 * where the region's rule says so (seed 002 #23) — the experts' names and opinions. The
 * hearing record itself and commenters stay internal.
 */
export async function publishedDecisions(s: Services) {
  const rows = await ddb(s.db)
    .selectFrom('decisions as d')
    .innerJoin('orgs as u', 'u.id', 'd.undertaking_org_id')
    .select(['d.id', 'd.region_code', 'd.title', 'd.deciding_body', 'u.name as undertaking_org_name', 'd.decided_on', 'd.published_on', 'd.explanation', 'd.adoption_summary', 'd.status', 'd.hearing'])
    .where('d.published_on', 'is not', null)
    .orderBy('d.published_on', 'desc')
    .limit(500)
    .execute();
  const opinions = rows.length
    ? await ddb(s.db)
        .selectFrom('decision_expert_opinions as p')
        .innerJoin('decision_experts as e', 'e.id', 'p.expert_id')
        .select(['p.decision_id', 'e.name as expert_name', 'e.affiliation', 'e.title', 'p.opinion', 'p.given_on'])
        .where('p.decision_id', 'in', rows.map((r) => r.id))
        .orderBy('p.id')
        .execute()
    : [];
  const publishExperts = new Map<string, boolean>();
  for (const region of new Set(rows.map((r) => r.region_code))) publishExperts.set(region, await ruleValue<boolean>(s.db, 'decision.publish_expert_opinions', region, s.today()));
  return rows.map(({ hearing, region_code, ...r }) => {
    const h = hearing as { participants?: { name: string; sector: string }[]; adoptionReasons?: string; heldOn?: string } | null;
    return {
      ...r,
      hearing_held_on: h?.heldOn ?? null,
      hearing_participants: h?.participants ?? [],
      hearing_adoption_reasons: h?.adoptionReasons ?? null,
      expert_opinions: publishExperts.get(region_code) ? opinions.filter((o) => o.decision_id === r.id).map(({ decision_id: _d, ...o }) => o) : [],
    };
  });
}
