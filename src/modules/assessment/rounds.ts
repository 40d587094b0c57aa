import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound } from '../../core/http/errors.ts';
import { actorForAudit, auditBy as audit } from '../../core/auth/audit-actor.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { isValidIsoDate } from '../../core/calendar/dates.ts';
import { adb, atx } from './schema.ts';
import { leafIds } from './tree.ts';
import { manualScoreProblem, rankRound, totalAndGrade, vetoOf, type Cutoffs, type Grade } from './scoring.ts';
import type { ReturnIn, ReviewIn, RoundIn, SelfIn } from './contract.ts';
import { SEED000 } from '../../core/rules/seeds.ts';
import { minPerformanceWeight, performancePoints, type WeightMinimums } from './results-rules.ts';
import { recordConsequences, frozenParams } from './outcomes.ts';
import { computeMetricLeaf, scoreSheetLeaves, surveyLookup } from './compute.ts';
import { ROUND, sheetReader } from './access.ts';


async function leavesOf(db: Parameters<typeof adb>[0] | Tx, systemId: number) {
  const nodes = await adb(db as never).selectFrom('assessment_nodes').selectAll().where('system_id', '=', systemId).orderBy('level').orderBy('sort_order').execute();
  const leaves = leafIds(nodes);
  return nodes.filter((n) => leaves.has(n.id));
}

/**
 * Opens a round on a published system for the assessed organisations (listed, or every
 * organisation of a category in the office's scope). Each gets its self-assessment deadline,
 * supervised like every other.
 */
export async function createRound(s: Services, actor: Actor, input: Static<typeof RoundIn>) {
  const today = s.today();
  for (const [k, v] of [['selfDue', input.selfDue], ['reviewDue', input.reviewDue]] as const) if (!isValidIsoDate(v)) throw badInput('invalid_date', k, { zh: `日期无效：${v}`, en: `Invalid date ${v}` });
  if (input.selfDue <= today) throw badInput('date_in_past', 'selfDue', { zh: '自评截止日须晚于今天', en: 'The self-assessment due date must be after today' });
  if (input.reviewDue < input.selfDue) throw badInput('dates_out_of_order', 'reviewDue', { zh: '审核截止日不能早于自评截止日', en: 'The review is due before the self-assessment' });
  if (input.publishDue && !isValidIsoDate(input.publishDue)) throw badInput('invalid_date', 'publishDue', { zh: `日期无效：${input.publishDue}`, en: `Invalid date ${input.publishDue}` });
  if (input.publishDue && input.publishDue < input.reviewDue) throw badInput('dates_out_of_order', 'publishDue', { zh: '公布日期不能早于审核截止日', en: 'Publication is due before the review' });
  if (!input.orgIds?.length && !input.category) throw badInput('no_assessed_orgs', 'orgIds', { zh: '请指定被考核单位或其类别', en: 'Name the assessed organisations or their category' });
  return s.tx(async (tx) => {
    const orgId = actor.currentOrgId ?? actor.orgId;
    await assertOrgInScope(tx, actor, 'assessment.manage', orgId, { zh: '考核机构', en: 'Assessment office' });
    const sys = await adb(tx as never).selectFrom('assessment_systems').selectAll().where('id', '=', input.systemId).executeTakeFirst();
    if (!sys) throw badInput('unknown_system', 'systemId', { zh: '指标体系不存在', en: 'Unknown system' });
    await assertOrgInScope(tx, actor, 'assessment.read', sys.org_id, { zh: '指标体系', en: 'Indicator system' });
    if (sys.status !== 'published') throw conflict('system_not_published', { zh: '只能依据已发布的指标体系组织考核', en: 'A round needs a published system' }, 'systemId');
    const assessedOrgs = tx.selectFrom('orgs as o').innerJoin('regions as g', 'g.code', 'o.region_code').select(['o.id', 'o.name', 'o.region_code', 'o.org_type', 'g.level']);
    let assessed: Awaited<ReturnType<typeof assessedOrgs.execute>>;
    if (input.orgIds?.length) {
      for (const o of input.orgIds) await assertOrgInScope(tx, actor, 'assessment.manage', o, { zh: '被考核单位', en: 'Assessed organisation' });
      assessed = await assessedOrgs.where('o.id', 'in', input.orgIds).execute();
    } else {
      assessed = await assessedOrgs.where('o.assessment_category', '=', input.category!).where(orgScopeFilter(actor, 'assessment.manage', sql.ref('o.id'))).orderBy('o.path').execute();
      if (!assessed.length) throw badInput('no_assessed_orgs', 'category', { zh: `数据范围内没有类别为"${input.category}"的单位`, en: 'No organisation of that category in scope' });
    }
    const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow()).region_code;
    const [excellent, good, pass] = await ruleValue<number[]>(tx, 'assessment.grade_cutoffs', region, today);
    const mins: WeightMinimums = {
      provincialDepartment: await ruleValue<number>(tx, 'assessment.performance_weight_provincial_department', region, today),
      cityCountyGovernment: await ruleValue<number>(tx, 'assessment.performance_weight_city_county_government', region, today),
    };
    const weightOf = new Map<number, number | null>();
    for (const o of assessed) {
      const min = minPerformanceWeight({ orgType: o.org_type, regionLevel: o.level }, mins);
      if (input.performanceWeight != null && min && input.performanceWeight < min.min)
        throw new DomainError({ status: 422, code: 'performance_weight_below_minimum', title: '分值比重低于下限', detail: `${o.name}属于${min.who}，考核结果在绩效考核中所占分值不得低于 ${min.min}%`, detail_en: `The weight for ${o.name} must be at least ${min.min}%`, field: 'performanceWeight', basis: { law: SEED000, article: '九、（三）1.', quote: '所占分值省直部门不低于考核总分数的5%，市(州)、县(市)政府不低于2%' } });
      weightOf.set(o.id, input.performanceWeight ?? min?.min ?? null);
    }
    const round = await atx(tx)
      .insertInto('assessment_rounds')
      .values({ org_id: orgId, region_code: region, system_id: sys.id, name: input.name ?? `${sys.year}年度法治政府建设考核`, year: sys.year, period_from: input.periodFrom ?? `${sys.year}-01-01`, period_to: input.periodTo ?? `${sys.year}-12-31`, self_due: input.selfDue, review_due: input.reviewDue, cutoffs: JSON.stringify({ excellent, good, pass }), performance_weight: input.performanceWeight ?? null, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The office's own steps of the timetable are supervised too: the review, then publication.
    const officeDeadline = (kind: string, title: string, dueOn: string) => startDeadline(s, tx, actorForAudit(actor), { module: 'assessment', kind, title: `${title}：${round.name}`, subjectType: 'assessment_round', subjectId: round.id, orgId, regionCode: region, startDate: today, dueOn });
    const review = await officeDeadline('assessment.review', '审核自评材料', input.reviewDue);
    const publish = await officeDeadline('assessment.publish', '公布考核结果', input.publishDue ?? input.reviewDue);
    await atx(tx).updateTable('assessment_rounds').set({ publish_due: input.publishDue ?? input.reviewDue, review_deadline_id: review.id, publish_deadline_id: publish.id }).where('id', '=', round.id).execute();
    const leaves = await leavesOf(tx, sys.id);
    for (const o of assessed) {
      const d = await startDeadline(s, tx, actorForAudit(actor), { module: 'assessment', kind: 'assessment.self', title: `报送自评：${round.name}`, subjectType: 'assessment_round', subjectId: round.id, orgId: o.id, regionCode: o.region_code, startDate: today, dueOn: input.selfDue });
      await atx(tx).insertInto('assessment_round_orgs').values({ round_id: round.id, org_id: o.id, deadline_id: d.id, performance_weight: weightOf.get(o.id) ?? null }).execute();
      await atx(tx).insertInto('assessment_scores').values(leaves.map((l) => ({ round_id: round.id, org_id: o.id, node_id: l.id }))).execute();
    }
    await audit(tx, actor, { action: 'assessment.round.create', entityType: 'assessment_round', entityId: round.id, orgId, after: { ...round, assessed: assessed.map((o) => o.id) } });
    return { ...round, assessed: assessed.length };
  });
}

async function loadRound(db: Parameters<typeof adb>[0] | Tx, actor: Actor, id: number, permission: string) {
  const r = await adb(db as never).selectFrom('assessment_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound(ROUND);
  await assertOrgInScope(db, actor, permission, r.org_id, ROUND);
  return r;
}

const subtreeIds = async (db: Parameters<typeof adb>[0] | Tx, orgId: number) => {
  const o = await (db as Tx).selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  return (await (db as Tx).selectFrom('orgs').select('id').where('path', 'like', `${o.path}%`).execute()).map((r) => r.id);
};

/**
 * Computes every metric leaf for every assessed organisation from the modules' live data,
 * keeping the value, numerator and denominator with the time, and scores all leaves.
 */
export async function computeRound(s: Services, actor: Actor, id: number) {
  return s.tx(async (tx) => {
    const round = await loadRound(tx, actor, id, 'assessment.manage');
    if (round.status !== 'open') throw conflict('round_published', { zh: '考核结果已公布', en: 'The round is published' });
    const orgs = await atx(tx).selectFrom('assessment_round_orgs').select('org_id').where('round_id', '=', id).execute();
    const leaves = await leavesOf(tx, round.system_id);
    const now = s.now();
    // Each organisation is measured with its subtree; read it once, not once per indicator.
    const subtrees = new Map<number, number[]>();
    for (const o of orgs) subtrees.set(o.org_id, await subtreeIds(tx, o.org_id));
    let computed = 0;
    // What each score is computed under, kept beside it (reproducible after publication); one
    // statement for all leaves, rewriting only the rows whose snapshot changed.
    const snapshots = leaves.map((leaf) => {
      const m = leaf.method === 'metric' && leaf.metric_code ? s.registry.metrics.get(leaf.metric_code) : undefined;
      return JSON.stringify({ method: leaf.method, points: Number(leaf.points), rule: leaf.rule, metric: m ? { code: m.code, name: m.name.zh, unit: m.unit, higherIsBetter: m.higherIsBetter } : null });
    });
    await sql`update assessment_scores sc set rule_snapshot = v.snapshot
      from unnest(${leaves.map((l) => l.id)}::int[], ${snapshots}::jsonb[]) as v(node_id, snapshot)
      where sc.round_id = ${id} and sc.node_id = v.node_id and sc.rule_snapshot is distinct from v.snapshot`.execute(tx);
    const period = { from: round.period_from, to: round.period_to };
    for (const leaf of leaves.filter((l) => l.method === 'metric' && l.metric_code)) computed += await computeMetricLeaf(tx, id, leaf, s.registry.metrics.get(leaf.metric_code!), subtrees, period, now);
    await scoreSheetLeaves(tx, id, orgs.map((o) => o.org_id), leaves, surveyLookup(tx, round));
    await audit(tx, actor, { action: 'assessment.round.compute', entityType: 'assessment_round', entityId: id, orgId: round.org_id, after: { values: computed, at: now } });
    return { computed, organisations: orgs.length };
  });
}

/** One organisation's sheet: each leaf with its points, method, value, self and review scores. */
export async function orgSheet(s: Services, actor: Actor, id: number, orgId: number) {
  const round = await adb(s.db).selectFrom('assessment_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!round) throw notFound(ROUND);
  const member = await adb(s.db).selectFrom('assessment_round_orgs').selectAll().where('round_id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!member) throw notFound({ zh: '被考核单位', en: 'Assessed organisation' }, 'orgId');
  await sheetReader(s.db, actor, round, orgId);
  const items = await adb(s.db)
    .selectFrom('assessment_scores as sc')
    .innerJoin('assessment_nodes as n', 'n.id', 'sc.node_id')
    .select(['n.id as node_id', 'n.code', 'n.title', 'n.points', 'n.method', 'n.metric_code', 'n.rule', 'sc.metric_value', 'sc.numerator', 'sc.denominator', 'sc.computed_at', 'sc.self_score', 'sc.self_note', 'sc.review_score', 'sc.review_note', 'sc.score', 'sc.status', 'sc.explanation', 'sc.returned_reason', 'sc.record_type'])
    .where('sc.round_id', '=', id)
    .where('sc.org_id', '=', orgId)
    .orderBy('n.level')
    .orderBy('n.id')
    .execute();
  const org = await s.db.selectFrom('orgs').select(['name']).where('id', '=', orgId).executeTakeFirstOrThrow();
  return { round, org: { id: orgId, name: org.name, ...member }, items };
}

function memberOf(tx: Tx, roundId: number, orgId: number) {
  return atx(tx).selectFrom('assessment_round_orgs').selectAll().where('round_id', '=', roundId).where('org_id', '=', orgId).forUpdate().executeTakeFirst();
}

/** The assessed organisation fills its manual leaves (score, written explanation) and submits. */
export async function submitSelf(s: Services, actor: Actor, id: number, input: Static<typeof SelfIn>) {
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'assessment.self', input.orgId, { zh: '被考核单位', en: 'Assessed organisation' });
    const round = await adb(tx as never).selectFrom('assessment_rounds').selectAll().where('id', '=', id).executeTakeFirst();
    if (!round) throw notFound(ROUND);
    const member = await memberOf(tx, id, input.orgId);
    if (!member) throw notFound({ zh: '被考核单位', en: 'Assessed organisation' }, 'orgId');
    if (round.status !== 'open' || (member.status !== 'pending' && member.status !== 'returned')) throw conflict('self_closed', { zh: '自评材料已报送，不能再修改', en: 'The self-assessment is already submitted' });
    const leaves = await leavesOf(tx, round.system_id);
    // A sheet sent back reopens only the items sent back.
    const reopened = member.status === 'returned' ? new Set((await atx(tx).selectFrom('assessment_scores').select('node_id').where('round_id', '=', id).where('org_id', '=', input.orgId).where('returned_reason', 'is not', null).execute()).map((r) => r.node_id)) : null;
    for (const [i, item] of input.items.entries()) {
      const leaf = leaves.find((l) => l.id === item.nodeId);
      if (!leaf || (leaf.method !== 'manual' && leaf.method !== 'veto')) throw badInput('not_self_assessed', `items.${i}.nodeId`, { zh: '该指标不由自评打分', en: 'That indicator is not self-assessed' });
      if (reopened && !reopened.has(leaf.id)) throw conflict('item_not_returned', { zh: `"${leaf.code}"未被退回补充，不能修改`, en: 'Only the items sent back can be changed' }, `items.${i}.nodeId`);
      const problem = leaf.method === 'veto' ? (item.score === 0 || item.score === 1 ? null : '一票否决项填 1（发生）或 0（未发生）') : manualScoreProblem(item.score, Number(leaf.points));
      if (problem) throw badInput('invalid_score', `items.${i}.score`, { zh: problem, en: 'Score out of range' });
      await atx(tx).updateTable('assessment_scores').set({ self_score: item.score, self_note: item.note }).where('round_id', '=', id).where('org_id', '=', input.orgId).where('node_id', '=', leaf.id).execute();
    }
    if (input.submit) {
      const missing = await atx(tx).selectFrom('assessment_scores as sc').innerJoin('assessment_nodes as n', 'n.id', 'sc.node_id').select('n.code').where('sc.round_id', '=', id).where('sc.org_id', '=', input.orgId).where('n.method', '=', 'manual').where('sc.self_score', 'is', null).execute();
      if (missing.length) throw conflict('self_incomplete', { zh: `尚有 ${missing.length} 项自评指标未打分（如"${missing[0].code}"），不能报送`, en: `${missing.length} manual indicators have no self score` });
      await atx(tx).updateTable('assessment_round_orgs').set({ status: 'submitted', submitted_on: s.today() }).where('round_id', '=', id).where('org_id', '=', input.orgId).execute();
      if (member.deadline_id) await closeDeadline(s, tx, actorForAudit(actor), member.deadline_id, '已报送自评材料');
    }
    await scoreSheetLeaves(tx, id, [input.orgId], leaves, surveyLookup(tx, round));
    await audit(tx, actor, { action: input.submit ? 'assessment.self.submit' : 'assessment.self.save', entityType: 'assessment_round', entityId: id, orgId: input.orgId, after: input });
    return { ok: true, submitted: !!input.submit };
  });
}

/** The office reviews a submitted sheet; a score that differs from the self-assessment needs its reason. */
export async function reviewOrg(s: Services, actor: Actor, id: number, input: Static<typeof ReviewIn>) {
  return s.tx(async (tx) => {
    const round = await loadRound(tx, actor, id, 'assessment.manage');
    if (round.status !== 'open') throw conflict('round_published', { zh: '考核结果已公布', en: 'The round is published' });
    const member = await memberOf(tx, id, input.orgId);
    if (!member) throw notFound({ zh: '被考核单位', en: 'Assessed organisation' }, 'orgId');
    if (member.status !== 'submitted') throw conflict('not_submitted', { zh: '该单位尚未报送自评材料（或已审核）', en: 'Not submitted, or already reviewed' });
    const leaves = await leavesOf(tx, round.system_id);
    const rows = await atx(tx).selectFrom('assessment_scores').selectAll().where('round_id', '=', id).where('org_id', '=', input.orgId).execute();
    for (const [i, item] of input.items.entries()) {
      const leaf = leaves.find((l) => l.id === item.nodeId);
      const row = rows.find((r) => r.node_id === item.nodeId);
      if (!leaf || !row || (leaf.method !== 'manual' && leaf.method !== 'veto')) throw badInput('not_reviewable', `items.${i}.nodeId`, { zh: '该指标不由审核打分', en: 'That indicator is not scored by review' });
      const problem = leaf.method === 'veto' ? (item.score === 0 || item.score === 1 ? null : '一票否决项填 1（发生）或 0（未发生）') : manualScoreProblem(item.score, Number(leaf.points));
      if (problem) throw badInput('invalid_score', `items.${i}.score`, { zh: problem, en: 'Score out of range' });
      if (row.self_score != null && Number(row.self_score) !== item.score && !item.note?.trim()) throw badInput('reason_required', `items.${i}.note`, { zh: `"${leaf.code}"的审核分与自评分不同，须说明理由`, en: 'A review score that differs from the self score needs a reason' });
      await atx(tx).updateTable('assessment_scores').set({ review_score: item.score, review_note: item.note ?? null }).where('round_id', '=', id).where('org_id', '=', input.orgId).where('node_id', '=', leaf.id).execute();
    }
    await atx(tx).updateTable('assessment_round_orgs').set({ status: 'reviewed', reviewed_on: s.today() }).where('round_id', '=', id).where('org_id', '=', input.orgId).execute();
    const open = await atx(tx).selectFrom('assessment_round_orgs').select('org_id').where('round_id', '=', id).where('status', '<>', 'reviewed').limit(1).executeTakeFirst();
    if (!open && round.review_deadline_id) await closeDeadline(s, tx, actorForAudit(actor), round.review_deadline_id, '各单位自评材料均已审核');
    await scoreSheetLeaves(tx, id, [input.orgId], leaves, surveyLookup(tx, round));
    await audit(tx, actor, { action: 'assessment.review', entityType: 'assessment_round', entityId: id, orgId: input.orgId, after: input });
    return { ok: true };
  });
}

/**
 * The office sends items of a submitted sheet back for completion (退回补充) — once per sheet;
 * the organisation gets a supervised deadline to resubmit those items.
 */
export async function returnItems(s: Services, actor: Actor, id: number, input: Static<typeof ReturnIn>) {
  return s.tx(async (tx) => {
    const round = await loadRound(tx, actor, id, 'assessment.manage');
    if (round.status !== 'open') throw conflict('round_published', { zh: '考核结果已公布', en: 'The round is published' });
    const member = await memberOf(tx, id, input.orgId);
    if (!member) throw notFound({ zh: '被考核单位', en: 'Assessed organisation' }, 'orgId');
    if (member.returned_on) throw conflict('already_returned', { zh: `该单位的自评材料已于 ${member.returned_on} 退回补充过一次，不能再次退回，请直接审核`, en: 'A sheet can be sent back only once' });
    if (member.status !== 'submitted') throw conflict('not_submitted', { zh: '该单位尚未报送自评材料（或已审核）', en: 'Not submitted, or already reviewed' });
    const leaves = await leavesOf(tx, round.system_id);
    for (const [i, item] of input.items.entries()) {
      const leaf = leaves.find((l) => l.id === item.nodeId);
      if (!leaf || (leaf.method !== 'manual' && leaf.method !== 'veto')) throw badInput('not_returnable', `items.${i}.nodeId`, { zh: '只能退回由自评打分的指标', en: 'Only self-assessed indicators can be sent back' });
      await atx(tx).updateTable('assessment_scores').set({ returned_reason: item.reason }).where('round_id', '=', id).where('org_id', '=', input.orgId).where('node_id', '=', leaf.id).execute();
    }
    const org = await tx.selectFrom('orgs').select(['name', 'region_code']).where('id', '=', input.orgId).executeTakeFirstOrThrow();
    const d = await startDeadline(s, tx, actorForAudit(actor), { module: 'assessment', kind: 'assessment.resubmit', title: `补充报送自评材料：${round.name}`, subjectType: 'assessment_round', subjectId: id, orgId: input.orgId, regionCode: org.region_code, startDate: s.today(), ruleKey: 'assessment.return_working_days' });
    const after = await atx(tx).updateTable('assessment_round_orgs').set({ status: 'returned', returned_on: s.today(), return_reason: input.reason, deadline_id: d.id }).where('round_id', '=', id).where('org_id', '=', input.orgId).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'assessment.return', entityType: 'assessment_round', entityId: id, orgId: input.orgId, before: member, after: { ...after, items: input.items } });
    return { ...after, due: d.due_date };
  });
}

/** Totals, grades (vetoes applied) and ranks; refused while any sheet or leaf is unsettled. */
export async function publishRound(s: Services, actor: Actor, id: number) {
  return s.tx(async (tx) => {
    const round = await loadRound(tx, actor, id, 'assessment.manage');
    if (round.status !== 'open') throw conflict('round_published', { zh: '考核结果已公布', en: 'The round is published' });
    const members = await atx(tx).selectFrom('assessment_round_orgs').selectAll().where('round_id', '=', id).execute();
    const open = members.filter((m) => m.status !== 'reviewed');
    if (open.length) throw conflict('review_incomplete', { zh: `尚有 ${open.length} 个单位未完成审核`, en: `${open.length} organisations are not reviewed` });
    const leaves = await leavesOf(tx, round.system_id);
    const unsettled = await atx(tx).selectFrom('assessment_scores').select(['org_id', 'node_id', 'status']).where('round_id', '=', id).where('status', 'in', ['pending', 'invalid']).execute();
    if (unsettled.length) {
      const leaf = leaves.find((l) => l.id === unsettled[0].node_id);
      throw new DomainError({ status: 409, code: 'scores_unsettled', title: '不能公布', detail: `尚有 ${unsettled.length} 项得分未确定（如指标"${leaf?.code}"：${unsettled[0].status === 'invalid' ? '评分规则无效' : '待计算或待打分'}），请先计算指标数据并完成审核`, detail_en: `${unsettled.length} scores are pending or invalid`, extra: { unsettled: unsettled.slice(0, 20) } });
    }
    const cutoffs = round.cutoffs as Cutoffs;
    const results: { orgId: number; percent: number | null; grade: Grade | null; vetoed: boolean }[] = [];
    for (const m of members) {
      const rows = await atx(tx).selectFrom('assessment_scores').selectAll().where('round_id', '=', id).where('org_id', '=', m.org_id).execute();
      const scoreOf = (nodeId: number) => rows.find((r) => r.node_id === nodeId)?.score;
      const scored = leaves.filter((l) => l.method !== 'veto').map((l) => ({ points: Number(l.points), score: scoreOf(l.id) == null ? null : Number(scoreOf(l.id)) }));
      const vetoes = leaves
        .filter((l) => l.method === 'veto')
        .map((l) => {
          const r = rows.find((x) => x.node_id === l.id);
          return vetoOf(Number(r?.review_score ?? r?.self_score ?? 0) === 1, `${l.title}：${r?.review_note ?? r?.self_note ?? ''}`);
        })
        .filter((v): v is NonNullable<typeof v> => !!v);
      const t = totalAndGrade(scored, cutoffs, vetoes);
      const performance_points = performancePoints(t.percent, m.performance_weight == null ? null : Number(m.performance_weight));
      await atx(tx).updateTable('assessment_round_orgs').set({ score: t.score, max: t.max, percent: t.percent, grade: t.grade, vetoed: t.vetoed, reasons: t.reasons, performance_points }).where('round_id', '=', id).where('org_id', '=', m.org_id).execute();
      results.push({ orgId: m.org_id, percent: t.percent, grade: t.grade, vetoed: t.vetoed });
    }
    const categories = new Map((await tx.selectFrom('orgs').select(['id', 'assessment_category']).where('id', 'in', members.length ? members.map((m) => m.org_id) : [0]).execute()).map((o) => [o.id, o.assessment_category]));
    const ranks = rankRound(results.map((r) => ({ ...r, category: categories.get(r.orgId) ?? null })));
    for (const [orgId, rank] of ranks) await atx(tx).updateTable('assessment_round_orgs').set({ rank }).where('round_id', '=', id).where('org_id', '=', orgId).execute();
    const consequences = await recordConsequences(s, tx, actor, round, results);
    if (round.publish_deadline_id) await closeDeadline(s, tx, actorForAudit(actor), round.publish_deadline_id, '考核结果已公布');
    const frozen = await frozenParams(tx, round.region_code, s.today());
    const after = await atx(tx).updateTable('assessment_rounds').set({ status: 'published', published_on: s.today(), frozen: JSON.stringify(frozen), version: round.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'assessment.round.publish', entityType: 'assessment_round', entityId: id, orgId: round.org_id, before: round, after: { ...after, consequences } });
    return { ...after, consequences };
  });
}

export async function listRounds(s: Services, actor: Actor) {
  return adb(s.db)
    .selectFrom('assessment_rounds as r')
    .innerJoin('assessment_systems as y', 'y.id', 'r.system_id')
    .select(['r.id', 'r.name', 'r.year', 'r.status', 'r.self_due', 'r.review_due', 'r.published_on', 'r.system_id', 'y.name as system_name', 'y.edition'])
    .select((eb) => eb.selectFrom('assessment_round_orgs as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.round_id', '=', 'r.id').as('organisations'))
    .where(orgScopeFilter(actor, 'assessment.read', sql.ref('r.org_id')))
    .orderBy('r.id', 'desc')
    .execute();
}

/** The round and its organisations: status, score, grade, rank. */
export async function getRound(s: Services, actor: Actor, id: number) {
  const round = await loadRound(s.db, actor, id, 'assessment.read');
  const orgs = await adb(s.db).selectFrom('assessment_round_orgs as m').innerJoin('orgs as o', 'o.id', 'm.org_id').selectAll('m').select(['o.name as org_name', 'o.assessment_category']).where('m.round_id', '=', id).orderBy(sql`m.rank nulls last`).orderBy('o.path').execute();
  return { ...round, orgs };
}

/** Published results for the portal: ranking table by round. */
export async function publicResults(s: Services) {
  const rounds = await adb(s.db).selectFrom('assessment_rounds').select(['id', 'name', 'year', 'published_on']).where('status', '=', 'published').orderBy('published_on', 'desc').limit(20).execute();
  const out = [];
  for (const r of rounds) {
    const rows = await adb(s.db).selectFrom('assessment_round_orgs as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(['o.name as org_name', 'm.percent', 'm.grade', 'm.rank']).where('m.round_id', '=', r.id).orderBy(sql`m.rank nulls last`).execute();
    out.push({ ...r, results: rows });
  }
  return out;
}
