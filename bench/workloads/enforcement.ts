import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { Client, makeEnv, TEST_DATABASE_URL, type TestEnv } from '../../test/helpers.ts';
import { DEMO_PASSWORD } from '../../src/core/demo/demo.ts';
import { createUserTx } from '../../src/core/users/service.ts';
import { SYSTEM_ACTOR } from '../../src/core/audit/audit.ts';
import { actorFromToken } from '../../src/core/auth/session.ts';
import { formatDayNumber, parseIsoDate } from '../../src/core/calendar/dates.ts';
import type { Services } from '../../src/core/services.ts';
import { statistics } from '../../src/modules/enforcement/stats.ts';
import { generateProvince } from '../generate/province.ts';
import { generateEnforcementData } from '../generate/enforcement.ts';
import type { CycleCase } from './enforcement-client.ts';

/**
 * The enforcement module at province scale, on PostgreSQL: a generated province
 * (../generate/province.ts, ≈ 1,150 orgs, 912 enforcement departments) with `cases`
 * generated penalty cases (../generate/enforcement.ts), then
 *  a. case transitions per second through the HTTP API at `connections` clients, each on
 *     its own cases going round 告知 (notify) → 提交法制审核 (submit_review) → 法制审核不通过
 *     (review_fail) → investigation again, as the departments' own officer and reviewer
 *     (grants 'own'); `seconds` per rep after a 3 s warm-up; p50 / p99 and refusals by code;
 *  b. the statistics page of one city for its busier year, GET /api/enforcement/stats, as
 *     a 司法局 user with scope 'region' on the city: sequential (20 requests a rep after a
 *     warm-up) and at 8 concurrent clients (5 requests each a rep) — median / p95; and once
 *     EXPLAIN (ANALYZE, BUFFERS) of the SQL the service runs (captured from the service
 *     itself through a logging Kysely on the same schema);
 *  c. memory: the bench process's RSS at rest after the generation, and the server's RSS
 *     at rest and its peak sampled every 200 ms during (a) and (b). The server is a
 *     separate `node bin/fazhi.mjs serve` process on the same schema (DATABASE_URL with
 *     options=-c search_path=<schema>, the same FAZHI_DATA_DIR so it holds the same PII
 *     key; FAZHI_JOBS=0), sampled from /proc/<pid>/status (VmRSS, VmHWM); when it cannot be
 *     started the in-process app of makeEnv serves and process.memoryUsage().rss is sampled.
 * With `indexes` (SQL statements), (a) and (b) run a second time after creating them in
 * the bench schema, reported under `idx.*`: the measured effect of a proposed index.
 */

export interface EnforcementBenchOptions {
  reps: number;
  seconds: number;
  connections: number;
  cases: number;
  /** Cases per client in (a) (default 4). */
  perConnection?: number;
  /** Concurrent clients of the statistics page (default 8). */
  statsClients?: number;
  /** Candidate index statements measured after the baseline (default: BENCH_ENFORCEMENT_INDEXES, ';'-separated). */
  indexes?: string[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
const log = (msg: string) => process.stderr.write(`[enforcement] ${msg}\n`);

function runClient<T>(job: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    // The worker registers tsx itself: Node 20 does not pass loader hooks to workers.
    const client = new URL('./enforcement-client.ts', import.meta.url).href;
    const w = new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(client)}); })`, { eval: true, workerData: job });
    w.once('message', (m) => {
      resolve(m as T);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

interface Server {
  kind: 'process' | 'in-process';
  baseUrl: string;
  pid: number;
  /** Resident set size now and the high-water mark (VmHWM; for in-process: the sampled max), bytes. */
  memory(): { rss: number; hwm: number };
  stop(): Promise<void>;
  note?: string;
}

/** `node bin/fazhi.mjs serve` on the bench schema; null when it does not come up. */
async function startServerProcess(env: TestEnv, schema: string): Promise<Server | null> {
  const port = await freePort();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  let child: ChildProcess | undefined;
  let stderr = '';
  try {
    child = spawn(process.execPath, [path.join(ROOT, 'bin/fazhi.mjs'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url.toString(), FAZHI_DATA_DIR: env.dataDir, PORT: String(port), HOST: '127.0.0.1', FAZHI_JOBS: '0', LOG_LEVEL: 'warn', FAZHI_LOGIN_RATE_LIMIT: '100000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
    const t0 = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${stderr}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() - t0 > 120_000) throw new Error('no answer on /api/health within 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const pid = child.pid!;
    const c = child;
    return {
      kind: 'process',
      baseUrl: `http://127.0.0.1:${port}`,
      pid,
      memory() {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
        return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
      },
      async stop() {
        if (c.exitCode !== null) return;
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (c.exitCode === null) c.kill('SIGKILL');
      },
    };
  } catch (err) {
    log(`separate server process unavailable (${(err as Error).message.split('\n')[0]}); measuring the in-process app`);
    child?.kill('SIGKILL');
    return null;
  }
}

function inProcessServer(env: TestEnv, note: string): Server {
  let hwm = 0;
  return {
    kind: 'in-process',
    baseUrl: env.baseUrl,
    pid: process.pid,
    note,
    memory() {
      const rss = process.memoryUsage().rss;
      hwm = Math.max(hwm, rss);
      return { rss, hwm };
    },
    async stop() {},
  };
}

/** Samples the server's memory every 200 ms until stopped; returns the peak RSS seen. */
function sampleMemory(server: Server) {
  let peak = server.memory().rss;
  let samples = 1;
  const t = setInterval(() => {
    try {
      peak = Math.max(peak, server.memory().rss);
      samples++;
    } catch {
      /* process gone */
    }
  }, 200);
  return {
    stop() {
      clearInterval(t);
      peak = Math.max(peak, server.memory().rss);
      return { peakRss: peak, samples: samples + 1 };
    },
  };
}

async function login(baseUrl: string, username: string) {
  const res = await new Client(baseUrl).post('/api/auth/login', { username, password: DEMO_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { cookie: res.headers['set-cookie'].split(';')[0], csrf: res.json().csrfToken as string };
}

/** The latest day whose 5-working-day statement period (the rule's) has ended before today. */
async function noticeDay(s: Services) {
  const cal = await s.calendar.get();
  const today = s.today();
  for (let d = parseIsoDate(today) - 7; ; d--) {
    if (cal.add(formatDayNumber(d), 5, 'working').due < today) return formatDayNumber(d);
  }
}

/** Captures the SQL a service function runs: the same schema through a logging Kysely. */
export async function captureQueries(env: TestEnv, schema: string, fn: (s: Services) => Promise<unknown>) {
  const captured: CompiledQuery[] = [];
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}`, max: 2 });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: (e) => void (e.level === 'query' && captured.push(e.query)) });
  try {
    await fn({ ...env.s, db } as Services);
  } finally {
    await db.destroy();
  }
  return captured;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured query; with `rollback`, inside a transaction rolled back after (for a query that writes). */
export async function explain(schema: string, q: CompiledQuery, opts: { rollback?: boolean } = {}) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    if (opts.rollback) await client.query('begin');
    const r = await client.query(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
    return r.rows.map((x: Record<string, string>) => x['QUERY PLAN']);
  } finally {
    if (opts.rollback) await client.query('rollback').catch(() => {});
    await client.end();
  }
}

/** Sequential and index scans per table of the bench schema so far (pg_stat_user_tables). */
async function scanCounters(env: TestEnv, schema: string) {
  const rows = (await sql<{ t: string; seq: string; seq_rows: string; idx: string }>`select relname as t, seq_scan as seq, seq_tup_read as seq_rows, coalesce(idx_scan, 0) as idx from pg_stat_user_tables where schemaname = ${schema}`.execute(env.s.db)).rows;
  return new Map(rows.map((r) => [r.t, { seq: Number(r.seq), seqRows: Number(r.seq_rows), idx: Number(r.idx) }]));
}
function scanDelta(a: Awaited<ReturnType<typeof scanCounters>>, b: Awaited<ReturnType<typeof scanCounters>>, per: number) {
  const out: Record<string, { seqScans: number; seqRowsPerOp: number; idxScansPerOp: number }> = {};
  for (const [t, x] of b) {
    const y = a.get(t) ?? { seq: 0, seqRows: 0, idx: 0 };
    if (x.seqRows - y.seqRows > 0 || x.idx - y.idx > 0) out[t] = { seqScans: x.seq - y.seq, seqRowsPerOp: round((x.seqRows - y.seqRows) / per, 1), idxScansPerOp: round((x.idx - y.idx) / per, 2) };
  }
  return Object.fromEntries(Object.entries(out).sort((p, q) => q[1].seqRowsPerOp - p[1].seqRowsPerOp));
}
/**
 * Runs `query` on a connection of its own every `ms` milliseconds until stopped, handing
 * each answer's rows to `onRows` (a tick is skipped while the previous query runs; errors
 * are ignored). Returns how many answers came.
 */
export function pollQuery(schema: string, ms: number, query: string, onRows: (rows: any[]) => void) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  let n = 0;
  let busy = false;
  const ready = client.connect();
  const t = setInterval(() => {
    if (busy) return;
    busy = true;
    ready
      .then(() => client.query(query))
      .then((r) => {
        onRows(r.rows);
        n++;
      })
      .catch(() => {})
      .finally(() => (busy = false));
  }, ms);
  return {
    async stop() {
      clearInterval(t);
      await client.end().catch(() => {});
      return n;
    },
  };
}

/**
 * Every 200 ms: the database's active client backends and how many of them wait for a lock
 * while taking the audit chain head (core recordAudit: select … from audit_head … for update,
 * held to commit) — whether writers queue behind one another there.
 */
function sampleBackends(schema: string) {
  let active = 0;
  let waitingAudit = 0;
  let waitingOther = 0;
  const poll = pollQuery(
    schema,
    200,
    `select count(*) filter (where state = 'active')::int as active,
            count(*) filter (where wait_event_type = 'Lock' and query ilike '%audit_head%')::int as wa,
            count(*) filter (where wait_event_type = 'Lock' and query not ilike '%audit_head%')::int as wo
          from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
    (rows) => {
      active += rows[0].active;
      waitingAudit += rows[0].wa;
      waitingOther += rows[0].wo;
    },
  );
  return {
    async stop() {
      const n = await poll.stop();
      return { avgActive: round(active / Math.max(1, n), 1), avgWaitingAuditHead: round(waitingAudit / Math.max(1, n), 1), avgWaitingOtherLocks: round(waitingOther / Math.max(1, n), 1), samples: n };
    },
  };
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

interface CycleResult {
  ok: number;
  requests: number;
  perSec: number;
  p50: number;
  p95: number;
  p99: number;
  perCode: Record<string, { n: number; p50: number; p99: number }>;
  refused: Record<string, number>;
  cases: CycleCase[];
}
interface GetResult {
  ok: number;
  requests: number;
  perSec: number;
  p50: number;
  p95: number;
  max: number;
  latencies: number[];
  refused: Record<string, number>;
  first: string;
}

export async function runEnforcementBench(opts: EnforcementBenchOptions) {
  const perConn = opts.perConnection ?? 4;
  const statsClients = opts.statsClients ?? 8;
  const indexes = opts.indexes ?? (process.env.BENCH_ENFORCEMENT_INDEXES ?? '').split(';').map((x) => x.trim()).filter(Boolean);
  const env = await makeEnv('postgres');
  let server: Server | undefined;
  try {
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(env.s.db)).rows[0].s;
    // ── data ──
    const province = await generateProvince(env.s);
    const gen = await generateEnforcementData(env.s, province, opts.cases, { seed: 20261124, label: 'enforcement' });
    const benchRssAtRest = process.memoryUsage().rss;
    const city = province.chosenCity;
    const years = (await sql<{ y: number; n: number }>`select extract(year from filed_on)::int as y, count(*)::int as n from enforcement_cases where org_id = any(${city.subtreeOrgIds}::int[]) group by 1 order by 2 desc`.execute(env.s.db)).rows;
    const year = years[0].y;
    const expectedFiled = years[0].n;
    log(`city ${city.name} (${city.subtreeOrgIds.length} orgs, ${city.counties.length} counties): cases by year ${JSON.stringify(years)}; statistics for ${year}`);

    // ── cases for (a): investigation, filed on or before the notice day, spread over the city's departments ──
    const noticeOn = await noticeDay(env.s);
    const want = opts.connections * perConn;
    const picked = (
      await sql<{ id: number; instance_id: number; org_id: number; version: number; band_id: number; fine_min: string | null; fine_max: string; rn: number }>`
        with e as (
          select c.id, c.instance_id, c.org_id, i.version, row_number() over (partition by c.org_id order by c.id) as rn,
            (select b.id from enforcement_benchmarks b where b.power_id = c.power_id and b.fine_max > 0 order by b.sort_order limit 1) as band_id
          from enforcement_cases c join procedure_instances i on i.id = c.instance_id
          where c.status = 'investigation' and c.filed_on <= ${noticeOn}::date and c.org_id = any(${city.subtreeOrgIds}::int[])
            and exists (select 1 from enforcement_records r where r.case_id = c.id and r.kind like 'action.%')
            and not exists (select 1 from enforcement_recusals x where x.case_id = c.id and x.outcome is null))
        select e.*, b.fine_min, b.fine_max from e join enforcement_benchmarks b on b.id = e.band_id
        where rn <= ${perConn} order by rn, org_id limit ${want}`.execute(env.s.db)
    ).rows;
    if (picked.length < opts.connections) throw new Error(`only ${picked.length} eligible investigation cases in ${city.name}`);
    const orgIds = [...new Set(picked.map((p) => p.org_id))];
    const roles = new Map((await env.s.db.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
    const t0 = performance.now();
    await env.s.tx(async (tx) => {
      for (const org of orgIds) {
        await createUserTx(env.s, tx, SYSTEM_ACTOR, { username: `bench_officer_${org}`, displayName: `压测执法员${org}`, orgId: org, password: DEMO_PASSWORD, grants: [{ roleId: roles.get('enforcement_officer')!, orgId: org, scope: 'own' }] });
        await createUserTx(env.s, tx, SYSTEM_ACTOR, { username: `bench_reviewer_${org}`, displayName: `压测审核员${org}`, orgId: org, password: DEMO_PASSWORD, grants: [{ roleId: roles.get('legal_reviewer')!, orgId: org, scope: 'own' }] });
      }
      await createUserTx(env.s, tx, SYSTEM_ACTOR, { username: 'bench_stats', displayName: '压测统计员', orgId: city.legalAffairsId, password: DEMO_PASSWORD, grants: [{ roleId: roles.get('legal_affairs')!, orgId: city.legalAffairsId, scope: 'region' }] });
    });
    log(`${picked.length} cases of ${orgIds.length} departments for the transition cycle (notice on ${noticeOn}); ${orgIds.length * 2 + 1} users in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // ── server ──
    server = (await startServerProcess(env, schema)) ?? inProcessServer(env, 'separate server process could not be started');
    const sessions = new Map<string, { cookie: string; csrf: string }>();
    for (const org of orgIds) {
      sessions.set(`o${org}`, await login(server.baseUrl, `bench_officer_${org}`));
      sessions.set(`r${org}`, await login(server.baseUrl, `bench_reviewer_${org}`));
    }
    const statsSession = await login(server.baseUrl, 'bench_stats');
    const serverRssAtRest = server.memory().rss;
    log(`server ${server.kind} pid ${server.pid} on ${server.baseUrl}: RSS at rest ${mb(serverRssAtRest)} MiB (bench process ${mb(benchRssAtRest)} MiB)`);

    let cases: CycleCase[] = picked.map((p) => {
      const lo = p.fine_min == null ? 0 : Number(p.fine_min);
      const fine = Math.round((lo + Number(p.fine_max)) / 2);
      return {
        instanceId: p.instance_id,
        state: 'investigation',
        version: p.version,
        officer: sessions.get(`o${p.org_id}`)!,
        reviewer: sessions.get(`r${p.org_id}`)!,
        notify: { noticeOn, reasons: '经调查，当事人的违法事实清楚，证据确凿（压测）', legalBasis: '《中华人民共和国行政处罚法》及本职权的法律依据', penaltyKind: 'fine', proposedFine: fine, benchmarkId: p.band_id },
      };
    });
    const statsPath = `/api/enforcement/stats?year=${year}&orgId=${city.governmentId}`;

    const phase = async (label: string) => {
      const out = {
        transitionsPerSec: [] as number[],
        transitionP50Ms: [] as number[],
        transitionP99Ms: [] as number[],
        statsSeqMedianMs: [] as number[],
        statsSeqP95Ms: [] as number[],
        statsConcMedianMs: [] as number[],
        statsConcP95Ms: [] as number[],
        statsConcReqPerSec: [] as number[],
        serverPeakRssMbTransitions: [] as number[],
        serverPeakRssMbStats: [] as number[],
        serverCpuMsPerTransition: [] as number[],
        serverCpuMsPerStatsRequest: [] as number[],
      };
      const backendWaits: Awaited<ReturnType<ReturnType<typeof sampleBackends>['stop']>>[] = [];
      let scansTransitions: ReturnType<typeof scanDelta> = {};
      let scansStats: ReturnType<typeof scanDelta> = {};
      const refusals: Record<string, number>[] = [];
      const perCode: Record<string, { n: number; p50: number; p99: number }>[] = [];
      const statsRefusals: Record<string, number>[] = [];
      // (a) transitions
      for (let rep = 0; rep <= opts.reps; rep++) {
        const mem = sampleMemory(server!);
        const scans0 = await scanCounters(env, schema);
        const cpu0 = cpuSeconds(server!.pid);
        const backends = sampleBackends(schema);
        const r = await runClient<CycleResult>({ mode: 'cycle', baseUrl: server!.baseUrl, connections: opts.connections, seconds: rep === 0 ? 3 : opts.seconds, cases });
        const cpu = cpuSeconds(server!.pid) - cpu0;
        const waits = await backends.stop();
        const m = mem.stop();
        await new Promise((res) => setTimeout(res, 1100)); // backends flush their table counters at most once a second
        const scans = scanDelta(scans0, await scanCounters(env, schema), Math.max(1, r.requests));
        cases = r.cases;
        log(`${label}transitions ${rep === 0 ? 'warm-up' : `rep ${rep}`}: ${r.perSec.toFixed(1)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${r.ok} ok of ${r.requests}; ${Object.keys(r.refused).length ? JSON.stringify(r.refused) : 'no refusals'}); per step ${JSON.stringify(Object.fromEntries(Object.entries(r.perCode).map(([k, v]) => [k, `p50 ${v.p50?.toFixed(1)} / p99 ${v.p99?.toFixed(1)} ms`])))}; server CPU ${round((cpu * 1000) / Math.max(1, r.requests), 1)} ms per request; backends ${JSON.stringify(waits)}; server peak RSS ${mb(m.peakRss)} MiB`);
        if (rep === 0) continue;
        if (rep === 1) scansTransitions = scans;
        backendWaits.push(waits);
        out.serverCpuMsPerTransition.push(round((cpu * 1000) / Math.max(1, r.requests), 2));
        out.transitionsPerSec.push(r.perSec);
        out.transitionP50Ms.push(r.p50);
        out.transitionP99Ms.push(r.p99);
        out.serverPeakRssMbTransitions.push(mb(m.peakRss));
        refusals.push(r.refused);
        perCode.push(r.perCode);
      }
      // (b) statistics page: warm-up, then per rep sequential and concurrent
      const warm = await runClient<GetResult>({ mode: 'get', baseUrl: server!.baseUrl, connections: 1, requests: 3, path: statsPath, session: statsSession });
      if (!warm.ok) throw new Error(`statistics refused: ${JSON.stringify(warm.refused)}`);
      const body = JSON.parse(warm.first);
      if (body.total.filed !== expectedFiled) throw new Error(`statistics total.filed ${body.total.filed} ≠ ${expectedFiled} cases in SQL`);
      log(`${label}statistics warm-up: ${warm.latencies.map((x) => x.toFixed(0)).join(', ')} ms; total ${JSON.stringify(body.total)}; ${body.byOrg.length} orgs, ${body.byPower.length} powers`);
      for (let rep = 1; rep <= opts.reps; rep++) {
        const mem = sampleMemory(server!);
        const scans0 = await scanCounters(env, schema);
        const cpu0 = cpuSeconds(server!.pid);
        const seq = await runClient<GetResult>({ mode: 'get', baseUrl: server!.baseUrl, connections: 1, requests: 20, path: statsPath, session: statsSession });
        const cpu = cpuSeconds(server!.pid) - cpu0;
        await new Promise((res) => setTimeout(res, 1100));
        if (rep === 1) scansStats = scanDelta(scans0, await scanCounters(env, schema), seq.requests);
        out.serverCpuMsPerStatsRequest.push(round((cpu * 1000) / seq.requests, 2));
        const conc = await runClient<GetResult>({ mode: 'get', baseUrl: server!.baseUrl, connections: statsClients, requests: 5, path: statsPath, session: statsSession });
        const m = mem.stop();
        log(`${label}statistics rep ${rep}: sequential median ${seq.p50.toFixed(1)} ms p95 ${seq.p95.toFixed(1)} ms; ${statsClients} clients median ${conc.p50.toFixed(1)} ms p95 ${conc.p95.toFixed(1)} ms ${conc.perSec.toFixed(2)} req/s; server peak RSS ${mb(m.peakRss)} MiB`);
        out.statsSeqMedianMs.push(seq.p50);
        out.statsSeqP95Ms.push(seq.p95);
        out.statsConcMedianMs.push(conc.p50);
        out.statsConcP95Ms.push(conc.p95);
        out.statsConcReqPerSec.push(conc.perSec);
        out.serverPeakRssMbStats.push(mb(m.peakRss));
        statsRefusals.push({ ...seq.refused, ...conc.refused });
      }
      // EXPLAIN of the statistics query, as the service builds it for this user.
      const token = decodeURIComponent(statsSession.cookie.split('=')[1]);
      const actor = (await actorFromToken(env.s, token))!;
      const queries = await captureQueries(env, schema, (s) => statistics(s, actor, { year, orgId: city.governmentId }));
      const main = queries.find((q) => q.sql.includes('enforcement_cases'))!;
      const plan = await explain(schema, main);
      log(`${label}EXPLAIN (ANALYZE, BUFFERS) of the statistics query:\n${plan.join('\n')}`);
      log(`${label}table scans per transition (rep 1): ${JSON.stringify(scansTransitions)}`);
      log(`${label}table scans per statistics request (rep 1): ${JSON.stringify(scansStats)}`);
      return { out, refusals, perCode, statsRefusals, statsSql: main.sql, statsParams: main.parameters, plan, scansTransitions, scansStats, backendWaits };
    };

    const base = await phase('');
    const result: Record<string, unknown> = {
      workload: `enforcement: ${opts.cases.toLocaleString('en')} cases in a generated province; (a) notify → submit_review → review_fail at ${opts.connections} clients, ${opts.seconds} s per rep; (b) GET /api/enforcement/stats for one city and year, sequential and at ${statsClients} clients; (c) server RSS`,
      ...base.out,
      genSeconds: [round(gen.seconds)],
      genCasesPerSec: [round(gen.casesPerSec)],
      benchRssMbAtRest: [mb(benchRssAtRest)],
      serverRssMbAtRest: [mb(serverRssAtRest)],
      server: { kind: server.kind, pid: server.pid, note: server.note ?? null, hwmMbAfterBaseline: mb(server.memory().hwm) },
      generation: { ...gen, province: { regions: province.regions, orgs: province.orgs, enforcementDepartments: province.enforcementDepartments.length, seconds: province.seconds } },
      city: { name: city.name, governmentId: city.governmentId, orgs: city.subtreeOrgIds.length, counties: city.counties.length, year, casesInYear: expectedFiled, casesByYear: years },
      cycle: { cases: cases.length, departments: orgIds.length, noticeOn, perConnection: perConn },
      refusals: base.refusals,
      perStep: base.perCode,
      statsRefusals: base.statsRefusals,
      statsSql: base.statsSql,
      statsParams: base.statsParams,
      explain: base.plan,
      scansPerTransition: base.scansTransitions,
      backendsDuringTransitions: base.backendWaits,
      scansPerStatsRequest: base.scansStats,
    };
    if (indexes.length) {
      for (const ix of indexes) {
        const t = performance.now();
        await sql.raw(ix).execute(env.s.db);
        log(`created: ${ix} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
      }
      for (const t of new Set(indexes.map((ix) => /\bon\s+([a-z_]+)/i.exec(ix)?.[1]).filter((x): x is string => !!x))) await sql`analyze ${sql.table(t)}`.execute(env.s.db);
      const after = await phase('[with index] ');
      result.indexes = indexes;
      for (const [k, v] of Object.entries(after.out)) result[`idx.${k}`] = v;
      result['idx.refusals'] = after.refusals;
      result['idx.perStep'] = after.perCode;
      result['idx.explain'] = after.plan;
      result['idx.scansPerTransition'] = after.scansTransitions;
      result['idx.backendsDuringTransitions'] = after.backendWaits;
      result['idx.scansPerStatsRequest'] = after.scansStats;
    }
    result.server = { ...(result.server as object), hwmMbAtEnd: mb(server.memory().hwm) };
    return result;
  } finally {
    await server?.stop();
    await env.close();
  }
}
