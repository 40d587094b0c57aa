import fs from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { sql, type CompiledQuery, type Selectable } from 'kysely';
import { makeEnv, TEST_DATABASE_URL, type Client, type TestEnv } from '../../test/helpers.ts';
import { DEMO_PASSWORD } from '../../src/core/demo/demo.ts';
import { createUserTx } from '../../src/core/users/service.ts';
import { SYSTEM_ACTOR } from '../../src/core/audit/audit.ts';
import { actorFromToken } from '../../src/core/auth/session.ts';
import { addCalendarDays } from '../../src/modules/normative-docs/validity.ts';
import type { MetricDefinition } from '../../src/core/metrics/types.ts';
import { createFromTemplate, getSystem, publishSystem, updateNode } from '../../src/modules/assessment/systems.ts';
import { computeMetricLeaf } from '../../src/modules/assessment/compute.ts';
import { adb, type AssessmentNodeTable } from '../../src/modules/assessment/schema.ts';
import type { ScoringRule } from '../../src/modules/assessment/scoring.ts';
import { generateProvince } from '../generate/province.ts';
import { generateEnforcementData } from '../generate/enforcement.ts';
import { generateNormativeDocuments } from '../generate/normative.ts';
import { captureQueries, explain, pollQuery } from './enforcement.ts';

/**
 * A province assessment round on PostgreSQL (issue 5): a generated province of about `orgs`
 * organisations (../generate/province.ts with enough cities and counties), `cases`
 * enforcement cases (../generate/enforcement.ts) and `documents` normative documents issued
 * by the province's organisations (../generate/normative.ts); an indicator system from the
 * seed-000 template with one leaf linked to each registered metric (threshold for rates,
 * deduction for counts where fewer is better, rank for enforcement.cases_decided and the
 * certified-officer ratio), published; a round over every generated organisation (each has
 * an assessment category), its period the span of the generated cases so every case counts.
 *  - Round creation (POST /api/assessment/rounds) once, timed apart.
 *  - Measured: POST /api/assessment/rounds/:id/compute as the assessment office, a warm-up
 *    then `reps` repetitions: seconds end to end, the values computed, the score rows it
 *    rewrote (n_tup_upd), and what the database was doing (sampled every 100 ms). Before
 *    each, untimed, VACUUM ANALYZE of assessment_scores (what autovacuum would do between
 *    two computes; the test server runs without it). BENCH_KEEP_SCHEMA=1 keeps the schema.
 *  - Ceiling, pair by pair with each rep: one plain sequential scan — count(*) with index,
 *    index-only and bitmap scans disabled — of every table named in a FROM / JOIN of the
 *    metrics' records SQL, summed; ratio round / scan.
 *  - Once after the reps, in a transaction rolled back: each metric leaf computed as the
 *    service does (computeMetricLeaf), timed, so the share of the round spent on the metric
 *    leaves and the slowest of them are known; EXPLAIN (ANALYZE, BUFFERS) of the slowest
 *    grouped query, captured from the service itself.
 * The HTTP requests go through node:http without a timeout (fetch gives up after 300 s).
 */

export interface AssessmentBenchOptions {
  reps: number;
  cases: number;
  documents: number;
  /** Organisations of the generated province, about (default 2,000). */
  orgs?: number;
}

type Leaf = Selectable<AssessmentNodeTable>;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const log = (msg: string) => process.stderr.write(`[assessment] ${msg}\n`);
const secondsSince = (t: number) => (performance.now() - t) / 1000;

/** POST with the session of `c`, waiting as long as it takes. */
function post(baseUrl: string, c: Client, path: string, body: unknown = {}): Promise<{ status: number; body: string }> {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (x: Buffer) => chunks.push(x));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
async function postOk<T>(baseUrl: string, c: Client, path: string, body?: unknown): Promise<T> {
  const r = await post(baseUrl, c, path, body);
  if (r.status !== 200) throw new Error(`POST ${path}: ${r.status} ${r.body.slice(0, 500)}`);
  return JSON.parse(r.body) as T;
}

/** Cities and counties for about `orgs` organisations: 2 provincial + 10 per city or county, at most 18 cities. */
function provinceShape(orgs: number) {
  const units = Math.max(2, Math.round((orgs - 2) / 10));
  const cities = Math.min(18, Math.max(1, Math.ceil(units / 11)));
  return { cities, counties: units - cities };
}

/** A valid rule for `m` on a leaf of `points`: threshold for rates, deduction for counts where fewer is better, rank otherwise. */
function ruleFor(m: MetricDefinition, points: number): ScoringRule {
  const cent = (x: number) => Math.max(0.01, Math.round(x * 100) / 100);
  if (m.code === 'enforcement.certified_officer_ratio' || m.code === 'enforcement.cases_decided') return { kind: 'rank', first: points, step: cent(points / 100), floor: 0 };
  if (m.unit === 'percent') return { kind: 'threshold', target: m.higherIsBetter ? 95 : 5 };
  if (!m.higherIsBetter) return { kind: 'deduction', perItem: cent(points / 20), floor: 0 };
  return { kind: 'threshold', target: 90 };
}

/** The tables named in FROM / JOIN of the metrics' records SQL that exist in the schema. */
async function metricTables(env: TestEnv, schema: string, metrics: MetricDefinition[]) {
  const names = new Set<string>();
  for (const m of metrics) {
    const text = m.records({ orgIds: [1], from: '2000-01-01', to: '2000-12-31' }).compile(env.s.db).sql;
    for (const x of text.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_]*)/gi)) names.add(x[1].toLowerCase());
  }
  const existing = (await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = ${schema}`.execute(env.s.db)).rows.map((r) => r.t);
  return existing.filter((t) => names.has(t)).sort();
}

/** One plain sequential scan of each table (count(*), index scans off), one connection: seconds per table and in all. */
async function seqScan(schema: string, tables: string[]) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query('set enable_indexscan = off; set enable_bitmapscan = off; set enable_indexonlyscan = off');
    const perTable: Record<string, { rows: number; seconds: number }> = {};
    let total = 0;
    for (const t of tables) {
      const t0 = performance.now();
      const r = await client.query(`select count(*)::bigint as n from "${t}"`);
      const seconds = secondsSince(t0);
      total += seconds;
      perTable[t] = { rows: Number(r.rows[0].n), seconds: round(seconds, 3) };
    }
    return { seconds: total, perTable };
  } finally {
    await client.end();
  }
}

/**
 * Every 100 ms, what the database is doing for the app: the statement of each active client
 * backend (its first words, parameters as ?; a grouped metric query as such; a statement
 * over a metric's records — ' as entity_id' or an average — as a metric query), or
 * 'idle in transaction' (the app working between statements). Cheap sampling of the real
 * request path: shares of the samples per kind.
 */
function sampleActivity(schema: string) {
  const counts = new Map<string, number>();
  const kindOf = (state: string, q: string) => {
    if (state !== 'active') return state;
    const t = q.replace(/\s+/g, ' ').trim();
    if (/^with g as/i.test(t)) return 'metric: grouped query (with g as …)';
    if (/ as entity_id|round\(avg\(/i.test(t)) return `metric: ${t.replace(/\$\d+/g, '?').slice(0, 48)}`;
    return t.replace(/\$\d+/g, '?').slice(0, 60);
  };
  const poll = pollQuery(schema, 100, `select state, query from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')`, (rows) => {
    for (const row of rows) {
      const k = kindOf(row.state, row.query);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  });
  return {
    async stop() {
      const n = Math.max(1, await poll.stop());
      const shares = Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([k, c]) => [k, round(c / n, 3)]));
      const metricShare = round([...counts].filter(([k]) => k.startsWith('metric:')).reduce((a, [, c]) => a + c, 0) / n, 3);
      return { samples: n, metricShare, shares };
    },
  };
}

class Rollback extends Error {}

export async function runAssessmentBench(opts: AssessmentBenchOptions) {
  const env = await makeEnv('postgres');
  try {
    const s = env.s;
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(s.db)).rows[0].s;
    // ── data ──
    const shape = provinceShape(opts.orgs ?? 2000);
    const province = await generateProvince(s, shape);
    const provinceOrgs = [...province.orgsByLevel.province, ...province.orgsByLevel.city, ...province.orgsByLevel.county];
    const gen = await generateEnforcementData(s, province, opts.cases, { seed: 20261124, label: 'assessment' });
    const docs = await generateNormativeDocuments(s, opts.documents, { seed: 20260101, expiredShare: 0.02, reminderShare: 0.03, label: 'assessment', issuerOrgIds: provinceOrgs });
    await sql`analyze orgs`.execute(s.db);

    // ── the assessment office of the province and its system ──
    const roleId = (await s.db.selectFrom('roles').select('id').where('code', '=', 'assessment_office').executeTakeFirstOrThrow()).id;
    const gov = province.province.governmentId;
    await s.tx((tx) => createUserTx(s, tx, SYSTEM_ACTOR, { username: 'bench_assessor', displayName: '压测考核办', orgId: gov, password: DEMO_PASSWORD, grants: [{ roleId, orgId: gov, scope: 'region' }] }));
    const office = await env.login('bench_assessor');
    const actor = (await actorFromToken(s, decodeURIComponent(office.cookie.split('=')[1])))!;
    const today = s.today();
    const year = Number(today.slice(0, 4));
    const t0 = performance.now();
    const sys = await createFromTemplate(s, actor, { year, name: `${year}年度全省法治政府建设考核指标体系（压测）`, totalPoints: 1000 });
    const leaves = (await adb(s.db).selectFrom('assessment_nodes').selectAll().where('system_id', '=', sys.id).orderBy('level').orderBy('sort_order').execute()).filter((n) => n.method === 'manual');
    const metrics = [...s.registry.metrics.values()];
    if (leaves.length < metrics.length) throw new Error(`${leaves.length} leaves for ${metrics.length} metrics`);
    const linked: { leaf: number; metric: string; rule: ScoringRule }[] = [];
    for (const [i, m] of metrics.entries()) {
      const leaf = leaves[Math.floor((i * leaves.length) / metrics.length)];
      const rule = ruleFor(m, Number(leaf.points));
      await updateNode(s, actor, leaf.id, { method: 'metric', metricCode: m.code, rule });
      linked.push({ leaf: leaf.id, metric: m.code, rule });
    }
    await publishSystem(s, actor, sys.id, (await getSystem(s, actor, sys.id)).version);
    log(`system ${sys.id}: ${leaves.length} leaves, ${metrics.length} linked to metrics (${linked.filter((l) => l.rule.kind === 'rank').length} rank, ${linked.filter((l) => l.rule.kind === 'threshold').length} threshold, ${linked.filter((l) => l.rule.kind === 'deduction').length} deduction), published in ${secondsSince(t0).toFixed(1)} s`);

    // ── the round: every generated organisation with an assessment category ──
    const assessed = (await s.db.selectFrom('orgs').select('id').where('id', 'in', provinceOrgs).where('assessment_category', 'is not', null).orderBy('path').execute()).map((o) => o.id);
    const period = { from: addCalendarDays(today, -730), to: today };
    const t1 = performance.now();
    const created = await postOk<{ id: number; assessed: number }>(env.baseUrl, office, '/api/assessment/rounds', { systemId: sys.id, orgIds: assessed, periodFrom: period.from, periodTo: period.to, selfDue: addCalendarDays(today, 30), reviewDue: addCalendarDays(today, 60) });
    const createSeconds = secondsSince(t1);
    const scores = Number((await sql<{ n: string }>`select count(*) as n from assessment_scores where round_id = ${created.id}`.execute(s.db)).rows[0].n);
    log(`round ${created.id}: ${created.assessed} organisations (of ${province.orgs} generated), ${scores.toLocaleString('en')} score rows, period ${period.from} – ${period.to}; created in ${createSeconds.toFixed(1)} s`);
    await sql`analyze assessment_scores`.execute(s.db);
    await sql`analyze assessment_round_orgs`.execute(s.db);

    // ── measured: the compute, each rep paired with the sequential scan ──
    const tables = await metricTables(env, schema, metrics);
    log(`ceiling tables (FROM / JOIN of the metrics' records): ${tables.join(', ')}`);
    const out = { roundSeconds: [] as number[], scanSeconds: [] as number[], ratio: [] as number[], metricQueryShare: [] as number[], scoreRowsRewritten: [] as number[] };
    const activity: Awaited<ReturnType<ReturnType<typeof sampleActivity>['stop']>>[] = [];
    let computed = 0;
    let scanPerTable: Awaited<ReturnType<typeof seqScan>>['perTable'] = {};
    // The test server may run without autovacuum: every compute rewrites the round's score rows,
    // so they are vacuumed before each rep (not timed), as autovacuum would between two computes.
    const scoreWrites = async () => Number((await sql<{ n: string }>`select n_tup_upd as n from pg_stat_user_tables where relid = 'assessment_scores'::regclass`.execute(s.db)).rows[0].n);
    for (let rep = 0; rep <= opts.reps; rep++) {
      await sql`vacuum analyze assessment_scores`.execute(s.db);
      const writes0 = await scoreWrites();
      const sampler = sampleActivity(schema);
      const t = performance.now();
      const r = await postOk<{ computed: number; organisations: number }>(env.baseUrl, office, `/api/assessment/rounds/${created.id}/compute`);
      const roundSeconds = secondsSince(t);
      const act = await sampler.stop();
      computed = r.computed;
      await new Promise((res) => setTimeout(res, 1100)); // backends flush their table counters at most once a second
      const writes = (await scoreWrites()) - writes0;
      const scan = await seqScan(schema, tables);
      scanPerTable = scan.perTable;
      log(`${rep === 0 ? 'warm-up' : `rep ${rep}`}: compute ${roundSeconds.toFixed(1)} s (${r.computed.toLocaleString('en')} values, ${r.organisations} organisations, ${writes.toLocaleString('en')} score rows rewritten); sequential scan ${scan.seconds.toFixed(2)} s; ratio ${(roundSeconds / scan.seconds).toFixed(1)}; database activity (${act.samples} samples): metric queries ${(act.metricShare * 100).toFixed(0)} %, ${Object.entries(act.shares)
          .slice(0, 6)
          .map(([k, v]) => `${k} ${(v * 100).toFixed(0)} %`)
          .join('; ')}`);
      if (rep === 0) continue;
      activity.push(act);
      out.metricQueryShare.push(act.metricShare);
      out.scoreRowsRewritten.push(writes);
      out.roundSeconds.push(round(roundSeconds));
      out.scanSeconds.push(round(scan.seconds, 3));
      out.ratio.push(round(roundSeconds / scan.seconds));
    }

    // ── where the time goes: each metric leaf as the service computes it, rolled back ──
    const metricLeaves = await adb(s.db).selectFrom('assessment_nodes').selectAll().where('system_id', '=', sys.id).where('method', '=', 'metric').orderBy('level').orderBy('sort_order').execute();
    const subtrees = new Map(
      (await sql<{ id: number; ids: number[] }>`select a.org_id as id, array_agg(o.id order by o.id) as ids from assessment_round_orgs a join orgs p on p.id = a.org_id join orgs o on o.path like p.path || '%' where a.round_id = ${created.id} group by a.org_id`.execute(s.db)).rows.map((r) => [r.id, r.ids]),
    );
    const pairs = [...subtrees.values()].reduce((a, x) => a + x.length, 0);
    const perLeaf: { metric: string; grouped: boolean; seconds: number }[] = [];
    let tProfile = 0;
    const captured = await captureQueries(env, schema, async (ls) => {
      await ls.db
        .transaction()
        .execute(async (tx) => {
          const tp = performance.now();
          for (const leaf of metricLeaves as Leaf[]) {
            const m = s.registry.metrics.get(leaf.metric_code!)!;
            const t = performance.now();
            await computeMetricLeaf(tx as never, created.id, leaf, m, subtrees, period, s.now());
            perLeaf.push({ metric: m.code, grouped: !!m.valueFromRecords, seconds: round(secondsSince(t), 3) });
          }
          tProfile = secondsSince(tp);
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
    });
    const leafSeconds = perLeaf.reduce((a, x) => a + x.seconds, 0);
    const medianRound = [...out.roundSeconds].sort((a, b) => a - b)[Math.floor(out.roundSeconds.length / 2)];
    const byTime = [...perLeaf].sort((a, b) => b.seconds - a.seconds);
    log(`metric leaves (computeMetricLeaf, ${pairs.toLocaleString('en')} organisation × subtree pairs): ${leafSeconds.toFixed(1)} s in all, ${((leafSeconds / medianRound) * 100).toFixed(0)} % of the median round; slowest ${byTime
      .slice(0, 6)
      .map((x) => `${x.metric}${x.grouped ? '' : ' (per organisation)'} ${x.seconds.toFixed(1)} s`)
      .join(', ')}`);

    // EXPLAIN of the slowest grouped metric's query, as compute.ts built it (k-th grouped query ↔ k-th grouped leaf).
    const groupedQueries = captured.filter((q) => /with g as/i.test(q.sql));
    const groupedLeaves = perLeaf.filter((x) => x.grouped);
    const slowest = byTime.find((x) => x.grouped);
    let plan: string[] = [];
    let slowestSql: CompiledQuery | undefined;
    if (slowest && groupedQueries.length === groupedLeaves.length) {
      slowestSql = groupedQueries[groupedLeaves.indexOf(slowest)];
      // Lines cut at 300 characters: the filters carry the 2,000 organisation ids.
      plan = (await explain(schema, slowestSql, { rollback: true })).map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l));
      log(`EXPLAIN (ANALYZE, BUFFERS) of the grouped query of ${slowest.metric}:\n${plan.join('\n')}`);
    } else log(`grouped queries captured ${groupedQueries.length} ≠ grouped leaves ${groupedLeaves.length}: no EXPLAIN`);

    return {
      workload: `assessment: a round over ${created.assessed.toLocaleString('en')} organisations × ${metrics.length} metric leaves (of ${leaves.length}), ${opts.cases.toLocaleString('en')} cases, ${opts.documents.toLocaleString('en')} documents; POST /api/assessment/rounds/:id/compute end to end; ceiling: one sequential scan (count(*)) of the metrics' tables, same rep`,
      ...out,
      roundCreateSeconds: [round(createSeconds)],
      organisations: [created.assessed],
      valuesComputed: [computed],
      metricLeafSeconds: [round(leafSeconds)],
      metricShareOfRound: [round(leafSeconds / medianRound)],
      genCasesSeconds: [round(gen.seconds + gen.setupSeconds + gen.analyzeSeconds, 1)],
      genDocumentsSeconds: [round(docs.seconds + docs.analyzeSeconds, 1)],
      province: { ...shape, orgs: province.orgs, regions: province.regions, enforcementDepartments: province.enforcementDepartments.length },
      period,
      system: { id: sys.id, leaves: leaves.length, linked },
      round: { id: created.id, organisations: created.assessed, scoreRows: scores, subtreePairs: pairs },
      scanTables: scanPerTable,
      activity,
      perMetricSeconds: perLeaf,
      profileSeconds: round(tProfile),
      slowestGrouped: slowest ? { metric: slowest.metric, seconds: slowest.seconds, sql: slowestSql?.sql ?? null } : null,
      explain: plan.slice(0, 40),
      generation: { enforcement: gen, normative: docs },
    };
  } finally {
    // BENCH_KEEP_SCHEMA=1 leaves the schema for a look afterwards (drop it by hand).
    if (process.env.BENCH_KEEP_SCHEMA === '1') {
      log(`schema kept: ${(await sql<{ s: string }>`select current_schema() as s`.execute(env.s.db)).rows[0].s}`);
      await env.app.close();
      fs.rmSync(env.dataDir, { recursive: true, force: true });
    } else await env.close();
  }
}
