import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds, makeEnv, orgId, userId, type TestEnv, type Client } from './helpers.ts';
import { DEMO_PASSWORD } from '../src/core/demo/demo.ts';

describe.each(kinds)('HTTP API on %s', (kind) => {
  let env: TestEnv;
  let admin: Client;
  beforeAll(async () => {
    env = await makeEnv(kind);
    admin = await env.login('admin');
  });
  afterAll(async () => env?.close());

  it('reports health with the database kind', async () => {
    const res = await env.anon.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: kind });
  });

  it('sets security headers', async () => {
    const res = await env.anon.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  describe('auth', () => {
    it('logs in with an httpOnly SameSite=Lax cookie and answers /me', async () => {
      const res = await env.anon.post('/api/auth/login', { username: 'legal', password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i); // plain HTTP here; Secure behind TLS
      const legal = await env.login('legal');
      const me = (await legal.get('/api/auth/me')).json();
      expect(me.user.username).toBe('legal');
      expect(me.grants).toHaveLength(2);
      expect(me.permissions).toContain('supervision.read');
    });

    it('refuses a wrong password with a Chinese message and a stable code', async () => {
      const res = await env.anon.post('/api/auth/login', { username: 'officer', password: 'wrong-Password-1' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'invalid_credentials', detail: '用户名或口令错误' });
    });

    it('locks an account after 5 failures and refuses even the right password', async () => {
      for (let i = 0; i < 5; i++) await env.anon.post('/api/auth/login', { username: 'reviewer', password: 'Wrong-password-' + i });
      const res = await env.anon.post('/api/auth/login', { username: 'reviewer', password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(423);
      expect(res.json().code).toBe('account_locked');
      const users = (await admin.get('/api/users?q=reviewer')).json();
      const r = users[0];
      expect(new Date(r.locked_until).getTime()).toBeGreaterThan(Date.now());
      const unlock = await admin.patch(`/api/users/${r.id}`, { version: r.version, unlock: true });
      expect(unlock.statusCode).toBe(200);
      expect((await env.anon.post('/api/auth/login', { username: 'reviewer', password: DEMO_PASSWORD })).statusCode).toBe(200);
    });

    it('requires the CSRF token on state-changing requests', async () => {
      const c = await env.login('admin');
      const noToken = await c.request('POST', '/api/auth/switch-org', { orgId: null }, { 'x-csrf-token': 'forged' });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().code).toBe('csrf_failed');
    });

    it('logs out and the session stops working', async () => {
      const c = await env.login('staff');
      expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    });

    it('switches the current organisation among the grants', async () => {
      const legal = await env.login('legal');
      const me = (await legal.get('/api/auth/me')).json();
      const office = me.grants.find((g: any) => g.roleCode === 'assessment_office');
      const res = await legal.post('/api/auth/switch-org', { orgId: office.orgId });
      expect(res.statusCode).toBe(200);
      expect(res.json().currentOrgId).toBe(office.orgId);
      expect(res.json().permissions).not.toContain('supervision.notice');
      const bad = await legal.post('/api/auth/switch-org', { orgId: 999999 });
      expect(bad.statusCode).toBe(400);
    });
  });

  describe('organisations and users', () => {
    it('lists only organisations in scope', async () => {
      const all = (await admin.get('/api/orgs')).json();
      expect(all.length).toBeGreaterThanOrEqual(30);
      const county = await env.login('county_legal');
      const mine = (await county.get('/api/orgs')).json();
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((o: any) => o.region_code.startsWith('9901') && o.name.startsWith('东湖') || o.name.startsWith('湖滨'))).toBe(true);
    });

    it('creates, moves and refuses a cycle in the org tree', async () => {
      const city = await orgId(env.s, '演示市人民政府');
      const a = (await admin.post('/api/orgs', { name: '测试上级局', orgType: 'government_department', regionCode: '990100', parentId: city })).json();
      const b = (await admin.post('/api/orgs', { name: '测试下属队', orgType: 'enforcement_agency', regionCode: '990100', parentId: a.id })).json();
      expect(b.path).toBe(`${a.path}${b.id}/`);
      const cycle = await admin.patch(`/api/orgs/${a.id}`, { parentId: b.id, version: a.version });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json()).toMatchObject({ code: 'org_cycle', field: 'parentId' });
      const still = (await admin.get('/api/orgs')).json().find((o: any) => o.id === a.id);
      expect(still.parent_id).toBe(city);
      const inUse = await admin.delete(`/api/orgs/${a.id}`);
      expect(inUse.statusCode).toBe(409);
      expect(inUse.json().code).toBe('org_in_use');
      expect((await admin.delete(`/api/orgs/${b.id}`)).statusCode).toBe(200);
      expect((await admin.delete(`/api/orgs/${a.id}`)).statusCode).toBe(200);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const id = await orgId(env.s, '演示市教育局');
      const org = (await admin.get('/api/orgs')).json().find((o: any) => o.id === id);
      expect((await admin.patch(`/api/orgs/${id}`, { name: '演示市教育局（改）', version: org.version })).statusCode).toBe(200);
      const stale = await admin.patch(`/api/orgs/${id}`, { name: '演示市教育局（再改）', version: org.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
      const now = (await admin.get('/api/orgs')).json().find((o: any) => o.id === id);
      expect(now.name).toBe('演示市教育局（改）');
    });

    it('validates region codes', async () => {
      const res = await admin.post('/api/regions', { code: '99012', name: '坏代码', level: 'county', parentCode: '990100' });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toContain('code');
      const ok = await admin.post('/api/regions', { code: '990123', name: '新县', level: 'county', parentCode: '990100' });
      expect(ok.statusCode).toBe(200);
      const wrongLevel = await admin.post('/api/regions', { code: '990124', name: '错级', level: 'township', parentCode: '990100' });
      expect(wrongLevel.json().code).toBe('region_level_mismatch');
    });

    it('creates a user under the password policy and masks personal data', async () => {
      const org = await orgId(env.s, '演示市交通运输局');
      const role = (await admin.get('/api/roles')).json().find((r: any) => r.code === 'enforcement_officer');
      const weak = await admin.post('/api/users', { username: 'weakling', displayName: '弱口令', orgId: org, password: 'abcdefghij' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json()).toMatchObject({ code: 'weak_password', field: 'password' });
      const badId = await admin.post('/api/users', { username: 'badid', displayName: '证号错', orgId: org, password: 'Strong-pass-2026', idNumber: '110101199003071235' });
      expect(badId.json().code).toBe('invalid_id_number');
      const res = await admin.post('/api/users', { username: 'newofficer', displayName: '新执法员', orgId: org, password: 'Strong-pass-2026', phone: '13812345678', idNumber: '11010519491231002X', grants: [{ roleId: role.id, orgId: org, scope: 'own' }] });
      expect(res.statusCode).toBe(200);
      const u = res.json();
      expect(u.phone_masked).toBe('138****5678');
      expect(u.id_number_masked).toBe('110105********002X');
      expect(JSON.stringify(u)).not.toContain('13812345678');
      const row = await env.s.db.selectFrom('users').select(['phone_enc', 'id_number_enc']).where('id', '=', u.id).executeTakeFirstOrThrow();
      expect(row.phone_enc).toMatch(/^v1:/);
      expect(env.s.pii.decrypt(row.phone_enc!)).toBe('13812345678');
      const dup = await admin.post('/api/users', { username: 'newofficer', displayName: 'x', orgId: org, password: 'Strong-pass-2026' });
      expect(dup.statusCode).toBe(409);
      const c = await env.login('newofficer', 'Strong-pass-2026');
      expect((await c.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
      const changed = await c.post('/api/auth/password', { oldPassword: 'Strong-pass-2026', newPassword: 'Another-pass-2027' });
      expect(changed.statusCode).toBe(200);
    });

    it('refuses to grant more than the granting administrator holds', async () => {
      const county = await orgId(env.s, '东湖区人民政府');
      // A county administrator: sys_admin role over the county subtree only.
      const sysAdmin = (await admin.get('/api/roles')).json().find((r: any) => r.code === 'sys_admin');
      const created = await admin.post('/api/users', { username: 'countyadmin', displayName: '区管理员', orgId: county, password: 'County-admin-2026', grants: [{ roleId: sysAdmin.id, orgId: county, scope: 'subtree' }] });
      expect(created.statusCode).toBe(200);
      const ca = await env.login('countyadmin', 'County-admin-2026');
      const auditor = (await admin.get('/api/roles')).json().find((r: any) => r.code === 'security_auditor');
      const esc = await ca.post('/api/users', { username: 'sneaky', displayName: 'x', orgId: county, password: 'Sneaky-pass-2026', grants: [{ roleId: auditor.id, orgId: county, scope: 'own' }] });
      expect(esc.statusCode).toBe(403);
      expect(esc.json().code).toBe('grant_escalation');
      const wide = await ca.post('/api/users', { username: 'sneaky2', displayName: 'x', orgId: county, password: 'Sneaky-pass-2026', grants: [{ roleId: sysAdmin.id, orgId: county, scope: 'all' }] });
      expect(wide.statusCode).toBe(403);
      const city = await orgId(env.s, '演示市人民政府');
      const outside = await ca.post('/api/users', { username: 'sneaky3', displayName: 'x', orgId: city, password: 'Sneaky-pass-2026' });
      expect(outside.statusCode).toBe(404);
      expect(await env.s.db.selectFrom('users').select('id').where('username', 'like', 'sneaky%').execute()).toHaveLength(0);
    });
  });

  describe('statutory calendar', () => {
    it('computes a working-day deadline publicly, skipping the National Day holiday', async () => {
      const res = await env.anon.get('/api/calendar/deadline?from=2025-09-26&days=5&unit=working');
      expect(res.statusCode).toBe(200);
      // 9-28 (Sun) is an adjusted working day; 10-01..08 are holidays; 10-11 (Sat) works.
      expect(res.json()).toMatchObject({ due: '2025-10-10', provisional: false });
    });

    it('rolls a calendar-day period ending on a holiday forward', async () => {
      const res = await env.anon.get('/api/calendar/deadline?from=2025-09-16&days=15&unit=calendar');
      expect(res.json()).toMatchObject({ due: '2025-10-09', rolledForwardFrom: '2025-10-01' });
    });

    it('marks deadlines past the loaded years as provisional', async () => {
      const res = await env.anon.get('/api/calendar/deadline?from=2026-12-20&days=20&unit=working');
      expect(res.json().provisional).toBe(true);
    });

    it('rejects impossible dates and bad units', async () => {
      const res = await env.anon.get('/api/calendar/deadline?from=2026-02-30&days=5&unit=working');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_date', field: 'from' });
      expect((await env.anon.get('/api/calendar/deadline?from=2026-02-03&days=5&unit=weeks')).statusCode).toBe(400);
      expect((await env.anon.get('/api/calendar/deadline?from=2026-02-03&days=-1&unit=working')).statusCode).toBe(400);
    });

    it('lets the administrator mark a holiday, which moves deadlines', async () => {
      const before = (await env.anon.get('/api/calendar/deadline?from=2026-06-01&days=1&unit=working')).json();
      expect(before.due).toBe('2026-06-02');
      expect((await admin.put('/api/calendar/days/2026-06-02', { kind: 'holiday', name: '测试假日' })).statusCode).toBe(200);
      expect((await env.anon.get('/api/calendar/deadline?from=2026-06-01&days=1&unit=working')).json().due).toBe('2026-06-03');
      const year = (await admin.get('/api/calendar/days?year=2026')).json();
      expect(year.days.find((d: any) => d.date === '2026-06-02')).toMatchObject({ kind: 'holiday', name: '测试假日' });
      expect((await admin.delete('/api/calendar/days/2026-06-02')).statusCode).toBe(200);
      expect((await env.anon.get('/api/calendar/deadline?from=2026-06-01&days=1&unit=working')).json().due).toBe('2026-06-02');
    });

    it('imports a new year from CSV and reports bad rows by line', async () => {
      const bad = await admin.post('/api/calendar/import', { filename: '2027.csv', content: 'date,kind,name\n2027-01-01,holiday,元旦\n2027-02-30,holiday,坏日期\n' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].line).toBe(3);
      const ok = await admin.post('/api/calendar/import', { filename: '2027.csv', content: 'date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,班,春节调休\n' });
      expect(ok.json()).toEqual({ years: [2027], days: 2 });
      const r = (await env.anon.get('/api/calendar/deadline?from=2026-12-31&days=1&unit=working')).json();
      expect(r).toMatchObject({ due: '2027-01-04', provisional: false });
    });

    it('refuses calendar edits to users without global scope', async () => {
      const legal = await env.login('legal');
      expect((await legal.put('/api/calendar/days/2026-06-03', { kind: 'holiday' })).statusCode).toBe(403);
    });
  });

  describe('rule parameters', () => {
    it('resolves national values with their legal basis', async () => {
      const r = (await admin.get('/api/rules/resolve?key=disclosure.application_working_days&region=990102')).json();
      expect(r).toMatchObject({ value: 20, unit: 'working_days', jurisdiction: '000000' });
      expect(r.basis_article).toContain('第三十三条');
    });

    it('prefers a local version for its region and date, falling back upwards', async () => {
      const res = await admin.post('/api/rules', { key: 'normative.comment_days', value: 15, jurisdiction: '990100', effectiveFrom: '2026-01-01', basisLaw: '演示市行政规范性文件管理办法', basisArticle: '第十条' });
      expect(res.statusCode).toBe(200);
      const township = (await admin.get('/api/rules/resolve?key=normative.comment_days&region=990171&date=2026-03-01')).json();
      expect(township).toMatchObject({ value: 15, jurisdiction: '990100' });
      const before = (await admin.get('/api/rules/resolve?key=normative.comment_days&region=990171&date=2025-12-31')).json();
      expect(before).toMatchObject({ value: 30, jurisdiction: '000000' });
      const elsewhere = (await admin.get('/api/rules/resolve?key=normative.comment_days&date=2026-03-01')).json();
      expect(elsewhere.value).toBe(30);
    });

    it('rejects values that do not fit the unit', async () => {
      const res = await admin.post('/api/rules', { key: 'normative.comment_days', value: 'thirty', jurisdiction: '990100', effectiveFrom: '2027-01-01', basisLaw: 'x法' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_rule_value', field: 'value' });
    });
  });

  describe('supervision', () => {
    it('shows my open deadlines with lights, escalates one and takes the acknowledgement', async () => {
      const officerOrg = await orgId(env.s, '演示市市场监督管理局');
      const officerId = await userId(env.s, 'officer');
      const { startDeadline } = await import('../src/core/calendar/deadlines.ts');
      const today = env.s.today();
      const past = new Date(Date.parse(today) - 40 * 86400_000).toISOString().slice(0, 10);
      const d = await env.s.tx((tx) =>
        startDeadline(env.s, tx, { userId: null, name: 'test' }, { module: 'enforcement', kind: 'enforcement.decision', title: '某案处罚决定', subjectType: 'case', subjectId: 1, orgId: officerOrg, regionCode: '990100', assigneeUserId: officerId, startDate: past, ruleKey: 'enforcement.service_working_days' }),
      );
      const officer = await env.login('officer');
      const board = (await officer.get('/api/supervision/my')).json();
      expect(board.counts.red).toBeGreaterThanOrEqual(1);
      const item = board.items.find((i: any) => i.id === d.id);
      expect(item.light).toBe('red');
      expect(item.workingDaysLeft).toBeLessThan(0);
      const legal = await env.login('legal');
      const scoped = (await legal.get('/api/supervision/deadlines?status=red')).json();
      expect(scoped.items.some((i: any) => i.id === d.id)).toBe(true);
      const notice = await legal.post('/api/supervision/notices', { deadlineId: d.id, toUserId: officerId, level: 'notice', message: '请于三个工作日内说明逾期原因' });
      expect(notice.statusCode).toBe(200);
      const mine = (await officer.get('/api/supervision/notices?view=mine')).json();
      expect(mine[0].message).toContain('逾期原因');
      expect((await legal.post(`/api/supervision/notices/${notice.json().id}/ack`, { note: '代签' })).statusCode).toBe(403);
      const ack = await officer.post(`/api/supervision/notices/${notice.json().id}/ack`, { note: '已收到，正在办理' });
      expect(ack.statusCode).toBe(200);
      expect((await officer.post(`/api/supervision/notices/${notice.json().id}/ack`, { note: '再次' })).json().code).toBe('already_acknowledged');
    });

    it('refuses 督办 outside the scope', async () => {
      const county = await env.login('county_legal');
      const d = await env.s.db.selectFrom('deadlines').select('id').where('kind', '=', 'enforcement.decision').executeTakeFirstOrThrow();
      const res = await county.post('/api/supervision/notices', { deadlineId: d.id, toUserId: await userId(env.s, 'officer'), level: 'reminder', message: '越权督办' });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('audit chain', () => {
    it('verifies, then detects an edited and a deleted entry by position', async () => {
      const auditor = await env.login('auditor');
      const ok = (await auditor.post('/api/audit/verify')).json();
      expect(ok.ok).toBe(true);
      expect(ok.checked).toBeGreaterThan(10);
      const list = (await auditor.get('/api/audit?action=user.create&limit=5')).json();
      expect(list.items.length).toBeGreaterThan(0);
      const target = list.items.at(-1).seq;
      await env.s.db.updateTable('audit_log').set({ action: 'tampered' }).where('seq', '=', target).execute();
      const edited = (await auditor.post('/api/audit/verify')).json();
      expect(edited).toMatchObject({ ok: false, firstBad: { seq: target, reason: 'edited' } });
      await env.s.db.updateTable('audit_log').set({ action: 'user.create' }).where('seq', '=', target).execute();
      expect((await auditor.post('/api/audit/verify')).json().ok).toBe(true);
      await env.s.db.deleteFrom('audit_log').where('seq', '=', target + 1).execute();
      const deleted = (await auditor.post('/api/audit/verify')).json();
      expect(deleted).toMatchObject({ ok: false, firstBad: { seq: target + 1, reason: 'deleted' } });
    });

    it('keeps secrets out of the log', async () => {
      const rows = await env.s.db.selectFrom('audit_log').select(['after']).where('action', '=', 'user.create').execute();
      const text = JSON.stringify(rows);
      expect(text).not.toContain('$argon2id');
      expect(text).toContain('[redacted]');
    });
  });

  describe('attachments', () => {
    it('uploads by content type, stores the SM3 digest and serves it within scope only', async () => {
      // Attachments hang on a record the uploader may write: here a deadline of the 司法局.
      const legal = await env.login('legal');
      const legalOrg = await orgId(env.s, '演示市司法局');
      const { startDeadline } = await import('../src/core/calendar/deadlines.ts');
      const deadline = await env.s.tx((tx) =>
        startDeadline(env.s, tx, { userId: null, name: 'test' }, { module: 'core', kind: 'core.test', title: '附件测试期限', subjectType: 'x', subjectId: 9, orgId: legalOrg, regionCode: '990100', startDate: '2026-03-02', ruleKey: 'supervision.notice_ack_working_days' }),
      );
      const boundary = '----fazhi';
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const body = (name: string, data: Buffer, ownerType = 'deadline', ownerId = String(deadline.id)) =>
        Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="ownerType"\r\n\r\n${ownerType}\r\n--${boundary}\r\nContent-Disposition: form-data; name="ownerId"\r\n\r\n${ownerId}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
          data,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
      const up = await legal.request('POST', '/api/attachments', body('决定书.pdf', pdf), { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(up.statusCode, up.body).toBe(200);
      expect(up.json()).toMatchObject({ mime: 'application/pdf', size_bytes: pdf.length });
      expect(up.json().sm3).toHaveLength(64);
      const exe = await legal.request('POST', '/api/attachments', body('看起来是.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1')), { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(exe.statusCode).toBe(415);
      expect(exe.json().code).toBe('file_type_not_allowed');
      const down = await legal.get(`/api/attachments/${up.json().id}`);
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(pdf)).toBe(true);
      const county = await env.login('county_legal');
      expect((await county.get(`/api/attachments/${up.json().id}`)).statusCode).toBe(404);
      const foreign = await county.request('POST', '/api/attachments', body('x.pdf', pdf), { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(foreign.statusCode).toBe(404);
    });
  });

  describe('metrics', () => {
    it('lists registered metrics and computes one for an org subtree', async () => {
      const legal = await env.login('legal');
      const list = (await legal.get('/api/metrics')).json();
      expect(list.map((m: any) => m.code)).toContain('core.deadline_on_time_rate');
      const city = await orgId(env.s, '演示市人民政府');
      const v = await legal.get(`/api/metrics/core.overdue_open_count/value?orgId=${city}&from=2026-01-01&to=2099-12-31`);
      expect(v.statusCode).toBe(200);
      expect(v.json().value).toBeGreaterThanOrEqual(1);
      const bad = await legal.get(`/api/metrics/core.overdue_open_count/value?orgId=${city}&from=2026-13-01&to=2026-12-31`);
      expect(bad.json().code).toBe('invalid_date');
    });
  });

  describe('bad input', () => {
    it('answers malformed JSON, unknown fields, wrong types and oversized bodies with 4xx problems', async () => {
      const malformed = await admin.request('POST', '/api/orgs', '{"name": ', { 'content-type': 'application/json' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().code).toBe('malformed_json');
      const unknown = await admin.post('/api/orgs', { name: '某局', orgType: 'government_department', regionCode: '990100', colour: 'red' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ code: 'invalid_input', field: 'body.colour' });
      const wrongType = await admin.post('/api/orgs', { name: 42, orgType: 'government_department', regionCode: '990100' });
      expect(wrongType.statusCode).toBe(400);
      const big = await admin.post('/api/orgs', { name: 'x'.repeat(2 * 1024 * 1024), orgType: 'government_department', regionCode: '990100' });
      expect(big.statusCode).toBe(413);
      const unknownRoute = await admin.get('/api/nothing-here');
      expect(unknownRoute.statusCode).toBe(404);
      expect(unknownRoute.json().code).toBe('route_not_found');
    });
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const res = await env.anon.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/calendar/deadline']).toBeDefined();
    expect(doc.paths['/api/auth/login']).toBeDefined();
  });

  it('lists the public portal sections without login', async () => {
    const res = await env.anon.get('/api/public/portal');
    expect(res.statusCode).toBe(200);
    expect(res.json().sections.map((p: any) => p.path)).toContain('/public/deadline');
  });
});
