import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { prepareServices } from '../app.ts';
import { optionsFromEnv, serve } from '../server.ts';
import { verifyAuditChain } from '../core/audit/audit.ts';
import { loadDemo, hasData } from '../core/demo/demo.ts';
import { StatutoryCalendar, type PeriodUnit } from '../core/calendar/calendar.ts';
import { isValidIsoDate } from '../core/calendar/dates.ts';
import { computeDeadline } from '../core/calendar/lookup.ts';
import { parseCalendarFile } from '../core/calendar/import-file.ts';
import { loadCalendarYears } from '../core/calendar/service.ts';
import { recordAudit, SYSTEM_ACTOR } from '../core/audit/audit.ts';
import { createUserTx } from '../core/users/service.ts';
import { DomainError } from '../core/http/errors.ts';
import { buildWebIfStale } from '../web-build.ts';
import { jobsOf, runJob } from '../core/jobs/scheduler.ts';
import { registerGenerate } from './generate.ts';


function fail(msg: string): never {
  process.stderr.write(msg + '\n');
  process.exit(1);
}

const program = new Command();
program.name('fazhi').description('法治 Fazhi — rule-of-law government platform').showHelpAfterError();

program
  .command('start')
  .description('build the web app if needed, migrate, load demo data into an empty embedded database, and serve')
  .action(async () => {
    const t0 = Date.now();
    if (!buildWebIfStale()) fail('web build failed');
    const opts = optionsFromEnv();
    const s = await prepareServices(opts);
    if (!opts.databaseUrl && !(await hasData(s))) {
      console.log('首次启动：载入演示数据 / first start: loading demo data …');
      await loadDemo(s);
    }
    const { port } = await serve(opts, s);
    console.log(`法治 Fazhi 已启动 (${s.database.kind}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`  Web:    http://localhost:${port}/`);
    console.log(`  公众门户 Public portal: http://localhost:${port}/public`);
    console.log(`  API:    http://localhost:${port}/api/docs`);
    console.log('  演示账号见 README.md「演示账号」 / demo logins: see README.md');
  });

program
  .command('serve')
  .description('migrate and serve (no web build, no demo data)')
  .action(async () => {
    const { port, services } = await serve(optionsFromEnv());
    console.log(`Fazhi listening on http://localhost:${port}/ (${services.database.kind})`);
  });

program
  .command('migrate')
  .description('apply pending migrations (also done by start and serve)')
  .action(async () => {
    const s = await prepareServices(optionsFromEnv());
    console.log(`migrations applied (${s.database.kind})`);
    await s.database.close();
  });

program
  .command('demo')
  .description('load the demo city 演示市 into an empty database')
  .action(async () => {
    const s = await prepareServices(optionsFromEnv());
    if (await hasData(s)) {
      await s.database.close();
      fail('数据库中已有数据，未载入演示数据 / the database already has data; demo data not loaded');
    }
    await loadDemo(s);
    console.log('演示数据已载入 / demo data loaded');
    await s.database.close();
  });

const audit = program.command('audit').description('audit chain');
audit
  .command('verify')
  .description('check the SM3 hash chain; exits non-zero and names the first bad entry')
  .action(async () => {
    const s = await prepareServices(optionsFromEnv());
    const r = await verifyAuditChain(s.db);
    await s.database.close();
    console.log(JSON.stringify(r));
    if (!r.ok) fail(`审计链校验失败 / audit chain broken at entry ${r.firstBad?.seq}: ${r.firstBad?.detail_en}`);
  });

const jobs = program.command('jobs').description('periodic scans of the modules (run by the server on their schedule)');
jobs
  .command('list')
  .description('list the jobs and their schedules (China time)')
  .action(async () => {
    const s = await prepareServices(optionsFromEnv());
    for (const j of jobsOf(s)) console.log(`${j.name}\t${j.cron}`);
    await s.database.close();
  });
jobs
  .command('run <name>')
  .description('run one job now (idempotent: a second run changes nothing)')
  .action(async (name: string) => {
    const s = await prepareServices(optionsFromEnv());
    try {
      await runJob(s, name);
    } catch (err) {
      await s.database.close();
      fail((err as Error).message);
    }
    await s.database.close();
    console.log(`job ${name} done`);
  });

const calendar = program.command('calendar').description('statutory calendar');
calendar
  .command('deadline')
  .description('compute a statutory deadline; prints the same JSON as GET /api/calendar/deadline')
  .requiredOption('--from <date>', 'triggering day YYYY-MM-DD (not counted)')
  .requiredOption('--days <n>', 'length of the period')
  .requiredOption('--unit <unit>', 'working | calendar | month')
  .action(async (o: { from: string; days: string; unit: string }) => {
    if (!isValidIsoDate(o.from)) fail(`invalid --from date: ${o.from}`);
    if (!/^\d+$/.test(o.days) || Number(o.days) > 3650) fail(`invalid --days: ${o.days} (0–3650)`);
    if (!['working', 'calendar', 'month'].includes(o.unit)) fail(`invalid --unit: ${o.unit} (working | calendar | month)`);
    const s = await prepareServices(optionsFromEnv());
    const cal: StatutoryCalendar = await s.calendar.get();
    await s.database.close();
    console.log(JSON.stringify(computeDeadline(cal, o.from, Number(o.days), o.unit as PeriodUnit)));
  });
calendar
  .command('import')
  .argument('<file>', 'JSON, CSV (date,kind,name) or iCalendar file of a year\'s arrangement')
  .description('replace the arrangement of the years in FILE')
  .action(async (file: string) => {
    if (!fs.existsSync(file)) fail(`no such file: ${file}`);
    const parsed = parseCalendarFile(fs.readFileSync(file, 'utf8'), path.basename(file));
    if (parsed.errors.length) fail(parsed.errors.map((e) => `line ${e.line}: ${e.message} / ${e.message_en}`).join('\n'));
    if (!parsed.exceptions.length) fail('the file contains no dates');
    const years = [...new Set(parsed.exceptions.map((e) => Number(e.date.slice(0, 4))))].sort();
    const s = await prepareServices(optionsFromEnv());
    await s.tx(async (tx) => {
      await loadCalendarYears(tx, parsed.exceptions, years, `import:${path.basename(file)}`);
      await recordAudit(tx, { userId: null, name: 'cli' }, { action: 'calendar.import', entityType: 'calendar', after: { years, days: parsed.exceptions.length, filename: path.basename(file) } });
    });
    await s.database.close();
    console.log(`imported ${parsed.exceptions.length} days for ${years.join(', ')}`);
  });

const user = program.command('user').description('users');
user
  .command('create')
  .description('create a user (e.g. the production administrator) with a strong password')
  .requiredOption('--username <name>')
  .requiredOption('--name <display name>')
  .requiredOption('--org <id>', 'organisation id')
  .option('--role <code>', 'role code to grant', 'sys_admin')
  .option('--scope <scope>', 'own | subtree | region | all', 'all')
  .option('--password <password>', 'password (else read from FAZHI_PASSWORD)')
  .action(async (o: { username: string; name: string; org: string; role: string; scope: string; password?: string }) => {
    const password = o.password ?? process.env.FAZHI_PASSWORD;
    if (!password) fail('give --password or set FAZHI_PASSWORD');
    if (!['own', 'subtree', 'region', 'all'].includes(o.scope)) fail(`invalid --scope ${o.scope}`);
    const s = await prepareServices(optionsFromEnv());
    try {
      const role = await s.db.selectFrom('roles').select('id').where('code', '=', o.role).executeTakeFirst();
      if (!role) fail(`unknown role ${o.role}`);
      const row = await s.tx((tx) => createUserTx(s, tx, SYSTEM_ACTOR, { username: o.username, displayName: o.name, orgId: Number(o.org), password: password!, grants: [{ roleId: role!.id, orgId: Number(o.org), scope: o.scope as any }] }));
      console.log(`created user ${row.username} (id ${row.id})`);
    } catch (err) {
      if (err instanceof DomainError) fail(`${err.detail} / ${err.detail_en}`);
      throw err;
    } finally {
      await s.database.close();
    }
  });

registerGenerate(program, fail);

program.parseAsync(process.argv).catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
