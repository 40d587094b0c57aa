import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { prepareServices } from '../src/app.ts';
import type { Services } from '../src/core/services.ts';
import { createUserTx } from '../src/core/users/service.ts';
import { SYSTEM_ACTOR } from '../src/core/audit/audit.ts';
import { DEMO_PASSWORD } from '../src/core/demo/demo.ts';
import type { PeriodUnit } from '../src/core/calendar/calendar.ts';
import { generateScale, SCALES, type GenerateSummary } from '../bench/generate/index.ts';
import { insertUsers, type UserSpec } from '../bench/generate/people.ts';
import { insertTaskRows } from '../bench/generate/governance.ts';
import { insertTask } from '../src/modules/plans/tasks.ts';

/**
 * `fazhi generate --scale county` on PGlite: the counts of the scale, the invariants the
 * platform's rules imply (officers certified at every action, published documents
 * numbered, deadlines as the statutory calendar computes them), the same rows for the same
 * seed, and the bulk user rows equal to what the user service writes.
 */
async function open(): Promise<{ s: Services; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-gen-'));
  return { s: await prepareServices({ dataDir: dir, logLevel: 'silent' }), dir };
}
const one = async <T>(s: Services, q: ReturnType<typeof sql<T>>) => (await q.execute(s.db)).rows[0] as T;

describe('generate --scale county (PGlite)', () => {
  let s: Services;
  let dir: string;
  let r: GenerateSummary;
  beforeAll(async () => {
    ({ s, dir } = await open());
    r = await generateScale(s, 'county', { progress: false });
  });
  afterAll(async () => {
    await s?.database.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the counts of the scale over a four-level region tree', async () => {
    const spec = SCALES.county;
    expect(r.counts.enforcement_cases).toBe(spec.cases);
    expect(r.counts.normative_documents).toBe(spec.documents);
    expect(r.counts.users).toBe(spec.users);
    expect(r.counts.role_grants).toBe(spec.users);
    expect(r.counts.enforcement_officers).toBe(spec.officers);
    expect(r.counts.decisions).toBe(spec.decisions);
    expect(r.counts.plan_tasks).toBe(spec.tasks);
    expect(r.counts.plan_milestones).toBe(2 * spec.tasks);
    expect(r.counts.orgs).toBe(r.province.orgs);
    expect(r.counts.procedure_instances).toBe(spec.cases + spec.documents + spec.decisions);
    const levels = (await sql<{ level: string }>`select distinct level from regions`.execute(s.db)).rows.map((x) => x.level).sort();
    expect(levels).toEqual(['city', 'county', 'province', 'township']);
    // Every officer has training records for each of the three years.
    const untrained = await one(s, sql<{ n: number }>`select count(*)::int as n from enforcement_officers o where (select count(distinct year) from enforcement_training t where t.officer_id = o.id) <> 3`);
    expect(untrained.n).toBe(0);
  });

  it('spreads cases over three years and every state', async () => {
    const span = await one(s, sql<{ days: number }>`select max(filed_on) - min(filed_on) as days from enforcement_cases`);
    expect(span.days).toBeGreaterThan(3 * 365 - 30);
    const states = (await sql<{ status: string }>`select distinct status from enforcement_cases`.execute(s.db)).rows.map((x) => x.status);
    for (const st of ['investigation', 'notified', 'review', 'deciding', 'decided', 'served', 'executed', 'closed', 'transferred', 'withdrawn']) expect(states).toContain(st);
    const decisionStates = (await sql<{ status: string }>`select distinct status from decisions`.execute(s.db)).rows.map((x) => x.status);
    expect(decisionStates.length).toBeGreaterThanOrEqual(6);
    const taskStates = (await sql<{ status: string }>`select distinct status from plan_tasks`.execute(s.db)).rows.map((x) => x.status).sort();
    expect(taskStates).toEqual(['cancelled', 'completed', 'open']);
  });

  it("has every case's officers certified at the time of each action", async () => {
    const bad = await one(
      s,
      sql<{ n: number; checked: number }>`
        select count(*) filter (where not (o.kind = 'officer' and o.cert_status = 'valid' and o.cert_valid_from <= r.happened_on and r.happened_on <= o.cert_valid_until))::int as n, count(*)::int as checked
        from enforcement_records r
        join enforcement_case_officers co on co.case_id = r.case_id
        join enforcement_officers o on o.id = co.officer_id`,
    );
    expect(bad.checked).toBeGreaterThan(SCALES.county.cases * 2);
    expect(bad.n).toBe(0);
    // The officers named on each record are the case's own.
    const foreign = await one(s, sql<{ n: number }>`select count(*)::int as n from enforcement_records r cross join unnest(r.officer_ids) as f(id) where not exists (select 1 from enforcement_case_officers co where co.case_id = r.case_id and co.officer_id = f.id)`);
    expect(foreign.n).toBe(0);
  });

  it('numbers every published document, uniquely per issuer', async () => {
    const r1 = await one(s, sql<{ unnumbered: number; dup: number }>`
      select count(*) filter (where published_on is not null and (reg_number is null or reg_seq is null))::int as unnumbered,
             (count(reg_number) - count(distinct (issuer_org_id, reg_number)))::int as dup
      from normative_documents`);
    expect(r1).toEqual({ unnumbered: 0, dup: 0 });
  });

  it('has deadlines in every status, each as the statutory calendar computes it', async () => {
    const cal = await s.calendar.get();
    const rows = (
      await sql<{ id: number; rule_key: string | null; start: string; days: number; unit: string; due: string; status: string; closed_at: Date | null; paused_since: string | null; paused_days: number; extended_days: number; provisional: boolean }>`
        select id, rule_key, to_char(start_date, 'YYYY-MM-DD') as start, days, unit, to_char(due_date, 'YYYY-MM-DD') as due, status, closed_at, to_char(paused_since, 'YYYY-MM-DD') as paused_since, paused_days, extended_days, provisional from deadlines`.execute(s.db)
    ).rows;
    const wrong: number[] = [];
    for (const d of rows) {
      if (d.paused_days || d.extended_days) continue;
      // A rule's period runs on the calendar (rolled past holidays); a given day is kept as given.
      const expected = d.rule_key ? cal.add(d.start, d.days, d.unit as PeriodUnit).due : new Date(Date.parse(`${d.start}T00:00:00Z`) + d.days * 86_400_000).toISOString().slice(0, 10);
      if (expected !== d.due) wrong.push(d.id);
      if ((d.status === 'closed') !== (d.closed_at != null)) wrong.push(d.id);
      if ((d.status === 'paused') !== (d.paused_since != null)) wrong.push(d.id);
    }
    expect(wrong).toEqual([]);
    expect(new Set(rows.map((d) => d.status))).toEqual(new Set(['open', 'paused', 'closed']));
    const today = s.today();
    expect(rows.some((d) => d.status === 'open' && d.due < today)).toBe(true); // overdue (red)
    expect(rows.some((d) => d.status === 'open' && d.due >= today)).toBe(true);
    // Every plan task points at its own deadline.
    const orphan = await one(s, sql<{ n: number }>`select count(*)::int as n from plan_tasks t left join deadlines d on d.id = t.deadline_id where d.id is null or d.subject_id <> t.id::text or d.due_date <> t.due_on`);
    expect(orphan.n).toBe(0);
  });

  it('gives the same rows for the same seed', async () => {
    const { s: s2, dir: dir2 } = await open();
    try {
      await generateScale(s2, 'county', { progress: false });
      const digest = async (x: Services) =>
        one(x, sql<{ cases: string; docs: string; users: string; tasks: string; decisions: string }>`select
          (select md5(string_agg(concat_ws('|', id, case_no, title, status, filed_on, fine_amount, decision_no), ',' order by id)) from enforcement_cases) as cases,
          (select md5(string_agg(concat_ws('|', id, title, reg_number, status, md5(body)), ',' order by id)) from normative_documents) as docs,
          (select md5(string_agg(concat_ws('|', id, username, display_name, org_id), ',' order by id)) from users) as users,
          (select md5(string_agg(concat_ws('|', id, title, status, due_on, completed_on), ',' order by id)) from plan_tasks) as tasks,
          (select md5(string_agg(concat_ws('|', id, title, status, decided_on), ',' order by id)) from decisions) as decisions`);
      expect(await digest(s2)).toEqual(await digest(s));
    } finally {
      await s2.database.close();
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('writes the user rows the user service writes for the same input', async () => {
    const org = r.province.cities[0].departments[0].id;
    const role = (await s.db.selectFrom('roles').select(['id', 'code']).where('code', '=', 'enforcement_officer').executeTakeFirstOrThrow());
    const specs = (prefix: string): UserSpec[] => [
      { username: `${prefix}1`, displayName: '张伟', orgId: org, title: '科员', roleCode: 'enforcement_officer' },
      { username: `${prefix}2`, displayName: '李静怡', orgId: r.province.province.governmentId, title: '科长', roleCode: 'enforcement_officer' },
    ];
    await s.tx(async (tx) => {
      for (const u of specs('svc_')) await createUserTx(s, tx, SYSTEM_ACTOR, { username: u.username, displayName: u.displayName, orgId: u.orgId, title: u.title, password: DEMO_PASSWORD, grants: [{ roleId: role.id, orgId: u.orgId, scope: 'own' }] });
    });
    await insertUsers(s.db, specs('blk_'), 'x');
    const rows = async (prefix: string) =>
      (
        await sql<Record<string, unknown>>`select u.*, g.role_id, g.org_id as grant_org, g.scope from users u join role_grants g on g.user_id = u.id where u.username like ${prefix + '%'} order by u.username`.execute(s.db)
      ).rows.map(({ id, username, password_hash, password_changed_at, created_at, updated_at, ...rest }) => ({ ...rest, username: String(username).slice(4) }));
    expect(await rows('blk_')).toEqual(await rows('svc_'));
  });

  it('writes the plan task rows the task service writes for the same input', async () => {
    const plan = await one(s, sql<{ id: number; org_id: number; region_code: string }>`select id, org_id, region_code from plans order by id limit 1`);
    const node = await one(s, sql<{ id: number }>`select id from plan_nodes where plan_id = ${plan.id} and kind = 'measure' order by sort_order limit 1`);
    const units = (await sql<{ id: number; region_code: string }>`select id, region_code from orgs where parent_id = ${plan.org_id} order by id limit 2`.execute(s.db)).rows;
    const today = s.today();
    const year = Number(today.slice(0, 4));
    const due = `${year}-12-31`;
    const m1 = `${year}-12-01`;
    const input = { nodeId: node.id, leadOrgId: units[0].id, coOrgIds: [units[1].id], title: '核对：同一任务两种写法', responsibleName: '张建华', deliverable: '工作总结', year, dueOn: due, milestones: [{ title: '阶段性成果', dueOn: m1 }, { title: '全面完成', dueOn: due }] };
    const svc = await s.tx((tx) => insertTask(s, tx, SYSTEM_ACTOR, plan.id, input as never));
    const [blk] = await insertTaskRows(s.db, [{ p: plan.id, nd: node.id, o: units[0].id, g: units[0].region_code, t: input.title, co: input.coOrgIds, who: input.responsibleName, dl: input.deliverable, y: year, d: due, st: 'open', c: null, cn: null, cr: null, f: today < due ? today : due, ca: today, m1, m1d: null }], today);
    const task = async (id: number) => {
      const { id: _i, deadline_id, created_at, updated_at, ...rest } = (await sql<Record<string, unknown>>`select * from plan_tasks where id = ${id}`.execute(s.db)).rows[0];
      const { id: _d, subject_id, created_at: _c, updated_at: _u, ...deadline } = (await sql<Record<string, unknown>>`select * from deadlines where id = ${deadline_id}`.execute(s.db)).rows[0];
      const milestones = (await sql<Record<string, unknown>>`select org_id, title, due_on, done_on, sort_order from plan_milestones where task_id = ${id} order by sort_order`.execute(s.db)).rows;
      expect(subject_id).toBe(String(id));
      return { task: rest, deadline, milestones };
    };
    expect(await task(blk)).toEqual(await task(svc.id));
  });
});

describe('fazhi generate (command line)', () => {
  it('refuses an unknown scale or seed before touching a database', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['bin/fazhi.mjs', 'generate', ...args], { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8', env: { ...process.env, FAZHI_DATA_DIR: '/nonexistent/fazhi', DATABASE_URL: '' }, timeout: 30_000 });
    const scale = run('--scale', 'country');
    expect(scale.status).toBe(1);
    expect(scale.stderr).toMatch(/invalid --scale country \(county \| city \| province\)/);
    const seed = run('--scale', 'county', '--seed', 'x');
    expect(seed.status).toBe(1);
    expect(seed.stderr).toMatch(/invalid --seed/);
  });
});
