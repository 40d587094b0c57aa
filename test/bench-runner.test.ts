import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { betterOf, compareResults, type BenchFile } from '../bench/results.ts';

/**
 * The bench runner at a tiny scale (no timing assertions): `--only calendar` writes a
 * well-formed result file, `--compare` passes against itself and fails (exit 1) against a
 * result that was much better, in each measure's direction.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8', env: { ...process.env, BENCH_CALENDAR_OPS: '5000' }, timeout: 60_000 });

describe('npm run bench (smoke)', () => {
  it('runs one workload and writes a well-formed result file', () => {
    const out = path.join(dir, 'a.json');
    const r = bench('--only', 'calendar', '--reps', '2', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/calendar\s+\| opsPerSec/);
    const f: BenchFile = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(Object.keys(f.results)).toEqual(['calendar']);
    expect(f.reps).toBe(2);
    expect(typeof f.sha).toBe('string');
    expect(Number.isNaN(Date.parse(f.date!))).toBe(false);
    const cal = f.results.calendar as Record<string, number[]>;
    for (const k of ['opsPerSec', 'baselineOpsPerSec', 'ratio']) {
      expect(cal[k]).toHaveLength(2);
      expect(f.measures!.calendar[k]).toMatchObject({ n: 2, better: 'higher' });
      expect(f.measures!.calendar[k].median).toBeGreaterThan(0);
    }
  });

  it('compares with an earlier result and fails past the threshold', () => {
    const a = path.join(dir, 'a.json');
    const same = bench('--compare', a, '--current', a);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/calendar\s+\| opsPerSec \(↑\)\s+\|.*\| 1\.00\s+\| ok/);
    // An earlier result twice as fast: now 2× worse, past 1.25 but within 3.
    const f: BenchFile = JSON.parse(fs.readFileSync(a, 'utf8'));
    f.measures!.calendar.opsPerSec.median *= 2;
    const faster = path.join(dir, 'faster.json');
    fs.writeFileSync(faster, JSON.stringify(f));
    const worse = bench('--compare', faster, '--current', a);
    expect(worse.status).toBe(1);
    expect(worse.stdout).toMatch(/calendar\.opsPerSec/);
    expect(bench('--compare', faster, '--current', a, '--threshold', '3').status).toBe(0);
    expect(bench('--only', 'nosuch').status).toBe(2);
  });
});

describe('regression guard', () => {
  it('knows which way each measure is better', () => {
    expect(betterOf('transitionsPerSec')).toBe('higher');
    expect(betterOf('ratioToPgbenchN')).toBe('higher');
    expect(betterOf('pgbenchNTps')).toBe('higher');
    expect(betterOf('caseP95Ms')).toBe('lower');
    expect(betterOf('postgres.apiMedianMsPerWord')).toBe('lower');
    expect(betterOf('restRssMb')).toBe('lower');
    expect(betterOf('roundCreateSeconds')).toBe('lower');
    expect(betterOf('peakToRest')).toBe('lower');
    expect(betterOf('documents')).toBe(null);
  });

  it('compares medians in the direction of each measure', () => {
    const file = (w: Record<string, unknown>): BenchFile => ({ results: { x: w } });
    const before = file({ reqPerSec: [100, 100, 100], p95Ms: [10, 10, 10], count: [5] });
    const now = file({ reqPerSec: [70, 80, 90], p95Ms: [13, 12, 14], count: [50] });
    const r = compareResults(before, now, 1.25);
    const by = Object.fromEntries(r.rows.map((x) => [x.measure, x]));
    expect(by.reqPerSec.worseBy).toBeCloseTo(1.25);
    expect(by.reqPerSec.verdict).toBe('ok'); // exactly 1.25 is not past it
    expect(by.p95Ms.verdict).toBe('WORSE'); // 13 / 10
    expect(by.count.verdict).toBe('n/a');
    expect(r.regressions.map((x) => x.measure)).toEqual(['p95Ms']);
    expect(compareResults(now, before, 1.25).rows.find((x) => x.measure === 'p95Ms')!.verdict).toBe('better');
  });
});
