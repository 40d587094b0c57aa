import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { actorForAudit, auditBy as audit } from '../../core/auth/audit-actor.ts';
import { recordAudit, type AuditActor } from '../../core/audit/audit.ts';
import { assertOrgInScope, inScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound, staleVersion } from '../../core/http/errors.ts';
import { SEED001 } from '../../core/rules/seeds.ts';
import { parsePlanText, PlanImportError, type ParsedPlan, type PlanNode } from './plan-import.ts';
import { pdb, ptx } from './schema.ts';
import { rollUp, type NodeCounts } from './rollup.ts';
import type { AcceptanceIn, PlanImportIn, PlanQuery } from './contract.ts';
import { checkNotFuture } from '../../core/http/checks.ts';

export const PLAN = { zh: '规划', en: 'Plan' };
const BASIS_ACCEPTANCE = { law: SEED001, article: '结语', quote: '对规划确定的任务和事项按年度分解，并进行检查、指导、督促……在本规划实施的最后一年，要逐级进行检查和验收' };

/** The parsed plan, or the importer's refusal as a 400 naming the line where it failed. */
export function parseOrRefuse(text: string): ParsedPlan {
  try {
    return parsePlanText(text);
  } catch (err) {
    if (err instanceof PlanImportError) throw badInput(err.code, 'text', { zh: err.zh, en: err.en }, err.line ? { line: err.line } : undefined);
    throw err;
  }
}

/** 导入预览: the tree the importer reads from the text, nothing written. */
export function previewPlan(text: string) {
  const p = parseOrRefuse(text);
  return { title: p.title, issuer: p.issuer, docNumber: p.docNumber, measureCount: p.measureCount, parts: p.parts };
}

async function insertNodes(tx: Tx, planId: number, orgId: number, nodes: PlanNode[], parentId: number | null, order: { n: number }) {
  for (const node of nodes) {
    const row = await ptx(tx)
      .insertInto('plan_nodes')
      .values({ plan_id: planId, org_id: orgId, parent_id: parentId, kind: node.kind, number: node.number, title: node.title, body: node.text, sort_order: ++order.n, source_line: node.line })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertNodes(tx, planId, orgId, node.children, row.id, order);
  }
}

/**
 * 导入规划: a plan from its text (pasted, or read from a .docx), structured by its headings.
 * A text with no measures cannot be decomposed into tasks, so it is refused.
 */
export async function importPlan(s: Services, actor: Actor, input: Static<typeof PlanImportIn>) {
  if (input.endYear < input.startYear) throw badInput('dates_out_of_order', 'endYear', { zh: '规划期末年份早于起始年份', en: 'The end year precedes the start year' });
  const defaultDueOn = input.defaultDueOn ?? `${input.endYear}-12-31`;
  if (defaultDueOn > `${input.endYear}-12-31` || defaultDueOn < `${input.startYear}-01-01`) throw badInput('default_due_outside_plan', 'defaultDueOn', { zh: `任务默认完成日须在规划期内（${input.startYear}—${input.endYear}年）`, en: 'The default due day must fall within the plan period' });
  const parsed = parseOrRefuse(input.text);
  if (parsed.measureCount === 0) throw badInput('plan_no_measures', 'text', { zh: '未识别出任何具体措施（如"措施：1.""1."），无法分解任务', en: 'No measures recognised: nothing to decompose into tasks' });
  const title = input.title?.trim() || parsed.title;
  if (!title) throw badInput('plan_title_required', 'title', { zh: '正文中没有识别出规划名称，请填写', en: 'No title found in the text: give one' });
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'plans.manage', input.orgId, { zh: '制定机关', en: 'Issuing body' });
    return insertPlan(tx, actorForAudit(actor), { ...input, title, defaultDueOn }, parsed);
  });
}

/** Writes a parsed plan and its tree (the importer's and the demo's path), audited. */
export async function insertPlan(tx: Tx, by: AuditActor, input: Pick<Static<typeof PlanImportIn>, 'orgId' | 'kind' | 'source' | 'docNumber' | 'startYear' | 'endYear'> & { title: string; defaultDueOn: string }, parsed: ParsedPlan) {
  const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', input.orgId).executeTakeFirstOrThrow()).region_code;
  const plan = await ptx(tx)
    .insertInto('plans')
    .values({ org_id: input.orgId, region_code: region, kind: input.kind, title: input.title, doc_number: input.docNumber?.trim() || parsed.docNumber, issuer: parsed.issuer, start_year: input.startYear, end_year: input.endYear, default_due_on: input.defaultDueOn, source: input.source ?? 'text', measure_count: parsed.measureCount, created_by: by.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertNodes(tx, plan.id, input.orgId, parsed.parts, null, { n: 0 });
  await recordAudit(tx, by, { action: 'plans.plan.import', entityType: 'plan', entityId: plan.id, orgId: input.orgId, after: { ...plan, parts: parsed.parts.length } });
  return plan;
}

export async function listPlans(s: Services, actor: Actor, q: Static<typeof PlanQuery>) {
  let query = pdb(s.db)
    .selectFrom('plans as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'o.name as org_name', 'p.kind', 'p.title', 'p.doc_number', 'p.start_year', 'p.end_year', 'p.status', 'p.published_on', 'p.accepted_on', 'p.measure_count', 'p.version'])
    .select(sql<number>`(select count(*)::int from plan_tasks t where t.plan_id = p.id and t.status <> 'cancelled')`.as('task_count'))
    .select(sql<number>`(select count(*)::int from plan_tasks t where t.plan_id = p.id and t.status = 'completed')`.as('completed_count'))
    .select(sql<number>`(select count(*)::int from plan_tasks t where t.plan_id = p.id and t.status = 'open' and t.due_on < ${s.today()})`.as('overdue_count'))
    .where(orgScopeFilter(actor, 'plans.read', sql.ref('p.org_id')));
  if (q.orgId) query = query.where('p.org_id', '=', q.orgId);
  if (q.status) query = query.where('p.status', '=', q.status as never);
  return query.orderBy('p.start_year', 'desc').orderBy('p.id', 'desc').limit(500).execute();
}

async function planRow(s: Services, id: number) {
  const p = await pdb(s.db).selectFrom('plans as p').innerJoin('orgs as o', 'o.id', 'p.org_id').selectAll('p').select('o.name as org_name').where('p.id', '=', id).executeTakeFirst();
  if (!p) throw notFound(PLAN);
  return p;
}

/**
 * The plan as a tree with completion rolled up from the tasks to measures, areas and parts,
 * and the same counts by lead unit and by year. A task is overdue while open past its day.
 */
export async function getPlan(s: Services, actor: Actor, id: number) {
  const p = await planRow(s, id);
  const facts = await assertOrgInScope(s.db, actor, 'plans.read', p.org_id, PLAN);
  const today = s.today();
  const counts = sql<number>`count(*) filter (where t.status <> 'cancelled')::int`;
  const done = sql<number>`count(*) filter (where t.status = 'completed')::int`;
  const late = sql<number>`count(*) filter (where t.status = 'open' and t.due_on < ${today})::int`;
  const [nodes, perNode, byUnit, byYear, acceptances] = await Promise.all([
    pdb(s.db).selectFrom('plan_nodes').select(['id', 'parent_id', 'kind', 'number', 'title', 'body', 'source_line']).where('plan_id', '=', id).orderBy('sort_order').execute(),
    pdb(s.db).selectFrom('plan_tasks as t').select(['t.node_id']).select([counts.as('total'), done.as('completed'), late.as('overdue')]).where('t.plan_id', '=', id).groupBy('t.node_id').execute(),
    pdb(s.db).selectFrom('plan_tasks as t').innerJoin('orgs as o', 'o.id', 't.org_id').select(['t.org_id', 'o.name as org_name']).select([counts.as('total'), done.as('completed'), late.as('overdue')]).where('t.plan_id', '=', id).groupBy(['t.org_id', 'o.name']).orderBy('o.name').execute(),
    pdb(s.db).selectFrom('plan_tasks as t').select(sql<number>`coalesce(t.year, extract(year from t.due_on)::int)`.as('year')).select([counts.as('total'), done.as('completed'), late.as('overdue')]).where('t.plan_id', '=', id).groupBy(sql`1`).orderBy(sql`1`).execute(),
    pdb(s.db).selectFrom('plan_acceptances as a').innerJoin('orgs as o', 'o.id', 'a.org_id').select(['a.id', 'a.org_id', 'o.name as org_name', 'a.checked_on', 'a.result', 'a.findings', 'a.open_tasks']).where('a.plan_id', '=', id).orderBy('a.id').execute(),
  ]);
  const own = new Map<number, NodeCounts>(perNode.map((r) => [r.node_id, { total: r.total, completed: r.completed, overdue: r.overdue }]));
  return {
    ...p,
    nodes: rollUp(nodes, own),
    by_unit: byUnit,
    by_year: byYear,
    acceptances,
    abilities: { manage: inScope(actor, 'plans.manage', facts) },
  };
}

async function lockPlan(tx: Tx, actor: Actor, id: number, permission: string) {
  const p = await ptx(tx).selectFrom('plans').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!p) throw notFound(PLAN);
  await assertOrgInScope(tx, actor, permission, p.org_id, PLAN);
  return p;
}

/** 印发: the plan's structure is then fixed, and tasks can be decomposed from its measures. */
export async function publishPlan(s: Services, actor: Actor, id: number, version: number) {
  return s.tx(async (tx) => {
    const p = await lockPlan(tx, actor, id, 'plans.manage');
    if (p.version !== version) throw staleVersion(PLAN);
    if (p.status !== 'draft') throw conflict('plan_not_draft', { zh: '该规划已印发', en: 'The plan is already published' });
    const after = await ptx(tx).updateTable('plans').set({ status: 'published', published_on: s.today(), version: p.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'plans.plan.publish', entityType: 'plan', entityId: id, orgId: p.org_id, before: p, after });
    return after;
  });
}

/**
 * 逐级检查验收 (seed 001, closing paragraph): in the plan's last year, each unit with tasks is
 * checked and the result recorded with the tasks it still had open. The issuing body's own
 * record, once every unit with tasks has one, marks the plan accepted.
 */
export async function recordAcceptance(s: Services, actor: Actor, id: number, input: Static<typeof AcceptanceIn>) {
  checkNotFuture(input.checkedOn, s.today(), 'checkedOn');
  return s.tx(async (tx) => {
    const p = await lockPlan(tx, actor, id, 'plans.manage');
    if (p.status === 'draft') throw conflict('plan_not_published', { zh: '规划尚未印发', en: 'The plan is not published' });
    if (input.checkedOn < `${p.end_year}-01-01`) {
      throw new DomainError({ status: 409, code: 'guard_refused', title: '不能验收', detail: `规划实施的最后一年（${p.end_year}年）方可检查验收`, detail_en: `Acceptance takes place in the plan's last year (${p.end_year})`, field: 'checkedOn', rule: 'acceptance_before_final_year', basis: BASIS_ACCEPTANCE });
    }
    const t = ptx(tx);
    if (await t.selectFrom('plan_acceptances').select('id').where('plan_id', '=', id).where('org_id', '=', input.orgId).executeTakeFirst()) throw conflict('acceptance_exists', { zh: '该单位已验收', en: 'The unit has been checked already' }, 'orgId');
    const units = (await t.selectFrom('plan_tasks').select('org_id').distinct().where('plan_id', '=', id).where('status', '<>', 'cancelled').execute()).map((r) => r.org_id);
    const isIssuer = input.orgId === p.org_id;
    if (!isIssuer && !units.includes(input.orgId)) throw badInput('unit_without_tasks', 'orgId', { zh: '该单位没有牵头承担本规划的任务', en: 'The unit leads no task of this plan' });
    if (isIssuer) {
      const checked = new Set((await t.selectFrom('plan_acceptances').select('org_id').where('plan_id', '=', id).execute()).map((r) => r.org_id));
      const missing = units.filter((u) => u !== p.org_id && !checked.has(u));
      if (missing.length) {
        const names = (await tx.selectFrom('orgs').select('name').where('id', 'in', missing).orderBy('name').execute()).map((o) => o.name);
        throw new DomainError({ status: 409, code: 'guard_refused', title: '不能验收', detail: `尚有${missing.length}个牵头单位未经检查验收：${names.slice(0, 5).join('、')}${names.length > 5 ? '等' : ''}`, detail_en: `${missing.length} lead units have not been checked`, field: 'orgId', rule: 'units_unchecked', basis: BASIS_ACCEPTANCE });
      }
    }
    const open = Number((await t.selectFrom('plan_tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', id).where('status', '=', 'open').$if(!isIssuer, (q) => q.where('org_id', '=', input.orgId)).executeTakeFirstOrThrow()).n);
    const row = await t.insertInto('plan_acceptances').values({ plan_id: id, org_id: input.orgId, checked_on: input.checkedOn, result: input.result, findings: input.findings.trim(), open_tasks: open, recorded_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    if (isIssuer) await t.updateTable('plans').set({ status: 'accepted', accepted_on: input.checkedOn, version: p.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'plans.plan.acceptance', entityType: 'plan', entityId: id, orgId: p.org_id, after: row });
    return row;
  });
}

/** Published plans for the portal: the structure only, no people. */
export async function publicPlans(s: Services) {
  return pdb(s.db)
    .selectFrom('plans as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'o.name as org_name', 'p.kind', 'p.title', 'p.doc_number', 'p.start_year', 'p.end_year', 'p.published_on', 'p.status', 'p.measure_count'])
    .where('p.status', '<>', 'draft')
    .orderBy('p.published_on', 'desc')
    .limit(200)
    .execute();
}

export async function publicPlan(s: Services, id: number) {
  const p = await planRow(s, id);
  if (p.status === 'draft') throw notFound(PLAN);
  const nodes = await pdb(s.db).selectFrom('plan_nodes').select(['id', 'parent_id', 'kind', 'number', 'title', 'body']).where('plan_id', '=', id).orderBy('sort_order').execute();
  const { created_by: _c, version: _v, ...rest } = p;
  return { ...rest, nodes };
}
