/**
 * Bench result files and their comparison: the measures of a workload's result (arrays of
 * one number per repetition, nested objects walked), the direction in which each is better
 * (by its name: rates and ratios higher, times, latencies and memory lower), and the
 * regression check of `npm run bench -- --compare`.
 */

export type Better = 'higher' | 'lower' | null;

export interface MeasureSummary {
  median: number;
  min: number;
  max: number;
  n: number;
  better: Better;
}

export interface BenchFile {
  date?: string;
  sha?: string;
  node?: string;
  cpus?: number;
  reps?: number;
  results: Record<string, unknown>;
  /** Per workload and measure (written since the regression guard; older files have only `results`). */
  measures?: Record<string, Record<string, MeasureSummary>>;
}

export const median = (xs: number[]) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
export const fmt = (x: number) => (!Number.isFinite(x) ? '—' : Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : Math.abs(x) >= 1 || x === 0 ? x.toFixed(2) : x.toPrecision(3));
export const spread = (xs: number[]) => {
  const v = xs.filter((x) => Number.isFinite(x));
  return v.length ? `${fmt(Math.min(...v))}–${fmt(Math.max(...v))}` : '—';
};

/** Which way a measure is better, from its name. Unknown names are reported, not guarded. */
export function betterOf(name: string): Better {
  const last = name.split('.').pop()!;
  if (/peakToRest|[Ss]cansPer|refus|errors?$/.test(last)) return 'lower';
  if (/PerSec|Tps$|^ratio|Ratio|^opsPerSec$|baselineOpsPerSec/.test(last)) return 'higher';
  if (/Ms(Per[A-Z]\w*)?$|^ms$|Mb\w*$|Seconds(Per[A-Z]\w*)?$|^seconds$|[Rr]ss|[Hh]wm|^p\d\d/.test(last)) return 'lower';
  return null;
}

/** The measures of a workload's result: arrays of numbers (or nulls), by dotted path. */
export function collectMeasures(r: Record<string, unknown>, prefix = '', depth = 0): Record<string, { values: number[]; better: Better }> {
  const out: Record<string, { values: number[]; better: Better }> = {};
  for (const [k, v] of Object.entries(r)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) {
      if (v.length && v.every((x) => typeof x === 'number' || x === null)) out[name] = { values: (v as (number | null)[]).map((x) => (x === null ? NaN : x)), better: betterOf(name) };
    } else if (v && typeof v === 'object' && depth < 2) Object.assign(out, collectMeasures(v as Record<string, unknown>, name, depth + 1));
  }
  return out;
}

function summaries(f: BenchFile): Record<string, Record<string, MeasureSummary>> {
  if (f.measures) return f.measures;
  return Object.fromEntries(
    Object.entries(f.results ?? {}).map(([w, r]) => [
      w,
      Object.fromEntries(Object.entries(collectMeasures((r ?? {}) as Record<string, unknown>)).map(([k, m]) => [k, { median: median(m.values), min: Math.min(...m.values), max: Math.max(...m.values), n: m.values.length, better: m.better }])),
    ]),
  );
}

export interface CompareRow {
  workload: string;
  measure: string;
  better: Better;
  before: number;
  now: number;
  /** now / before. */
  ratio: number;
  /** How many times worse (≥ 1) or better (< 1) in the measure's direction; NaN when it has none. */
  worseBy: number;
  verdict: 'ok' | 'better' | 'WORSE' | 'n/a';
}

export function compareResults(before: BenchFile, now: BenchFile, threshold = 1.25): { rows: CompareRow[]; regressions: CompareRow[] } {
  const a = summaries(before);
  const b = summaries(now);
  const rows: CompareRow[] = [];
  for (const [w, ms] of Object.entries(b)) {
    for (const [k, m] of Object.entries(ms)) {
      const old = a[w]?.[k];
      if (!old || !Number.isFinite(old.median) || !Number.isFinite(m.median)) continue;
      const better = m.better ?? betterOf(k);
      const ratio = old.median === 0 ? (m.median === 0 ? 1 : Infinity) : m.median / old.median;
      const worseBy = better === 'higher' ? 1 / ratio : better === 'lower' ? ratio : NaN;
      const verdict = !Number.isFinite(worseBy) && better === null ? 'n/a' : worseBy > threshold ? 'WORSE' : worseBy < 1 / threshold ? 'better' : 'ok';
      rows.push({ workload: w, measure: k, better, before: old.median, now: m.median, ratio, worseBy, verdict });
    }
  }
  return { rows, regressions: rows.filter((r) => r.verdict === 'WORSE') };
}
