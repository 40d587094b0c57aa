import fs from 'node:fs';
import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound, staleVersion } from '../../core/http/errors.ts';
import { auditBy as audit } from '../../core/auth/audit-actor.ts';
import { adb, atx } from './schema.ts';
import { assignEvenPoints, parseIndicatorText, type ParsedIndicator } from './seed-parser.ts';
import { ruleProblem, type ScoringRule } from './scoring.ts';
import { leafIds, nest, pointsProblems, wouldCycle } from './tree.ts';
import type { CopyIn, NodeIn, NodePatch, TemplateIn } from './contract.ts';

const SYSTEM = { zh: '指标体系', en: 'Indicator system' };
const NODE = { zh: '指标', en: 'Indicator' };
/** The default template: seed 000, shipped with the module so a deployment has it. */
const TEMPLATE_FILE = new URL('./templates/jilin-2014.txt', import.meta.url);


export async function listSystems(s: Services, actor: Actor) {
  return adb(s.db)
    .selectFrom('assessment_systems as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.name', 'a.year', 'a.edition', 'a.status', 'a.categories', 'a.source', 'a.total_points', 'a.published_on', 'a.org_id', 'o.name as org_name', 'a.version'])
    .select((eb) => eb.selectFrom('assessment_nodes as n').select(eb.fn.countAll<number>().as('c')).whereRef('n.system_id', '=', 'a.id').as('node_count'))
    .where(orgScopeFilter(actor, 'assessment.read', sql.ref('a.org_id')))
    .orderBy('a.year', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

async function insertTree(tx: Tx, systemId: number, orgId: number, nodes: ParsedIndicator[], points: Map<string, number>, parentId: number | null) {
  for (const [i, n] of nodes.entries()) {
    const row = await atx(tx)
      .insertInto('assessment_nodes')
      .values({ system_id: systemId, parent_id: parentId, org_id: orgId, code: n.code, level: n.level, sort_order: i, title: n.title, text: n.text, goal: n.goal ?? null, points: points.get(n.code) ?? 0, method: n.children.length ? null : 'manual' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertTree(tx, systemId, orgId, n.children, points, row.id);
  }
}

/**
 * A draft system from the default template: the seed-000 text parsed into its tree, with
 * points spread evenly (editable) and every leaf scored manually until linked to a metric.
 */
export async function createFromTemplate(s: Services, actor: Actor, input: Static<typeof TemplateIn>) {
  return s.tx(async (tx) => {
    const orgId = actor.currentOrgId ?? actor.orgId;
    await assertOrgInScope(tx, actor, 'assessment.manage', orgId, { zh: '考核机构', en: 'Assessment office' });
    const sys = await templateSystem(tx, { orgId, year: input.year, name: input.name, totalPoints: input.totalPoints, categories: input.categories, createdBy: actor.userId });
    await audit(tx, actor, { action: 'assessment.system.template', entityType: 'assessment_system', entityId: sys.id, orgId, after: sys });
    return sys;
  });
}

/** Writes the template system in the caller's transaction (also the demo's path). */
export async function templateSystem(tx: Tx, v: { orgId: number; year: number; name?: string; totalPoints?: number; categories?: string[]; createdBy: number | null }) {
  const template = parseIndicatorText(fs.readFileSync(TEMPLATE_FILE, 'utf8'));
  const total = v.totalPoints ?? 1000;
  const points = assignEvenPoints(template, total);
  const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', v.orgId).executeTakeFirstOrThrow()).region_code;
  const name = v.name ?? `${v.year}年度法治政府建设考核指标体系`;
  const edition = await nextEdition(tx, v.orgId, name, v.year);
  const sys = await atx(tx)
    .insertInto('assessment_systems')
    .values({ org_id: v.orgId, region_code: region, name, year: v.year, edition, categories: v.categories ?? [], source: `template:${template.title}`, total_points: total, created_by: v.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertTree(tx, sys.id, v.orgId, template.systems, points, null);
  return sys;
}

/** The next edition of this name and year at this office. */
export async function nextEdition(tx: Tx, orgId: number, name: string, year: number) {
  const r = await atx(tx).selectFrom('assessment_systems').select(sql<number>`coalesce(max(edition), 0) + 1`.as('e')).where('org_id', '=', orgId).where('name', '=', name).where('year', '=', year).executeTakeFirstOrThrow();
  return Number(r.e);
}

async function loadSystem(db: Parameters<typeof adb>[0] | Tx, actor: Actor, id: number, permission: string, lock = false) {
  let q = adb(db as never).selectFrom('assessment_systems').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const sys = await q.executeTakeFirst();
  if (!sys) throw notFound(SYSTEM);
  await assertOrgInScope(db, actor, permission, sys.org_id, SYSTEM);
  return sys;
}

const nodesOf = (db: Parameters<typeof adb>[0] | Tx, systemId: number) => adb(db as never).selectFrom('assessment_nodes').selectAll().where('system_id', '=', systemId).orderBy('level').orderBy('sort_order').execute();

/** The system with its tree, the points check and the metrics a leaf may link to. */
export async function getSystem(s: Services, actor: Actor, id: number) {
  const sys = await loadSystem(s.db, actor, id, 'assessment.read');
  const nodes = await nodesOf(s.db, id);
  const leaves = leafIds(nodes);
  return {
    ...sys,
    tree: nest(nodes.map((n) => ({ ...n, leaf: leaves.has(n.id) }))),
    pointsProblems: pointsProblems(nodes, sys.total_points),
    metrics: [...s.registry.metrics.values()].map((m) => ({ code: m.code, module: m.module, name: m.name.zh, unit: m.unit, higherIsBetter: m.higherIsBetter })),
  };
}

function assertDraft(sys: { status: string }) {
  if (sys.status !== 'draft') throw conflict('system_published', { zh: '已发布的指标体系不能修改；请复制为新版本后修改', en: 'A published system is frozen; copy it to a new edition' });
}

export async function addNode(s: Services, actor: Actor, systemId: number, input: Static<typeof NodeIn>) {
  return s.tx(async (tx) => {
    const sys = await loadSystem(tx, actor, systemId, 'assessment.manage', true);
    assertDraft(sys);
    const t = atx(tx);
    const parent = input.parentId ? await t.selectFrom('assessment_nodes').selectAll().where('id', '=', input.parentId).where('system_id', '=', systemId).executeTakeFirst() : null;
    if (input.parentId && !parent) throw badInput('unknown_parent', 'parentId', { zh: '上级指标不在本指标体系中', en: 'The parent is not in this system' });
    const siblings = await t.selectFrom('assessment_nodes').select(['code']).where('system_id', '=', systemId).where('parent_id', parent ? '=' : 'is', parent ? parent.id : null).execute();
    const code = `${parent?.code ?? ''}${parent ? '.' : 'N'}${siblings.length + 1}`;
    const row = await t
      .insertInto('assessment_nodes')
      .values({ system_id: systemId, parent_id: parent?.id ?? null, org_id: sys.org_id, code, level: (parent?.level ?? 0) + 1, sort_order: siblings.length, title: input.title, text: input.text ?? null, points: input.points, method: 'manual' })
      .returningAll()
      .executeTakeFirstOrThrow();
    // A parent that gains its first child is no longer a leaf: it no longer scores itself.
    if (parent?.method) await t.updateTable('assessment_nodes').set({ method: null, metric_code: null, rule: null }).where('id', '=', parent.id).execute();
    await audit(tx, actor, { action: 'assessment.node.add', entityType: 'assessment_system', entityId: systemId, orgId: sys.org_id, after: row });
    return row;
  });
}

/** A node of a draft system the caller manages, locked for a change. */
async function draftNode(tx: Tx, actor: Actor, nodeId: number) {
  const node = await atx(tx).selectFrom('assessment_nodes').selectAll().where('id', '=', nodeId).forUpdate().executeTakeFirst();
  if (!node) throw notFound(NODE);
  const sys = await loadSystem(tx, actor, node.system_id, 'assessment.manage', true);
  assertDraft(sys);
  return { node, sys };
}

/** Edits a node of a draft: points, title, place in the tree (no cycles), and a leaf's scoring. */
export async function updateNode(s: Services, actor: Actor, nodeId: number, input: Static<typeof NodePatch>) {
  return s.tx(async (tx) => {
    const t = atx(tx);
    const { node, sys } = await draftNode(tx, actor, nodeId);
    const nodes = await nodesOf(tx, sys.id);
    let parentId = node.parent_id;
    let level = node.level;
    if (input.parentId !== undefined && input.parentId !== node.parent_id) {
      if (input.parentId !== null && !nodes.some((n) => n.id === input.parentId)) throw badInput('unknown_parent', 'parentId', { zh: '上级指标不在本指标体系中', en: 'The parent is not in this system' });
      if (wouldCycle(nodes, nodeId, input.parentId)) throw badInput('tree_cycle', 'parentId', { zh: '不能把指标移到它自己或它的下级指标之下', en: 'A node cannot be moved under itself or its descendants' });
      parentId = input.parentId;
      level = input.parentId === null ? 1 : nodes.find((n) => n.id === input.parentId)!.level + 1;
    }
    const isLeaf = leafIds(nodes).has(nodeId);
    const method = input.method === undefined ? node.method : input.method;
    const metricCode = input.metricCode === undefined ? node.metric_code : input.metricCode;
    const rule = (input.rule === undefined ? node.rule : input.rule) as ScoringRule | null;
    const points = input.points ?? Number(node.points);
    if (!isLeaf && input.method) throw badInput('not_a_leaf', 'method', { zh: '只有末级指标设置评分方法', en: 'Only leaf indicators have a scoring method' });
    if (isLeaf) checkScoring(s, method, metricCode, rule, points);
    const after = await t
      .updateTable('assessment_nodes')
      .set({ parent_id: parentId, level, title: input.title ?? node.title, points, method: isLeaf ? method : null, metric_code: isLeaf && method === 'metric' ? metricCode : null, rule: isLeaf && (method === 'metric' || method === 'survey') && rule ? JSON.stringify(rule) : null, data_source: input.dataSource === undefined ? node.data_source : input.dataSource })
      .where('id', '=', nodeId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (level !== node.level) await relevel(tx, nodeId, level);
    await audit(tx, actor, { action: 'assessment.node.update', entityType: 'assessment_system', entityId: sys.id, orgId: sys.org_id, before: node, after });
    return after;
  });
}

/** A moved subtree keeps its shape: every descendant's level follows its parent's. */
async function relevel(tx: Tx, nodeId: number, level: number) {
  const kids = await atx(tx).selectFrom('assessment_nodes').select('id').where('parent_id', '=', nodeId).execute();
  for (const k of kids) {
    await atx(tx).updateTable('assessment_nodes').set({ level: level + 1 }).where('id', '=', k.id).execute();
    await relevel(tx, k.id, level + 1);
  }
}

/** A metric leaf names a registered metric and a valid rule; the rule's points fit the leaf. */
function checkScoring(s: Services, method: string | null, metricCode: string | null, rule: ScoringRule | null, points: number) {
  if (method === 'metric') {
    if (!metricCode || !s.registry.metrics.has(metricCode)) throw badInput('unknown_metric', 'metricCode', { zh: `没有编码为 ${metricCode ?? '（空）'} 的指标数据`, en: `No registered metric ${metricCode}` });
    if (!rule) throw badInput('rule_required', 'rule', { zh: '按指标数据评分须设定评分规则（达标、分档、线性、扣分或排名）', en: 'A metric leaf needs a scoring rule' });
  }
  if ((method === 'metric' || method === 'survey') && rule) {
    const higherIsBetter = method === 'metric' && metricCode ? s.registry.metrics.get(metricCode)?.higherIsBetter : undefined;
    const problem = ruleProblem(rule, points, higherIsBetter);
    if (problem) throw badInput('invalid_rule', 'rule', { zh: problem, en: 'The scoring rule is invalid' });
  }
}

export async function deleteNode(s: Services, actor: Actor, nodeId: number) {
  return s.tx(async (tx) => {
    const t = atx(tx);
    const { node, sys } = await draftNode(tx, actor, nodeId);
    if (await t.selectFrom('assessment_nodes').select('id').where('parent_id', '=', nodeId).executeTakeFirst()) throw conflict('node_has_children', { zh: '请先删除下级指标', en: 'Delete the children first' });
    await t.deleteFrom('assessment_nodes').where('id', '=', nodeId).execute();
    // A parent whose last child goes becomes a leaf again, scored by self-assessment until linked.
    if (node.parent_id && !(await t.selectFrom('assessment_nodes').select('id').where('parent_id', '=', node.parent_id).executeTakeFirst())) {
      await t.updateTable('assessment_nodes').set({ method: 'manual' }).where('id', '=', node.parent_id).execute();
    }
    await audit(tx, actor, { action: 'assessment.node.delete', entityType: 'assessment_system', entityId: sys.id, orgId: sys.org_id, before: node });
    return { ok: true };
  });
}

/** Publishing freezes the edition; it is refused while points do not add up. */
export async function publishSystem(s: Services, actor: Actor, id: number, version: number) {
  return s.tx(async (tx) => {
    const sys = await loadSystem(tx, actor, id, 'assessment.manage', true);
    assertDraft(sys);
    if (sys.version !== version) throw staleVersion(SYSTEM);
    const nodes = await nodesOf(tx, id);
    const problems = pointsProblems(nodes, sys.total_points);
    if (problems.length) {
      const p = problems[0];
      throw new DomainError({ status: 409, code: 'points_mismatch', title: '分值不平衡', detail: `${p.code ? `指标"${p.code}"的下级指标分值合计 ${p.actual} 分，应为 ${p.expected} 分` : `一级指标分值合计 ${p.actual} 分，应为总分 ${p.expected} 分`}（共 ${problems.length} 处）`, detail_en: `${problems.length} node(s) whose children do not add up to their points`, extra: { problems } });
    }
    const leaves = leafIds(nodes);
    const unscored = nodes.find((n) => leaves.has(n.id) && !n.method);
    if (unscored) throw conflict('method_missing', { zh: `末级指标"${unscored.code}"尚未设定评分方法`, en: 'A leaf has no scoring method' });
    const unlinked = nodes.filter((n) => n.method === 'metric' && !n.metric_code);
    if (unlinked.length) throw conflict('metric_unlinked', { zh: `指标"${unlinked[0].code}"设为按指标数据评分但未选择指标数据`, en: 'A metric leaf has no metric' });
    const after = await atx(tx).updateTable('assessment_systems').set({ status: 'published', published_on: s.today(), version: sys.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'assessment.system.publish', entityType: 'assessment_system', entityId: id, orgId: sys.org_id, before: sys, after });
    return after;
  });
}

/** A new draft edition (or another year) with the same tree and links. */
export async function copySystem(s: Services, actor: Actor, id: number, input: Static<typeof CopyIn>) {
  return s.tx(async (tx) => {
    const sys = await loadSystem(tx, actor, id, 'assessment.manage');
    const t = atx(tx);
    const edition = await nextEdition(tx, sys.org_id, sys.name.replace(/^\d{4}年度/, `${input.year}年度`), input.year);
    const name = sys.name.replace(/^\d{4}年度/, `${input.year}年度`);
    const copy = await t.insertInto('assessment_systems').values({ org_id: sys.org_id, region_code: sys.region_code, name, year: input.year, edition, categories: sys.categories, source: `copy:${sys.id}`, total_points: sys.total_points, created_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    const nodes = await nodesOf(tx, id);
    const idMap = new Map<number, number>();
    for (const n of nodes) {
      const row = await t
        .insertInto('assessment_nodes')
        .values({ system_id: copy.id, parent_id: n.parent_id == null ? null : idMap.get(n.parent_id)!, org_id: n.org_id, code: n.code, level: n.level, sort_order: n.sort_order, title: n.title, text: n.text, goal: n.goal, points: n.points, method: n.method, metric_code: n.metric_code, rule: n.rule == null ? null : JSON.stringify(n.rule), data_source: n.data_source })
        .returning('id')
        .executeTakeFirstOrThrow();
      idMap.set(n.id, row.id);
    }
    await audit(tx, actor, { action: 'assessment.system.copy', entityType: 'assessment_system', entityId: copy.id, orgId: sys.org_id, after: { ...copy, from: id } });
    return copy;
  });
}
