import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { runCalendarBench } from './workloads/calendar.ts';
import { runTransitionsBench } from './workloads/transitions.ts';
import { runStartupBench } from './workloads/startup.ts';
import { runSearchBench } from './workloads/search.ts';
import { runExpiryBench } from './workloads/expiry.ts';
import { runEnforcementBench } from './workloads/enforcement.ts';
import { runAssessmentBench } from './workloads/assessment.ts';

/**
 * `npm run bench [-- --only calendar|transitions|startup|search|expiry|enforcement|assessment]`: each workload runs a warm-up
 * and ≥ 5 measured repetitions; ratios are taken pair by pair within the run.
 */
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const reps = Number(process.env.BENCH_REPS ?? 5);

const median = (xs: number[]) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const spread = (xs: number[]) => {
  const v = xs.filter((x) => Number.isFinite(x));
  return v.length ? `${fmt(Math.min(...v))}–${fmt(Math.max(...v))}` : '—';
};
const fmt = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(2));

const workloads: Record<string, () => Promise<Record<string, unknown>>> = {
  calendar: () => runCalendarBench({ reps }),
  transitions: () => runTransitionsBench({ reps, seconds: 10, connections: 32 }),
  startup: () => runStartupBench({ reps }),
  search: () => runSearchBench({ reps, seconds: 20, connections: 16, documents: Number(process.env.BENCH_DOCUMENTS ?? 100_000) }),
  expiry: () => runExpiryBench({ reps, documents: Number(process.env.BENCH_DOCUMENTS ?? 100_000) }),
  enforcement: () => runEnforcementBench({ reps, seconds: 10, connections: 32, cases: Number(process.env.BENCH_CASES ?? 1_000_000) }),
  assessment: () => runAssessmentBench({ reps, cases: Number(process.env.BENCH_CASES ?? 1_000_000), documents: Number(process.env.BENCH_DOCUMENTS ?? 100_000), orgs: Number(process.env.BENCH_ORGS ?? 2000) }),
};
const absent = ['api-read'];

const results: Record<string, unknown> = {};
const rows: string[][] = [];
for (const [name, run] of Object.entries(workloads)) {
  if (only && only !== name) continue;
  process.stderr.write(`running ${name} …\n`);
  const r = await run();
  results[name] = r;
  for (const [k, v] of Object.entries(r)) {
    if (Array.isArray(v) && v.every((x) => typeof x === 'number' || x === null)) rows.push([name, k, fmt(median(v as number[])), spread(v as number[])]);
  }
}
if (!only) for (const a of absent) rows.push([a, '(its module does not exist yet)', 'absent', '']);

const widths = [12, 22, 14, 24];
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log(line(['workload', 'measure', 'median', 'spread (min–max)']));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));

const sha = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'nogit';
  }
})();
const file = path.join('bench', 'results', `${new Date().toISOString().slice(0, 10)}-${sha}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), sha, node: process.version, cpus: (await import('node:os')).cpus().length, reps, results }, null, 2));
console.log(`\nwritten ${file}`);
process.exit(0);
