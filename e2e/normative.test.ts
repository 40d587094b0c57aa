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
    await expect.poll(() => legal.getByTestId('doc-reg-number').textContent()).toMatch(/^演环规〔\d{4}〕\d+号$/);

    const citizen = await p.open(null);
    await citizen.goto('/public/normative');
    await citizen.getByPlaceholder('按标题或正文中的词语检索，如：排污口').fill('餐厨垃圾');
    await citizen.keyboard.press('Enter');
    await citizen.getByTestId(`catalogue-item-${docId}`).click();
    await expect.poll(() => citizen.getByTestId('public-doc-body').textContent()).toContain('餐厨垃圾收运');
    await citizen.context().close();

    // The filing package comes prefilled from the document's record; the server picks the office.
    await runStep(legal, 'file', async (pg) => {
      await expect.poll(() => pg.getByTestId('file-report').inputValue()).toContain('演示市餐厨垃圾收运管理办法');
      await expect.poll(() => pg.getByTestId('file-explanation').inputValue()).toContain('起草说明');
    });
    await expect.poll(() => legal.getByTestId('procedure-state').textContent()).toBe('已报送备案');
    await expect.poll(() => legal.getByTestId('filing-on-time').textContent()).toBe('按时');

    // The receiving legal-affairs office (演示市司法局) passes the filing review.
    await runStep(legal, 'approve_filing');
    await expect.poll(() => legal.getByTestId('procedure-state').textContent()).toBe('备案审查通过');
    await expect.poll(() => legal.getByTestId('filing-outcome').textContent()).toBe('审查通过');
    await legal.context().close();
  });

  // Public participation: a citizen comments on one paragraph of a draft open for comment.
  it('lets a citizen comment on paragraph 0 of the demo draft and lists it with the name masked', async () => {
    const citizen = await p.open(null);
    await citizen.goto('/public/normative/drafts');
    await citizen.getByRole('link', { name: '演示市养犬管理规定（征求意见稿）' }).click();
    await citizen.waitForURL(/\/public\/normative\/drafts\/\d+$/);
    await expect.poll(() => citizen.getByTestId('draft-paragraph-0').textContent()).toBeTruthy();
    await citizen.getByTestId('comment-open-0').click();
    await citizen.getByTestId('comment-content').fill('建议明确犬只登记的办理地点和办理时限。');
    await citizen.getByTestId('comment-name').fill('张三');
    await citizen.getByTestId('comment-submit').click();
    await expect.poll(() => citizen.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => citizen.getByTestId('draft-paragraph-0').textContent()).toContain('建议明确犬只登记的办理地点和办理时限。');
    const text = await citizen.getByTestId('draft-paragraph-0').textContent();
    expect(text).toContain('张*');
    expect(text).not.toContain('张三');
    await citizen.context().close();
  });
});
