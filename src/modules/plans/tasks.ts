import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { actorForAudit, auditBy as audit } from '../../core/auth/audit-actor.ts';
import { recordAudit, type AuditActor } from '../../core/audit/audit.ts';
import { assertOrgInScope, inScope, orgFacts, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound, staleVersion } from '../../core/http/errors.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { SEED002 } from '../../core/rules/seeds.ts';
import { pdb, ptx } from './schema.ts';
import { PLAN } from './plans.ts';
import type { CancelIn, CompleteIn, ProgressIn, TaskIn, TaskQuery } from './contract.ts';
import { checkNotFuture } from '../../core/http/checks.ts';

const TASK = { zh: '任务', en: 'Task' };
const BASIS_DECOMPOSE = { law: SEED002, article: '措施60', quote: '明确提出时间进度安排和可检验的成果形式……各项工作任务除本实施方案暨规划有明确时间要求外，原则上应当在2019年年底前完成' };

/** Rows the caller may see: the lead unit's, or a co-unit's, in their scope. */
const visible = (actor: Actor) => sql<boolean>`(${orgScopeFilter(actor, 'plans.read', sql.ref('t.org_id'))} or exists (select 1 from unnest(t.co_org_ids) as c(id) where ${orgScopeFilter(actor, 'plans.read', sql.ref('c.id'))}))`;

/**
 * 任务分解: a task of a measure of a published plan, led by one unit with co-units, a
 * responsible person, a checkable deliverable, milestones and its day — the one given, the
 * end of its year in a yearly split, or the plan's default (seed 002 #60). The day is a
 * supervised deadline of the lead unit.
 */
export async function createTask(s: Services, actor: Actor, planId: number, input: Static<typeof TaskIn>) {
  return s.tx(async (tx) => {
    const plan = await ptx(tx).selectFrom('plans').select('org_id').where('id', '=', planId).executeTakeFirst();
    if (!plan) throw notFound(PLAN);
    await assertOrgInScope(tx, actor, 'plans.manage', plan.org_id, PLAN);
    return insertTask(s, tx, actorForAudit(actor), planId, input);
  });
}

/** The task written under the rules above (the route's and the demo's path), audited. */
export async function insertTask(s: Services, tx: Tx, by: AuditActor, planId: number, input: Static<typeof TaskIn>) {
  const co = input.coOrgIds ?? [];
  if (co.includes(input.leadOrgId)) throw badInput('co_unit_is_lead', 'coOrgIds', { zh: '牵头单位不能同时作为配合单位', en: 'The lead unit cannot also be a co-unit' });
  const t = ptx(tx);
  const plan = await t.selectFrom('plans').selectAll().where('id', '=', planId).forUpdate().executeTakeFirstOrThrow();
  if (plan.status !== 'published') throw conflict('plan_not_published', { zh: plan.status === 'draft' ? '规划印发后方可分解任务' : '规划已验收，不能再分解任务', en: 'Tasks are decomposed from a published plan' });
  const node = await t.selectFrom('plan_nodes').select(['id', 'kind']).where('id', '=', input.nodeId).where('plan_id', '=', planId).executeTakeFirst();
  if (!node || (node.kind !== 'measure' && node.kind !== 'item')) throw badInput('node_not_measure', 'nodeId', { zh: '任务须分解自本规划的具体措施', en: 'A task belongs to a measure of this plan' });
  const lead = await orgFacts(tx, input.leadOrgId);
  if (!lead) throw badInput('unknown_org', 'leadOrgId', { zh: `机构不存在：${input.leadOrgId}`, en: 'Unknown lead unit' });
  if (co.length) {
    const found = await tx.selectFrom('orgs').select('id').where('id', 'in', co).execute();
    if (found.length !== co.length) throw badInput('unknown_org', 'coOrgIds', { zh: '配合单位中有不存在的机构', en: 'Unknown co-unit' });
  }
  if (input.year && (input.year < plan.start_year || input.year > plan.end_year)) throw badInput('year_outside_plan', 'year', { zh: `分解年度须在规划期内（${plan.start_year}—${plan.end_year}年）`, en: 'The year is outside the plan period' });
  const dueOn = input.dueOn ?? (input.year ? `${input.year}-12-31` : plan.default_due_on);
  const end = `${plan.end_year}-12-31`;
  if (dueOn > end) {
    throw new DomainError({ status: 400, code: 'task_after_plan_end', title: '任务期限超出规划期', detail: `任务完成日 ${dueOn} 晚于规划期末（${end}）`, detail_en: `The task is due after the plan ends (${end})`, field: 'dueOn', rule: 'task_after_plan_end', basis: BASIS_DECOMPOSE });
  }
  for (const [i, m] of (input.milestones ?? []).entries()) {
    if (m.dueOn > dueOn) throw badInput('milestone_after_task', `milestones.${i}.dueOn`, { zh: `节点"${m.title}"的时间晚于任务完成日 ${dueOn}`, en: 'A milestone is due after the task' });
  }
  if (input.responsibleUserId && !(await tx.selectFrom('users').select('id').where('id', '=', input.responsibleUserId).executeTakeFirst())) throw badInput('unknown_user', 'responsibleUserId', { zh: '责任人账号不存在', en: 'Unknown user' });
  const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', lead.id).executeTakeFirstOrThrow()).region_code;
  const row = await t
    .insertInto('plan_tasks')
    .values({ plan_id: planId, node_id: node.id, org_id: lead.id, region_code: region, title: input.title.trim(), co_org_ids: co, responsible_name: input.responsibleName.trim(), responsible_user_id: input.responsibleUserId ?? null, deliverable: input.deliverable.trim(), year: input.year ?? null, due_on: dueOn, created_by: by.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [i, m] of (input.milestones ?? []).entries()) await t.insertInto('plan_milestones').values({ task_id: row.id, org_id: lead.id, title: m.title.trim(), due_on: m.dueOn, sort_order: i + 1 }).execute();
  const d = await startDeadline(s, tx, by, { module: 'plans', kind: 'plans.task', title: `规划任务：${row.title}`, subjectType: 'plan_task', subjectId: row.id, orgId: lead.id, regionCode: region, assigneeUserId: row.responsible_user_id, startDate: s.today() < dueOn ? s.today() : dueOn, dueOn });
  const after = await t.updateTable('plan_tasks').set({ deadline_id: d.id }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  await recordAudit(tx, by, { action: 'plans.task.create', entityType: 'plan_task', entityId: row.id, orgId: lead.id, after });
  return after;
}

/** 我的任务 and the plan's task list: lead or co-unit in scope; `overdue` = open past its day. */
export async function listTasks(s: Services, actor: Actor, q: Static<typeof TaskQuery>) {
  let query = pdb(s.db)
    .selectFrom('plan_tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('plan_nodes as n', 'n.id', 't.node_id')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['t.id', 't.plan_id', 'p.title as plan_title', 't.node_id', 'n.number as measure_number', 'n.title as measure_title', 't.org_id', 'o.name as org_name', 't.co_org_ids', 't.title', 't.responsible_name', 't.deliverable', 't.year', 't.due_on', 't.status', 't.completed_on', 't.version'])
    .select(sql<string[]>`array(select name from orgs where id = any(t.co_org_ids) order by name)`.as('co_org_names'))
    .select(sql<boolean>`(t.status = 'open' and t.due_on < ${s.today()})`.as('overdue'))
    .select(sql<number | null>`(select r.percent from plan_progress_reports r where r.task_id = t.id and r.kind = 'lead' order by r.reported_on desc, r.id desc limit 1)`.as('percent'))
    .select(sql<string | null>`(select to_char(max(r.reported_on), 'YYYY-MM-DD') from plan_progress_reports r where r.task_id = t.id)`.as('last_reported_on'))
    .where(visible(actor));
  if (q.planId) query = query.where('t.plan_id', '=', q.planId);
  if (q.orgId) query = query.where((eb) => eb.or([eb('t.org_id', '=', q.orgId!), eb(sql<number>`${q.orgId}`, '=', eb.fn.any('t.co_org_ids'))]));
  if (q.mine) query = query.where((eb) => eb.or([eb('t.org_id', '=', actor.orgId), eb(sql<number>`${actor.orgId}`, '=', eb.fn.any('t.co_org_ids'))]));
  if (q.year) query = query.where(sql<boolean>`coalesce(t.year, extract(year from t.due_on)::int) = ${q.year}`);
  if (q.status === 'overdue') query = query.where('t.status', '=', 'open').where('t.due_on', '<', s.today());
  else if (q.status) query = query.where('t.status', '=', q.status);
  return query.orderBy('t.due_on').orderBy('t.id').limit(2000).execute();
}

async function taskRow(db: Parameters<typeof pdb>[0] | Tx, id: number, lock = false) {
  let q = pdb(db as Parameters<typeof pdb>[0]).selectFrom('plan_tasks').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const task = await q.executeTakeFirst();
  if (!task) throw notFound(TASK);
  return task;
}

/** The task with its milestones and every report, lead's and co-units'. */
export async function getTask(s: Services, actor: Actor, id: number) {
  const row = await pdb(s.db)
    .selectFrom('plan_tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('plan_nodes as n', 'n.id', 't.node_id')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select(['p.title as plan_title', 'p.end_year', 'n.number as measure_number', 'n.title as measure_title', 'n.body as measure_text', 'o.name as org_name'])
    .select(sql<string[]>`array(select name from orgs where id = any(t.co_org_ids) order by name)`.as('co_org_names'))
    .select(sql<{ id: number; name: string }[]>`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by c.n) from unnest(t.co_org_ids) with ordinality as c(id, n) join orgs o on o.id = c.id), '[]')`.as('co_units'))
    .select(sql<boolean>`(t.status = 'open' and t.due_on < ${s.today()})`.as('overdue'))
    .where('t.id', '=', id)
    .where(visible(actor))
    .executeTakeFirst();
  if (!row) throw notFound(TASK);
  const [milestones, reports] = await Promise.all([
    pdb(s.db).selectFrom('plan_milestones').select(['id', 'title', 'due_on', 'done_on']).where('task_id', '=', id).orderBy('sort_order').execute(),
    pdb(s.db)
      .selectFrom('plan_progress_reports as r')
      .innerJoin('orgs as o', 'o.id', 'r.org_id')
      .leftJoin('users as u', 'u.id', 'r.reported_by')
      .select(['r.id', 'r.kind', 'r.org_id', 'o.name as org_name', 'r.milestone_id', 'r.reported_on', 'r.percent', 'r.content', 'r.evidence', 'r.attachment_id', 'u.display_name as reporter'])
      .where('r.task_id', '=', id)
      .orderBy('r.reported_on', 'desc')
      .orderBy('r.id', 'desc')
      .execute(),
  ]);
  const [lead, issuer] = await Promise.all([orgFacts(s.db, row.org_id), pdb(s.db).selectFrom('plans').select('org_id').where('id', '=', row.plan_id).executeTakeFirstOrThrow().then((p) => orgFacts(s.db, p.org_id))]);
  const coUnits = await Promise.all(row.co_org_ids.map((o) => orgFacts(s.db, o)));
  const reportAs = [lead, ...coUnits].filter((f) => f && inScope(actor, 'plans.report', f)).map((f) => f!.id);
  const names = new Map<number, string>([[row.org_id, row.org_name], ...row.co_units.map((u): [number, string] => [u.id, u.name])]);
  const reportAsUnits = (row.status === 'open' ? reportAs : []).map((orgId) => ({ id: orgId, name: names.get(orgId)! }));
  // Cancelling is the issuing office's, as cancelTask checks.
  const cancel = row.status === 'open' && !!issuer && inScope(actor, 'plans.manage', issuer);
  return { ...row, milestones, reports, abilities: { report_as: reportAsUnits.map((u) => u.id), report_as_units: reportAsUnits, complete: row.status === 'open' && reportAs.includes(row.org_id), cancel } };
}

const closed = (status: string) => conflict('task_closed', { zh: status === 'completed' ? '任务已完成，不能再报告进展或修改' : '任务已撤销', en: 'The task is closed' });

/**
 * 进展报告: the lead unit reports per milestone with evidence; a co-unit reports its part to
 * the lead. Only while the task is open.
 */
export async function reportProgress(s: Services, actor: Actor, id: number, input: Static<typeof ProgressIn>) {
  checkNotFuture(input.reportedOn, s.today(), 'reportedOn');
  return s.tx(async (tx) => {
    const t = ptx(tx);
    const task = await taskRow(tx, id, true);
    const orgId = input.orgId ?? task.org_id;
    const kind = orgId === task.org_id ? 'lead' : task.co_org_ids.includes(orgId) ? 'co_unit' : null;
    if (!kind) throw badInput('not_task_unit', 'orgId', { zh: '报告单位须是该任务的牵头单位或配合单位', en: 'The reporting unit neither leads nor co-operates on the task' });
    await assertOrgInScope(tx, actor, 'plans.report', orgId, TASK);
    if (task.status !== 'open') throw closed(task.status);
    if (input.milestoneId) {
      const m = await t.selectFrom('plan_milestones').select(['id', 'done_on']).where('id', '=', input.milestoneId).where('task_id', '=', id).executeTakeFirst();
      if (!m) throw badInput('milestone_not_of_task', 'milestoneId', { zh: '该节点不属于本任务', en: 'The milestone is not of this task' });
      if (input.milestoneDone && kind !== 'lead') throw badInput('milestone_by_lead', 'milestoneDone', { zh: '节点完成由牵头单位报告', en: 'The lead unit reports a milestone done' });
      if (input.milestoneDone && !m.done_on) await t.updateTable('plan_milestones').set({ done_on: input.reportedOn }).where('id', '=', m.id).execute();
    } else if (input.milestoneDone) throw badInput('milestone_required', 'milestoneId', { zh: '请选择已完成的节点', en: 'Choose the milestone' });
    if (input.attachmentId) {
      const a = await tx.selectFrom('attachments').select('id').where('id', '=', input.attachmentId).where('owner_type', '=', 'plan_task').where('owner_id', '=', String(id)).executeTakeFirst();
      if (!a) throw badInput('attachment_not_of_task', 'attachmentId', { zh: '佐证材料须上传到本任务', en: 'The evidence must be uploaded to this task' });
    }
    const row = await t
      .insertInto('plan_progress_reports')
      .values({ task_id: id, org_id: orgId, task_org_id: task.org_id, kind, milestone_id: input.milestoneId ?? null, reported_on: input.reportedOn, percent: input.percent, content: input.content.trim(), evidence: input.evidence?.trim() || null, attachment_id: input.attachmentId ?? null, reported_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'plans.task.progress', entityType: 'plan_task', entityId: id, orgId: task.org_id, after: row });
    return row;
  });
}

/** 完成: the lead unit, once every milestone is done; the task's deadline closes. */
export async function completeTask(s: Services, actor: Actor, id: number, input: Static<typeof CompleteIn>) {
  checkNotFuture(input.completedOn, s.today(), 'completedOn');
  return s.tx(async (tx) => {
    const t = ptx(tx);
    const task = await taskRow(tx, id, true);
    await assertOrgInScope(tx, actor, 'plans.report', task.org_id, TASK);
    if (task.status !== 'open') throw closed(task.status);
    if (task.version !== input.version) throw staleVersion(TASK);
    const open = await t.selectFrom('plan_milestones').select('title').where('task_id', '=', id).where('done_on', 'is', null).orderBy('sort_order').execute();
    if (open.length) {
      throw new DomainError({ status: 409, code: 'guard_refused', title: '不能办结', detail: `尚有节点未完成：${open.map((m) => m.title).join('、')}`, detail_en: 'Some milestones are not done', rule: 'milestones_open', basis: BASIS_DECOMPOSE });
    }
    const after = await t.updateTable('plan_tasks').set({ status: 'completed', completed_on: input.completedOn, completion_note: input.note.trim(), version: task.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (task.deadline_id) await closeDeadline(s, tx, actorForAudit(actor), task.deadline_id, `任务已于${input.completedOn}完成`);
    await audit(tx, actor, { action: 'plans.task.complete', entityType: 'plan_task', entityId: id, orgId: task.org_id, before: task, after });
    return after;
  });
}

/** 撤销: by the plan's issuing office, with the reason; the deadline closes. */
export async function cancelTask(s: Services, actor: Actor, id: number, input: Static<typeof CancelIn>) {
  return s.tx(async (tx) => {
    const t = ptx(tx);
    const task = await taskRow(tx, id, true);
    const plan = await t.selectFrom('plans').select(['org_id']).where('id', '=', task.plan_id).executeTakeFirstOrThrow();
    await assertOrgInScope(tx, actor, 'plans.manage', plan.org_id, TASK);
    if (task.status !== 'open') throw closed(task.status);
    if (task.version !== input.version) throw staleVersion(TASK);
    const after = await t.updateTable('plan_tasks').set({ status: 'cancelled', cancel_reason: input.reason.trim(), version: task.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (task.deadline_id) await closeDeadline(s, tx, actorForAudit(actor), task.deadline_id, `任务已撤销：${input.reason.trim()}`);
    await audit(tx, actor, { action: 'plans.task.cancel', entityType: 'plan_task', entityId: id, orgId: task.org_id, before: task, after });
    return after;
  });
}
