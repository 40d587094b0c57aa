import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Time from `fazhi start` to the first 200 on /api/health, on the embedded database. */
async function startOnce(dataDir: string, port: number): Promise<{ ms: number; rssMb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/fazhi.mjs', 'start'], { env: { ...process.env, FAZHI_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`fazhi start exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (performance.now() - t0 > 180_000) throw new Error('start took longer than 180 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = performance.now() - t0;
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ms, rssMb: Math.round(rssKb / 1024) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function runStartupBench(opts: { reps: number }) {
  const cold: number[] = [];
  const warm: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < opts.reps; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-start-'));
    try {
      cold.push((await startOnce(dir, 3900 + i)).ms);
      const w = await startOnce(dir, 3950 + i);
      warm.push(w.ms);
      rss.push(w.rssMb);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { workload: 'startup', coldMs: cold, warmMs: warm, restRssMb: rss };
}
