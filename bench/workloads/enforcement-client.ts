import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Load client of the enforcement benchmark, in a worker thread so it shares no event loop
 * with an in-process server. Two modes:
 *  - 'cycle': `connections` loops, each on its own cases (no two requests in flight touch
 *    the same case), taking each case round the cycle 告知 (notify, officer) → 提交法制审核
 *    (submit_review, officer) → 法制审核不通过 (review_fail, reviewer) → back to
 *    investigation, with the current version; for `seconds`.
 *  - 'get': `connections` loops each issuing `requests` GETs of `path` one after another.
 * Latencies are measured per request, refusals counted by status and problem code.
 */

interface Session {
  cookie: string;
  csrf: string;
}
export interface CycleCase {
  instanceId: number;
  state: string;
  version: number;
  officer: Session;
  reviewer: Session;
  notify: Record<string, unknown>;
}
type Job =
  | { mode: 'cycle'; baseUrl: string; connections: number; seconds: number; cases: CycleCase[] }
  | { mode: 'get'; baseUrl: string; connections: number; requests: number; path: string; session: Session };

const job = workerData as Job;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
const url = new URL(job.baseUrl);

function request(method: 'GET' | 'POST', path: string, session: Session, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { cookie: session.cookie };
    if (method === 'POST') Object.assign(headers, { 'x-csrf-token': session.csrf, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body ?? '') });
    const req = http.request({ host: url.hostname, port: url.port, path, method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN);
const refusalKey = (r: { status: number; text: string }) => `${r.status} ${/"code":"([^"]+)"/.exec(r.text)?.[1] ?? ''}${/"rule":"([^"]+)"/.exec(r.text) ? `/${/"rule":"([^"]+)"/.exec(r.text)![1]}` : ''}`;

async function cycle(j: Extract<Job, { mode: 'cycle' }>) {
  const until = Date.now() + j.seconds * 1000;
  const t0 = performance.now();
  let ok = 0;
  const refused = new Map<string, number>();
  const latencies: number[] = [];
  const perCode: Record<string, number[]> = { notify: [], submit_review: [], review_fail: [] };
  await Promise.all(
    Array.from({ length: j.connections }, async (_, c) => {
      const mine = j.cases.filter((_, i) => i % j.connections === c);
      if (!mine.length) return;
      for (let n = 0; Date.now() < until; n++) {
        const k = mine[n % mine.length];
        const step = k.state === 'investigation' ? { code: 'notify', who: k.officer, body: { version: k.version, data: k.notify } } : k.state === 'notified' ? { code: 'submit_review', who: k.officer, body: { version: k.version, data: {} } } : { code: 'review_fail', who: k.reviewer, body: { version: k.version, note: '证据不够充分，退回补充调查（压测）' } };
        const t = performance.now();
        const r = await request('POST', `/api/procedures/${k.instanceId}/transitions/${step.code}`, step.who, JSON.stringify(step.body));
        const ms = performance.now() - t;
        latencies.push(ms);
        if (r.status === 200) {
          const body = JSON.parse(r.text);
          k.version = body.version;
          k.state = body.state;
          perCode[step.code].push(ms);
          ok++;
        } else {
          const key = `${step.code}: ${refusalKey(r)}`;
          refused.set(key, (refused.get(key) ?? 0) + 1);
          // Resynchronise with the server's view of the case.
          const cur = await request('GET', `/api/procedures/${k.instanceId}`, k.officer);
          if (cur.status === 200) {
            const inst = JSON.parse(cur.text).instance;
            k.version = inst.version;
            k.state = inst.state;
          }
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const codes = Object.fromEntries(
    Object.entries(perCode).map(([code, xs]) => {
      xs.sort((a, b) => a - b);
      return [code, { n: xs.length, p50: pct(xs, 0.5), p99: pct(xs, 0.99) }];
    }),
  );
  return { ok, requests: latencies.length, seconds: elapsed, perSec: ok / elapsed, p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), p99: pct(latencies, 0.99), perCode: codes, refused: Object.fromEntries(refused), cases: j.cases };
}

async function get(j: Extract<Job, { mode: 'get' }>) {
  const t0 = performance.now();
  const latencies: number[] = [];
  const refused = new Map<string, number>();
  let ok = 0;
  let first = '';
  await Promise.all(
    Array.from({ length: j.connections }, async () => {
      for (let i = 0; i < j.requests; i++) {
        const t = performance.now();
        const r = await request('GET', j.path, j.session);
        latencies.push(performance.now() - t);
        if (r.status === 200) {
          ok++;
          if (!first) first = r.text;
        } else refused.set(refusalKey(r), (refused.get(refusalKey(r)) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return { ok, requests: latencies.length, seconds: elapsed, perSec: latencies.length / elapsed, p50: pct(sorted, 0.5), p95: pct(sorted, 0.95), max: sorted[sorted.length - 1], latencies, refused: Object.fromEntries(refused), first };
}

const result = job.mode === 'cycle' ? await cycle(job) : await get(job);
agent.destroy();
parentPort!.postMessage(result);
