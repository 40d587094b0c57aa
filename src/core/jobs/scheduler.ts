import { Cron } from 'croner';
import type { Services } from '../services.ts';
import type { JobDef } from '../registry.ts';

/** Every module's periodic job (expiry scans, reminders), by name. */
export function jobsOf(s: Services): JobDef[] {
  return s.registry.modules.flatMap((m) => m.jobs ?? []);
}

/**
 * Schedules the modules' jobs on China time (DESIGN.md §3: croner, idempotent SQL). A run
 * that is still going when the next is due is skipped (`protect`), and an error is logged
 * without stopping the schedule. Each job also runs once shortly after start, so a server
 * that was down at the scheduled hour catches up.
 */
export function startJobs(s: Services, log: (msg: string, err?: unknown) => void, opts: { catchUpAfterMs?: number } = {}) {
  const crons = jobsOf(s).map(
    (job) =>
      new Cron(job.cron, { timezone: 'Asia/Shanghai', protect: true, name: job.name, catch: (err) => log(`job ${job.name} failed`, err) }, async () => {
        await job.run(s);
      }),
  );
  const catchUp = setTimeout(() => {
    for (const c of crons) void c.trigger();
  }, opts.catchUpAfterMs ?? 5_000);
  catchUp.unref();
  return () => {
    clearTimeout(catchUp);
    for (const c of crons) c.stop();
  };
}

export async function runJob(s: Services, name: string) {
  const job = jobsOf(s).find((j) => j.name === name);
  if (!job) throw new Error(`unknown job ${name}; known: ${jobsOf(s).map((j) => j.name).join(', ') || '(none)'}`);
  await job.run(s);
}
