import { sql } from 'kysely';
import { makeEnv, type DbKind, type TestEnv } from '../../test/helpers.ts';
import { runExpiryScan } from '../../src/modules/normative-docs/expiry.ts';
import { IN_FORCE } from '../../src/modules/normative-docs/states.ts';
import { addCalendarDays } from '../../src/modules/normative-docs/validity.ts';
import { ruleValue } from '../../src/core/rules/service.ts';
import { generateNormativeDocuments } from '../generate/normative.ts';

/**
 * The daily validity scan `runExpiryScan(s)` over `documents` generated normative documents,
 * of which `expiredShare` are in force but past validity (the scan expires them through the
 * procedure engine) and `reminderShare` fall in the 60-day reminder window (the scan
 * reminds and opens an evaluation deadline): seconds for the first scan (does the work)
 * and for a second one the same day (idempotent, finds nothing), on PostgreSQL and PGlite.
 *
 * Between repetitions the data go back to the state before the scan: the touched
 * documents and procedure instances are restored from a snapshot, and the rows the scan
 * added (procedure history, reminders, deadlines and their events) are deleted; the
 * append-only SM3 audit chain is left alone (it grows by the scan's entries each time).
 * Every repetition asserts the scan expired and reminded exactly the expected numbers
 * (counted in SQL beforehand) and that the second scan changed nothing.
 */
const SNAPSHOT_TABLES = ['bench_expiry_docs', 'bench_expiry_inst', 'bench_expiry_rem', 'bench_expiry_dl'];

async function expected(env: TestEnv, today: string) {
  const db = env.s.db;
  const inForce = sql.join([...IN_FORCE].map((s) => sql`${s}`));
  const expire = (await sql<{ n: number }>`select count(*)::int as n from normative_documents where status in (${inForce}) and expires_on < ${today}`.execute(db)).rows[0].n;
  const thresholds = await ruleValue<number[]>(db, 'normative.expiry_reminder_days', '000000', today);
  let remind = 0;
  for (const days of thresholds) {
    remind += (
      await sql<{ n: number }>`select count(*)::int as n from normative_documents d where d.status in (${inForce}) and d.expires_on >= ${today} and d.expires_on <= ${addCalendarDays(today, days)}
        and not exists (select 1 from normative_expiry_reminders r where r.document_id = d.id and r.days_before = ${days})`.execute(db)
    ).rows[0].n;
  }
  return { expire, remind, thresholds };
}

/** Snapshot of what the scan touches; returns the reset. */
async function snapshot(env: TestEnv, today: string) {
  const db = env.s.db;
  const horizon = addCalendarDays(today, 400); // generously beyond every reminder threshold
  for (const t of SNAPSHOT_TABLES) await sql.raw(`drop table if exists ${t}`).execute(db);
  await sql`create table bench_expiry_docs as select id, status, version, updated_at from normative_documents where expires_on <= ${horizon}`.execute(db);
  await sql`create table bench_expiry_inst as select p.id, p.state, p.version, p.data, p.updated_at from procedure_instances p where p.id in (select instance_id from normative_documents where expires_on <= ${horizon} and instance_id is not null)`.execute(db);
  await sql`create table bench_expiry_rem as select document_id, days_before from normative_expiry_reminders`.execute(db);
  await sql`create table bench_expiry_dl as select id, status, version, closed_at, close_reason, paused_since, updated_at from deadlines where status <> 'closed'`.execute(db);
  const marks = (
    await sql<{ h: number; d: number; e: number }>`select (select coalesce(max(id), 0) from procedure_history)::int as h, (select coalesce(max(id), 0) from deadlines)::int as d, (select coalesce(max(id), 0) from deadline_events)::int as e`.execute(db)
  ).rows[0];
  return async function reset() {
    await env.s.tx(async (tx) => {
      await sql`update normative_documents d set status = b.status, version = b.version, updated_at = b.updated_at from bench_expiry_docs b where d.id = b.id and (d.status, d.version) is distinct from (b.status, b.version)`.execute(tx);
      await sql`update procedure_instances p set state = b.state, version = b.version, data = b.data, updated_at = b.updated_at from bench_expiry_inst b where p.id = b.id and (p.state, p.version) is distinct from (b.state, b.version)`.execute(tx);
      await sql`delete from procedure_history where id > ${marks.h}`.execute(tx);
      await sql`delete from normative_expiry_reminders r where not exists (select 1 from bench_expiry_rem b where b.document_id = r.document_id and b.days_before = r.days_before)`.execute(tx);
      await sql`delete from deadline_events where id > ${marks.e}`.execute(tx);
      await sql`delete from deadlines where id > ${marks.d}`.execute(tx);
      await sql`update deadlines d set status = b.status, version = b.version, closed_at = b.closed_at, close_reason = b.close_reason, paused_since = b.paused_since, updated_at = b.updated_at from bench_expiry_dl b where d.id = b.id and d.version <> b.version`.execute(tx);
    });
    // What autovacuum would do between two daily scans; keeps the repetitions alike.
    for (const t of ['normative_documents', 'procedure_instances', 'procedure_history', 'normative_expiry_reminders', 'deadlines', 'deadline_events', 'audit_log']) await sql.raw(`vacuum analyze ${t}`).execute(db);
  };
}

async function benchKind(kind: DbKind, opts: { reps: number; documents: number; expiredShare: number; reminderShare: number; slowRepSeconds: number }) {
  // A fixed clock: every repetition scans "the same day", whatever the wall clock does.
  const fixed = new Date();
  const env = await makeEnv(kind, { now: () => new Date(fixed) });
  try {
    const gen = await generateNormativeDocuments(env.s, opts.documents, { seed: 20260102, expiredShare: opts.expiredShare, reminderShare: opts.reminderShare, label: kind });
    const today = env.s.today();
    const want = await expected(env, today);
    if (want.expire < gen.expiring) throw new Error(`expected at least ${gen.expiring} documents to expire, SQL counts ${want.expire}`);
    process.stderr.write(`[${kind}] scan on ${today}: ${want.expire} to expire, ${want.remind} reminders due (thresholds ${want.thresholds.join('/')} days)\n`);
    const reset = await snapshot(env, today);
    const out = { firstScanS: [] as number[], secondScanS: [] as number[], expired: [] as number[], reminded: [] as number[] };
    let measured = opts.reps;
    let note = '';
    for (let rep = 0; rep <= measured; rep++) {
      const t0 = performance.now();
      const first = await runExpiryScan(env.s);
      const t1 = performance.now();
      const second = await runExpiryScan(env.s);
      const t2 = performance.now();
      const firstS = (t1 - t0) / 1000;
      const secondS = (t2 - t1) / 1000;
      process.stderr.write(`[${kind}] ${rep === 0 ? 'warm-up' : `rep ${rep}`}: first scan ${firstS.toFixed(2)} s (expired ${first.expired}, reminded ${first.reminded}), second scan ${secondS.toFixed(2)} s (expired ${second.expired}, reminded ${second.reminded})\n`);
      if (first.expired !== want.expire || first.reminded !== want.remind) throw new Error(`[${kind}] rep ${rep}: the scan expired ${first.expired} / reminded ${first.reminded}, expected ${want.expire} / ${want.remind}`);
      if (second.expired !== 0 || second.reminded !== 0) throw new Error(`[${kind}] rep ${rep}: the second scan was not idempotent (${JSON.stringify(second)})`);
      if (rep === 0 && firstS + secondS > opts.slowRepSeconds && measured > 3) {
        measured = 3;
        note = `a repetition took ${(firstS + secondS).toFixed(0)} s (> ${opts.slowRepSeconds} s): 3 measured repetitions instead of ${opts.reps}`;
        process.stderr.write(`[${kind}] ${note}\n`);
      }
      if (rep > 0) {
        out.firstScanS.push(firstS);
        out.secondScanS.push(secondS);
        out.expired.push(first.expired);
        out.reminded.push(first.reminded);
      }
      await reset();
      const again = await expected(env, today);
      if (again.expire !== want.expire || again.remind !== want.remind) throw new Error(`[${kind}] reset after rep ${rep} left ${again.expire} / ${again.remind} instead of ${want.expire} / ${want.remind}`);
    }
    return { ...out, genSeconds: [gen.seconds], genRowsPerSec: [gen.rowsPerSec], generation: gen, measuredReps: measured, note: note || `${measured} measured repetitions after a warm-up` };
  } finally {
    await env.close();
  }
}

export async function runExpiryBench(opts: { reps: number; documents?: number; expiredShare?: number; reminderShare?: number; slowRepSeconds?: number; kinds?: DbKind[] }) {
  const o = { reps: opts.reps, documents: opts.documents ?? 100_000, expiredShare: opts.expiredShare ?? 0.02, reminderShare: opts.reminderShare ?? 0.03, slowRepSeconds: opts.slowRepSeconds ?? 60 };
  const result: Record<string, unknown> = {
    workload: `daily expiry scan over ${o.documents.toLocaleString('en')} documents (${o.expiredShare * 100}% past validity, ${o.reminderShare * 100}% in the 60-day reminder window): first scan / idempotent second scan, seconds`,
  };
  for (const kind of opts.kinds ?? (['postgres', 'pglite'] as DbKind[])) {
    const prefix = kind === 'postgres' ? 'pg' : 'pglite';
    const r = await benchKind(kind, o);
    for (const [k, v] of Object.entries(r)) result[`${prefix}.${k}`] = v;
  }
  return result;
}
