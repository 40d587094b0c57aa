import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { collectMeasures, compareResults, fmt, median, spread, type BenchFile } from './results.ts';

/**
 * `npm run bench [-- options]`: each workload runs a warm-up and ≥ 5 measured repetitions
 * (BENCH_REPS or --reps); ratios are taken pair by pair within the run. Prints a table and
 * writes bench/results/<date>-<sha>.json (or --out FILE).
 *
 *   --only a[,b]         run these workloads only
 *   --compare FILE       compare with an earlier result: the ratio per measure, exit 1 when a
 *                        measure is worse by more than the threshold in its direction
 *   --threshold X        worse-by factor that fails the comparison (default 1.25 = 25 % worse)
 *   --current FILE       compare FILE (instead of running) with --compare's file
 *   --out FILE           where to write the result
 *   --reps N             measured repetitions per workload (default 5)
 */
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const known = ['--only', '--compare', '--threshold', '--current', '--out', '--reps'];
for (const [i, a] of args.entries()) {
  if (a.startsWith('--') && !known.includes(a)) {
    console.error(`unknown option ${a} (${known.join(', ')})`);
    process.exit(2);
  }
  if (known.includes(a) && (args[i + 1] === undefined || args[i + 1].startsWith('--'))) {
    console.error(`${a} needs a value`);
    process.exit(2);
  }
}
const only = opt('--only')?.split(',');
const reps = Number(opt('--reps') ?? process.env.BENCH_REPS ?? 5);
const threshold = Number(opt('--threshold') ?? 1.25);
if (!(threshold >= 1)) {
  console.error(`--threshold must be a number ≥ 1 (a worse-by factor), not ${opt('--threshold')}`);
  process.exit(2);
}
const compareWith = opt('--compare');
const currentFile = opt('--current');
if (currentFile && !compareWith) {
  console.error('--current needs --compare');
  process.exit(2);
}
const readResult = (file: string): BenchFile => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}`);
    process.exit(2);
  }
};
const baseline = compareWith ? readResult(compareWith) : undefined;

const workloads: Record<string, () => Promise<Record<string, unknown>>> = {
  calendar: async () => (await import('./workloads/calendar.ts')).runCalendarBench({ reps, ops: Number(process.env.BENCH_CALENDAR_OPS ?? 2_000_000) }),
  transitions: async () => (await import('./workloads/transitions.ts')).runTransitionsBench({ reps, seconds: 10, connections: 32 }),
  'api-read': async () => (await import('./workloads/api-read.ts')).runApiReadBench({ reps, seconds: Number(process.env.BENCH_SECONDS ?? 10), connections: 64 }),
  startup: async () => (await import('./workloads/startup.ts')).runStartupBench({ reps }),
  search: async () => (await import('./workloads/search.ts')).runSearchBench({ reps, seconds: 20, connections: 16, documents: Number(process.env.BENCH_DOCUMENTS ?? 100_000) }),
  expiry: async () => (await import('./workloads/expiry.ts')).runExpiryBench({ reps, documents: Number(process.env.BENCH_DOCUMENTS ?? 100_000) }),
  enforcement: async () => (await import('./workloads/enforcement.ts')).runEnforcementBench({ reps, seconds: 10, connections: 32, cases: Number(process.env.BENCH_CASES ?? 1_000_000) }),
  assessment: async () =>
    (await import('./workloads/assessment.ts')).runAssessmentBench({ reps, cases: Number(process.env.BENCH_CASES ?? 1_000_000), documents: Number(process.env.BENCH_DOCUMENTS ?? 100_000), orgs: Number(process.env.BENCH_ORGS ?? 2000) }),
  memory: async () => (await import('./workloads/memory.ts')).runMemoryBench({ reps, seconds: Number(process.env.BENCH_SECONDS ?? 10), connections: 32 }),
};
for (const o of only ?? []) {
  if (!workloads[o]) {
    console.error(`unknown workload ${o} (${Object.keys(workloads).join(', ')})`);
    process.exit(2);
  }
}

const widths = [12, 30, 14, 24];
const line = (cells: string[], w = widths) => cells.map((c, i) => c.padEnd(w[i])).join(' | ');

let current: BenchFile;
if (currentFile) {
  current = readResult(currentFile);
} else {
  const results: Record<string, unknown> = {};
  const rows: string[][] = [];
  for (const [name, run] of Object.entries(workloads)) {
    if (only && !only.includes(name)) continue;
    process.stderr.write(`running ${name} …\n`);
    const r = await run();
    results[name] = r;
    for (const [k, m] of Object.entries(collectMeasures(r))) rows.push([name, k, fmt(median(m.values)), spread(m.values)]);
  }
  console.log(line(['workload', 'measure', 'median', 'spread (min–max)']));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));

  const sha = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'nogit';
    }
  })();
  const measures = Object.fromEntries(
    Object.entries(results).map(([w, r]) => [w, Object.fromEntries(Object.entries(collectMeasures(r as Record<string, unknown>)).map(([k, m]) => [k, { median: median(m.values), min: Math.min(...m.values.filter(Number.isFinite)), max: Math.max(...m.values.filter(Number.isFinite)), n: m.values.length, better: m.better }]))]),
  );
  current = { date: new Date().toISOString(), sha, node: process.version, cpus: os.cpus().length, reps, results, measures };
  const file = opt('--out') ?? path.join('bench', 'results', `${new Date().toISOString().slice(0, 10)}-${sha}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(current, null, 2));
  console.log(`\nwritten ${file}`);
}

if (baseline) {
  const cmp = compareResults(baseline, current, threshold);
  const w = [12, 30, 12, 12, 8, 10];
  console.log(`\ncompared with ${compareWith} (${baseline.sha ?? '?'}, ${baseline.date?.slice(0, 10) ?? '?'}); threshold: worse by ×${threshold}`);
  console.log(line(['workload', 'measure', 'before', 'now', 'now/bef', 'verdict'], w));
  console.log(w.map((x) => '-'.repeat(x)).join('-|-'));
  for (const c of cmp.rows) console.log(line([c.workload, `${c.measure} (${c.better === 'higher' ? '↑' : c.better === 'lower' ? '↓' : '·'})`, fmt(c.before), fmt(c.now), c.ratio.toFixed(2), c.verdict], w));
  if (!cmp.rows.length) console.log('(no measure in common)');
  if (cmp.regressions.length) {
    console.log(`\n${cmp.regressions.length} measure(s) worse by more than ×${threshold}: ${cmp.regressions.map((c) => `${c.workload}.${c.measure}`).join(', ')}`);
    process.exit(1);
  }
}
process.exit(0);
