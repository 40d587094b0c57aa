import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startPlatform, type Platform } from './harness.ts';
import { startDeadline } from '../src/core/calendar/deadlines.ts';
import { SYSTEM_ACTOR } from '../src/core/audit/audit.ts';
import { computeDeadline } from '../src/core/calendar/lookup.ts';
import { addDays } from './dates.ts';
import { reviewModule } from '../test/fixtures/review-module.ts';
import { createInstance } from '../src/core/workflow/engine.ts';
import type { Actor } from '../src/core/policy/actor.ts';

/** One main path per persona of the foundation: officer, administrator, auditor, citizen. */
describe.skipIf(!browserAvailable())('platform in Chromium', () => {
  let p: Platform;
  let instanceId: number;

  beforeAll(async () => {
    p = await startPlatform(async (s) => {
      // Three open deadlines of the enforcement officer: overdue, due next working day, far off.
      const org = (await s.db.selectFrom('orgs').select('id').where('name', '=', '演示市市场监督管理局').executeTakeFirstOrThrow()).id;
      const officer = (await s.db.selectFrom('users').select('id').where('username', '=', 'officer').executeTakeFirstOrThrow()).id;
      const base = { module: 'core', kind: 'core.e2e', subjectType: 'e2e', orgId: org, regionCode: '990100', assigneeUserId: officer };
      await s.tx(async (tx) => {
        await startDeadline(s, tx, SYSTEM_ACTOR, { ...base, title: '已超期事项', subjectId: 1, startDate: '2026-03-02', period: { days: 5, unit: 'working' } });
        await startDeadline(s, tx, SYSTEM_ACTOR, { ...base, title: '临期事项', subjectId: 2, startDate: s.today(), period: { days: 1, unit: 'working' } });
        await startDeadline(s, tx, SYSTEM_ACTOR, { ...base, title: '正常事项', subjectId: 3, startDate: s.today(), period: { days: 30, unit: 'working' } });
      });
      // A procedure of the test module, drafted by the legal-affairs office.
      const legalOrg = (await s.db.selectFrom('orgs').select('id').where('name', '=', '演示市司法局').executeTakeFirstOrThrow()).id;
      const legal = (await s.db.selectFrom('users').select('id').where('username', '=', 'legal').executeTakeFirstOrThrow()).id;
      const role = await s.db.selectFrom('roles').select('permissions').where('code', '=', 'legal_affairs').executeTakeFirstOrThrow();
      await s.db.updateTable('roles').set({ permissions: [...role.permissions, 'test.draft', 'test.decide'] }).where('code', '=', 'legal_affairs').execute();
      const drafter: Actor = { userId: legal, username: 'legal', displayName: '陈法明', orgId: legalOrg, regionCode: '990100', sessionId: '', csrfToken: '', currentOrgId: null, allGrants: [], grants: [], permissions: new Set(['test.draft']) };
      instanceId = (await s.tx((tx) => createInstance(s, tx, drafter, { procedure: 'test.review', subjectId: 'e2e-1', title: '某重大行政决策事项', orgId: legalOrg, regionCode: '990100' }))).id;
    }, [reviewModule]);
  });
  afterAll(async () => p?.close());

  it('shows the officer 我的待办 with a count per light and no admin menu', async () => {
    const page = await p.open('officer');
    await expect.poll(() => page.getByTestId('count-red').textContent()).toBe('1');
    expect(await page.getByTestId('count-yellow').textContent()).toBe('1');
    expect(await page.getByTestId('count-normal').textContent()).toBe('1');
    await expect.poll(() => page.getByText('已超期事项').count()).toBeGreaterThan(0);
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.getByText('用户管理').count()).toBe(0);
    await page.context().close();
  });

  it('lets the administrator create a user who can then log in', async () => {
    const page = await p.open('admin');
    await page.getByText('用户管理').first().click();
    await page.waitForURL('**/admin/users');
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill('e2e_clerk');
    await page.getByTestId('user-name').fill('浏览器测试员');
    await page.getByTestId('user-password').fill('Browser#Test2026');
    await page.getByTestId('user-org').click();
    await page.keyboard.type('生态环境局');
    await page.keyboard.press('Enter');
    await page.getByTestId('user-submit').click();
    await expect.poll(() => page.getByRole('cell', { name: 'e2e_clerk', exact: true }).count()).toBe(1);
    const row = await p.s.db.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').select(['u.display_name', 'o.name']).where('u.username', '=', 'e2e_clerk').executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: '浏览器测试员', name: '演示市生态环境局' });
    const clerk = await p.open('e2e_clerk', 'Browser#Test2026');
    await expect.poll(() => clerk.getByTestId('count-red').textContent()).toBe('0');
    await clerk.context().close();
    await page.context().close();
  });

  it('marks a working day as a holiday in the calendar, which moves deadlines', async () => {
    const cal = await p.s.calendar.get();
    // The first ordinary working day of this month after the 1st, so its cell is on screen.
    const month = p.s.today().slice(0, 8);
    let day = `${month}02`;
    while (cal.dayInfo(day).kind !== 'normal') day = addDays(day, 1);
    const before = addDays(day, -1);
    const ask = async () => (await (await fetch(`${p.baseUrl}/api/calendar/deadline?from=${before}&days=1&unit=working`)).json()).due;
    expect(await ask()).toBe(day);

    const page = await p.open('admin');
    await page.goto('/admin/calendar');
    await page.getByTestId(`cal-day-${day}`).click();
    await page.getByTestId('cal-set-holiday').click();
    await expect.poll(() => page.getByTestId(`cal-day-${day}`).textContent()).toContain('休');
    expect(await ask()).not.toBe(day);
    const audit = await p.s.db.selectFrom('audit_log').select('action').where('action', 'like', 'calendar.%').execute();
    expect(audit.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it('draws the steps of a procedure from the server, refusing a guarded one with its legal basis', async () => {
    const page = await p.open('legal');
    await page.goto(`/procedures/${instanceId}`);
    await expect.poll(() => page.getByTestId('procedure-state').textContent()).toBe('起草');
    expect(await page.getByTestId('transition-adopt').isDisabled()).toBe(true);
    await page.getByTestId('transition-adopt').hover({ force: true });
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('重大行政决策程序暂行条例 第二十七条');
    await page.getByTestId('transition-submit').click();
    await page.getByTestId('transition-note').fill('请审查');
    await page.getByRole('button', { name: '确 定' }).click();
    await expect.poll(() => page.getByTestId('procedure-state').textContent()).toBe('合法性审查');
    const row = await p.s.db.selectFrom('procedure_instances').select(['state', 'version']).where('id', '=', instanceId).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'review', version: 2 });
    await page.context().close();
  });

  it('lets the security auditor verify the audit chain', async () => {
    const page = await p.open('auditor');
    await page.getByText('审计日志').first().click();
    await page.waitForURL('**/admin/audit');
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toContain('校验通过');
    await page.context().close();
  });

  it('serves the public portal and its deadline calculator without login', async () => {
    const page = await p.open(null);
    await page.goto('/public');
    await expect.poll(() => page.getByTestId('portal-title').textContent()).toContain('演示市');
    await page.getByTestId('portal-section-/public/deadline').click();
    await page.waitForURL('**/public/deadline');
    await page.getByTestId('calc-from').fill('2026-09-28');
    await page.getByTestId('calc-days').fill('5');
    await page.getByTestId('calc-submit').click();
    const expected = computeDeadline(await p.s.calendar.get(), '2026-09-28', 5, 'working').due;
    await expect.poll(() => page.getByTestId('calc-due').textContent()).toBe(expected);
    await page.context().close();
  });
});
