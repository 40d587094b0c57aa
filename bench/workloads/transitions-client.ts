import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Load client for the transitions benchmark, in a worker thread so it does not share the
 * server's event loop. Each of `connections` loops owns its own instances (no two requests
 * in flight touch the same one) and alternates 送审 / 退回修改 with the current version.
 */
interface Job {
  baseUrl: string;
  cookie: string;
  csrf: string;
  connections: number;
  seconds: number;
  instances: { id: number; state: string; version: number }[];
}
const job = workerData as Job;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
const url = new URL(job.baseUrl);

function post(path: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method: 'POST', agent, headers: { cookie: job.cookie, 'x-csrf-token': job.csrf, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const until = Date.now() + job.seconds * 1000;
let ok = 0;
const refused = new Map<string, number>();
const latencies: number[] = [];
await Promise.all(
  Array.from({ length: job.connections }, async (_, c) => {
    const mine = job.instances.filter((_, i) => i % job.connections === c);
    for (let n = 0; Date.now() < until; n++) {
      const inst = mine[n % mine.length];
      const code = inst.state === 'draft' ? 'submit' : 'return';
      const t0 = performance.now();
      const r = await post(`/api/procedures/${inst.id}/transitions/${code}`, JSON.stringify({ version: inst.version, note: '压测意见' }));
      latencies.push(performance.now() - t0);
      if (r.status === 200) {
        const j = JSON.parse(r.text);
        inst.version = j.version;
        inst.state = j.state;
        ok++;
      } else {
        const key = `${r.status} ${/"code":"([^"]+)"/.exec(r.text)?.[1] ?? ''}`;
        refused.set(key, (refused.get(key) ?? 0) + 1);
      }
    }
  }),
);
agent.destroy();
latencies.sort((a, b) => a - b);
parentPort!.postMessage({ ok, perSec: ok / job.seconds, refused: Object.fromEntries(refused), p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.floor(latencies.length * 0.99)], instances: job.instances });
