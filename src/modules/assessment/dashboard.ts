import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { adb } from './schema.ts';
import { getRound } from './rounds.ts';
import { distribution, levelOneRollup, provisionalResults, trendSeries, weakestLeaves } from './dashboard-rules.ts';
import { PROVISIONAL_PARTS, type Dashboard } from './report-contract.ts';
import type { Cutoffs, Grade } from './scoring.ts';

const num = (v: string | number | null) => (v == null ? null : Number(v));

/**
 * A round with its indicator tree and every stored leaf score, for whoever may read the
 * round (the organising office's scope, as `getRound`).
 */
export async function roundData(s: Services, actor: Actor, roundId: number) {
  const round = await getRound(s, actor, roundId);
  const [nodes, scores, office] = await Promise.all([
    adb(s.db).selectFrom('assessment_nodes').select(['id', 'parent_id', 'code', 'title', 'level', 'sort_order', 'points', 'method']).where('system_id', '=', round.system_id).execute(),
    adb(s.db).selectFrom('assessment_scores').select(['org_id', 'node_id', 'score', 'status', 'self_score', 'self_note', 'review_score', 'review_note']).where('round_id', '=', roundId).execute(),
    s.db.selectFrom('orgs').select('name').where('id', '=', round.org_id).executeTakeFirstOrThrow(),
  ]);
  return { round, nodes, scores, office: office.name };
}
export type RoundData = Awaited<ReturnType<typeof roundData>>;

/**
 * The ranking: as published, or — while the round is open — the results so far, computed
 * from the leaves scored until now the way publication will (pending leaves left out).
 */
export function rankingOf({ round, nodes, scores }: RoundData): Dashboard['ranking'] {
  const members = round.orgs;
  const live = round.status === 'open' ? new Map(provisionalResults(nodes, scores, members.map((m) => m.org_id), round.cutoffs as Cutoffs).map((r) => [r.orgId, r])) : null;
  const rows = members.map((m) => {
    const p = live?.get(m.org_id);
    const base = { orgId: m.org_id, orgName: m.org_name, category: m.assessment_category, status: m.status };
    if (p) return { ...base, score: p.percent == null ? null : p.score, max: p.percent == null ? null : p.max, percent: p.percent, grade: p.grade, rank: p.rank, vetoed: p.vetoed, reasons: p.reasons, pending: p.pending };
    return { ...base, score: num(m.score), max: num(m.max), percent: num(m.percent), grade: m.grade as Grade | null, rank: m.rank, vetoed: m.vetoed, reasons: m.reasons ?? [], pending: 0 };
  });
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

/**
 * 考核分析: distribution of grades and percents, the ranking, each organisation's percent in
 * each level-1 indicator, the weakest leaves across the organisations, and each
 * organisation's percent in the earlier published rounds of the same office.
 */
export async function roundDashboard(s: Services, actor: Actor, roundId: number): Promise<Dashboard> {
  const data = await roundData(s, actor, roundId);
  const { round, nodes, scores, office } = data;
  const open = round.status === 'open';
  const ranking = rankingOf(data);
  const orgIds = ranking.map((r) => r.orgId);

  // The same office's earlier published rounds; the office's scope is the caller's already.
  const earlier = await adb(s.db)
    .selectFrom('assessment_rounds')
    .select(['id', 'name', 'year'])
    .where('org_id', '=', round.org_id)
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('year', '<', round.year), eb.and([eb('year', '=', round.year), eb('id', '<', round.id)])]))
    .execute();
  const past = earlier.length && orgIds.length ? await adb(s.db).selectFrom('assessment_round_orgs').select(['round_id', 'org_id', 'percent']).where('round_id', 'in', earlier.map((r) => r.id)).where('org_id', 'in', orgIds).execute() : [];

  const pending = ranking.reduce((a, r) => a + r.pending, 0);
  return {
    round: { id: round.id, name: round.name, year: round.year, status: round.status, published_on: round.published_on, office },
    provisional: open ? [...PROVISIONAL_PARTS] : [],
    notice: open ? `本轮考核尚未公布：得分、等次、排名和各项指标得分率是依据目前已计分的指标得出的临时结果${pending ? `（尚有 ${pending} 项指标未计分）` : ''}，公布时以审核后的得分为准；趋势图中往年为已公布的结果。` : null,
    distribution: distribution(ranking),
    ranking,
    indicators: levelOneRollup(nodes, scores, orgIds),
    weakest: weakestLeaves(nodes, scores, 10),
    trend: trendSeries(round, earlier, ranking, past, new Map(ranking.map((r) => [r.orgId, r.percent]))),
  };
}
