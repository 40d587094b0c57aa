import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, startPlatform, type Platform } from './harness.ts';

/** The number a statistic card shows, or NaN while it loads. */
const statistic = async (page: Page, testId: string) => Number((await page.locator(`[data-testid="${testId}"] .ant-statistic-content-value`).textContent().catch(() => null)) ?? NaN);

/**
 * 领导视图 in Chromium: the demo's mayor (周市长) sees the overdue tasks of the current scheme,
 * charted by lead unit, and the items they assigned.
 */
describe.skipIf(!browserAvailable())('the leader view in Chromium', () => {
  let p: Platform;
  const errors: string[] = [];

  beforeAll(async () => {
    p = await startPlatform();
  });
  afterAll(async () => p?.close());

  it('shows overdue tasks with a chart and the leader’s assigned items', async () => {
    const page = await p.open('leader');
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/plans/leader');
    await expect.poll(() => statistic(page, 'leader-overdue')).toBeGreaterThan(0);
    // 周市长 assigned three items in the demo, two still open.
    await expect.poll(() => statistic(page, 'leader-assigned')).toBeGreaterThanOrEqual(1);
    await expect.poll(() => statistic(page, 'leader-plans')).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="leader-overdue-chart"] canvas').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
