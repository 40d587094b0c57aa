import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql, type RawBuilder } from 'kysely';
import type { Services } from '../../src/core/services.ts';
import { civilDate, dayNumber, daysInMonth, formatDayNumber, parseIsoDate } from '../../src/core/calendar/dates.ts';
import { formatNumber } from '../../src/modules/normative-docs/numbering.ts';
import { segmentForIndex } from '../../src/modules/normative-docs/text-search.ts';
import { validityEnd } from '../../src/modules/normative-docs/validity.ts';

/**
 * Generated normative documents for the benchmarks: `n` rows in `normative_documents`, each
 * with its `procedure_instances` row (procedure 'normative.document', state = status) and
 * `instance_id` set, as the demo writes them but in bulk — multi-row INSERTs of `batch`
 * rows, one transaction per batch, ids reserved from the identity sequences so each batch
 * is two statements and no row is rewritten afterwards.
 *
 * Content: bodies are 5–30 sentences of the seed documents (../shared/seeds/*.txt, split on
 * 。), titles "<issuing body><topic>管理办法" with topics from the seeds' (and the demo's)
 * vocabulary, issuers the demo's organisations. Dates run from `s.today()`:
 *  - exactly round(n·expiredShare) documents in force with `expires_on` before today
 *    (the next expiry scan expires them),
 *  - exactly round(n·reminderShare) in force with `expires_on` within the next 60 days,
 *  - the rest published over the last 5 years with `expires_on` = published + 5 years − 1
 *    day (beyond the reminder window), apart from a few historical rows already
 *    'abolished' / 'expired' (not in force: neither the catalogue nor the scan sees them).
 * `search_vector` is `to_tsvector('simple', segmentForIndex(title + '\n' + body))`, exactly
 * what the module's `searchVector(title, body)` computes; segmentation runs in a worker
 * thread, one batch ahead of the inserts.
 */

export interface GenerateOptions {
  seed: number;
  expiredShare: number;
  reminderShare: number;
  /** Rows per INSERT and per transaction (default 1,000). */
  batch?: number;
  /** Progress lines on stderr (default true). */
  progress?: boolean;
  /** A label for the progress lines (e.g. 'postgres'). */
  label?: string;
  /**
   * Drop the GIN index `normative_documents_search` for the load and build it again after
   * from its own definition (pg_indexes.indexdef), as a bulk load does (default: n ≥ 10,000).
   * Row-by-row GIN maintenance is ~3/4 of the insert time on PGlite otherwise.
   */
  rebuildSearchIndex?: boolean;
  /** Issuing bodies: only these organisations (default: every active organisation of an issuing type, the demo's included). */
  issuerOrgIds?: number[];
  /** Called after every batch with the documents written so far (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  documents: number;
  /** In force, expires_on < today: what the next scan expires (generated rows only). */
  expiring: number;
  /** In force, today ≤ expires_on ≤ today + 60 (generated rows only). */
  inReminderWindow: number;
  /** Historical rows not in force (abolished / expired). */
  notInForce: number;
  /** Wall time of the inserts (incl. segmentation), seconds. */
  seconds: number;
  /** Building the GIN index again after the load (0 when it was kept), seconds. */
  indexSeconds: number;
  /** VACUUM ANALYZE afterwards, seconds. */
  analyzeSeconds: number;
  rowsPerSec: number;
  firstId: number;
  lastId: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS_DIR = process.env.FAZHI_SEEDS_DIR ?? path.resolve(ROOT, '../shared/seeds');

import { mulberry32 } from '../../src/core/random.ts';

export { mulberry32 };

/** Sentences of the seed documents: split on 。 (and lines), mostly Chinese, 8–200 chars. */
export function seedSentences(dir = SEEDS_DIR): string[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (!files.length) throw new Error(`no seed documents in ${dir}`);
  const out = new Set<string>();
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const line of text.split(/\r?\n/)) {
      for (let s of line.split('。')) {
        s = s.replace(/\s+/g, '').trim();
        if (s.length < 8 || s.length > 200) continue;
        const han = (s.match(/\p{Script=Han}/gu) ?? []).length;
        if (han / s.length < 0.7) continue;
        out.add(`${s}。`);
      }
    }
  }
  return [...out];
}

/**
 * Topics for titles — each occurs verbatim in the seed documents (行政许可, 公共服务,
 * 行政复议, …) or in the demo's documents (入河排污口, 住宅小区物业管理, 行政处罚裁量权,
 * 城市绿化, 养犬).
 */
export const TOPICS = [
  '入河排污口', '住宅小区物业管理', '行政处罚裁量权', '行政许可', '安全生产', '食品药品安全', '公共服务', '政务公开', '政府信息公开', '行政执法',
  '合法性审查', '规范性文件备案审查', '规范性文件清理', '公开征求意见', '重大行政决策听证', '行政复议', '社会保障', '市场监管', '应急管理', '城市管理',
  '环境保护', '行政审批', '监督检查', '社会组织', '教育培训', '政府采购', '行政调解', '法律顾问', '城市绿化', '养犬',
];
const SUFFIXES = ['管理办法', '管理办法', '管理办法', '管理办法', '实施办法', '暂行规定', '实施细则'];
const BASES = ['中华人民共和国行政处罚法', '中华人民共和国行政许可法', '中华人民共和国安全生产法', '中华人民共和国食品安全法', '中华人民共和国政府信息公开条例', '中华人民共和国行政复议法', '中华人民共和国水污染防治法', '物业管理条例', '城市绿化条例'];
const CN = '零一二三四五六七八九';
function cnNumber(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
}

/** The same calendar day `years` earlier (29 February → 28 February). */
function minusYears(day: number, years: number): number {
  const { y, m, d } = civilDate(day);
  return dayNumber(y - years, m, Math.min(d, daysInMonth(y - years, m)));
}

type Kind = 'normal' | 'expiring' | 'reminder' | 'abolished' | 'expired';
const IN_FORCE_STATUSES = ['approved', 'approved', 'approved', 'filed', 'filed', 'published'] as const;

interface Issuer {
  id: number;
  name: string;
  region: string;
  docType: 'government' | 'department';
  pattern: string;
}

interface Row {
  id: number;
  instanceId: number;
  issuer: Issuer;
  title: string;
  body: string;
  status: string;
  affectsRights: boolean;
  bases: string[];
  regNumber: string;
  regYear: number;
  regSeq: number;
  publishedOn: string;
  expiresOn: string;
  commentFrom: string;
  commentUntil: string;
}

/** A long-lived worker thread running `segmentForIndex`; falls back to the main thread. */
function segmenter() {
  let worker: Worker | null = null;
  const pending = new Map<number, { resolve: (out: string[]) => void; reject: (err: unknown) => void }>();
  let next = 0;
  try {
    const url = new URL('./segment-worker.ts', import.meta.url).href;
    worker = new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url)}); })`, { eval: true });
    worker.on('message', (m: { id: number; out: string[] }) => {
      pending.get(m.id)?.resolve(m.out);
      pending.delete(m.id);
    });
    worker.on('error', (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  } catch {
    worker = null;
  }
  return {
    segment(texts: string[]): Promise<string[]> {
      if (!worker) return Promise.resolve(texts.map((t) => segmentForIndex(t)));
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, texts });
      });
    },
    async close() {
      if (worker) await worker.terminate();
    },
  };
}

export async function generateNormativeDocuments(s: Services, n: number, opts: GenerateOptions): Promise<GenerateResult> {
  const batchSize = opts.batch ?? 1000;
  const progress = opts.progress ?? true;
  const label = opts.label ? `[${opts.label}] ` : '';
  const rnd = mulberry32(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive

  const sentences = seedSentences();
  if (sentences.length < 100) throw new Error(`only ${sentences.length} usable seed sentences in ${SEEDS_DIR}`);

  // Issuing bodies: the demo's organisations that can issue normative documents.
  const orgs = await s.db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_type', 'region_code'])
    .where('org_type', 'in', ['people_government', 'government_department', 'legal_affairs', 'enforcement_agency', 'township_street'])
    .where('active', '=', true)
    .$if(!!opts.issuerOrgIds, (q) => q.where('id', 'in', opts.issuerOrgIds!.length ? opts.issuerOrgIds! : [0]))
    .orderBy('id')
    .execute();
  if (!orgs.length) throw new Error('no organisations: load the demo first');
  const patterns = new Map<number, string>(
    (await sql<{ org_id: number; number_pattern: string }>`select org_id, number_pattern from normative_issuers`.execute(s.db)).rows.map((r) => [r.org_id, r.number_pattern]),
  );
  const issuers: Issuer[] = orgs.map((o) => ({
    id: o.id,
    name: o.name,
    region: o.region_code,
    docType: o.org_type === 'people_government' || o.org_type === 'township_street' ? 'government' : 'department',
    // Announced issuers number as announced; the others get a distinct generated pattern.
    pattern: patterns.get(o.id) ?? `演${o.id}规〔{year}〕{seq}号`,
  }));
  // Registration numbers continue after what exists: (issuer, year, seq) stays unique.
  const seq = new Map<string, number>();
  for (const r of (await sql<{ k: string; m: number }>`select issuer_org_id || '/' || reg_year as k, max(reg_seq)::int as m from normative_documents where reg_year is not null group by 1
      union all select org_id || '/' || year, last_seq from normative_number_seq`.execute(s.db)).rows)
    seq.set(r.k, Math.max(seq.get(r.k) ?? 0, Number(r.m)));
  const legal = await s.db.selectFrom('users').select('id').where('username', '=', 'legal').executeTakeFirst();
  const createdBy = legal?.id ?? null;

  // Exact counts per kind, in a seeded random order.
  const today = parseIsoDate(s.today());
  const nExpiring = Math.round(n * opts.expiredShare);
  const nReminder = Math.round(n * opts.reminderShare);
  const nAbolished = Math.round(n * 0.03);
  const nExpired = Math.round(n * 0.02);
  const kinds: Kind[] = [];
  for (const [k, c] of [['expiring', nExpiring], ['reminder', nReminder], ['abolished', nAbolished], ['expired', nExpired]] as const) for (let i = 0; i < c; i++) kinds.push(k);
  while (kinds.length < n) kinds.push('normal');
  kinds.length = n;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }

  const makeRow = (kind: Kind): Omit<Row, 'id' | 'instanceId'> => {
    const issuer = pick(issuers);
    const topic = pick(TOPICS);
    const title = `${issuer.name}${topic}${pick(SUFFIXES)}`;
    // Published / last day of validity, by kind.
    let published: number;
    let expires: number;
    if (kind === 'expiring') {
      expires = today - int(1, 365);
      published = minusYears(expires + 1, 5);
    } else if (kind === 'reminder') {
      expires = today + int(0, 60);
      published = minusYears(expires + 1, 5);
    } else if (kind === 'expired') {
      published = today - int(5 * 365 + 400, 8 * 365);
      expires = parseIsoDate(validityEnd(formatDayNumber(published), 5));
    } else {
      // Over the last 5 years, ending beyond the 60-day reminder window.
      for (;;) {
        published = today - int(1, 5 * 365);
        expires = parseIsoDate(validityEnd(formatDayNumber(published), 5));
        if (expires > today + 60) break;
      }
    }
    const status = kind === 'abolished' ? 'abolished' : kind === 'expired' ? 'expired' : pick(IN_FORCE_STATUSES);
    const count = int(5, 30);
    const lines = [`第一条 为加强${topic}工作，规范相关行政行为，根据有关法律、法规和规章，结合本地实际，制定本办法。`];
    for (let k = 1; k < count; k++) lines.push(`第${cnNumber(k + 1)}条 ${pick(sentences)}`);
    lines.push(`第${cnNumber(count + 1)}条 本办法自公布之日起施行，有效期5年。`);
    const year = civilDate(published).y;
    const key = `${issuer.id}/${year}`;
    const regSeq = (seq.get(key) ?? 0) + 1;
    seq.set(key, regSeq);
    const bases = rnd() < 0.8 ? [pick(BASES)] : [];
    return {
      issuer,
      title,
      body: lines.join('\n'),
      status,
      affectsRights: rnd() < 0.8,
      bases,
      regNumber: formatNumber(issuer.pattern, year, regSeq),
      regYear: year,
      regSeq,
      publishedOn: formatDayNumber(published),
      expiresOn: formatDayNumber(expires),
      commentFrom: formatDayNumber(published - 60),
      commentUntil: formatDayNumber(published - 31),
    };
  };

  const rebuild = opts.rebuildSearchIndex ?? n >= 10_000;
  const indexdef = (await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'normative_documents_search' and schemaname = current_schema()`.execute(s.db)).rows[0]?.indexdef;
  if (rebuild && !indexdef) throw new Error('index normative_documents_search not found');

  const seg = segmenter();
  const t0 = performance.now();
  if (rebuild) await sql`drop index normative_documents_search`.execute(s.db);
  let done = 0;
  let lastReport = 0;
  let firstId = 0;
  let lastId = 0;
  let waitSegment = 0;
  let inserting = 0;
  const batches = Math.ceil(n / batchSize);
  const prepare = (b: number) => {
    const rows = [];
    for (let i = b * batchSize; i < Math.min(n, (b + 1) * batchSize); i++) rows.push(makeRow(kinds[i]));
    return { rows, vectors: seg.segment(rows.map((r) => `${r.title}\n${r.body}`)) };
  };
  try {
    let ahead = prepare(0);
    for (let b = 0; b < batches; b++) {
      const cur = ahead;
      if (b + 1 < batches) ahead = prepare(b + 1); // segmented in the worker meanwhile
      const tw = performance.now();
      const vectors = await cur.vectors;
      waitSegment += performance.now() - tw;
      const m = cur.rows.length;
      const ti = performance.now();
      await s.tx(async (tx) => {
        const ids = (await sql<{ d: number; p: number }>`select nextval(pg_get_serial_sequence('normative_documents', 'id'))::int as d, nextval(pg_get_serial_sequence('procedure_instances', 'id'))::int as p from generate_series(1, ${m})`.execute(tx)).rows;
        const rows: Row[] = cur.rows.map((r, i) => ({ ...r, id: ids[i].d, instanceId: ids[i].p }));
        const inst: RawBuilder<unknown>[] = rows.map(
          (r) => sql`(${r.instanceId}, 'normative.document', 'normative', 'normative_document', ${String(r.id)}, ${r.title}, ${r.status}, ${r.issuer.id}, ${r.issuer.region}, ${createdBy})`,
        );
        await sql`insert into procedure_instances (id, procedure, module, subject_type, subject_id, title, state, org_id, region_code, created_by) overriding system value values ${sql.join(inst)}`.execute(tx);
        const docs: RawBuilder<unknown>[] = rows.map(
          (r, i) =>
            sql`(${r.id}, ${r.issuer.id}, ${r.issuer.region}, ${r.issuer.id}, ${r.title}, ${r.issuer.docType}, false, ${r.affectsRights}, ${r.body}, ${`{${r.bases.join(',')}}`}, ${r.status}, ${r.instanceId}, ${r.commentFrom}, ${r.commentUntil}, ${r.regNumber}, ${r.regYear}, ${r.regSeq}, ${r.publishedOn}, ${r.publishedOn}, ${r.expiresOn}, to_tsvector('simple', ${vectors[i]}), ${createdBy})`,
        );
        await sql`insert into normative_documents (id, org_id, region_code, issuer_org_id, title, doc_type, provisional, affects_rights, body, legal_bases, status, instance_id, comment_from, comment_until, reg_number, reg_year, reg_seq, published_on, effective_on, expires_on, search_vector, created_by) overriding system value values ${sql.join(docs)}`.execute(tx);
        if (!firstId) firstId = rows[0].id;
        lastId = rows[m - 1].id;
      });
      inserting += performance.now() - ti;
      done += m;
      opts.onProgress?.(done, n);
      if (progress && (done - lastReport >= 10_000 || done === n)) {
        lastReport = done;
        const sec = (performance.now() - t0) / 1000;
        process.stderr.write(`${label}generated ${done.toLocaleString('en')} / ${n.toLocaleString('en')} normative documents in ${sec.toFixed(1)} s (${Math.round(done / sec).toLocaleString('en')} rows/s; inserts ${(inserting / 1000).toFixed(1)} s, waiting for segmentation ${(waitSegment / 1000).toFixed(1)} s)\n`);
      }
    }
  } finally {
    await seg.close();
  }
  let indexSeconds = 0;
  if (rebuild) {
    const ti = performance.now();
    // Same definition as the migration's, read back from the catalogue before the drop.
    await s.db.connection().execute(async (c) => {
      await sql`set maintenance_work_mem = '256MB'`.execute(c);
      await sql.raw(indexdef!).execute(c);
      await sql`reset maintenance_work_mem`.execute(c);
    });
    indexSeconds = (performance.now() - ti) / 1000;
    if (progress) process.stderr.write(`${label}rebuilt index normative_documents_search: ${indexSeconds.toFixed(1)} s\n`);
  }
  // Later publications continue the numbering.
  await s.tx(async (tx) => {
    for (const [k, last] of seq) {
      const [org, year] = k.split('/').map(Number);
      await sql`insert into normative_number_seq (org_id, year, last_seq) values (${org}, ${year}, ${last}) on conflict (org_id, year) do update set last_seq = greatest(normative_number_seq.last_seq, excluded.last_seq)`.execute(tx);
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  // What autovacuum would have done on a server (PGlite runs none): statistics for the
  // planner, and the GIN pending list merged into the index.
  const t1 = performance.now();
  await sql`vacuum analyze normative_documents`.execute(s.db);
  await sql`analyze procedure_instances`.execute(s.db);
  const analyzeSeconds = (performance.now() - t1) / 1000;
  if (progress) process.stderr.write(`${label}vacuum analyze: ${analyzeSeconds.toFixed(1)} s\n`);
  return { documents: n, expiring: nExpiring, inReminderWindow: nReminder, notInForce: nAbolished + nExpired, seconds, indexSeconds, analyzeSeconds, rowsPerSec: n / seconds, firstId, lastId };
}
