import fs from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTransitionsClient } from './transitions.ts';

/**
 * Server memory: the app of the transitions workload in its own process
 * (memory-server.ts, PostgreSQL), its RSS (VmRSS of /proc/<pid>/status) at rest — after the
 * set-up, a warm-up of transitions and 3 s idle — and sampled every 200 ms under the
 * transitions load at `connections` clients for `seconds` per rep: the peak and median of
 * each rep, and the ratio of the peak to the rest.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
};
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runMemoryBench(opts: { reps: number; seconds: number; connections: number; restSeconds?: number }) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/workloads/memory-server.ts'), String(opts.connections)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FAZHI_JOBS: '0' } });
  try {
    const info = await new Promise<{ baseUrl: string; cookie: string; csrf: string; instances: { id: number; state: string; version: number }[] }>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (c: Buffer) => {
        buf += c.toString();
        const nl = buf.indexOf('\n');
        if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
      });
      child.once('exit', (code) => reject(new Error(`memory server exited with ${code}`)));
    });
    const pid = child.pid!;
    let instances = info.instances;
    const job = { baseUrl: info.baseUrl, cookie: info.cookie, csrf: info.csrf, connections: opts.connections };
    instances = (await runTransitionsClient({ ...job, seconds: Math.min(2, opts.seconds), instances })).instances; // warm-up
    const restRssMb: number[] = [];
    const loadPeakRssMb: number[] = [];
    const loadMedianRssMb: number[] = [];
    const peakToRest: number[] = [];
    const transitionsPerSec: number[] = [];
    for (let r = 0; r < opts.reps; r++) {
      await sleep((opts.restSeconds ?? 3) * 1000);
      const rest = median([rssMb(pid), (await sleep(100), rssMb(pid)), (await sleep(100), rssMb(pid))]);
      const samples: number[] = [];
      const timer = setInterval(() => samples.push(rssMb(pid)), 200);
      const res = await runTransitionsClient({ ...job, seconds: opts.seconds, instances });
      clearInterval(timer);
      samples.push(rssMb(pid));
      instances = res.instances;
      restRssMb.push(rest);
      loadPeakRssMb.push(Math.max(...samples));
      loadMedianRssMb.push(median(samples));
      peakToRest.push(Math.max(...samples) / rest);
      transitionsPerSec.push(res.perSec);
    }
    return { workload: `server RSS at rest and under transitions at ${opts.connections} clients (separate process)`, restRssMb, loadPeakRssMb, loadMedianRssMb, peakToRest, transitionsPerSec };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
}
