import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, startPlatform, type Platform } from './harness.ts';

const PARTY = 'e2e测试人';
const TITLE = 'E2E 水果摊未按规定明码标价案';
const DEVIATION = '经责令改正后仍拒不改正，且涉及民生商品，依法在一般档幅度以上处罚';
const CHECKLIST = ['subject', 'authority', 'evidence', 'basis', 'procedure', 'discretion', 'documents'];

/** A penalty case on the general procedure, one persona after another, in Chromium. */
describe.skipIf(!browserAvailable())('administrative enforcement in Chromium', () => {
  let p: Platform;
  let caseId: number;
  beforeAll(async () => {
    p = await startPlatform();
  });
  afterAll(async () => p?.close());

  const state = (page: Page) => page.getByTestId('procedure-state').textContent();
  const dialogs = (page: Page) => page.getByRole('dialog').count();

  async function runStep(page: Page, code: string, fill?: (page: Page) => Promise<void>) {
    await page.getByTestId(`transition-${code}`).click();
    if (fill) await fill(page);
    await page.getByRole('button', { name: '确 定' }).click();
    await expect.poll(() => dialogs(page)).toBe(0);
  }

  /** Picks the option of an antd Select by typing part of its label. */
  async function choose(page: Page, testId: string, text: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('files a case against a natural person, investigates, gives notice and sends it to legal review', async () => {
    const page = await p.open('officer');
    await page.goto('/enforcement');
    await page.getByTestId('case-create').click();
    await choose(page, 'case-power', 'CF-JG-001');
    await page.getByTestId('case-title').fill(TITLE);
    await page.getByTestId('case-party-kind').getByText('自然人').click();
    await page.getByTestId('case-party-name').fill(PARTY);
    await page.getByTestId('case-party-id').fill('990102198805061235');
    await page.getByTestId('case-party-address').fill('演示市东湖区湖滨街道柳巷 9 号');
    await page.getByTestId('case-facts').fill('当事人经营的水果摊 15 种水果未明码标价，经责令改正后仍未改正。');
    // The officer's own record comes first; a second certified officer is added.
    await expect.poll(() => page.getByTestId('case-officers').textContent()).toContain('赵执法');
    await choose(page, 'case-officers', '钱明');
    await page.getByTestId('case-title').click(); // closes the officer list
    await expect.poll(() => page.getByTestId('case-officers').textContent()).toContain('钱明');
    await page.getByTestId('case-submit').click();
    await page.waitForURL(/\/enforcement\/cases\/\d+$/);
    caseId = Number(page.url().split('/').pop());
    await expect.poll(() => state(page)).toBe('调查取证');
    await expect.poll(() => page.getByTestId('case-party').textContent()).toBe(PARTY);

    // 调查取证: both officers present, certificates shown.
    await page.getByTestId('action-create').click();
    await page.getByTestId('action-place').fill('当事人经营的水果摊');
    await page.getByTestId('action-summary').fill('现场检查，15 种水果未标示价格，制作现场笔录并拍照。');
    await page.getByTestId('action-certs').check();
    await page.getByTestId('action-submit').click();
    await expect.poll(() => dialogs(page)).toBe(0);
    await expect.poll(() => page.getByTestId('case-timeline').textContent()).toContain('现场检查');

    // 事先告知: 12000 lies above the 一般 band (500–2000), so the reason is required.
    await runStep(page, 'notify', async (pg) => {
      await pg.getByTestId('notice-fine').fill('12000');
      await choose(pg, 'notice-benchmark', '一般');
      await expect.poll(() => pg.getByTestId('notice-benchmark').textContent()).toContain('一般');
      await pg.getByTestId('notice-deviation').fill(DEVIATION);
      await pg.getByTestId('notice-reasons').fill('当事人未按规定对所售水果明码标价，经责令改正后仍未改正。');
      await pg.getByTestId('notice-basis').fill('《中华人民共和国价格法》第十三条、第四十二条');
    });
    await expect.poll(() => state(page)).toBe('已告知（陈述申辩期）');

    // The party waives statement and hearing, so the review need not wait for the period to end.
    await page.getByTestId('statement-create').click();
    await page.getByTestId('statement-content').fill('当事人对违法事实无异议，明确放弃陈述、申辩和要求听证的权利。');
    await page.getByTestId('statement-waive').check();
    await page.getByTestId('statement-submit').click();
    await expect.poll(() => dialogs(page)).toBe(0);
    await runStep(page, 'submit_review');
    await expect.poll(() => state(page)).toBe('法制审核');
    await page.context().close();
  });

  it('lets the reviewer pass the legal review and the leader decide with publicity', async () => {
    const reviewer = await p.open('reviewer');
    await reviewer.goto('/enforcement/reviews');
    await reviewer.getByTestId(`review-row-${caseId}`).click();
    await reviewer.waitForURL(`**/enforcement/cases/${caseId}`);
    await runStep(reviewer, 'review_pass', async (pg) => {
      for (const k of CHECKLIST) await pg.getByTestId(`check-${k}`).check();
      await pg.getByTestId('transition-note').fill('事实清楚，证据充分，程序合法；偏离基准的理由充分，同意');
    });
    await expect.poll(() => state(reviewer)).toBe('待决定');
    await reviewer.context().close();

    const leader = await p.open('leader');
    await leader.goto(`/enforcement/cases/${caseId}`);
    await runStep(leader, 'decide', async (pg) => {
      await pg.getByTestId('decide-fine').fill('12000');
      await expect.poll(() => pg.getByTestId('decide-benchmark').textContent()).toContain('一般');
      await pg.getByTestId('decide-deviation').fill(DEVIATION);
      await pg.getByTestId('decide-text').fill('经查，当事人未按规定对所售水果明码标价，经责令改正后仍未改正。依据《中华人民共和国价格法》第四十二条，决定处以罚款人民币壹万贰仟元整。');
      await pg.getByTestId('decide-publicize').check();
    });
    await expect.poll(() => state(leader)).toBe('已决定待送达');
    await expect.poll(() => leader.getByTestId('case-decision-no').textContent()).toMatch(/^演市监罚决字〔\d{4}〕\d+号$/);
    await leader.context().close();
  });

  it('serves the decision, records the payment, publishes and closes; the public list shows the party masked', async () => {
    const page = await p.open('officer');
    await page.goto(`/enforcement/cases/${caseId}`);
    await runStep(page, 'serve');
    await expect.poll(() => state(page)).toBe('已送达待履行');
    await runStep(page, 'record_payment', async (pg) => {
      await pg.getByTestId('pay-receipt').fill('E2E-0001');
      await pg.getByTestId('pay-amount').fill('12000');
    });
    await expect.poll(() => state(page)).toBe('已执行');
    await page.getByTestId('publicity-publish').click();
    await expect.poll(() => page.getByTestId('publicity-status').count()).toBe(1);
    await runStep(page, 'close');
    await expect.poll(() => state(page)).toBe('结案归档');
    const timeline = (await page.getByTestId('case-timeline').textContent()) ?? '';
    for (const title of ['立案审批', '调查取证', '行政处罚事先告知书', '当事人放弃陈述申辩及听证', '法制审核意见书（通过）', '行政处罚决定书', '送达回证', '执法决定公示', '结案报告']) expect(timeline).toContain(title);
    expect(timeline).toContain('SM3');
    await page.context().close();

    const published = (await (await fetch(`${p.baseUrl}/api/public/enforcement/decisions`)).json()) as { id: number; party_name_masked: string }[];
    const mine = published.find((d) => d.id === caseId);
    expect(mine).toBeDefined();
    expect(mine!.party_name_masked).not.toBe(PARTY);

    const citizen = await p.open(null);
    await citizen.goto('/public/enforcement/decisions');
    await expect.poll(() => citizen.getByTestId(`public-party-${caseId}`).textContent()).toBe(mine!.party_name_masked);
    const list = (await citizen.getByTestId('public-decisions').textContent()) ?? '';
    expect(list).toContain(TITLE);
    expect(list).not.toContain(PARTY);
    await citizen.context().close();
  });
});
