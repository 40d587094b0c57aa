import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startPlatform, type Platform } from './harness.ts';
import { choose, dialogs } from './antd.ts';

/**
 * The duties around the plans in Chromium: the yearly rule-of-law report edited before it is
 * reported, a required meeting recorded against the government's yearly count, an
 * accountability case filed and taken into investigation through the procedure panel, and
 * the service commitments on the portal.
 *
 * The server's clock stands on 10 March of this year: last year's report of the demo is then
 * still a draft (the demo reports and publishes it once the first quarter allows).
 */
describe.skipIf(!browserAvailable())('plans: report, meetings, accountability, commitments in Chromium', () => {
  let p: Platform;
  const errors: string[] = [];
  const year = new Date().getFullYear();
  const shift = Date.now() - new Date(`${year}-03-10T10:00:00+08:00`).getTime();
  const today = () => p.s.today();
  const open = async (user: string | null) => {
    const page = await p.open(user);
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };

  beforeAll(async () => {
    p = await startPlatform(undefined, undefined, { now: () => new Date(Date.now() - shift) });
  });
  afterAll(async () => p?.close());

  it('edits the problems of last year\'s report and shows its figures', async () => {
    const page = await open('legal');
    await page.goto('/plans/reports');
    await page.locator('a[data-testid^="report-link-"]', { hasText: `演示市人民政府关于${year - 1}年度` }).click();
    await page.waitForURL(/\/plans\/reports\/\d+$/);
    expect(await page.getByTestId('report-status').textContent()).toBe('起草中');
    await expect.poll(() => page.locator('[data-testid="report-figures"] tbody tr.ant-table-row').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('report-recipients').textContent()).toContain('同级人大常委会');
    const problems = '一是部分规划任务推进滞后；二是基层执法人员培训学时不足；三是决策后评估开展不够；四是白皮书完成情况通报不及时。';
    await page.getByTestId('report-problems').fill(problems);
    await page.getByTestId('report-save').click();
    await expect.poll(() => page.locator('.ant-message-notice').textContent()).toContain('已保存报告正文');
    await page.reload();
    await expect.poll(() => page.getByTestId('report-problems').inputValue()).toBe(problems);
    await page.context().close();
  });

  it('records an executive briefing against the city government\'s yearly count', async () => {
    const page = await open('legal');
    await page.goto('/plans/meetings');
    const city = page.locator('[data-testid^="meeting-org-"][data-org="演示市人民政府"]');
    await city.waitFor();
    const govId = (await city.getAttribute('data-testid'))!.replace('meeting-org-', '');
    const held = page.getByTestId(`meeting-${govId}-executive_briefing-held`);
    const before = Number(await held.textContent());
    expect(before).toBeGreaterThan(0);
    expect(['normal', 'yellow', 'red']).toContain(await page.getByTestId(`meeting-${govId}-executive_briefing-light`).getAttribute('data-light'));
    await page.getByTestId('meeting-create').click();
    await choose(page, 'field-orgId', '演示市人民政府');
    await choose(page, 'field-kind', '政府常务会议听取', false);
    await page.getByTestId('field-heldOn').fill(today());
    await page.getByTestId('field-title').fill('市人民政府第八次常务会议');
    await page.getByTestId('field-minutes').fill('会议听取了市司法局关于法治政府建设年度报告起草情况的汇报。');
    await page.getByTestId('meeting-create-ok').click();
    await expect.poll(() => dialogs(page)).toBe(0);
    await expect.poll(async () => Number(await held.textContent())).toBe(before + 1);
    await page.context().close();
  });

  it('files an accountability case and takes it into investigation', async () => {
    const page = await open('legal');
    await page.goto('/plans/accountability');
    await page.getByTestId('case-create').click();
    await choose(page, 'field-subjectOrgId', '演示市生态环境局');
    await page.getByTestId('field-personName').fill('王某某');
    await page.getByTestId('field-personPost').fill('执法支队科长');
    await choose(page, 'field-trigger', '其他', false);
    const summary = '市人大常委会执法检查建议：对河道排污问题查处不力追究责任';
    await page.getByTestId('field-summary').fill(summary);
    await page.getByTestId('field-filedOn').fill(today());
    await page.getByTestId('case-create-ok').click();
    await expect.poll(() => dialogs(page)).toBe(0);
    await page.locator('a[data-testid^="case-link-"]', { hasText: summary }).click();
    await page.waitForURL(/\/plans\/accountability\/\d+$/);
    await expect.poll(() => page.getByTestId('procedure-state').textContent()).toBe('初步审查');
    await page.getByTestId('transition-pursue').click();
    await page.getByTestId('transition-note').fill('经初步审查，线索属实，应予追究，转入调查核实。');
    await page.locator('.ant-modal-wrap:visible .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('procedure-state').textContent()).toBe('调查核实');
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('调查核实');
    expect(await page.locator('body').textContent()).toContain('经初步审查，线索属实');
    await page.context().close();
  });

  it('shows the service commitments on the portal', async () => {
    const page = await open(null);
    await page.goto('/public/plans/commitments');
    await expect.poll(() => page.locator('[data-testid^="public-commitment-"]').allTextContents()).toContain('食品经营许可（新办）');
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
