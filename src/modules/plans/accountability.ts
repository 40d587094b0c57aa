import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { auditBy as audit } from '../../core/auth/audit-actor.ts';
import { assertOrgInScope, inScope, orgFacts, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, notFound } from '../../core/http/errors.ts';
import { createInstance } from '../../core/workflow/engine.ts';
import { pdb, ptx } from './schema.ts';
import { CASE_SUBJECT } from './accountability-procedure.ts';
import { ACCOUNTABILITY_CASE_FORMS, ACCOUNTABILITY_TRIGGER_LABELS } from './labels.ts';
import type { CaseIn, CaseQuery } from './accountability-contract.ts';
import { checkNotFuture } from '../../core/http/checks.ts';

const CASE = { zh: '问责案件', en: 'Accountability case' };
const PERMISSION = 'plans.accountability';

/** The forms of a decision, with their names, for the person's and the office's views. */
const named = (forms: string[] | undefined) => (forms ?? []).map((f) => ({ code: f, label: ACCOUNTABILITY_CASE_FORMS[f as keyof typeof ACCOUNTABILITY_CASE_FORMS]?.label ?? f }));

/**
 * 立案: a case against an organisation or a person, from its trigger. An overdue task or
 * assigned item must really be one — the subject unit's, past its day, open or done late.
 */
export async function openCase(s: Services, actor: Actor, input: Static<typeof CaseIn>) {
  checkNotFuture(input.filedOn, s.today(), 'filedOn');
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, PERMISSION, input.orgId, { zh: '处理机关', en: 'Handling body' });
    await assertOrgInScope(tx, actor, PERMISSION, input.subjectOrgId, { zh: '被问责单位', en: 'Subject organisation' });
    let personName = input.personName?.trim() || null;
    if (input.personUserId) {
      const u = await tx.selectFrom('users').select(['display_name', 'org_id']).where('id', '=', input.personUserId).executeTakeFirst();
      if (!u) throw badInput('unknown_user', 'personUserId', { zh: '责任人账号不存在', en: 'Unknown user' });
      personName = u.display_name;
    }
    if (input.trigger === 'overdue_task') {
      const taskId = Number(input.triggerRef);
      const task = Number.isInteger(taskId) ? await ptx(tx).selectFrom('plan_tasks').select(['org_id', 'status', 'due_on', 'completed_on']).where('id', '=', taskId).executeTakeFirst() : undefined;
      if (!task || task.org_id !== input.subjectOrgId) throw badInput('trigger_not_found', 'triggerRef', { zh: '被问责单位牵头的任务中没有该任务编号', en: 'No such task of the subject unit' });
      const late = task.status === 'open' ? task.due_on < input.filedOn : task.status === 'completed' && !!task.completed_on && task.completed_on > task.due_on;
      if (!late) throw badInput('trigger_not_overdue', 'triggerRef', { zh: `该任务未逾期（期限 ${task.due_on}）`, en: 'The task is not overdue' });
    }
    if (input.trigger === 'overdue_item') {
      const itemId = Number(input.triggerRef);
      const item = Number.isInteger(itemId) ? await ptx(tx).selectFrom('assigned_items').select(['org_id', 'status', 'due_on', 'answered_on']).where('id', '=', itemId).executeTakeFirst() : undefined;
      if (!item || item.org_id !== input.subjectOrgId) throw badInput('trigger_not_found', 'triggerRef', { zh: '被问责单位承办的交办事项中没有该编号', en: 'No such assigned item of the subject unit' });
      const late = item.status === 'open' ? item.due_on < input.filedOn : !!item.answered_on && item.answered_on > item.due_on;
      if (!late) throw badInput('trigger_not_overdue', 'triggerRef', { zh: `该交办事项未逾期（时限 ${item.due_on}）`, en: 'The item is not overdue' });
    }
    const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', input.orgId).executeTakeFirstOrThrow()).region_code;
    const row = await ptx(tx)
      .insertInto('accountability_cases')
      .values({ org_id: input.orgId, region_code: region, subject_org_id: input.subjectOrgId, person_user_id: input.personUserId ?? null, person_name: personName, person_post: input.personPost?.trim() || null, trigger: input.trigger, trigger_ref: input.triggerRef?.trim() || null, summary: input.summary.trim(), filed_on: input.filedOn, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    const title = `问责：${personName ?? ''}${input.summary.trim().slice(0, 40)}`;
    const inst = await createInstance(s, tx, actor, { procedure: 'plans.accountability', subjectType: CASE_SUBJECT, subjectId: row.id, title, orgId: row.org_id, regionCode: region });
    const after = await ptx(tx).updateTable('accountability_cases').set({ instance_id: inst.id }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'plans.accountability.open', entityType: 'accountability_case', entityId: row.id, orgId: row.org_id, after });
    return after;
  });
}

const caseColumns = ['c.id', 'c.org_id', 'o.name as org_name', 'c.subject_org_id', 'so.name as subject_org_name', 'c.person_user_id', 'c.person_name', 'c.person_post', 'c.trigger', 'c.trigger_ref', 'c.summary', 'c.filed_on', 'c.status', 'c.instance_id', 'c.investigation_due_on', 'c.extended', 'c.notified_on', 'c.decided_on', 'c.closed_on', 'c.decision', 'c.appeal'] as const;
const casesQuery = (s: Services) => pdb(s.db).selectFrom('accountability_cases as c').innerJoin('orgs as o', 'o.id', 'c.org_id').innerJoin('orgs as so', 'so.id', 'c.subject_org_id').select([...caseColumns]);
const withLabels = <T extends { trigger: string; decision: unknown }>(r: T) => ({ ...r, trigger_label: ACCOUNTABILITY_TRIGGER_LABELS[r.trigger as keyof typeof ACCOUNTABILITY_TRIGGER_LABELS], forms: named((r.decision as { forms?: string[] } | null)?.forms) });

/** Cases handled by, or held against, organisations in the caller's scope. */
export async function listCases(s: Services, actor: Actor, q: Static<typeof CaseQuery>) {
  let query = casesQuery(s).where((eb) => eb.or([orgScopeFilter(actor, 'plans.read', sql.ref('c.org_id')), orgScopeFilter(actor, 'plans.read', sql.ref('c.subject_org_id'))]));
  if (q.orgId) query = query.where((eb) => eb.or([eb('c.org_id', '=', q.orgId!), eb('c.subject_org_id', '=', q.orgId!)]));
  if (q.status) query = query.where('c.status', '=', q.status);
  return (await query.orderBy('c.id', 'desc').limit(1000).execute()).map(withLabels);
}

export async function getCase(s: Services, actor: Actor, id: number) {
  const c = await pdb(s.db).selectFrom('accountability_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound(CASE);
  // As in the list: the handling body's readers, and the subject unit's.
  const [handling, subject] = await Promise.all([orgFacts(s.db, c.org_id), orgFacts(s.db, c.subject_org_id)]);
  if (![handling, subject].some((f) => f && inScope(actor, 'plans.read', f))) throw notFound(CASE);
  const row = await casesQuery(s).select(['c.notice', 'c.statement', 'c.preliminary_opinion']).where('c.id', '=', id).executeTakeFirstOrThrow();
  return withLabels(row);
}

/** 本人的问责: the accountable person sees each case against them, its notice, decision and appeal. */
export async function myCases(s: Services, actor: Actor) {
  return (await casesQuery(s).select(['c.notice', 'c.statement']).where('c.person_user_id', '=', actor.userId).orderBy('c.id', 'desc').execute()).map(withLabels);
}
