import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startPlatform, type Platform } from './harness.ts';
import { choose, dialogs } from './antd.ts';

const POINTS = ['演示市2027年法治政府建设工作要点', '一、主要任务', '（一）依法决策。', '措施：1.健全依法决策机制。', '2.完善法律顾问制度。'].join('\n');

/**
 * 规划任务督办 in Chromium: the demo's current scheme with its progress and timeline, a
 * progress report by the unit that leads a task, and a plan imported after a preview,
 * published and decomposed into a task.
 */
describe.skipIf(!browserAvailable())('plans and tasks in Chromium', () => {
  let p: Platform;
  const errors: string[] = [];
  const open = async (user: string | null) => {
    const page = await p.open(user);
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };

  beforeAll(async () => {
    p = await startPlatform();
  });
  afterAll(async () => p?.close());

  it('shows the current scheme as a tree with progress, overdue tasks and a timeline', async () => {
    const page = await open('legal');
    await page.goto('/plans');
    await page.locator('a[data-testid^="plan-link-"]', { hasText: '演示市法治政府建设实施方案' }).first().click();
    await page.waitForURL(/\/plans\/\d+$/);
    await expect.poll(() => page.locator('[data-testid^="node-progress-"] .ant-progress').count()).toBeGreaterThan(5);
    // The demo has three open tasks past their day; the plan's bar and its areas say so.
    expect(await page.getByTestId('plan-progress-overdue').textContent()).toBe('逾期 3');
    expect(await page.locator('[data-testid^="node-progress-"][data-testid$="-overdue"]').count()).toBeGreaterThan(0);
    await page.getByTestId('tab-tasks').click();
    await expect.poll(() => page.locator('[data-testid^="task-row-"][data-status="overdue"]').count()).toBe(3);
    await page.getByTestId('tab-timeline').click();
    await expect.poll(() => page.locator('[data-testid="plan-timeline"] canvas').count()).toBe(1);
    await page.context().close();

    // The portal shows the published scheme's structure.
    const portal = await open(null);
    await portal.goto('/public/plans');
    const row = portal.locator('tr', { has: portal.locator('[data-testid^="public-plan-row-"]', { hasText: '演示市法治政府建设实施方案' }) });
    await row.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => portal.locator('[data-testid^="public-plan-"] .ant-tree-treenode').count()).toBeGreaterThan(5);
    await portal.context().close();
  });

  it('lets the unit report progress on its task from 我的任务', async () => {
    const page = await open('staff');
    await page.goto('/plans/workbench');
    // 生态环境局 leads two measures of the current scheme, one of them overdue.
    await expect.poll(() => page.locator('[data-testid^="task-row-"]').count()).toBe(2);
    expect(await page.locator('[data-testid^="task-row-"] [data-due="overdue"]').count()).toBe(1);
    await page.locator('a[data-testid^="task-link-"]').first().click();
    await page.waitForURL(/\/plans\/tasks\/\d+$/);
    await page.getByTestId('task-report').click();
    await page.getByTestId('field-percent').fill('70');
    await page.getByTestId('field-content').fill('已完成执法案卷评查，正在整改存在的问题。');
    await page.getByTestId('report-ok').click();
    await expect.poll(() => dialogs(page)).toBe(0);
    await expect.poll(() => page.getByTestId('task-reports').textContent()).toContain('已完成执法案卷评查');
    expect(await page.getByTestId('task-reports').textContent()).toContain('完成 70%');
    await page.context().close();
  });

  it('imports a plan after a preview, publishes it and decomposes a task', async () => {
    const page = await open('legal');
    await page.goto('/plans');
    await page.getByTestId('plan-import').click();
    await choose(page, 'field-orgId', '演示市人民政府');
    await choose(page, 'field-kind', '年度工作要点', false);
    await page.getByTestId('field-startYear').fill('2027');
    await page.getByTestId('field-endYear').fill('2027');
    // A skipped measure number is refused with its line.
    await page.getByTestId('field-text').fill(POINTS.replace('2.完善', '3.完善'));
    await page.getByTestId('plan-preview').click();
    await expect.poll(() => page.getByTestId('plan-preview-error').textContent()).toContain('第5行');
    await page.getByTestId('field-text').fill(POINTS);
    await page.getByTestId('plan-preview').click();
    await expect.poll(() => page.getByTestId('plan-preview-count').textContent()).toContain('共识别出 2 项措施');
    expect(await page.getByTestId('plan-preview-result').textContent()).toContain('健全依法决策机制');
    await page.getByTestId('plan-import-ok').click();
    await page.waitForURL(/\/plans\/\d+$/);
    await expect.poll(() => page.locator('.ant-page-header-heading-title').textContent()).toBe('演示市2027年法治政府建设工作要点');

    await page.getByTestId('plan-publish').click();
    await page.getByTestId('plan-publish-ok').click();
    await expect.poll(() => page.locator('[data-testid^="decompose-"]').count()).toBe(2);
    await page.locator('[data-testid^="decompose-"]').first().click();
    await choose(page, 'field-leadOrgId', '演示市司法局');
    await page.getByTestId('field-responsibleName').fill('法制科 陈法明');
    await page.getByTestId('field-deliverable').fill('依法决策制度文件');
    await page.getByTestId('task-create-ok').click();
    await expect.poll(() => dialogs(page)).toBe(0);
    await expect.poll(() => page.getByTestId('plan-progress').textContent()).toContain('0/1');
    await page.getByTestId('tab-tasks').click();
    await expect.poll(() => page.locator('[data-testid^="task-row-"]').textContent()).toContain('健全依法决策机制');
    expect(await page.locator('[data-testid^="task-row-"]').textContent()).toContain('2027-12-31');
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
