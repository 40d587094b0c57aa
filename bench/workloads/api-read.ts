import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { makeEnv, type TestEnv } from '../../test/helpers.ts';

/**
 * Reading a case page through the API — GET /api/enforcement/cases/:id (session, policy
 * and data-scope checks, the case with its officers, records and deadlines) as the demo's
 * officer — at `connections` keep-alive clients on PostgreSQL, against a Fastify "hello"
 * route in the same process with the app's server options (logger level, body limit, no
 * proxy trust): requests per second, median and p95 latency, and the ratio case / hello per
 * pair of runs (a warm-up of each first).
 */
export interface LoadResult {
  ok: number;
  perSec: number;
  p50: number;
  p95: number;
  p99: number;
  other: Record<string, number>;
}

export function runLoad(job: { baseUrl: string; path: string; headers?: Record<string, string>; connections: number; seconds: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The worker registers tsx itself: Node 20 does not pass loader hooks to workers.
    const client = new URL('./http-load-client.ts', import.meta.url).href;
    const w = new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(client)}); })`, { eval: true, workerData: job });
    w.once('message', (m) => {
      resolve(m as LoadResult);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

export async function runApiReadBench(opts: { reps: number; seconds: number; connections: number; kind?: 'postgres' | 'pglite' }) {
  const env: TestEnv = await makeEnv(opts.kind ?? 'postgres');
  const hello = Fastify({ logger: { level: 'silent' }, trustProxy: false, bodyLimit: 1024 * 1024 });
  hello.get('/hello', async () => ({ hello: 'world' }));
  try {
    const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });
    const officer = await env.login('officer');
    const list = (await officer.get('/api/enforcement/cases')).json();
    const items: { id: number }[] = Array.isArray(list) ? list : (list.items ?? list.rows ?? []);
    if (!items.length) throw new Error('the demo officer sees no case');
    const caseId = items[0].id;
    const check = await officer.get(`/api/enforcement/cases/${caseId}`);
    if (check.statusCode !== 200) throw new Error(`GET case ${caseId}: ${check.statusCode}`);
    const caseJob = { baseUrl: env.baseUrl, path: `/api/enforcement/cases/${caseId}`, headers: { cookie: officer.cookie }, connections: opts.connections };
    const helloJob = { baseUrl: helloUrl, path: '/hello', connections: opts.connections };
    // Warm-up of both.
    await runLoad({ ...caseJob, seconds: Math.min(2, opts.seconds) });
    await runLoad({ ...helloJob, seconds: Math.min(2, opts.seconds) });
    const out = { caseReqPerSec: [] as number[], caseP50Ms: [] as number[], caseP95Ms: [] as number[], helloReqPerSec: [] as number[], helloP50Ms: [] as number[], helloP95Ms: [] as number[], ratioToHello: [] as number[], errors: [] as Record<string, number>[] };
    for (let r = 0; r < opts.reps; r++) {
      const c = await runLoad({ ...caseJob, seconds: opts.seconds });
      const h = await runLoad({ ...helloJob, seconds: opts.seconds });
      out.caseReqPerSec.push(c.perSec);
      out.caseP50Ms.push(c.p50);
      out.caseP95Ms.push(c.p95);
      out.helloReqPerSec.push(h.perSec);
      out.helloP50Ms.push(h.p50);
      out.helloP95Ms.push(h.p95);
      out.ratioToHello.push(c.perSec / h.perSec);
      out.errors.push(c.other);
    }
    return { workload: `GET case page at ${opts.connections} clients vs Fastify hello (same process options)`, caseBytes: check.rawPayload.length, ...out };
  } finally {
    await hello.close();
    await env.close();
  }
}
