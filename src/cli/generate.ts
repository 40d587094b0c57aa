import type { Command } from 'commander';
import { prepareServices } from '../app.ts';
import { optionsFromEnv } from '../server.ts';
import { COUNTED_TABLES, generateScale, SCALES, type Scale } from '../../bench/generate/index.ts';

/**
 * `fazhi generate --scale county|city|province [--seed N]`: fills the database named by
 * DATABASE_URL (else the embedded one in FAZHI_DATA_DIR) with a synthetic jurisdiction of
 * that size (bench/generate/index.ts), showing a progress bar, then prints the row counts.
 * Refuses a database that already holds a generated province.
 */
export function registerGenerate(program: Command, fail: (msg: string) => never) {
  program
    .command('generate')
    .description('fill the database with a reproducible synthetic jurisdiction (orgs, users, officers, cases, documents, decisions, plans)')
    .option('--scale <scale>', 'county | city | province', 'county')
    .option('--seed <n>', 'random seed (the same seed on the same day gives the same rows)', '20261124')
    .action(async (o: { scale: string; seed: string }) => {
      if (!(o.scale in SCALES)) fail(`invalid --scale ${o.scale} (county | city | province)`);
      if (!/^\d{1,9}$/.test(o.seed)) fail(`invalid --seed ${o.seed} (a whole number)`);
      const s = await prepareServices(optionsFromEnv());
      try {
        if (await s.db.selectFrom('regions').select('code').where('code', '=', '980000').executeTakeFirst()) fail('数据库中已有生成的数据 / the database already holds a generated province (region 980000)');
        const spec = SCALES[o.scale as Scale];
        console.log(`generating ${o.scale} (${s.database.kind}): ${spec.cases.toLocaleString('en')} cases, ${spec.documents.toLocaleString('en')} documents, ${spec.users.toLocaleString('en')} users, seed ${o.seed}`);
        const r = await generateScale(s, o.scale as Scale, { seed: Number(o.seed) });
        console.log(`done in ${r.seconds.toFixed(1)} s (${Object.entries(r.phases).map(([k, v]) => `${k} ${v} s`).join(', ')})`);
        for (const t of COUNTED_TABLES) console.log(`  ${t.padEnd(26)} ${r.counts[t].toLocaleString('en').padStart(12)}`);
      } finally {
        await s.database.close();
      }
    });
}
