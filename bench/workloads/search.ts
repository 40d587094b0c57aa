import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { makeEnv, type DbKind, type TestEnv } from '../../test/helpers.ts';
import { segmentQuery, tsQuery } from '../../src/modules/normative-docs/text-search.ts';
import { generateNormativeDocuments } from '../generate/normative.ts';

/**
 * Public catalogue full-text search, GET /api/public/normative/documents?q=<词>, over
 * `documents` generated normative documents with `connections` concurrent keep-alive
 * clients (a worker thread) cycling through WORDS: median / p95 latency and requests/s,
 * on PostgreSQL and on PGlite. Ceilings in the same run, rep by rep, for the same words:
 * `select count(*) … where search_vector @@ to_tsquery('simple', …)` issued directly
 * through the app's database handle
 *  - by the same number of concurrent loops for the same time (`sql*`; ratio = API median
 *    / SQL median — same load shape, as pgbench is for the transitions workload), and
 *  - by one client, one pass over the words (`sqlSerialMedianMs`; `ratioToSerial`).
 * The API (catalogue()) runs its own count — with the status / validity filters, and
 * capped at CATALOGUE_COUNT_CAP + 1 rows since normative_003 — plus a sorted page of 20
 * rows, behind HTTP, validation and serialisation. With the cap the API counts less than
 * the ceiling query does, so a ratio below 1 is possible and means exactly that.
 */
export const WORDS = [
  '排污口', '行政处罚', '物业管理', '征求意见', '备案', '许可', '清理', '公共服务', '安全生产', '食品药品',
  '行政复议', '听证', '信息公开', '合法性审查', '政务公开', '行政执法', '规范性文件', '应急管理', '社会保障', '监督检查',
];

interface ClientResult {
  ok: number;
  requests: number;
  perSec: number;
  refused: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  totals: Record<string, number>;
  perWord: number[][];
}

function runClient(baseUrl: string, connections: number, seconds: number): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    // The worker registers tsx itself: Node 20 does not pass loader hooks to workers.
    const client = new URL('./search-client.ts', import.meta.url).href;
    const w = new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(client)}); })`, {
      eval: true,
      workerData: { baseUrl, connections, seconds, words: WORDS },
    });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

const countSql = (q: string) => sql<{ n: number }>`select count(*)::int as n from normative_documents where search_vector @@ to_tsquery('simple', ${q})`;
const median = (xs: number[]) => pct([...xs].sort((a, b) => a - b), 0.5);

/** The ceiling: count(*) of matching rows in SQL, `connections` loops for `seconds`. */
async function sqlCeiling(env: TestEnv, queries: string[], connections: number, seconds: number) {
  const latencies: number[] = [];
  const t0 = performance.now();
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let n = c; Date.now() < until; n++) {
        const t = performance.now();
        await countSql(queries[n % queries.length]).execute(env.s.db);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { median: pct(latencies, 0.5), p95: pct(latencies, 0.95), perSec: latencies.length / elapsed };
}

/** The unloaded ceiling: one client, one pass over the words; latencies per word. */
async function sqlSerial(env: TestEnv, queries: string[]) {
  const out: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await countSql(q).execute(env.s.db);
    out.push(performance.now() - t);
  }
  return out;
}

async function benchKind(kind: DbKind, opts: { reps: number; seconds: number; connections: number; documents: number }) {
  const env = await makeEnv(kind);
  try {
    const gen = await generateNormativeDocuments(env.s, opts.documents, { seed: 20260101, expiredShare: 0.02, reminderShare: 0.03, label: kind });
    const queries = WORDS.map((w) => tsQuery(segmentQuery(w)));
    // Every word must really occur: matching rows per word (the SQL ceiling's answer).
    const matches: Record<string, number> = {};
    for (const [i, w] of WORDS.entries()) matches[w] = (await countSql(queries[i]).execute(env.s.db)).rows[0].n;
    const absent = WORDS.filter((w) => !matches[w]);
    if (absent.length) throw new Error(`query words without any match: ${absent.join(', ')}`);
    process.stderr.write(`[${kind}] matches per word: ${JSON.stringify(matches)}\n`);

    const out = {
      apiMedianMs: [] as number[],
      apiP95Ms: [] as number[],
      reqPerSec: [] as number[],
      sqlMedianMs: [] as number[],
      sqlP95Ms: [] as number[],
      sqlPerSec: [] as number[],
      ratio: [] as number[],
      sqlSerialMedianMs: [] as number[],
      ratioToSerial: [] as number[],
    };
    const refused: Record<string, number>[] = [];
    const catalogueTotals: Record<string, number> = {};
    const apiPerWord: number[][] = WORDS.map(() => []);
    const sqlPerWord: number[][] = WORDS.map(() => []);
    for (let rep = 0; rep <= opts.reps; rep++) {
      const seconds = rep === 0 ? Math.min(5, opts.seconds) : opts.seconds; // rep 0: warm-up
      const api = await runClient(env.baseUrl, opts.connections, seconds);
      const ceiling = await sqlCeiling(env, queries, opts.connections, seconds);
      const serial = await sqlSerial(env, queries);
      Object.assign(catalogueTotals, api.totals);
      process.stderr.write(
        `[${kind}] ${rep === 0 ? 'warm-up' : `rep ${rep}`}: API median ${api.p50.toFixed(1)} ms p95 ${api.p95.toFixed(1)} ms ${api.perSec.toFixed(1)} req/s (${api.requests} requests, ${Object.keys(api.refused).length ? JSON.stringify(api.refused) : 'all 200'}); SQL count (${opts.connections} loops) median ${ceiling.median.toFixed(1)} ms ${ceiling.perSec.toFixed(1)}/s; SQL count (1 client) median ${median(serial).toFixed(1)} ms\n`,
      );
      if (rep === 0) continue;
      api.perWord.forEach((xs, i) => apiPerWord[i].push(...xs));
      serial.forEach((x, i) => sqlPerWord[i].push(x));
      out.sqlSerialMedianMs.push(median(serial));
      out.ratioToSerial.push(api.p50 / median(serial));
      out.apiMedianMs.push(api.p50);
      out.apiP95Ms.push(api.p95);
      out.reqPerSec.push(api.perSec);
      out.sqlMedianMs.push(ceiling.median);
      out.sqlP95Ms.push(ceiling.p95);
      out.sqlPerSec.push(ceiling.perSec);
      out.ratio.push(api.p50 / ceiling.median);
      refused.push(api.refused);
    }
    return {
      ...out,
      genSeconds: [gen.seconds],
      genRowsPerSec: [gen.rowsPerSec],
      generation: gen,
      matchesPerWord: matches,
      // What the API answered (documents in force and not past validity) per word.
      catalogueTotalPerWord: catalogueTotals,
      // Medians over the measured repetitions: the API at load, SQL count(*) with one client.
      apiMedianMsPerWord: Object.fromEntries(WORDS.map((w, i) => [w, Number(median(apiPerWord[i]).toFixed(1))])),
      sqlSerialMsPerWord: Object.fromEntries(WORDS.map((w, i) => [w, Number(median(sqlPerWord[i]).toFixed(1))])),
      refused,
    };
  } finally {
    await env.close();
  }
}

export async function runSearchBench(opts: { reps: number; seconds?: number; connections?: number; documents?: number; kinds?: DbKind[] }) {
  const o = { reps: opts.reps, seconds: opts.seconds ?? 10, connections: opts.connections ?? 16, documents: opts.documents ?? 100_000 };
  const result: Record<string, unknown> = {
    workload: `catalogue search ?q=, ${o.documents.toLocaleString('en')} documents, ${o.connections} clients, ${o.seconds} s per rep; ceiling: SQL count(*) of matches, same concurrency`,
    words: WORDS,
  };
  for (const kind of opts.kinds ?? (['postgres', 'pglite'] as DbKind[])) {
    const prefix = kind === 'postgres' ? 'pg' : 'pglite';
    const r = await benchKind(kind, o);
    for (const [k, v] of Object.entries(r)) result[`${prefix}.${k}`] = v;
  }
  return result;
}
