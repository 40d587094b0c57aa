import path from 'node:path';
import { webDist } from './web-build.ts';
import { buildApp, prepareServices, type AppOptions } from './app.ts';
import type { Services } from './core/services.ts';
import { startJobs } from './core/jobs/scheduler.ts';


/** Options from the environment (DESIGN.md §6: PORT, FAZHI_DATA_DIR, DATABASE_URL). */
export function optionsFromEnv(): AppOptions {
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.FAZHI_DATA_DIR ?? 'data'),
    webDist,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    trustProxy: process.env.FAZHI_TRUST_PROXY === '1',
    loginRateLimit: Number(process.env.FAZHI_LOGIN_RATE_LIMIT ?? 10),
  };
}

export async function serve(opts: AppOptions, services?: Services) {
  const s = services ?? (await prepareServices(opts));
  const app = await buildApp(opts, s);
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  // FAZHI_JOBS=0 turns the periodic scans off (e.g. on all but one of several app processes).
  const stopJobs = process.env.FAZHI_JOBS === '0' ? () => {} : startJobs(s, (msg, err) => app.log.error({ err }, msg));
  const close = async () => {
    stopJobs();
    await app.close();
    await s.database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  return { app, services: s, port };
}
