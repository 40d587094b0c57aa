import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { actorForAudit, auditBy as audit } from '../../core/auth/audit-actor.ts';
import { recordAudit, type AuditActor } from '../../core/audit/audit.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, notFound, staleVersion } from '../../core/http/errors.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { pdb, ptx } from './schema.ts';
import type { AnswerIn, AssignedIn, AssignedQuery } from './contract.ts';
import { checkNotFuture } from '../../core/http/checks.ts';

const ITEM = { zh: '交办事项', en: 'Assigned item' };
/** Seed 004 #4: 无明确时限的在15个工作日内办结 (core rule parameter). */
export const ASSIGNED_RULE = 'supervision.leader_assigned_working_days';

/**
 * 领导交办、批办 (seed 004 #4): a leader assigns a matter to a unit in their scope, with the time
 * limit given or — without one — the rule's 15 working days on the statutory calendar. The day
 * is a supervised deadline of the unit.
 */
export async function assignItem(s: Services, actor: Actor, input: Static<typeof AssignedIn>) {
  const today = s.today();
  checkNotFuture(input.assignedOn, today, 'assignedOn');
  if (input.dueOn && input.dueOn <= input.assignedOn) throw badInput('dates_out_of_order', 'dueOn', { zh: '办理时限须晚于交办日期', en: 'The time limit must follow the day of assignment' });
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'plans.assign', input.orgId, { zh: '承办单位', en: 'Handling unit' });
    return insertAssigned(s, tx, { ...actorForAudit(actor), userId: actor.userId }, input);
  });
}

/** The item and its deadline (the route's and the demo's path); `by` is the assigning leader. */
export async function insertAssigned(s: Services, tx: Tx, by: AuditActor & { userId: number }, input: Static<typeof AssignedIn>) {
  const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', input.orgId).executeTakeFirstOrThrow()).region_code;
  const title = input.title.trim();
  // The deadline gives the item its due day (the rule's period on the calendar), so it comes first and learns the item's id after.
  const deadline = await startDeadline(s, tx, by, {
    module: 'plans',
    kind: 'plans.assigned',
    title: `领导交办：${title}`,
    subjectType: 'assigned_item',
    subjectId: 0,
    orgId: input.orgId,
    regionCode: region,
    startDate: input.assignedOn,
    ...(input.dueOn ? { dueOn: input.dueOn } : { ruleKey: ASSIGNED_RULE }),
  });
  const row = await ptx(tx)
    .insertInto('assigned_items')
    .values({ org_id: input.orgId, region_code: region, title, content: input.content.trim(), leader_user_id: by.userId, assigned_on: input.assignedOn, due_on: deadline.due_date, due_given: !!input.dueOn, deadline_id: deadline.id, created_by: by.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.updateTable('deadlines').set({ subject_id: String(row.id) }).where('id', '=', deadline.id).execute();
  await recordAudit(tx, by, { action: 'plans.assigned.create', entityType: 'assigned_item', entityId: row.id, orgId: input.orgId, after: row });
  return row;
}

/** The items the caller may see: their units' (in scope) and those they assigned themselves. */
export async function listAssigned(s: Services, actor: Actor, q: Static<typeof AssignedQuery>) {
  let query = pdb(s.db)
    .selectFrom('assigned_items as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .innerJoin('users as u', 'u.id', 'a.leader_user_id')
    .select(['a.id', 'a.org_id', 'o.name as org_name', 'a.title', 'a.content', 'u.display_name as leader_name', 'a.leader_user_id', 'a.assigned_on', 'a.due_on', 'a.due_given', 'a.status', 'a.answer', 'a.answered_on', 'a.version'])
    .select(sql<boolean | null>`case when a.answered_on is null then null else a.answered_on <= a.due_on end`.as('in_time'))
    .where((eb) => eb.or([orgScopeFilter(actor, 'plans.read', sql.ref('a.org_id')), eb('a.leader_user_id', '=', actor.userId)]));
  if (q.orgId) query = query.where('a.org_id', '=', q.orgId);
  if (q.status) query = query.where('a.status', '=', q.status);
  return query.orderBy('a.status').orderBy('a.due_on').orderBy('a.id', 'desc').limit(1000).execute();
}

/** 办结报告: the unit reports the result back to the assigning leader; the deadline closes. */
export async function answerItem(s: Services, actor: Actor, id: number, input: Static<typeof AnswerIn>) {
  checkNotFuture(input.answeredOn, s.today(), 'answeredOn');
  return s.tx(async (tx) => {
    const t = ptx(tx);
    const item = await t.selectFrom('assigned_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!item) throw notFound(ITEM);
    await assertOrgInScope(tx, actor, 'plans.answer', item.org_id, ITEM);
    if (item.status !== 'open') throw conflict('item_answered', { zh: '该事项已办结报告', en: 'The item has been answered' });
    if (item.version !== input.version) throw staleVersion(ITEM);
    if (input.answeredOn < item.assigned_on) throw badInput('dates_out_of_order', 'answeredOn', { zh: '办结日期早于交办日期', en: 'The answer precedes the assignment' });
    const after = await t.updateTable('assigned_items').set({ status: 'answered', answer: input.answer.trim(), answered_on: input.answeredOn, answered_by: actor.userId, version: item.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (item.deadline_id) await closeDeadline(s, tx, actorForAudit(actor), item.deadline_id, `已于${input.answeredOn}办结并报告交办领导`);
    await audit(tx, actor, { action: 'plans.assigned.answer', entityType: 'assigned_item', entityId: id, orgId: item.org_id, before: item, after });
    return after;
  });
}
