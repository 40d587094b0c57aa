import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Load client for the search benchmark, in a worker thread so it does not share the
 * server's event loop. `connections` loops on keep-alive sockets, each issuing
 * GET /api/public/normative/documents?q=<word> back to back, cycling through `words`
 * (loop c starts at word c, so all words are in flight at once).
 */
interface Job {
  baseUrl: string;
  connections: number;
  seconds: number;
  words: string[];
}
const job = workerData as Job;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
const url = new URL(job.baseUrl);

function get(path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method: 'GET', agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

const paths = job.words.map((w) => `/api/public/normative/documents?q=${encodeURIComponent(w)}`);
const t0 = performance.now();
const until = Date.now() + job.seconds * 1000;
let ok = 0;
const refused = new Map<string, number>();
const latencies: number[] = [];
const totals: Record<string, number> = {};
const perWord: number[][] = job.words.map(() => []);
await Promise.all(
  Array.from({ length: job.connections }, async (_, c) => {
    for (let n = c; Date.now() < until; n++) {
      const i = n % paths.length;
      const t = performance.now();
      const r = await get(paths[i]);
      const ms = performance.now() - t;
      latencies.push(ms);
      perWord[i].push(ms);
      if (r.status === 200) {
        ok++;
        if (!(job.words[i] in totals)) totals[job.words[i]] = JSON.parse(r.text).total;
      } else {
        const key = `${r.status} ${/"code":"([^"]+)"/.exec(r.text)?.[1] ?? ''}`;
        refused.set(key, (refused.get(key) ?? 0) + 1);
      }
    }
  }),
);
const elapsed = (performance.now() - t0) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
parentPort!.postMessage({ ok, requests: latencies.length, perSec: ok / elapsed, refused: Object.fromEntries(refused), p50: q(0.5), p95: q(0.95), p99: q(0.99), totals, perWord });
