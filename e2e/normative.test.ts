import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, startPlatform, type Platform } from './harness.ts';

const BODY = '第一条 为规范本市餐厨垃圾收运管理，制定本办法。\n第二条 违反本办法规定的，由城市管理部门处以二千元以上一万元以下罚款。\n第三条 本办法自公布之日起施行。';

/** The main path of a normative document, one persona after another, in Chromium. */
describe.skipIf(!browserAvailable())('normative documents in Chromium', () => {
  let p: Platform;
  let docId: number;
  beforeAll(async () => {
    p = await startPlatform();
  });
  afterAll(async () => p?.close());

  async function runStep(page: Page, code: string, fill?: (page: Page) => Promise<void>) {
    await page.getByTestId(`transition-${code}`).click();
    if (fill) await fill(page);
    await page.getByRole('button', { name: '确 定' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  }

  it('drafts a document and sends it to legality review', async () => {
    const page = await p.open('staff');
    await page.goto('/normative');
    await page.getByTestId('doc-create').click();
    await page.getByTestId('doc-issuer').click();
    await page.keyboard.type('生态环境局');
    await page.keyboard.press('Enter');
    await page.getByTestId('doc-title').fill('演示市餐厨垃圾收运管理办法');
    await page.getByTestId('doc-body').fill(BODY);
    await page.getByTestId('doc-affects-rights').uncheck();
    await page.getByTestId('doc-submit').click();
    await page.waitForURL(/\/normative\/\d+$/);
    docId = Number(page.url().split('/').pop());
    await runStep(page, 'submit_review');
    await expect.poll(() => page.getByTestId('procedure-state').textContent()).toBe('合法性审查');
    await page.context().close();
  });

  it('shows the reviewer the flagged penalty clause, then passes the review', async () => {
    const page = await p.open('legal');
    await page.goto(`/normative/${docId}`);
    await expect.poll(() => page.getByTestId('flag-count').textContent()).toMatch(/[1-9]\d* 处风险提示/);
    expect(await page.locator('mark').first().textContent()).toBeTruthy();
    await runStep(page, 'review_pass', async (pg) => {
      for (const k of ['issuer', 'authority', 'basis', 'content', 'procedure']) await pg.getByTestId(`check-${k}`).check();
      await pg.getByTestId('transition-note').fill('删除第二条罚款规定后通过');
    });
    await expect.poll(() => page.getByTestId('procedure-state').textContent()).toBe('待集体讨论');
    await page.context().close();
  });

  it('records the collective decision, publishes with a registration number and files it', async () => {
    const leader = await p.open('leader');
    await leader.goto(`/normative/${docId}`);
    await runStep(leader, 'decide');
    await expect.poll(() => leader.getByTestId('procedure-state').textContent()).toBe('已决定待公布');
    await leader.context().close();

    const legal = await p.open('legal');
    await legal.goto(`/normative/${docId}`);
    await runStep(legal, 'publish');
    await expect.poll(() => legal.getByTestId('doc-reg-number').textContent()).toMatch(/^演环规〔\d{4}〕1号$/);

    const citizen = await p.open(null);
    await citizen.goto('/public/normative');
    await citizen.getByPlaceholder('按标题或正文中的词语检索，如：排污口').fill('餐厨垃圾');
    await citizen.keyboard.press('Enter');
    await citizen.getByTestId(`catalogue-item-${docId}`).click();
    await expect.poll(() => citizen.getByTestId('public-doc-body').textContent()).toContain('餐厨垃圾收运');
    await citizen.context().close();

    await runStep(legal, 'file');
    await expect.poll(() => legal.getByTestId('procedure-state').textContent()).toBe('已报送备案');
    await legal.context().close();
  });
});
