import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * A GET load client in a worker thread (so it does not share the server's event loop):
 * `connections` keep-alive loops request `path` for `seconds`; answers the requests per
 * second that returned 200, latency percentiles and the other statuses.
 */
interface Job {
  baseUrl: string;
  path: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}
const job = workerData as Job;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
const url = new URL(job.baseUrl);

function get(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: job.path, method: 'GET', agent, headers: job.headers ?? {} }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const until = Date.now() + job.seconds * 1000;
let ok = 0;
const other = new Map<number, number>();
const latencies: number[] = [];
await Promise.all(
  Array.from({ length: job.connections }, async () => {
    while (Date.now() < until) {
      const t0 = performance.now();
      const status = await get();
      latencies.push(performance.now() - t0);
      if (status === 200) ok++;
      else other.set(status, (other.get(status) ?? 0) + 1);
    }
  }),
);
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
parentPort!.postMessage({ ok, perSec: ok / job.seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), other: Object.fromEntries(other) });
