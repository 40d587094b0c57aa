import { sql, type Kysely } from 'kysely';
import type { Services } from '../../src/core/services.ts';
import { hashPassword } from '../../src/core/auth/password.ts';
import { DEMO_PASSWORD } from '../../src/core/demo/demo.ts';
import { formatDayNumber, parseIsoDate } from '../../src/core/calendar/dates.ts';
import { mulberry32 } from '../../src/core/random.ts';
import type { ProvinceResult } from './province.ts';

/**
 * Users and enforcement officers of a generated province, in bulk:
 *  - `users` accounts spread over the organisations by their kind (governments and the busy
 *    departments larger), each with one role grant fitting its organisation — the rows
 *    `createUserTx` writes for the same input (test/generate.test.ts compares them), without
 *    its audit entries; every account's password is the demo password (hashed once);
 *  - officers up to `officers` in all (the enforcement generator's 6 per department count),
 *    on the enforcement departments: most certified (some certificates expired, suspended or
 *    revoked, a few auxiliary staff without one), a share linked to a user of their
 *    department; and for every officer a training record per course for each year of `years`
 *    (seed 000 §1(三)1: ≥ 40 hours a year; about 8 % fall short).
 */

export interface PeopleResult {
  users: number;
  grants: number;
  officers: number;
  training: number;
  seconds: number;
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅宁波斌浩凯文晨阳雪婷宇欣怡子涵佳琪思远志海燕春花德胜晓东立新'];
const TITLES = ['科员', '科员', '科员', '一级科员', '四级主任科员', '副科长', '科长', '办公室主任'];
const COURSES = ['行政处罚法专题培训', '行政执法程序规范培训', '执法文书制作培训', '行政裁量权基准适用培训', '执法全过程记录培训', '法治政府建设专题讲座', '专业法律知识轮训'];

/** The role of an ordinary account of an organisation, by its type (and scope 'own'). */
function roleFor(orgType: string, k: number): string {
  if (orgType === 'legal_affairs') return k % 3 === 0 ? 'legal_affairs' : 'staff';
  if (orgType === 'people_government') return k % 10 === 0 ? 'leader' : k % 10 === 1 ? 'assessment_office' : 'staff';
  if (orgType === 'township_street') return 'staff';
  return k % 4 === 0 ? 'enforcement_officer' : k % 10 === 1 ? 'legal_reviewer' : 'staff';
}

/** One generated account: what `createUserTx` is given. */
export interface UserSpec {
  username: string;
  displayName: string;
  orgId: number;
  title: string;
  roleCode: string;
}

/** The accounts of a province, deterministic by seed: `n` spread over its organisations. */
export async function userSpecs(s: Services, province: ProvinceResult, n: number, seed: number): Promise<UserSpec[]> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const ids = [...province.orgsByLevel.province, ...province.orgsByLevel.city, ...province.orgsByLevel.county, ...province.orgsByLevel.township];
  const orgs = await s.db.selectFrom('orgs').select(['id', 'org_type']).where('id', 'in', ids.length ? ids : [0]).orderBy('id').execute();
  const weight = (t: string) => (t === 'people_government' ? 3 : t === 'township_street' ? 1 : 2);
  const total = orgs.reduce((a, o) => a + weight(o.org_type), 0);
  // Whole shares by weight, the remainder one by one from the start: exactly n.
  const counts = orgs.map((o) => Math.floor((n * weight(o.org_type)) / total));
  for (let i = 0, left = n - counts.reduce((a, b) => a + b, 0); left > 0; i = (i + 1) % orgs.length, left--) counts[i]++;
  const out: UserSpec[] = [];
  for (const [i, o] of orgs.entries()) {
    for (let k = 0; k < counts[i]; k++) {
      out.push({ username: `g${o.id}_${k + 1}`, displayName: `${pick(SURNAMES)}${pick(GIVEN)}${rnd() < 0.6 ? pick(GIVEN) : ''}`, orgId: o.id, title: pick(TITLES), roleCode: roleFor(o.org_type, k) });
    }
  }
  return out;
}

/** Inserts `specs` as `createUserTx` would (one grant each, scope 'own'), in batches of 2,000. */
export async function insertUsers(db: Kysely<any>, specs: UserSpec[], passwordHash: string, onBatch?: (done: number) => void): Promise<{ users: number; grants: number }> {
  const roles = new Map((await db.selectFrom('roles').select(['id', 'code']).execute()).map((r: any) => [r.code as string, r.id as number]));
  for (let i = 0; i < specs.length; i += 2000) {
    const chunk = specs.slice(i, i + 2000);
    await db.transaction().execute(async (tx) => {
      const rows = chunk.map((u) => ({ u: u.username, d: u.displayName, o: u.orgId, t: u.title }));
      const ids = (
        await sql<{ id: number; username: string; org_id: number }>`
          insert into users (username, display_name, org_id, region_code, password_hash, must_change_password, title)
          select x.u, x.d, x.o, o.region_code, ${passwordHash}, false, x.t
          from json_to_recordset(${JSON.stringify(rows)}::json) as x(u text, d text, o int, t text) join orgs o on o.id = x.o
          returning id, username, org_id`.execute(tx)
      ).rows;
      const byName = new Map(ids.map((r) => [r.username, r]));
      const grants = chunk.map((u) => ({ u: byName.get(u.username)!.id, r: roles.get(u.roleCode)!, o: u.orgId }));
      await sql`insert into role_grants (user_id, role_id, org_id, scope) select u, r, o, 'own' from json_to_recordset(${JSON.stringify(grants)}::json) as x(u int, r int, o int)`.execute(tx);
    });
    onBatch?.(Math.min(specs.length, i + chunk.length));
  }
  return { users: specs.length, grants: specs.length };
}

export async function generatePeople(
  s: Services,
  province: ProvinceResult,
  opts: { users: number; officers: number; years: number[]; seed: number; onProgress?: (done: number, total: number) => void },
): Promise<PeopleResult> {
  const t0 = performance.now();
  const rnd = mulberry32(opts.seed + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const specs = await userSpecs(s, province, opts.users, opts.seed);
  const total = specs.length + opts.officers;
  const hash = await hashPassword(DEMO_PASSWORD);
  const { users, grants } = await insertUsers(s.db, specs, hash, (d) => opts.onProgress?.(d, total));

  // ── officers beyond the enforcement generator's ──
  const todayN = parseIsoDate(s.today());
  const depts = province.enforcementDepartments;
  const existing = Number((await sql<{ n: string }>`select count(*) as n from enforcement_officers where org_id in (${sql.join(depts.map((d) => d.id))})`.execute(s.db)).rows[0].n);
  const extra = Math.max(0, opts.officers - existing);
  const deptUsers = new Map<number, number[]>();
  for (const r of (await sql<{ id: number; org_id: number }>`select u.id, u.org_id from users u join role_grants g on g.user_id = u.id join roles r on r.id = g.role_id where r.code = 'enforcement_officer' and u.username like 'g%'`.execute(s.db)).rows) {
    (deptUsers.get(r.org_id) ?? deptUsers.set(r.org_id, []).get(r.org_id)!).push(r.id);
  }
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < extra; i++) {
    const d = depts[i % depts.length];
    const auxiliary = rnd() < 0.06;
    const linked = deptUsers.get(d.id)?.shift() ?? null;
    const from = todayN - int(200, 3000);
    const until = from + 5 * 365 + int(0, 30);
    const status = auxiliary ? 'none' : rnd() < 0.02 ? 'suspended' : rnd() < 0.01 ? 'revoked' : 'valid';
    rows.push({
      o: d.id, g: d.regionCode, u: linked, n: `${pick(SURNAMES)}${pick(GIVEN)}${rnd() < 0.5 ? pick(GIVEN) : ''}`, k: auxiliary ? 'auxiliary' : 'officer',
      t: formatDayNumber(from - int(10, 60)), e: auxiliary ? null : formatDayNumber(from - int(1, 9)),
      c: auxiliary ? null : `JZ${d.regionCode}${String(d.id).padStart(5, '0')}${String(7 + Math.floor(i / depts.length)).padStart(3, '0')}`,
      f: auxiliary ? null : formatDayNumber(from), v: auxiliary ? null : formatDayNumber(until), s: status,
      r: status === 'suspended' ? '涉嫌违纪，暂扣证件' : status === 'revoked' ? '调离执法岗位，注销证件' : null,
    });
  }
  await s.tx(async (tx) => {
    for (let i = 0; i < rows.length; i += 2000) {
      await sql`insert into enforcement_officers (org_id, region_code, user_id, name, kind, trained_on, exam_passed_on, cert_no, cert_issuer, cert_valid_from, cert_valid_until, cert_status, cert_status_reason)
        select o, g, u, n, k, t, e, c, case when c is null then null else ${`${province.province.name}人民政府`} end, f, v, s, r
        from json_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::json) as x(o int, g text, u int, n text, k text, t date, e date, c text, f date, v date, s text, r text)`.execute(tx);
    }
  });
  opts.onProgress?.(specs.length + existing + extra, total);

  // ── training: each officer, each year, 2–6 courses; ≈ 92 % reach 40 hours ──
  const officers = (await sql<{ id: number; org_id: number }>`select id, org_id from enforcement_officers where org_id in (${sql.join(depts.map((d) => d.id))}) order by id`.execute(s.db)).rows;
  let training = 0;
  const thisYear = Number(s.today().slice(0, 4));
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await sql`insert into enforcement_training (officer_id, org_id, year, course, hours, held_on) select i, o, y, c, h, d from json_to_recordset(${JSON.stringify(batch)}::json) as x(i int, o int, y int, c text, h numeric, d date)`.execute(s.db);
    training += batch.length;
    batch = [];
  };
  for (const o of officers) {
    for (const y of opts.years) {
      const short = rnd() < 0.08;
      let hours = 0;
      const goal = short ? int(16, 36) : int(40, 64);
      // This year's courses only up to today.
      const lastDay = y === thisYear ? todayN : parseIsoDate(`${y}-12-31`);
      const firstDay = parseIsoDate(`${y}-01-01`);
      for (let c = 0; hours < goal && c < 8; c++) {
        const h = Math.min(goal - hours, pick([4, 6, 8, 8, 12, 16]));
        hours += h;
        batch.push({ i: o.id, o: o.org_id, y, c: pick(COURSES), h, d: formatDayNumber(firstDay + Math.floor(rnd() * Math.max(1, lastDay - firstDay))) });
      }
    }
    if (batch.length >= 5000) await flush();
  }
  await flush();
  await sql`analyze users`.execute(s.db);
  await sql`analyze enforcement_officers`.execute(s.db);
  await sql`analyze enforcement_training`.execute(s.db);
  return { users, grants, officers: existing + extra, training, seconds: (performance.now() - t0) / 1000 };
}
