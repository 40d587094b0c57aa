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
import { manualScoreProblem, rankWithinCategory, scoreManual, scoreMetric, scoreRank, totalAndGrade, vetoOf, type Cutoffs, type LeafResult, type MetricRule, type RankRule, type ScoringRule } from './scoring.ts';
import type { ReviewIn, RoundIn, SelfIn } from './contract.ts';

const ROUND = { zh: '考核', en: 'Assessment round' };

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
  if (!input.orgIds?.length && !input.category) throw badInput('no_assessed_orgs', 'orgIds', { zh: '请指定被考核单位或其类别', en: 'Name the assessed organisations or their category' });
  return s.tx(async (tx) => {
    const orgId = actor.currentOrgId ?? actor.orgId;
    await assertOrgInScope(tx, actor, 'assessment.manage', orgId, { zh: '考核机构', en: 'Assessment office' });
    const sys = await adb(tx as never).selectFrom('assessment_systems').selectAll().where('id', '=', input.systemId).executeTakeFirst();
    if (!sys) throw badInput('unknown_system', 'systemId', { zh: '指标体系不存在', en: 'Unknown system' });
    await assertOrgInScope(tx, actor, 'assessment.read', sys.org_id, { zh: '指标体系', en: 'Indicator system' });
    if (sys.status !== 'published') throw conflict('system_not_published', { zh: '只能依据已发布的指标体系组织考核', en: 'A round needs a published system' }, 'systemId');
    let assessed: { id: number; region_code: string }[];
    if (input.orgIds?.length) {
      for (const o of input.orgIds) await assertOrgInScope(tx, actor, 'assessment.manage', o, { zh: '被考核单位', en: 'Assessed organisation' });
      assessed = await tx.selectFrom('orgs').select(['id', 'region_code']).where('id', 'in', input.orgIds).execute();
    } else {
      assessed = await tx.selectFrom('orgs').select(['id', 'region_code']).where('assessment_category', '=', input.category!).where(orgScopeFilter(actor, 'assessment.manage', sql.ref('id'))).orderBy('path').execute();
      if (!assessed.length) throw badInput('no_assessed_orgs', 'category', { zh: `数据范围内没有类别为"${input.category}"的单位`, en: 'No organisation of that category in scope' });
    }
    const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow()).region_code;
    const [excellent, good, pass] = await ruleValue<number[]>(tx, 'assessment.grade_cutoffs', region, today);
    const round = await atx(tx)
      .insertInto('assessment_rounds')
      .values({ org_id: orgId, region_code: region, system_id: sys.id, name: input.name ?? `${sys.year}年度法治政府建设考核`, year: sys.year, period_from: input.periodFrom ?? `${sys.year}-01-01`, period_to: input.periodTo ?? `${sys.year}-12-31`, self_due: input.selfDue, review_due: input.reviewDue, cutoffs: JSON.stringify({ excellent, good, pass }), created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    const leaves = await leavesOf(tx, sys.id);
    for (const o of assessed) {
      const d = await startDeadline(s, tx, actorForAudit(actor), { module: 'assessment', kind: 'assessment.self', title: `报送自评：${round.name}`, subjectType: 'assessment_round', subjectId: round.id, orgId: o.id, regionCode: o.region_code, startDate: today, dueOn: input.selfDue });
      await atx(tx).insertInto('assessment_round_orgs').values({ round_id: round.id, org_id: o.id, deadline_id: d.id }).execute();
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
    for (const leaf of leaves.filter((l) => l.method === 'metric' && l.metric_code)) {
      const m = s.registry.metrics.get(leaf.metric_code!);
      const values: { orgId: number; value: number | null }[] = [];
      for (const o of orgs) {
        const v = m ? await m.compute(tx as never, { orgIds: subtrees.get(o.org_id)!, from: round.period_from, to: round.period_to }) : { value: null };
        values.push({ orgId: o.org_id, value: v.value });
        await atx(tx).updateTable('assessment_scores').set({ metric_value: v.value, numerator: v.numerator ?? null, denominator: v.denominator ?? null, computed_at: now }).where('round_id', '=', id).where('org_id', '=', o.org_id).where('node_id', '=', leaf.id).execute();
        computed++;
      }
      const rule = leaf.rule as ScoringRule;
      const points = Number(leaf.points);
      const unit = m?.unit === 'percent' ? '%' : '';
      const results = rule.kind === 'rank' ? scoreRank(values, rule as RankRule, points, m?.higherIsBetter ?? true, unit) : new Map(values.map((v) => [v.orgId, scoreMetric(rule as MetricRule, v.value, points, m?.higherIsBetter ?? true, unit)]));
      for (const [orgId, r] of results) await storeResult(tx, id, orgId, leaf.id, r);
    }
    for (const o of orgs) await scoreManualLeaves(tx, id, o.org_id, leaves);
    await audit(tx, actor, { action: 'assessment.round.compute', entityType: 'assessment_round', entityId: id, orgId: round.org_id, after: { values: computed, at: now } });
    return { computed, organisations: orgs.length };
  });
}

const storeResult = (tx: Tx, roundId: number, orgId: number, nodeId: number, r: LeafResult) =>
  atx(tx).updateTable('assessment_scores').set({ score: r.score, status: r.status, explanation: r.explanation }).where('round_id', '=', roundId).where('org_id', '=', orgId).where('node_id', '=', nodeId).execute();

/**
 * Manual leaves score from the reviewer, else the self-assessment. A veto leaf (一票否决)
 * carries no points: its self or review value 1 means the condition occurred.
 */
async function scoreManualLeaves(tx: Tx, roundId: number, orgId: number, leaves: Awaited<ReturnType<typeof leavesOf>>) {
  const rows = await atx(tx).selectFrom('assessment_scores').selectAll().where('round_id', '=', roundId).where('org_id', '=', orgId).execute();
  for (const leaf of leaves) {
    const row = rows.find((r) => r.node_id === leaf.id);
    if (!row) continue;
    if (leaf.method === 'manual') {
      await storeResult(tx, roundId, orgId, leaf.id, scoreManual({ self: row.self_score == null ? null : Number(row.self_score), reviewer: row.review_score == null ? null : Number(row.review_score) }, Number(leaf.points)));
    } else if (leaf.method === 'survey') {
      await storeResult(tx, roundId, orgId, leaf.id, { status: 'not_applicable', score: null, explanation: '本轮尚无该单位的满意度调查结果，不计入' });
    } else if (leaf.method === 'veto') {
      const triggered = Number(row.review_score ?? row.self_score ?? 0) === 1;
      await storeResult(tx, roundId, orgId, leaf.id, { status: 'not_applicable', score: null, explanation: triggered ? `一票否决：${row.review_note ?? row.self_note ?? ''}` : '未发生一票否决情形' });
    }
  }
}

/** One organisation's sheet: each leaf with its points, method, value, self and review scores. */
export async function orgSheet(s: Services, actor: Actor, id: number, orgId: number) {
  const round = await adb(s.db).selectFrom('assessment_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!round) throw notFound(ROUND);
  const member = await adb(s.db).selectFrom('assessment_round_orgs').selectAll().where('round_id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!member) throw notFound({ zh: '被考核单位', en: 'Assessed organisation' }, 'orgId');
  // The office sees every sheet of its round; an assessed organisation sees its own.
  try {
    await assertOrgInScope(s.db, actor, 'assessment.read', round.org_id, ROUND);
  } catch {
    await assertOrgInScope(s.db, actor, 'assessment.self', orgId, ROUND);
  }
  const items = await adb(s.db)
    .selectFrom('assessment_scores as sc')
    .innerJoin('assessment_nodes as n', 'n.id', 'sc.node_id')
    .select(['n.id as node_id', 'n.code', 'n.title', 'n.points', 'n.method', 'n.metric_code', 'n.rule', 'sc.metric_value', 'sc.numerator', 'sc.denominator', 'sc.computed_at', 'sc.self_score', 'sc.self_note', 'sc.review_score', 'sc.review_note', 'sc.score', 'sc.status', 'sc.explanation'])
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
    if (round.status !== 'open' || member.status !== 'pending') throw conflict('self_closed', { zh: '自评材料已报送，不能再修改', en: 'The self-assessment is already submitted' });
    const leaves = await leavesOf(tx, round.system_id);
    for (const [i, item] of input.items.entries()) {
      const leaf = leaves.find((l) => l.id === item.nodeId);
      if (!leaf || (leaf.method !== 'manual' && leaf.method !== 'veto')) throw badInput('not_self_assessed', `items.${i}.nodeId`, { zh: '该指标不由自评打分', en: 'That indicator is not self-assessed' });
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
    await scoreManualLeaves(tx, id, input.orgId, leaves);
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
    await scoreManualLeaves(tx, id, input.orgId, leaves);
    await audit(tx, actor, { action: 'assessment.review', entityType: 'assessment_round', entityId: id, orgId: input.orgId, after: input });
    return { ok: true };
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
    const results: { orgId: number; percent: number | null }[] = [];
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
      await atx(tx).updateTable('assessment_round_orgs').set({ score: t.score, max: t.max, percent: t.percent, grade: t.grade, vetoed: t.vetoed, reasons: t.reasons }).where('round_id', '=', id).where('org_id', '=', m.org_id).execute();
      results.push({ orgId: m.org_id, percent: t.percent });
    }
    for (const [orgId, rank] of rankWithinCategory(results)) await atx(tx).updateTable('assessment_round_orgs').set({ rank }).where('round_id', '=', id).where('org_id', '=', orgId).execute();
    const after = await atx(tx).updateTable('assessment_rounds').set({ status: 'published', published_on: s.today(), version: round.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'assessment.round.publish', entityType: 'assessment_round', entityId: id, orgId: round.org_id, before: round, after });
    return after;
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
