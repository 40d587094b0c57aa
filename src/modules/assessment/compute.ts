/**
 * Computing a round: each metric leaf for every assessed organisation (with its subtree) in
 * one grouped query over the metric's records, and every score written in bulk — a province
 * round is thousands of organisations × the leaves of the system (issue 5's benchmark).
 */
import { sql } from 'kysely';
import type { Tx } from '../../core/db/client.ts';
import type { MetricDefinition, MetricValue } from '../../core/metrics/types.ts';
import { rate } from '../../core/metrics/define.ts';
import { recordSnapshot } from './drilldown.ts';
import { satisfactionThreshold, surveyPercentFor } from './surveys.ts';
import { scoreManual, scoreMetric, scoreRank, scoreSurvey, type LeafResult, type MetricRule, type RankRule, type ScoringRule } from './scoring.ts';
import type { AssessmentNodeTable } from './schema.ts';
import type { Selectable } from 'kysely';

type Leaf = Selectable<AssessmentNodeTable>;
export interface Period {
  from: string;
  to: string;
}

/**
 * The value of `m` for each organisation of `subtrees` (organisation → itself and the
 * organisations below it), storing with each score the ids of the records behind it.
 */
async function metricValues(tx: Tx, roundId: number, leaf: Leaf, m: MetricDefinition, subtrees: Map<number, number[]>, period: Period): Promise<Map<number, MetricValue>> {
  const values = new Map<number, MetricValue>();
  const orgs: number[] = [];
  const assessed: number[] = [];
  for (const [orgId, ids] of subtrees) for (const o of ids) orgs.push(o), assessed.push(orgId);
  if (m.valueFromRecords) {
    const union = [...new Set(orgs)];
    await sql`update assessment_scores set record_ids = '{}', counted_ids = '{}' where round_id = ${roundId} and node_id = ${leaf.id}`.execute(tx);
    // One pass over the records of every assessed subtree; an organisation inside two assessed
    // subtrees counts for both, as computing each alone would. `offset 0` fences the records so
    // that `counted` (often a subquery) is evaluated once per record, not once per record and
    // assessed ancestor, and the labels and notes the drill-down shows are not computed at all.
    const { rows } = await sql<{ org_id: number; total: number; hit: number }>`
      with g as (
        select a.assessed as org_id, count(*)::int as total, count(*) filter (where r.counted)::int as hit,
               array_agg(r.entity_id order by r.entity_id) as ids,
               coalesce(array_agg(r.entity_id order by r.entity_id) filter (where r.counted), '{}') as counted
        from (select r0.entity_id, r0.org_id, r0.counted from (${m.records({ orgIds: union, from: period.from, to: period.to })}) r0 offset 0) r
        join unnest(${orgs}::int[], ${assessed}::int[]) as a(org_id, assessed) on a.org_id = r.org_id
        group by a.assessed)
      update assessment_scores sc set record_ids = g.ids, counted_ids = g.counted
      from g where sc.round_id = ${roundId} and sc.node_id = ${leaf.id} and sc.org_id = g.org_id
      returning sc.org_id, g.total, g.hit`.execute(tx);
    const found = new Map(rows.map((r) => [r.org_id, r]));
    for (const orgId of subtrees.keys()) {
      const r = found.get(orgId) ?? { total: 0, hit: 0 };
      values.set(orgId, m.unit === 'percent' ? rate(r) : { value: r.hit });
    }
    return values;
  }
  for (const [orgId, ids] of subtrees) {
    const scope = { orgIds: ids, from: period.from, to: period.to };
    values.set(orgId, await m.compute(tx as never, scope));
    const rec = await recordSnapshot(tx, m, scope);
    await sql`update assessment_scores set record_ids = ${rec.ids}::int[], counted_ids = ${rec.counted}::int[] where round_id = ${roundId} and node_id = ${leaf.id} and org_id = ${orgId}`.execute(tx);
  }
  return values;
}

/** Writes many leaf results in one statement; a row whose result is unchanged is not rewritten. */
export async function storeResults(tx: Tx, roundId: number, results: { orgId: number; nodeId: number; r: LeafResult }[]) {
  const CHUNK = 5000;
  for (let i = 0; i < results.length; i += CHUNK) {
    const part = results.slice(i, i + CHUNK);
    await sql`update assessment_scores sc set score = v.score, status = v.status, explanation = v.explanation
      from unnest(${part.map((p) => p.orgId)}::int[], ${part.map((p) => p.nodeId)}::int[], ${part.map((p) => p.r.score)}::numeric[], ${part.map((p) => p.r.status)}::text[], ${part.map((p) => p.r.explanation)}::text[]) as v(org_id, node_id, score, status, explanation)
      where sc.round_id = ${roundId} and sc.org_id = v.org_id and sc.node_id = v.node_id
        and (sc.score, sc.status, sc.explanation) is distinct from (v.score, v.status, v.explanation)`.execute(tx);
  }
}

/**
 * Computes and scores one metric leaf for all organisations: values, numerators and
 * denominators with the time and the record ids, then the score by the leaf's rule (a rank
 * over all of them). Returns how many values were computed.
 */
export async function computeMetricLeaf(tx: Tx, roundId: number, leaf: Leaf, m: MetricDefinition | undefined, subtrees: Map<number, number[]>, period: Period, now: Date) {
  const values = m ? await metricValues(tx, roundId, leaf, m, subtrees, period) : new Map([...subtrees.keys()].map((o) => [o, { value: null } as MetricValue]));
  const orgIds = [...values.keys()];
  const v = orgIds.map((o) => values.get(o)!);
  await sql`update assessment_scores sc set metric_value = v.value, numerator = v.num, denominator = v.den, computed_at = ${now}, record_type = ${m?.recordType ?? null}
    from unnest(${orgIds}::int[], ${v.map((x) => x.value)}::numeric[], ${v.map((x) => x.numerator ?? null)}::numeric[], ${v.map((x) => x.denominator ?? null)}::numeric[]) as v(org_id, value, num, den)
    where sc.round_id = ${roundId} and sc.node_id = ${leaf.id} and sc.org_id = v.org_id`.execute(tx);
  const rule = leaf.rule as ScoringRule;
  const points = Number(leaf.points);
  const unit = m?.unit === 'percent' ? '%' : '';
  const list = orgIds.map((orgId) => ({ orgId, value: values.get(orgId)!.value }));
  const results = rule.kind === 'rank' ? scoreRank(list, rule as RankRule, points, m?.higherIsBetter ?? true, unit) : new Map(list.map((x) => [x.orgId, scoreMetric(rule as MetricRule, x.value, points, m?.higherIsBetter ?? true, unit)]));
  await storeResults(tx, roundId, [...results].map(([orgId, r]) => ({ orgId, nodeId: leaf.id, r })));
  return orgIds.length;
}

/** A survey leaf's satisfaction for one organisation, when a survey of the round feeds it. */
export type SurveyLookup = (orgId: number, leaf: Leaf) => Promise<LeafResult | null>;

/**
 * Survey leaves of a round score from the survey linked to them: the satisfaction percentage
 * against the threshold parameter (seed 000 §9(三)2), read once per lookup.
 */
export function surveyLookup(tx: Tx, round: { id: number; region_code: string; period_to: string }): SurveyLookup {
  let target: number | undefined;
  return async (orgId, leaf) => {
    const sv = await surveyPercentFor(tx, round.id, leaf.id, orgId);
    if (!sv) return null;
    target ??= (await satisfactionThreshold(tx, round.region_code, round.period_to)).value;
    const { shortfall, ...r } = scoreSurvey(sv.percent, target, Number(leaf.points));
    return { ...r, explanation: `${r.explanation}（${sv.responses} 份答卷${shortfall ? `，低于 ${target}% 的满意度要求` : ''}）` } as LeafResult;
  };
}

/**
 * Manual leaves score from the reviewer, else the self-assessment; a survey leaf from its
 * survey; a veto leaf (一票否决) carries no points: its self or review value 1 means the
 * condition occurred. For the given organisations, written in bulk.
 */
export async function scoreSheetLeaves(tx: Tx, roundId: number, orgIds: number[], leaves: Leaf[], survey: SurveyLookup) {
  const byId = new Map(leaves.map((l) => [l.id, l]));
  const rows = await sql<{ org_id: number; node_id: number; self_score: string | null; review_score: string | null; self_note: string | null; review_note: string | null }>`
    select org_id, node_id, self_score, review_score, self_note, review_note from assessment_scores
    where round_id = ${roundId} and org_id = any(${orgIds}::int[]) and node_id = any(${leaves.filter((l) => l.method === 'manual' || l.method === 'survey' || l.method === 'veto').map((l) => l.id)}::int[])`.execute(tx);
  const out: { orgId: number; nodeId: number; r: LeafResult }[] = [];
  for (const row of rows.rows) {
    const leaf = byId.get(row.node_id)!;
    const num = (x: string | null) => (x == null ? null : Number(x));
    let r: LeafResult;
    if (leaf.method === 'manual') r = scoreManual({ self: num(row.self_score), reviewer: num(row.review_score) }, Number(leaf.points));
    else if (leaf.method === 'survey') r = (await survey(row.org_id, leaf)) ?? { status: 'not_applicable', score: null, explanation: '本轮尚无该单位的满意度调查结果，不计入' };
    else {
      const triggered = Number(row.review_score ?? row.self_score ?? 0) === 1;
      r = { status: 'not_applicable', score: null, explanation: triggered ? `一票否决：${row.review_note ?? row.self_note ?? ''}` : '未发生一票否决情形' };
    }
    out.push({ orgId: row.org_id, nodeId: row.node_id, r });
  }
  await storeResults(tx, roundId, out);
}
