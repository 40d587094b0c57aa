import { sql } from 'kysely';
import type { Services } from '../../src/core/services.ts';
import { DEPT_KINDS, generateProvince, type ProvinceResult } from './province.ts';
import { generateEnforcementData } from './enforcement.ts';
import { generateNormativeDocuments } from './normative.ts';
import { generatePeople } from './people.ts';
import { generateGovernance } from './governance.ts';

/**
 * `fazhi generate --scale county|city|province`: a whole synthetic jurisdiction through the
 * bench generators, in this order — the organisation tree (province.ts, four levels), the
 * enforcement subjects, powers, officers and cases (enforcement.ts), users, more officers
 * and their training (people.ts), normative documents issued by the tree's bodies
 * (normative.ts), decisions and plans with their tasks (governance.ts). Province is the
 * size the benchmarks measure; city and county are proportionally smaller. The same seed
 * on the same day gives the same rows (dates run back from today).
 */

export type Scale = 'county' | 'city' | 'province';

export interface ScaleSpec {
  cities: number;
  counties: number;
  townshipsPerCounty: number;
  users: number;
  officers: number;
  cases: number;
  documents: number;
  decisions: number;
  tasks: number;
  /** Days back from today over which cases are filed. */
  spanDays: number;
}

export const SCALES: Record<Scale, ScaleSpec> = {
  // 1,942 organisations (14 cities, 100 counties, 800 townships), 912 enforcement departments.
  province: { cities: 14, counties: 100, townshipsPerCounty: 8, users: 50_000, officers: 20_000, cases: 1_000_000, documents: 100_000, decisions: 5_000, tasks: 10_000, spanDays: 1095 },
  // One city of 8 counties: ≈ 1/12 of the province.
  city: { cities: 1, counties: 8, townshipsPerCounty: 8, users: 4_000, officers: 1_600, cases: 80_000, documents: 8_000, decisions: 400, tasks: 800, spanDays: 1095 },
  // One county (with its city and province shells): small enough for the test suite on PGlite.
  county: { cities: 1, counties: 1, townshipsPerCounty: 6, users: 300, officers: 150, cases: 1_500, documents: 300, decisions: 40, tasks: 80, spanDays: 1095 },
};

export interface GenerateSummary {
  scale: Scale;
  seed: number;
  province: ProvinceResult;
  counts: Record<string, number>;
  seconds: number;
  phases: Record<string, number>;
}

export const COUNTED_TABLES = [
  'regions', 'orgs', 'users', 'role_grants', 'enforcement_subjects', 'enforcement_powers', 'enforcement_officers', 'enforcement_training', 'enforcement_cases', 'enforcement_records',
  'normative_documents', 'decision_catalogues', 'decisions', 'plans', 'plan_tasks', 'plan_milestones', 'procedure_instances', 'deadlines',
] as const;

export async function rowCounts(s: Services): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COUNTED_TABLES) out[t] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(s.db)).rows[0].n);
  return out;
}

/** A progress bar on stderr: share done over weighted phases, rate of the current phase, ETA. */
export class ProgressBar {
  private readonly t0 = performance.now();
  private phaseStart = performance.now();
  private phase = '';
  private doneWeight = 0;
  private lastDraw = 0;
  private readonly tty: boolean;
  constructor(
    private readonly totalWeight: number,
    private readonly out: NodeJS.WriteStream | null = process.stderr,
  ) {
    this.tty = !!out?.isTTY;
  }
  start(phase: string) {
    this.phase = phase;
    this.phaseStart = performance.now();
  }
  /** `done` of `total` units of the current phase, which weighs `weight` in all. */
  update(done: number, total: number, weight: number, unit: string) {
    const now = performance.now();
    const share = Math.min(1, (this.doneWeight + (weight * done) / Math.max(1, total)) / this.totalWeight);
    if (done < total && now - this.lastDraw < (this.tty ? 200 : 5000)) return;
    this.lastDraw = now;
    const rate = done / Math.max(0.001, (now - this.phaseStart) / 1000);
    const elapsed = (now - this.t0) / 1000;
    const eta = share > 0.01 ? (elapsed * (1 - share)) / share : NaN;
    const width = 30;
    const filled = Math.round(share * width);
    const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${this.phase}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}  ${Math.round(rate).toLocaleString('en')}/s  ETA ${fmtSeconds(eta)}`;
    if (!this.out) return;
    if (this.tty) this.out.write(`\r${line}\x1b[K`);
    else this.out.write(`${line}\n`);
  }
  finish(weight: number) {
    this.doneWeight += weight;
  }
  end() {
    if (this.out && this.tty) this.out.write('\n');
  }
}

export function fmtSeconds(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const s = Math.round(x);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export async function generateScale(s: Services, scale: Scale, opts: { seed?: number; progress?: boolean; spec?: Partial<ScaleSpec> } = {}): Promise<GenerateSummary> {
  const spec = { ...SCALES[scale], ...opts.spec };
  const seed = opts.seed ?? 20261124;
  const t0 = performance.now();
  // Relative cost per row, measured roughly on PostgreSQL: documents (segmentation) weigh most.
  const phases: [name: string, weight: number][] = [
    ['organisations', 1 + spec.counties * 0.05],
    ['enforcement cases', spec.cases * 1],
    ['users and officers', (spec.users + spec.officers) * 0.15],
    ['normative documents', spec.documents * 3],
    ['decisions and plans', (spec.decisions + spec.tasks) * 0.5],
  ];
  const bar = new ProgressBar(phases.reduce((a, [, w]) => a + w, 0), opts.progress === false ? null : process.stderr);
  const seconds: Record<string, number> = {};
  const phase = async <T>(i: number, unit: string, run: (on: (d: number, t: number) => void) => Promise<T>): Promise<T> => {
    const [name, weight] = phases[i];
    const tp = performance.now();
    bar.start(name);
    const r = await run((d, t) => bar.update(d, t, weight, unit));
    bar.finish(weight);
    seconds[name] = Math.round((performance.now() - tp) / 100) / 10;
    return r;
  };
  const year = Number(s.today().slice(0, 4));
  const years = [year - 2, year - 1, year];

  const province = await phase(0, 'orgs', async (on) => {
    const p = await generateProvince(s, { cities: spec.cities, counties: spec.counties, townshipsPerCounty: spec.townshipsPerCounty, progress: false });
    on(p.orgs, p.orgs);
    return p;
  });
  await phase(1, 'cases', (on) => generateEnforcementData(s, province, spec.cases, { seed, spanDays: spec.spanDays, progress: false, onProgress: on, batch: Math.min(10_000, Math.max(500, Math.ceil(spec.cases / 10))) }));
  await phase(2, 'rows', (on) => generatePeople(s, province, { users: spec.users, officers: spec.officers, years, seed: seed + 2, onProgress: on }));
  const issuers = await announceIssuers(s, province);
  await phase(3, 'documents', (on) => generateNormativeDocuments(s, spec.documents, { seed: seed + 1, expiredShare: 0.02, reminderShare: 0.03, progress: false, issuerOrgIds: issuers, onProgress: on }));
  await phase(4, 'rows', (on) => generateGovernance(s, province, { decisions: spec.decisions, tasks: spec.tasks, years, seed: seed + 3, onProgress: on }));
  bar.end();
  return { scale, seed, province, counts: await rowCounts(s), seconds: (performance.now() - t0) / 1000, phases: seconds };
}

/**
 * Every government, legal-affairs office and department of the tree as an announced issuer of
 * normative documents (制定主体) with its own number pattern — 青岚政规〔2025〕3号, 青岚市监规〔…〕 —
 * so generated documents carry the numbers of their issuer. Returns the issuers' ids.
 */
export async function announceIssuers(s: Services, province: ProvinceResult): Promise<number[]> {
  const rows: { o: number; g: string; t: string; p: string }[] = [];
  const pshort = province.province.name.slice(0, 2);
  rows.push({ o: province.province.governmentId, g: province.province.code, t: 'government', p: `${pshort}政规〔{year}〕{seq}号` });
  rows.push({ o: province.province.legalAffairsId, g: province.province.code, t: 'department', p: `${pshort}司规〔{year}〕{seq}号` });
  for (const c of province.cities)
    for (const u of [c, ...c.counties]) {
      const short = u.departments[0].placeShort;
      rows.push({ o: u.governmentId, g: u.regionCode, t: 'government', p: `${short}政规〔{year}〕{seq}号` });
      rows.push({ o: u.legalAffairsId, g: u.regionCode, t: 'department', p: `${short}司规〔{year}〕{seq}号` });
      for (const d of u.departments) rows.push({ o: d.id, g: d.regionCode, t: 'department', p: `${short}${DEPT_KINDS.find((k) => k.kind === d.kind)!.short}规〔{year}〕{seq}号` });
    }
  const on = `${Number(s.today().slice(0, 4)) - 6}-01-15`;
  await sql`insert into normative_issuers (org_id, region_code, doc_type, number_pattern, announced_on, announcement)
    select o, g, t, p, ${on}::date, '关于公布规范性文件制定主体名单的公告' from json_to_recordset(${JSON.stringify(rows)}::json) as x(o int, g text, t text, p text)`.execute(s.db);
  return rows.map((r) => r.o);
}
