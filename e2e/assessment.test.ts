import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, startPlatform, type Platform } from './harness.ts';
import { Client } from '../test/helpers.ts';
import { DEMO_PASSWORD } from '../src/core/demo/demo.ts';

type TreeNode = { id: number; code: string; points: string; leaf: boolean; text: string | null; children: TreeNode[] };
const flatten = (t: TreeNode[]): TreeNode[] => t.flatMap((n) => [n, ...flatten(n.children)]);

/**
 * A round in Chromium: computed from the demo's live enforcement data, the records behind a
 * computed indicator, the self-assessment submitted, the review, publication and the ranking.
 */
describe.skipIf(!browserAvailable())('an assessment round in Chromium', () => {
  let p: Platform;
  let roundId: number;
  let samr: number;
  let training: TreeNode;
  let manual: TreeNode[];
  const errors: string[] = [];

  async function api(username: string) {
    const anon = new Client(p.baseUrl);
    const res = await anon.post('/api/auth/login', { username, password: DEMO_PASSWORD });
    return new Client(p.baseUrl, res.headers['set-cookie'].split(';')[0], res.json().csrfToken);
  }
  const ok = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body);
  };
  const open = async (user: string) => {
    const page = await p.open(user);
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };
  const confirm = async (page: Page, name: string) => page.getByRole('tooltip').getByRole('button', { name }).click();

  beforeAll(async () => {
    p = await startPlatform();
    const assessor = await api('assessor');
    const year = Number(p.s.today().slice(0, 4));
    const sys = ok(await assessor.post('/api/assessment/systems/template', { year, name: `${year}年度浏览器测试考核`, totalPoints: 100 }));
    const leaves = flatten(ok(await assessor.get(`/api/assessment/systems/${sys.id}`)).tree).filter((n) => n.leaf);
    training = leaves.find((n) => n.text?.includes('不少于40学时'))!;
    ok(await assessor.patch(`/api/assessment/nodes/${training.id}`, { method: 'metric', metricCode: 'enforcement.training_compliance', rule: { kind: 'threshold', target: 100 } }));
    const draft = ok(await assessor.get(`/api/assessment/systems/${sys.id}`));
    ok(await assessor.post(`/api/assessment/systems/${sys.id}/publish`, { version: draft.version }));
    samr = (await p.s.db.selectFrom('orgs').select('id').where('name', '=', '演示市市场监督管理局').executeTakeFirstOrThrow()).id;
    const later = (n: number) => new Date(Date.parse(`${p.s.today()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    roundId = ok(await assessor.post('/api/assessment/rounds', { systemId: sys.id, orgIds: [samr], selfDue: later(10), reviewDue: later(20) })).id;
    manual = leaves.filter((n) => n.id !== training.id);
  });
  afterAll(async () => p?.close());

  it('computes the round and drills down to the officers counted', async () => {
    const page = await open('assessor');
    await page.goto(`/assessment/rounds/${roundId}`);
    await page.getByTestId('round-compute').click();
    await expect.poll(() => page.getByTestId('round-computed').count()).toBe(1);
    await page.context().close();

    const legal = await open('legal');
    await legal.goto(`/assessment/rounds/${roundId}/sheet/${samr}`);
    await expect.poll(() => legal.getByTestId(`sheet-row-${training.id}`).textContent()).toContain('已计分');
    await legal.getByTestId(`sheet-records-${training.id}`).click();
    const drawer = legal.locator('.ant-drawer-content');
    await expect.poll(() => drawer.textContent()).toContain('执法证号');
    expect(await drawer.textContent()).toMatch(/共 \d+ 条/);
    expect(await drawer.textContent()).toContain('学时');
    await legal.context().close();
  });

  it('takes the self-assessment, the review with a reason, publishes and ranks', async () => {
    // All but the last manual indicator are saved through the API; the page fills the last and submits.
    const legalApi = await api('legal');
    const [last, ...rest] = [...manual].reverse();
    ok(await legalApi.post(`/api/assessment/rounds/${roundId}/self`, { orgId: samr, items: rest.map((n) => ({ nodeId: n.id, score: Number(n.points), note: '已落实，附佐证材料' })) }));
    const legal = await open('legal');
    await legal.goto(`/assessment/rounds/${roundId}/sheet/${samr}`);
    await legal.getByTestId(`self-score-${last.id}`).fill(String(Number(last.points)));
    await legal.getByTestId(`self-note-${last.id}`).fill('已按要求落实并附材料');
    await legal.getByTestId('sheet-submit').click();
    await confirm(legal, '报 送');
    await expect.poll(() => legal.getByText('已报送').count()).toBeGreaterThan(0);
    await legal.context().close();

    const assessor = await open('assessor');
    await assessor.goto(`/assessment/rounds/${roundId}/sheet/${samr}`);
    const cut = manual[0];
    await assessor.getByTestId(`review-score-${cut.id}`).fill(String(Number(cut.points) / 2));
    await assessor.getByTestId(`review-note-${cut.id}`).fill('佐证材料不完整，扣一半');
    await assessor.getByTestId('review-submit').click();
    await confirm(assessor, '完 成');
    await expect.poll(() => assessor.getByText('已审核').count()).toBeGreaterThan(0);

    await assessor.goto(`/assessment/rounds/${roundId}`);
    await assessor.getByTestId('round-publish').click();
    await confirm(assessor, '公 布');
    await expect.poll(() => assessor.getByTestId(`round-org-${samr}`).textContent()).toMatch(/^1演示市市场监督管理局/);
    expect(await assessor.getByTestId(`round-org-${samr}`).textContent()).toMatch(/优秀|良好|合格/);
    await assessor.getByTestId('round-verify').click();
    await expect.poll(() => assessor.getByTestId('round-verified').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
