import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { kinds, makeEnv, orgId, type TestEnv, type Client } from './helpers.ts';
import { modules } from '../src/modules/index.ts';
import { reviewModule } from './fixtures/review-module.ts';
import { createInstance } from '../src/core/workflow/engine.ts';
import { startDeadline } from '../src/core/calendar/deadlines.ts';
import { createUserTx } from '../src/core/users/service.ts';
import { SYSTEM_ACTOR } from '../src/core/audit/audit.ts';
import type { Actor } from '../src/core/policy/actor.ts';

/**
 * Enumerates every registered route from Fastify's route table — so a module's new
 * routes are covered without editing this file — and calls each one as an anonymous
 * caller and as a user of another organisation who holds every permission with scope
 * 'own', aimed at rows owned by a third organisation. Nothing of the third organisation
 * may leak or change.
 */
const MARK = 'LEAKMARK';

describe.each(kinds)('authorization of every route on %s', (kind) => {
  let env: TestEnv;
  let intruder: Client;
  let owned: Record<string, string>;
  let victimOrg: number;

  async function snapshot(): Promise<string> {
    const parts = [];
    for (const r of env.s.registry.resources.values()) {
      const rows = await sql`select * from ${sql.table(r.table)} where ${sql.ref(r.orgColumn)} = ${victimOrg} order by 1`.execute(env.s.db);
      parts.push(JSON.stringify(rows.rows));
    }
    const grants = await env.s.db.selectFrom('role_grants').selectAll().where('org_id', '=', victimOrg).orderBy('id').execute();
    const audit = await env.s.db.selectFrom('audit_log').select(['seq']).where('org_id', '=', victimOrg).execute();
    return parts.join('|') + JSON.stringify(grants) + JSON.stringify(audit);
  }

  beforeAll(async () => {
    env = await makeEnv(kind, { modules: [...modules, reviewModule] });
    const s = env.s;
    const city = await orgId(s, '演示市人民政府');
    const everything = s.registry.permissions.map((p) => p.code);
    await s.tx(async (tx) => {
      const mk = async (name: string) => {
        const r = await tx.insertInto('orgs').values({ name, org_type: 'government_department', region_code: '990121', parent_id: city, path: '/' }).returning('id').executeTakeFirstOrThrow();
        await tx.updateTable('orgs').set({ path: sql`(select path from orgs where id = ${city}) || ${r.id + '/'}` }).where('id', '=', r.id).execute();
        return r.id;
      };
      const intruderOrg = await mk('旁观局');
      victimOrg = await mk(`${MARK}受害局`);
      const role = await tx.insertInto('roles').values({ code: 'everything', name: '全部权限', permissions: everything }).returning('id').executeTakeFirstOrThrow();
      await createUserTx(s, tx, SYSTEM_ACTOR, { username: 'intruder', displayName: '越权者', orgId: intruderOrg, password: 'Another-pass-2026', grants: [{ roleId: role.id, orgId: intruderOrg, scope: 'own' }] });
      const victim = await createUserTx(s, tx, SYSTEM_ACTOR, { username: 'victim', displayName: `${MARK}用户`, orgId: victimOrg, password: 'Owner-pass-2026', phone: '13900001111', grants: [{ roleId: role.id, orgId: victimOrg, scope: 'own' }] });
      const victimActor: Actor = { userId: victim.id, username: 'victim', displayName: 'v', orgId: victimOrg, regionCode: '990121', sessionId: '', csrfToken: '', currentOrgId: null, allGrants: [], grants: [], permissions: new Set(everything) };
      const inst = await createInstance(s, tx, victimActor, { procedure: 'test.review', subjectId: 'victim-1', title: `${MARK}事项`, orgId: victimOrg, regionCode: '990121' });
      const d = await startDeadline(s, tx, SYSTEM_ACTOR, { module: 'core', kind: 'core.test', title: `${MARK}期限`, subjectType: 'x', subjectId: 1, orgId: victimOrg, regionCode: '990121', assigneeUserId: victim.id, startDate: '2026-01-05', ruleKey: 'supervision.notice_ack_working_days' });
      const n = await tx.insertInto('supervision_notices').values({ deadline_id: d.id, level: 'notice', org_id: victimOrg, region_code: '990121', to_user_id: victim.id, issued_by: victim.id, message: `${MARK}督办` }).returning('id').executeTakeFirstOrThrow();
      const att = '00000000-0000-4000-8000-000000000001';
      await tx.insertInto('attachments').values({ id: att, org_id: victimOrg, region_code: '990121', owner_type: 'org', owner_id: String(victimOrg), filename: `${MARK}.pdf`, mime: 'application/pdf', size_bytes: 1, sm3: '0'.repeat(64), storage_key: 'none', uploaded_by: victim.id }).execute();
      const someRole = await tx.selectFrom('roles').select('id').where('code', '=', 'staff').executeTakeFirstOrThrow();
      owned = { org: String(victimOrg), user: String(victim.id), deadline: String(d.id), supervision_notice: String(n.id), procedure_instance: String(inst.id), attachment: att, global: String(someRole.id) };
      // Module resources bring their own fixture row.
      for (const r of s.registry.resources.values()) {
        if (r.fixture && !owned[r.type]) owned[r.type] = await r.fixture({ services: s, tx, orgId: victimOrg, regionCode: '990121', userId: victim.id, mark: MARK });
      }
    });
    intruder = await env.login('intruder', 'Another-pass-2026');
  });
  afterAll(async () => env?.close());

  /** A body that passes the route's schema, aimed at the victim's rows wherever an id goes. */
  function sampleBody(schema: unknown): unknown {
    if (!schema) return undefined;
    let v: any;
    try {
      v = Value.Create(schema as TSchema);
    } catch {
      v = {};
    }
    const aim = (o: any) => {
      if (!o || typeof o !== 'object') return;
      for (const k of Object.keys(o)) {
        if (/^(orgId|parentId)$/.test(k)) o[k] = victimOrg;
        else if (k === 'toUserId') o[k] = Number(owned.user);
        else if (k === 'deadlineId') o[k] = Number(owned.deadline);
        else if (k === 'documentId') o[k] = Number(owned.normative_document ?? 1);
        else if (k === 'version') o[k] = 1;
        else if (typeof o[k] === 'string' && o[k].length === 0) o[k] = '测试文字内容';
        else aim(o[k]);
      }
    };
    aim(v);
    return v;
  }

  function fill(url: string, resource?: string): string {
    return url
      .replace(':id', resource ? owned[resource] ?? '1' : '1')
      .replace(':code', 'adopt')
      .replace(':date', '2026-06-10')
      .replace('/api/metrics/adopt', '/api/metrics/core.overdue_open_count');
  }

  it('every /api route declares public or a permission, and every :id route its resource', () => {
    const routes = env.app.routeTable.filter((r) => r.url.startsWith('/api'));
    expect(routes.length).toBeGreaterThan(30);
    for (const r of routes) {
      expect(r.config.public || r.config.permission, `${r.method} ${r.url}`).toBeTruthy();
      if (r.url.includes(':id')) expect(owned[r.config.resource!], `${r.method} ${r.url} resource ${r.config.resource}`).toBeDefined();
    }
  });

  it('refuses anonymous callers on every non-public route and leaks nothing on public ones', async () => {
    const before = await snapshot();
    for (const r of env.app.routeTable.filter((x) => x.url.startsWith('/api') && !x.url.startsWith('/api/docs'))) {
      const url = fill(r.url, r.config.resource) + (r.url.includes('/metrics/') ? `?orgId=${victimOrg}&from=2026-01-01&to=2026-12-31` : '');
      const res = await env.anon.request(r.method, url, r.method === 'GET' || r.method === 'DELETE' ? undefined : sampleBody(r.schema?.body) ?? {});
      const label = `${r.method} ${r.url} → ${res.statusCode}`;
      if (!r.config.public) expect(res.statusCode, label).toBe(401);
      expect(res.body.includes(MARK), label).toBe(false);
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses a user of another organisation on the third organisation's rows", async () => {
    const before = await snapshot();
    const checked: string[] = [];
    for (const r of env.app.routeTable.filter((x) => x.url.startsWith('/api') && !x.url.startsWith('/api/docs'))) {
      if (r.url === '/api/auth/logout') continue; // would end the intruder's own session
      let url = fill(r.url, r.config.resource);
      if (r.url.includes('/metrics/')) url += `?orgId=${victimOrg}&from=2026-01-01&to=2026-12-31`;
      if (r.url === '/api/attachments' && r.method === 'GET') url += `?ownerType=org&ownerId=${victimOrg}`;
      if (r.url === '/api/users' && r.method === 'GET') url += `?orgId=${victimOrg}`;
      if (r.url === '/api/supervision/deadlines') url += `?orgId=${victimOrg}`;
      const res = await intruder.request(r.method, url, r.method === 'GET' || r.method === 'DELETE' ? undefined : sampleBody(r.schema?.body) ?? {});
      const label = `${r.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, label).toBeLessThan(500);
      expect(res.body.includes(MARK), label).toBe(false);
      if (r.config.resource && r.config.resource !== 'global') expect([400, 403, 404], label).toContain(res.statusCode);
      if (r.config.resource === 'global') expect([400, 403], label).toContain(res.statusCode);
      checked.push(`${r.method} ${r.url}`);
    }
    expect(checked.length).toBeGreaterThan(30);
    expect(await snapshot()).toBe(before);
  });
});
