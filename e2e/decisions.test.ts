import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, startPlatform, type Platform } from './harness.ts';
import { addDays } from './dates.ts';
import { Client } from '../test/helpers.ts';
import { DEMO_PASSWORD } from '../src/core/demo/demo.ts';
import { choose, dialogs } from './antd.ts';

const ITEM = '演示市中心城区义务教育学校布局调整方案';
const PLAN = '按照就近入学原则，2027年秋季起将中心城区12所义务教育学校调整为9所，新建东湖实验学校，撤并生源不足的3所小学，学生按划片就近安置。';
const EXPLANATION = '为优化中心城区义务教育资源配置，决定实施学校布局调整；公众意见和专家论证意见采纳情况见说明。';
const DAY = 86_400_000;

/**
 * A major decision from an item of the published catalogue to publication and post-evaluation,
 * persona after persona, in Chromium, on a clock moved past the comment period and the review time.
 */
describe.skipIf(!browserAvailable())('a major administrative decision in Chromium', () => {
  let p: Platform;
  let shift = 0;
  let id = 0;
  const errors: string[] = [];
  const today = () => p.s.today();
  const later = (days: number) => {
    shift += days * DAY;
  };

  beforeAll(async () => {
    p = await startPlatform(undefined, undefined, { now: () => new Date(Date.now() + shift) });
  });
  afterAll(async () => p?.close());

  const open = async (user: string | null) => {
    const page = await p.open(user);
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };
  async function api(username: string) {
    const res = await new Client(p.baseUrl).post('/api/auth/login', { username, password: DEMO_PASSWORD });
    return new Client(p.baseUrl, res.headers['set-cookie'].split(';')[0], res.json().csrfToken);
  }
  const state = (page: Page) => page.getByTestId('procedure-state').textContent();

  /** Runs a step of the procedure panel: its form filled by `fill`, then 确定; the dialog closes on success. */
  async function runStep(page: Page, code: string, fill?: (page: Page) => Promise<void>) {
    await page.getByTestId(`transition-${code}`).click();
    if (fill) await fill(page);
    await page.getByRole('dialog').getByRole('button', { name: '确 定' }).click();
    await expect.poll(() => dialogs(page)).toBe(0);
  }
  const detail = async (user: string) => {
    const page = await open(user);
    await page.goto(`/decisions/${id}`);
    await expect.poll(() => state(page)).not.toBeNull();
    return page;
  };

  it('starts the decision from the catalogue, drafts the plan, opens comment and names the experts', async () => {
    const legal = await open('legal');
    await legal.goto('/decisions/list');
    await legal.getByTestId('decision-start').click();
    await choose(legal, 'start-item', ITEM, false);
    await legal.getByTestId('start-ok').click();
    await legal.waitForURL(/\/decisions\/\d+$/);
    id = Number(new URL(legal.url()).pathname.split('/').pop());
    await expect.poll(() => state(legal)).toBe('已起动');
    expect(await legal.getByTestId('decision-status').textContent()).toBe('已起动');

    await runStep(legal, 'draft_plan', (pg) => pg.getByTestId('step-planText').fill(PLAN));
    await expect.poll(() => state(legal)).toBe('拟订方案');
    await runStep(legal, 'open_comment', async (pg) => {
      await pg.getByTestId('step-commentFrom').fill(today());
      await pg.getByTestId('step-commentUntil').fill(addDays(today(), 29));
    });
    await expect.poll(() => state(legal)).toBe('公众参与');

    // One law expert by lot, and the engineering expert who holds an account chosen with the reason.
    await legal.getByTestId('tab-experts').click();
    await legal.getByTestId('expert-draw').click();
    await legal.getByTestId('draw-ok').click();
    await expect.poll(() => legal.getByTestId('draw-result').textContent()).toContain('法律');
    await legal.getByRole('dialog').getByRole('button', { name: '确 定' }).click();
    await legal.getByTestId('expert-assign').click();
    await choose(legal, 'assign-expert', '郑筑城', false);
    await choose(legal, 'assign-field', '工程技术', false);
    await legal.getByTestId('assign-reason').fill('学校建设涉及工程技术问题，选定具有校舍设计经验的专家');
    await legal.getByTestId('assign-ok').click();
    await expect.poll(() => legal.getByTestId('expert-assignments').locator('tbody tr').count()).toBe(2);
    expect(await legal.getByTestId('expert-assignments').textContent()).toContain('郑筑城');
    await legal.context().close();
  });

  it('takes a comment on the portal; the office answers it and closes public participation after the period', async () => {
    const citizen = await open(null);
    await citizen.goto('/public/decisions/drafts');
    const draft = citizen.getByTestId(`draft-${id}`);
    await expect.poll(() => draft.textContent()).toContain(PLAN);
    await citizen.getByTestId(`draft-comment-content-${id}`).fill('建议撤并学校时为远距离学生提供校车接送。');
    await citizen.getByTestId(`draft-comment-name-${id}`).fill('东湖区家长');
    await citizen.getByTestId(`draft-comment-contact-${id}`).fill('13912345678');
    await citizen.getByTestId(`draft-comment-submit-${id}`).click();
    await expect.poll(() => citizen.getByTestId(`draft-comment-done-${id}`).count()).toBe(1);
    await citizen.context().close();

    const comment = (await (await api('legal')).get(`/api/decisions/${id}`)).json().comments[0];
    const legal = await detail('legal');
    await legal.getByTestId('tab-participation').click();
    await legal.getByTestId(`comment-answer-${comment.id}`).click();
    await legal.getByTestId('comment-answer').getByText('部分采纳').click();
    await legal.getByTestId('comment-reason').fill('校车接送纳入配套方案，具体线路由区教育局另行确定');
    await legal.getByTestId('comment-answer-ok').click();
    await expect.poll(() => legal.getByTestId(`comment-answered-${comment.id}`).count()).toBe(1);
    // A hearing (not required for this item, held all the same): participants from a dynamic list.
    await runStep(legal, 'record_hearing', async (pg) => {
      await pg.getByTestId('step-heldOn').fill(today());
      await pg.getByTestId('participant-0-name').fill('李家长');
      await pg.getByTestId('participant-0-sector').fill('家长代表');
      await pg.getByTestId('participant-add').click();
      await pg.getByTestId('participant-1-name').fill('张校长');
      await pg.getByTestId('participant-1-sector').fill('学校代表');
      await pg.getByTestId('step-record').fill('听证会上家长代表关注校车和过渡期安排，学校代表支持调整。');
      await pg.getByTestId('step-adoptionReasons').fill('校车接送意见予以采纳；过渡期维持一学期，理由是新校舍已具备使用条件。');
    });
    await expect.poll(() => legal.getByTestId('decision-hearing').textContent()).toContain('张校长（学校代表）');
    // Still within the period: closing is refused with the rule.
    await expect.poll(() => legal.getByTestId('transition-close_comment').isDisabled()).toBe(true);
    await legal.context().close();

    later(31);
    const after = await detail('legal');
    await runStep(after, 'close_comment', (pg) => pg.getByTestId('step-adoptionSummary').fill('共收到意见1条，部分采纳1条：校车接送纳入配套方案。'));
    await expect.poll(() => state(after)).toBe('专家论证');
    await after.context().close();
  });

  it('takes the expert opinions, the risk assessment and submits the draft for legality review', async () => {
    const expert = await open('expert');
    await expert.goto('/decisions/my-assignments');
    const button = expert.locator('[data-testid^="my-assignment-opinion-"]');
    await expect.poll(() => button.count()).toBe(1);
    await button.click();
    await expert.getByTestId('field-givenOn').fill(today());
    await expert.getByTestId('my-opinion-text').fill('布局调整必要、可行；新建校舍应按抗震设防重点设防类设计，撤并过渡期应保障学位。');
    await expert.getByTestId('my-opinion-ok').click();
    await expect.poll(() => expert.locator('[data-testid^="my-assignment-done-"]').count()).toBeGreaterThan(0);
    await expert.context().close();

    const legal = await detail('legal');
    // The drawn law expert's written opinion, recorded by the office.
    await runStep(legal, 'record_expert_opinion', async (pg) => {
      await pg.getByTestId('step-givenOn').fill(today());
      await pg.getByTestId('step-opinion').fill('方案符合义务教育法关于就近入学的规定，撤并学校应履行听取意见程序。');
    });
    await legal.getByTestId('tab-experts').click();
    await expect.poll(() => legal.locator('[data-testid^="expert-opinion-"]').count()).toBe(2);
    await runStep(legal, 'finish_argumentation');
    await expect.poll(() => state(legal)).toBe('风险评估');

    await runStep(legal, 'assess_risk', async (pg) => {
      for (const kind of ['social_stability', 'environment', 'economic', 'legal', 'fiscal', 'public_safety']) await pg.getByTestId(`risk-${kind}-description`).fill('经评估风险可控');
      await pg.getByTestId('step-assessedOn').fill(today());
      await pg.getByTestId('step-passed').getByText('风险可控（通过）').click();
      await pg.getByTestId('step-disposalPlan').fill('分批撤并，设立家长咨询专线和校车保障专班。');
    });
    await legal.getByTestId('tab-risk').click();
    await expect.poll(() => legal.getByTestId('risk-items').locator('tbody tr').count()).toBe(6);
    await runStep(legal, 'submit_review');
    await expect.poll(() => state(legal)).toBe('合法性审查');

    await legal.getByTestId('tab-review').click();
    await legal.getByTestId('adviser-opinion-add').click();
    await choose(legal, 'adviser-select', '刘律明', false);
    await legal.getByTestId('field-givenOn').fill(today());
    await legal.getByTestId('adviser-opinion-text').fill('决策草案于法有据，程序合法，建议通过合法性审查。');
    await legal.getByTestId('adviser-opinion-ok').click();
    await expect.poll(() => legal.getByTestId('adviser-opinions').textContent()).toContain('刘律明');
    // Seven working days have not run yet.
    await expect.poll(() => legal.getByTestId('transition-review_pass').isDisabled()).toBe(true);
    await legal.context().close();
  });

  it('passes the review, decides at the meeting, publishes on the portal, evaluates, adjusts and records accountability', async () => {
    later(21);
    const legal = await detail('legal');
    await runStep(legal, 'review_pass', (pg) => pg.getByTestId('transition-note').fill('经审查，决策草案合法，同意提请集体讨论。'));
    await expect.poll(() => state(legal)).toBe('待集体讨论决定');
    await legal.context().close();

    const leader = await detail('leader');
    await runStep(leader, 'decide', async (pg) => {
      await pg.getByTestId('step-heldOn').fill(today());
      await pg.getByTestId('attendee-0-name').fill('周市长');
      await pg.getByTestId('attendee-1-name').fill('陈法明');
      await pg.getByTestId('attendee-2-name').fill('甲副市长');
      await pg.getByTestId('attendee-3-name').fill('乙副市长');
      await pg.getByTestId('attendee-add').click();
      await pg.getByTestId('attendee-4-name').fill('丙副市长');
      await choose(pg, 'attendee-4-view', '不同意', false);
      await pg.getByTestId('attendee-4-opinion').fill('撤并过渡期过短');
      await pg.getByTestId('step-headDecision').getByText('决定通过').click();
      await pg.getByTestId('step-minutes').fill('会议讨论学校布局调整方案，丙副市长认为过渡期过短，其余同意；周市长决定通过。');
    });
    await expect.poll(() => state(leader)).toBe('已决定待公布');
    await leader.getByTestId('tab-meeting').click();
    expect(await leader.getByTestId('meeting-attendees').textContent()).toContain('不同意');
    await runStep(leader, 'publish', async (pg) => {
      await pg.getByTestId('step-publishedOn').fill(today());
      await pg.getByTestId('step-explanation').fill(EXPLANATION);
    });
    await expect.poll(() => state(leader)).toBe('执行中');
    await leader.context().close();

    const citizen = await open(null);
    await citizen.goto('/public/decisions/published');
    const card = citizen.getByTestId(`published-${id}`);
    await expect.poll(() => card.textContent()).toContain(EXPLANATION);
    expect(await card.textContent()).toContain('校车接送纳入配套方案');
    expect(await card.textContent()).toContain('郑筑城');
    expect(await card.textContent()).toContain('李家长（家长代表）');
    await citizen.context().close();

    const legal2 = await detail('legal');
    await runStep(legal2, 'report_progress', async (pg) => {
      await pg.getByTestId('step-reportedOn').fill(today());
      await pg.getByTestId('step-progress').fill('东湖实验学校已开工，3所小学撤并方案已告知家长。');
    });
    await runStep(legal2, 'evaluate', async (pg) => {
      await pg.getByTestId('step-opinionsGathered').fill('家长普遍认可，部分家长反映校车线路不足。');
      await pg.getByTestId('step-conclusion').getByText('调整').click();
      await pg.getByTestId('step-report').fill('建议增加两条校车线路，延长撤并过渡期一学期。');
    });
    await expect.poll(() => state(legal2)).toBe('已后评估');
    await legal2.getByTestId('tab-evaluation').click();
    expect(await legal2.getByTestId('evaluation-conclusion').textContent()).toBe('调整');
    await legal2.getByTestId('tab-trace').click();
    await expect.poll(() => legal2.getByTestId('trace-people').textContent()).toContain('丙副市长');
    expect(await legal2.getByTestId('trace-chain').textContent()).toContain('校验通过');
    await legal2.context().close();

    const leader2 = await detail('leader');
    await runStep(leader2, 'adjust', (pg) => pg.getByTestId('transition-note').fill('增加两条校车线路，撤并过渡期延长一学期。'));
    await expect.poll(() => state(leader2)).toBe('执行中');
    await leader2.goto('/decisions/list');
    await expect.poll(() => leader2.getByTestId(`decision-status-${id}`).textContent()).toBe('执行中');

    // 问责: recorded on the decision, listed on the register.
    await leader2.goto(`/decisions/${id}`);
    await leader2.getByTestId('tab-accountability').click();
    await leader2.getByTestId('accountability-add').click();
    await leader2.getByTestId('acc-personName').fill('王承办');
    await leader2.getByTestId('acc-personPost').fill('市教育局基础教育科科长');
    await choose(leader2, 'acc-form', '诫勉谈话', false);
    await leader2.getByTestId('acc-reason').fill('撤并过渡期安排不周，造成部分学生就学不便');
    await leader2.getByTestId('field-decidedOn').fill(today());
    await leader2.getByTestId('acc-decidingBody').fill('演示市人民政府');
    await leader2.getByTestId('accountability-ok').click();
    await expect.poll(() => leader2.getByTestId('accountability-rows').textContent()).toContain('王承办');
    await leader2.goto('/decisions/accountability');
    await expect.poll(() => leader2.locator('.ant-table-tbody').textContent()).toContain('诫勉谈话');
    await leader2.context().close();
    expect(errors).toEqual([]);
  });
});
