/**
 * The records behind a computed indicator (drill-down) and the proof that a round's scores
 * follow from what it stored (reproducibility, issue 5): the values, the rules and the
 * records counted are kept with each score, so a score can be explained and recomputed.
 */
import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import type { MetricDefinition, MetricRecordRow, MetricScope } from '../../core/metrics/types.ts';
import { badInput, notFound } from '../../core/http/errors.ts';
import { assertOrgInScope } from '../../core/policy/scope.ts';
import { adb } from './schema.ts';
import { ROUND, sheetReader } from './access.ts';
import { scoreMetric, scoreRank, type MetricRule, type RankRule, type ScoringRule } from './scoring.ts';
import type { RecordsQuery } from './contract.ts';

/** Every record id behind a metric value and those in its numerator, in one query. */
export async function recordSnapshot(db: Db | Tx, m: MetricDefinition, scope: MetricScope) {
  const { rows } = await sql<{ ids: number[]; counted: number[] }>`
    select coalesce(array_agg(r.entity_id order by r.entity_id), '{}') as ids,
           coalesce(array_agg(r.entity_id order by r.entity_id) filter (where r.counted), '{}') as counted
    from (${m.records(scope)}) r`.execute(db);
  return rows[0];
}

const subtreeOf = async (db: Db, orgId: number) => {
  const o = await db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  return (await db.selectFrom('orgs').select('id').where('path', 'like', `${o.path}%`).execute()).map((r) => r.id);
};

/**
 * A page of the records behind one organisation's indicator. While the round is open they are
 * read live; once published, the ids frozen at the last computation are listed with the
 * labels the records have today (a record since deleted shows its id only).
 */
export async function indicatorRecords(s: Services, actor: Actor, roundId: number, q: Static<typeof RecordsQuery>) {
  const round = await adb(s.db).selectFrom('assessment_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  if (!round) throw notFound(ROUND);
  await sheetReader(s.db, actor, round, q.orgId);
  const row = await adb(s.db)
    .selectFrom('assessment_scores as sc')
    .innerJoin('assessment_nodes as n', 'n.id', 'sc.node_id')
    .select(['n.code', 'n.title', 'n.metric_code', 'n.method', 'sc.record_ids', 'sc.counted_ids', 'sc.computed_at', 'sc.metric_value', 'sc.numerator', 'sc.denominator'])
    .where('sc.round_id', '=', roundId)
    .where('sc.org_id', '=', q.orgId)
    .where('sc.node_id', '=', q.nodeId)
    .executeTakeFirst();
  if (!row) throw notFound({ zh: '考核指标', en: 'Indicator' }, 'nodeId');
  const m = row.method === 'metric' && row.metric_code ? s.registry.metrics.get(row.metric_code) : undefined;
  if (!m) throw badInput('no_records', 'nodeId', { zh: '该指标不由指标数据计算，没有可查看的统计记录', en: 'This indicator is not computed from records' });
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const scope = { orgIds: await subtreeOf(s.db, q.orgId), from: round.period_from, to: round.period_to };
  const live = m.records(scope);
  const counted = q.counted == null ? sql`true` : sql`r.counted = ${q.counted}`;
  let total: number;
  let items: MetricRecordRow[];
  if (round.status === 'published') {
    // The frozen list decides what counted; the live query only lends today's labels.
    const frozen = sql`select f.id as entity_id, f.id = any(${row.counted_ids ?? []}::int[]) as counted from unnest(${row.record_ids ?? []}::int[]) as f(id)`;
    total = (await sql<{ n: number }>`select count(*)::int as n from (${frozen}) r where ${counted}`.execute(s.db)).rows[0].n;
    items = (
      await sql<MetricRecordRow>`select r.entity_id, r.counted, coalesce(l.label, '记录 #' || r.entity_id) as label, l.on_date, l.note
        from (${frozen}) r left join (${live}) l on l.entity_id = r.entity_id
        where ${counted} order by r.counted, r.entity_id limit ${limit} offset ${offset}`.execute(s.db)
    ).rows;
  } else {
    total = (await sql<{ n: number }>`select count(*)::int as n from (${live}) r where ${counted}`.execute(s.db)).rows[0].n;
    items = (await sql<MetricRecordRow>`select * from (${live}) r where ${counted} order by r.counted, r.on_date nulls last, r.entity_id limit ${limit} offset ${offset}`.execute(s.db)).rows;
  }
  return {
    indicator: { code: row.code, title: row.title, metric: { code: m.code, name: m.name.zh, unit: m.unit, description: m.description.zh }, value: row.metric_value, numerator: row.numerator, denominator: row.denominator, computedAt: row.computed_at },
    frozen: round.status === 'published',
    recordType: m.recordType,
    recordPath: m.recordPath ?? null,
    total,
    offset,
    items,
  };
}

/**
 * Recomputes every metric score of the round from what it stored — the value and the rule
 * snapshot — and checks the stored record lists against the stored numerator and
 * denominator. A published round whose scores cannot be reproduced shows its differences.
 */
export async function verifyRound(s: Services, actor: Actor, roundId: number) {
  const round = await adb(s.db).selectFrom('assessment_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  if (!round) throw notFound(ROUND);
  await assertOrgInScope(s.db, actor, 'assessment.read', round.org_id, ROUND);
  const rows = await adb(s.db)
    .selectFrom('assessment_scores')
    .select(['org_id', 'node_id', 'metric_value', 'numerator', 'denominator', 'score', 'status', 'rule_snapshot', 'record_ids', 'counted_ids'])
    .where('round_id', '=', roundId)
    .where('computed_at', 'is not', null)
    .execute();
  const differences: { orgId: number; nodeId: number; problem: string }[] = [];
  type Snap = { points: number; rule: ScoringRule; metric: { unit: string; higherIsBetter: boolean } | null };
  const byNode = new Map<number, typeof rows>();
  for (const r of rows) if ((r.rule_snapshot as Snap | null)?.metric) byNode.set(r.node_id, [...(byNode.get(r.node_id) ?? []), r]);
  let checked = 0;
  for (const [nodeId, group] of byNode) {
    const snap = group[0].rule_snapshot as Snap;
    const unit = snap.metric!.unit === 'percent' ? '%' : '';
    const value = (r: (typeof rows)[number]) => (r.metric_value == null ? null : Number(r.metric_value));
    // A rank depends on the peers' values: recompute it over the whole group, as computeRound did.
    const again =
      snap.rule.kind === 'rank'
        ? scoreRank(group.map((r) => ({ orgId: r.org_id, value: value(r) })), snap.rule as RankRule, snap.points, snap.metric!.higherIsBetter, unit)
        : new Map(group.map((r) => [r.org_id, scoreMetric(snap.rule as MetricRule, value(r), snap.points, snap.metric!.higherIsBetter, unit)]));
    for (const r of group) {
      checked++;
      const a = again.get(r.org_id)!;
      const stored = r.score == null ? null : Number(r.score);
      if (a.status !== r.status || (a.score ?? null) !== stored) differences.push({ orgId: r.org_id, nodeId, problem: `存储得分 ${stored ?? '—'}，按存储的规则重算为 ${a.score ?? '—'}` });
      const ids = r.record_ids?.length ?? 0;
      const counted = r.counted_ids?.length ?? 0;
      if (snap.metric!.unit === 'percent' && r.denominator != null && (Number(r.denominator) !== ids || Number(r.numerator) !== counted)) differences.push({ orgId: r.org_id, nodeId, problem: `存储的记录 ${counted}/${ids} 条与分子分母 ${r.numerator}/${r.denominator} 不一致` });
    }
  }
  return { roundId, status: round.status, frozen: round.frozen, checked, differences };
}
