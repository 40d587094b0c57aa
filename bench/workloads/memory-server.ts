import { makeEnv } from '../../test/helpers.ts';
import { reviewModule } from '../../test/fixtures/review-module.ts';
import { modules } from '../../src/modules/index.ts';
import { prepareTransitions } from './transitions.ts';

/**
 * The server of the memory workload, as its own process so its RSS is its own: the app of
 * the transitions workload (demo data, the test review module) on PostgreSQL
 * (or PGlite with BENCH_MEMORY_DB=pglite), its transition instances prepared; prints one JSON
 * line with the address, session and instances, and closes on SIGTERM.
 */
const kind = process.env.BENCH_MEMORY_DB === 'pglite' ? 'pglite' : 'postgres';
const env = await makeEnv(kind, { modules: [...modules, reviewModule] });
const connections = Number(process.argv[2] ?? 32);
const { legal, instances } = await prepareTransitions(env, connections);
let closing = false;
process.on('SIGTERM', async () => {
  if (closing) return;
  closing = true;
  await env.close();
  process.exit(0);
});
process.stdout.write(JSON.stringify({ baseUrl: env.baseUrl, cookie: legal.cookie, csrf: legal.csrf, instances }) + '\n');
