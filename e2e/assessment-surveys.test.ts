import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startPlatform, type Platform } from './harness.ts';

/** The main path of a satisfaction survey in Chromium: results, a token batch, answering by link and on the portal. */
describe.skipIf(!browserAvailable())('satisfaction surveys in Chromium', () => {
  let p: Platform;
  let link: string;
  const errors: string[] = [];
  beforeAll(async () => {
    p = await startPlatform();
  });
  afterAll(async () => p?.close());

  it('shows the demo survey’s results with the shortfall flag and issues a batch of links', async () => {
    const page = await p.open('assessor');
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/assessment/surveys');
    await page.getByRole('link', { name: /年度法治政府建设外部评价满意度测评/ }).click();
    await page.waitForURL(/\/assessment\/surveys\/\d+$/);
    await expect.poll(() => page.getByText('低于 80%').count()).toBeGreaterThan(0);
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: /答卷码/ }).click();
    await page.getByTestId('survey-issue').click();
    await page.getByTestId('survey-issue-submit').click();
    await expect.poll(() => page.getByTestId('survey-link-0').count()).toBe(1);
    link = (await page.getByTestId('survey-link-0').textContent())!.trim();
    expect(link).toMatch(/\/public\/assessment\/answer#t=[0-9A-Z]{20}$/);
    await page.context().close();
  });

  it('answers once by the link; the link then says it was used', async () => {
    const page = await p.open(null);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(link);
    await page.getByTestId('answer-org').click();
    await page.keyboard.type('生态环境');
    await page.keyboard.press('Enter');
    await page.getByTestId('answer-q1').getByText('基本满意').click();
    await page.getByTestId('answer-q2').locator('.ant-rate-star').nth(3).click();
    await page.getByTestId('answer-submit').click();
    await expect.poll(() => page.getByText('答卷已提交，感谢您的参与').count()).toBe(1);
    await page.goto('/public');
    await page.goto(link);
    await expect.poll(() => page.getByText('该答卷码已经答过卷').count()).toBe(1);
    await page.context().close();
  });

  it('lets the public answer an open survey from the portal', async () => {
    const page = await p.open(null);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/public/assessment/surveys');
    await page.getByRole('link', { name: /外部评价满意度测评/ }).first().click();
    await page.getByTestId('answer-org').click();
    await page.keyboard.type('市场监督');
    await page.keyboard.press('Enter');
    await page.getByTestId('answer-submit').click();
    await expect.poll(() => page.getByText('本题为必答题').count()).toBeGreaterThan(0);
    await page.getByTestId('answer-q1').getByText('不满意').click();
    await page.getByTestId('answer-q2').locator('.ant-rate-star').nth(1).click();
    await page.getByTestId('answer-submit').click();
    await expect.poll(() => page.getByText('答卷已提交，感谢您的参与').count()).toBe(1);
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
