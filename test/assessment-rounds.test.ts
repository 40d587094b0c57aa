import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';

type TreeNode = { id: number; code: string; points: string; leaf: boolean; text: string | null; method: string | null; children: TreeNode[] };
const flatten = (t: TreeNode[]): TreeNode[] => t.flatMap((n) => [n, ...flatten(n.children)]);
const DAY = 86_400_000;

describe.each(kinds)('assessment: a round end to end from live module data on %s', (kind) => {
  let env: TestEnv;
  let assessor: Client;
  let legal: Client;
  let staff: Client;
  let samr: number;
  let eco: number;
  const ok = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body);
  };
  const later = (n: number) => new Date(Date.parse(`${env.s.today()}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

  beforeAll(async () => {
    env = await makeEnv(kind);
    [assessor, legal, staff] = await Promise.all(['assessor', 'legal', 'staff'].map((u) => env.login(u)));
    samr = await orgId(env.s, '演示市市场监督管理局');
    eco = await orgId(env.s, '演示市生态环境局');
  });
  afterAll(async () => env?.close());

  it('computes metric leaves from the modules, takes self-assessments and reviews, applies a veto and publishes grades and ranks', async () => {
    const year = Number(env.s.today().slice(0, 4));
    const sys = ok(await assessor.post('/api/assessment/systems/template', { year, name: `${year}年度市直部门法治政府建设考核`, totalPoints: 1000 }));
    const leaves = flatten(ok(await assessor.get(`/api/assessment/systems/${sys.id}`)).tree).filter((n) => n.leaf);
    const training = leaves.find((n) => n.text?.includes('不少于40学时'))!;
    const certified = leaves.find((n) => n.text?.includes('取得行政执法资格方能从事'))!;
    const veto = leaves.find((n) => n.code === '十（五）3') ?? leaves[leaves.length - 1];
    ok(await assessor.patch(`/api/assessment/nodes/${training.id}`, { method: 'metric', metricCode: 'enforcement.training_compliance', rule: { kind: 'threshold', target: 100 } }));
    ok(await assessor.patch(`/api/assessment/nodes/${certified.id}`, { method: 'metric', metricCode: 'enforcement.certified_officer_ratio', rule: { kind: 'rank', first: Number(certified.points), step: 1, floor: 0 } }));
    ok(await assessor.patch(`/api/assessment/nodes/${veto.id}`, { method: 'veto' }));
    const draft = ok(await assessor.get(`/api/assessment/systems/${sys.id}`));
    expect((await assessor.post('/api/assessment/rounds', { systemId: sys.id, orgIds: [samr, eco], selfDue: later(10), reviewDue: later(20) })).json().code).toBe('system_not_published');
    ok(await assessor.post(`/api/assessment/systems/${sys.id}/publish`, { version: draft.version }));
    expect((await assessor.post('/api/assessment/rounds', { systemId: sys.id, orgIds: [samr, eco], selfDue: later(10), reviewDue: later(5) })).json().code).toBe('dates_out_of_order');
    const round = ok(await assessor.post('/api/assessment/rounds', { systemId: sys.id, orgIds: [samr, eco], selfDue: later(10), reviewDue: later(20) }));
    expect(round.assessed).toBe(2);

    // The self-assessment deadline of each assessed organisation is supervised.
    const deadlines = await env.s.db.selectFrom('deadlines').select(['org_id', 'due_date', 'kind']).where('subject_type', '=', 'assessment_round').where('subject_id', '=', String(round.id)).execute();
    expect(deadlines.map((d) => d.org_id).sort()).toEqual([samr, eco].sort());
    expect(deadlines.every((d) => d.due_date === later(10))).toBe(true);

    expect(ok(await assessor.post(`/api/assessment/rounds/${round.id}/compute`))).toMatchObject({ organisations: 2 });
    const sheet = ok(await legal.get(`/api/assessment/rounds/${round.id}/sheet?orgId=${samr}`));
    const t = sheet.items.find((i: any) => i.node_id === training.id);
    expect(t.computed_at).toBeTruthy();
    expect(t.status).toBe('scored');
    const direct = ok(await legal.get(`/api/metrics/enforcement.training_compliance/value?orgId=${samr}&from=${year}-01-01&to=${year}-12-31`));
    expect(Number(t.metric_value)).toBe(direct.value);
    expect(t.explanation).toContain('目标');
    const c = sheet.items.find((i: any) => i.node_id === certified.id);
    expect(c.explanation).toMatch(/第 \d 名/);
    // The ecology bureau has no officers: the metric has nothing to measure there.
    const ecoSheet = ok(await staff.get(`/api/assessment/rounds/${round.id}/sheet?orgId=${eco}`));
    expect(ecoSheet.items.find((i: any) => i.node_id === training.id).status).toBe('not_applicable');
    expect((await staff.get(`/api/assessment/rounds/${round.id}/sheet?orgId=${samr}`)).statusCode).toBe(404);

    const manual = sheet.items.filter((i: any) => i.method === 'manual');
    const full = (items: any[]) => items.map((i: any) => ({ nodeId: i.node_id, score: Number(i.points), note: '已按要求落实，附佐证材料' }));
    const partial = await legal.post(`/api/assessment/rounds/${round.id}/self`, { orgId: samr, items: full(manual.slice(1)), submit: true });
    expect(partial.json().code).toBe('self_incomplete');
    expect((await legal.post(`/api/assessment/rounds/${round.id}/self`, { orgId: samr, items: [{ nodeId: manual[0].node_id, score: Number(manual[0].points) + 1, note: '超出分值' }] })).json().code).toBe('invalid_score');
    expect((await legal.post(`/api/assessment/rounds/${round.id}/self`, { orgId: samr, items: [{ nodeId: training.id, score: 1, note: '自评指标数据项' }] })).json().code).toBe('not_self_assessed');
    ok(await legal.post(`/api/assessment/rounds/${round.id}/self`, { orgId: samr, items: full(manual), submit: true }));
    const ecoManual = ecoSheet.items.filter((i: any) => i.method === 'manual');
    ok(await staff.post(`/api/assessment/rounds/${round.id}/self`, { orgId: eco, items: [...full(ecoManual), { nodeId: veto.id, score: 1, note: '本年度发生重大违法行政案件' }], submit: true }));
    expect((await staff.post(`/api/assessment/rounds/${round.id}/self`, { orgId: eco, items: full(ecoManual.slice(0, 1)) })).json().code).toBe('self_closed');

    expect((await assessor.post(`/api/assessment/rounds/${round.id}/publish`)).json().code).toBe('review_incomplete');
    const cut = { nodeId: manual[0].node_id, score: Number(manual[0].points) - 1 };
    expect((await assessor.post(`/api/assessment/rounds/${round.id}/review`, { orgId: samr, items: [cut] })).json().code).toBe('reason_required');
    ok(await assessor.post(`/api/assessment/rounds/${round.id}/review`, { orgId: samr, items: [{ ...cut, note: '佐证材料不完整，扣 1 分' }] }));
    ok(await assessor.post(`/api/assessment/rounds/${round.id}/review`, { orgId: eco, items: [] }));
    ok(await assessor.post(`/api/assessment/rounds/${round.id}/publish`));

    const result = ok(await assessor.get(`/api/assessment/rounds/${round.id}`));
    const s1 = result.orgs.find((o: any) => o.org_id === samr);
    const s2 = result.orgs.find((o: any) => o.org_id === eco);
    expect(Number(s1.percent)).toBeGreaterThan(90);
    expect(s1).toMatchObject({ grade: 'excellent', vetoed: false });
    expect(s2).toMatchObject({ grade: 'fail', vetoed: true });
    expect(s2.reasons[0]).toContain('重大违法行政案件');
    expect([s1.rank, s2.rank].sort()).toEqual([1, 2]);
    const pub = ok(await env.anon.get('/api/public/assessment/results'));
    expect(pub[0].results.map((r: any) => r.org_name)).toEqual(expect.arrayContaining(['演示市市场监督管理局', '演示市生态环境局']));
  });
});
