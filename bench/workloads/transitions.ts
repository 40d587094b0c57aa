import { Worker } from 'node:worker_threads';
import { execFileSync } from 'node:child_process';
import { makeEnv, TEST_DATABASE_URL, type TestEnv } from '../../test/helpers.ts';
import { reviewModule } from '../../test/fixtures/review-module.ts';
import { modules } from '../../src/modules/index.ts';
import { createInstance } from '../../src/core/workflow/engine.ts';
import { actorFromToken } from '../../src/core/auth/session.ts';

/**
 * Procedure transitions per second through the HTTP API (session, CSRF, guard checks,
 * optimistic lock, deadlines, SM3 audit chain) on PostgreSQL with 32 concurrent clients;
 * ceilings: pgbench -N (writes) and -S (reads) TPS with 32 clients on the same server.
 */
export async function runTransitionsBench(opts: { reps: number; seconds: number; connections: number; skipPgbench?: boolean }) {
  const env: TestEnv = await makeEnv('postgres', { modules: [...modules, reviewModule] });
  try {
    const address = env.baseUrl;
    const prepared = await prepareTransitions(env, opts.connections);
    const legal = prepared.legal;
    let instances = prepared.instances;
    const results: number[] = [];
    const p99: number[] = [];
    const refusals: Record<string, number>[] = [];
    for (let rep = 0; rep <= opts.reps; rep++) {
      const r = await runTransitionsClient({ baseUrl: address, cookie: legal.cookie, csrf: legal.csrf, connections: opts.connections, seconds: rep === 0 ? 2 : opts.seconds, instances });
      instances = r.instances;
      if (rep > 0) {
        results.push(r.perSec);
        p99.push(r.p99);
        refusals.push(r.refused);
      }
    }
    const writes = opts.skipPgbench ? [] : pgbenchTps('-N', opts.connections, opts.seconds, opts.reps);
    const reads = opts.skipPgbench ? [] : pgbenchTps('-S', opts.connections, opts.seconds, opts.reps);
    return {
      workload: 'transitions',
      transitionsPerSec: results,
      p99Ms: p99,
      refusals,
      pgbenchNTps: writes,
      pgbenchSTps: reads,
      ratioToPgbenchN: results.map((v, i) => (writes[i] ? v / writes[i] : null)),
      ratioToPgbenchS: results.map((v, i) => (reads[i] ? v / reads[i] : null)),
    };
  } finally {
    await env.close();
  }
}

/** One run of transitions-client.ts in a worker thread. */
export function runTransitionsClient(job: { baseUrl: string; cookie: string; csrf: string; connections: number; seconds: number; instances: { id: number; state: string; version: number }[] }): Promise<any> {
  return new Promise<any>((resolve, reject) => {
    // The worker registers tsx itself: Node 20 does not pass loader hooks to workers.
    const client = new URL('./transitions-client.ts', import.meta.url).href;
    const w = new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(client)}); })`, { eval: true, workerData: job });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/**
 * The transitions set-up on an environment with the test review module: `connections` × 4
 * instances of 'test.review' in draft, the legal user with the test permissions; returns
 * its session and the instances for transitions-client.ts.
 */
export async function prepareTransitions(env: TestEnv, connections: number) {
  const legal = await env.login('legal');
  const token = decodeURIComponent(legal.cookie.split('=')[1]);
  const actor = (await actorFromToken(env.s, token))!;
  const org = actor.grants[0].orgId;
  // Each connection works on its own instances, alternating 送审 / 退回修改.
  const perConn = 4;
  const ids: number[] = [];
  await env.s.tx(async (tx) => {
    const full = { ...actor, permissions: new Set([...actor.permissions, 'test.draft', 'test.review', 'test.decide']), grants: actor.grants.map((g) => ({ ...g, permissions: [...g.permissions, 'test.draft', 'test.review', 'test.decide'] })) };
    for (let i = 0; i < connections * perConn; i++) {
      ids.push((await createInstance(env.s, tx, full, { procedure: 'test.review', subjectId: `bench-${i}`, title: `压测事项${i}`, orgId: org, regionCode: '990100' })).id);
    }
  });
  // The legal user needs the test permissions through a role.
  await env.s.db.updateTable('roles').set({ permissions: [...(await env.s.db.selectFrom('roles').select('permissions').where('code', '=', 'legal_affairs').executeTakeFirstOrThrow()).permissions, 'test.draft', 'test.review', 'test.decide'] }).where('code', '=', 'legal_affairs').execute();
  return { legal, instances: ids.map((id) => ({ id, state: 'draft', version: 1 })) };
}

/** pgbench -N (simple updates) or -S (select only) on a scratch database of the same server. */
export function pgbenchTps(mode: '-N' | '-S', clients: number, seconds: number, reps: number): number[] {
  const url = new URL(TEST_DATABASE_URL);
  const base = ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres'];
  try {
    execFileSync('psql', [...base, '-d', url.pathname.slice(1) || 'postgres', '-qc', 'drop database if exists fazhi_pgbench'], { stdio: 'ignore' });
    execFileSync('psql', [...base, '-d', url.pathname.slice(1) || 'postgres', '-qc', 'create database fazhi_pgbench'], { stdio: 'ignore' });
    execFileSync('pgbench', [...base, '-i', '-q', '-s', '10', 'fazhi_pgbench'], { stdio: 'ignore' });
    const out: number[] = [];
    for (let i = 0; i < reps; i++) {
      const text = execFileSync('pgbench', [...base, mode, '-c', String(clients), '-j', '2', '-T', String(seconds), 'fazhi_pgbench'], { encoding: 'utf8' });
      const m = /tps = ([\d.]+)/.exec(text);
      out.push(m ? Number(m[1]) : NaN);
    }
    execFileSync('psql', [...base, '-d', url.pathname.slice(1) || 'postgres', '-qc', 'drop database if exists fazhi_pgbench'], { stdio: 'ignore' });
    return out;
  } catch (err) {
    console.warn(`pgbench unavailable: ${(err as Error).message.split('\n')[0]}`);
    return [];
  }
}
