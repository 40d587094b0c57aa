import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';

type TreeNode = { id: number; code: string; points: string; leaf: boolean; text: string | null; method: string | null; children: TreeNode[] };
const flatten = (t: TreeNode[]): TreeNode[] => t.flatMap((n) => [n, ...flatten(n.children)]);
const DAY = 86_400_000;
const manualLeaf = (sheet: any) => sheet.items.find((i: any) => i.method === 'manual');

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
    expect((await assessor.post('/api/assessment/rounds', { systemId: sys.id, orgIds: [samr, eco], selfDue: later(10), reviewDue: later(20), publishDue: later(15) })).json()).toMatchObject({ code: 'dates_out_of_order', field: 'publishDue' });
    // A county government's result weighs at least 2% in the performance assessment (seed 000 §9(三)1).
    const county = await orgId(env.s, '东湖区人民政府');
    const low = (await assessor.post('/api/assessment/rounds', { systemId: sys.id, orgIds: [county], selfDue: later(10), reviewDue: later(20), performanceWeight: 1 })).json();
    expect(low).toMatchObject({ code: 'performance_weight_below_minimum' });
    expect(low.basis.article).toBe('九、（三）1.');
    const round = ok(await assessor.post('/api/assessment/rounds', { systemId: sys.id, orgIds: [samr, eco], selfDue: later(10), reviewDue: later(20), performanceWeight: 3 }));
    expect(round.assessed).toBe(2);

    // The self-assessment deadline of each assessed organisation is supervised.
    const deadlines = await env.s.db.selectFrom('deadlines').select(['org_id', 'due_date', 'kind']).where('subject_type', '=', 'assessment_round').where('subject_id', '=', String(round.id)).where('kind', '=', 'assessment.self').execute();
    expect(deadlines.map((d) => d.org_id).sort()).toEqual([samr, eco].sort());
    expect(deadlines.every((d) => d.due_date === later(10))).toBe(true);
    // … and so are the office's review and publication (publication defaults to the review day).
    const office = () => env.s.db.selectFrom('deadlines').select(['kind', 'due_date', 'status']).where('subject_type', '=', 'assessment_round').where('subject_id', '=', String(round.id)).where('kind', 'in', ['assessment.review', 'assessment.publish']).orderBy('kind').execute();
    expect((await office()).map((d) => [d.kind, d.due_date])).toEqual([['assessment.publish', later(20)], ['assessment.review', later(20)]]);

    expect(ok(await assessor.post(`/api/assessment/rounds/${round.id}/compute`))).toMatchObject({ organisations: 2 });
    const sheet = ok(await legal.get(`/api/assessment/rounds/${round.id}/sheet?orgId=${samr}`));
    const t = sheet.items.find((i: any) => i.node_id === training.id);
    expect(t.computed_at).toBeTruthy();
    expect(t.status).toBe('scored');
    const direct = ok(await legal.get(`/api/metrics/enforcement.training_compliance/value?orgId=${samr}&from=${year}-01-01&to=${year}-12-31`));
    expect(Number(t.metric_value)).toBe(direct.value);
    expect(t.explanation).toContain('目标');
    // Drill-down: the records behind the value are the denominator, those counted the numerator.
    const records = ok(await legal.get(`/api/assessment/rounds/${round.id}/records?orgId=${samr}&nodeId=${training.id}&limit=200`));
    expect(records.total).toBe(Number(t.denominator));
    expect(records.items.filter((r: any) => r.counted).length).toBe(Number(t.numerator));
    expect(records.frozen).toBe(false);
    expect(ok(await legal.get(`/api/assessment/rounds/${round.id}/records?orgId=${samr}&nodeId=${training.id}&counted=true`)).total).toBe(Number(t.numerator));
    expect((await legal.get(`/api/assessment/rounds/${round.id}/records?orgId=${samr}&nodeId=${manualLeaf(sheet).node_id}`)).json().code).toBe('no_records');
    expect((await staff.get(`/api/assessment/rounds/${round.id}/records?orgId=${samr}&nodeId=${training.id}`)).statusCode).toBe(404);
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

    // Sent back once, for the items named; the organisation may change only those, then resubmits.
    const back = ok(await assessor.post(`/api/assessment/rounds/${round.id}/return`, { orgId: eco, reason: '佐证材料缺失', items: [{ nodeId: ecoManual[0].node_id, reason: '请补充会议纪要' }] }));
    expect(back).toMatchObject({ status: 'returned', return_reason: '佐证材料缺失' });
    expect(back.due > env.s.today()).toBe(true);
    const returnedSheet = ok(await staff.get(`/api/assessment/rounds/${round.id}/sheet?orgId=${eco}`));
    expect(returnedSheet.items.find((i: any) => i.node_id === ecoManual[0].node_id).returned_reason).toBe('请补充会议纪要');
    expect((await staff.post(`/api/assessment/rounds/${round.id}/self`, { orgId: eco, items: full(ecoManual.slice(1, 2)) })).json().code).toBe('item_not_returned');
    ok(await staff.post(`/api/assessment/rounds/${round.id}/self`, { orgId: eco, items: [{ nodeId: ecoManual[0].node_id, score: Number(ecoManual[0].points), note: '已补充会议纪要' }], submit: true }));
    expect((await assessor.post(`/api/assessment/rounds/${round.id}/return`, { orgId: eco, reason: '再次退回', items: [{ nodeId: ecoManual[0].node_id, reason: '再补充' }] })).json().code).toBe('already_returned');
    const resubmit = await env.s.db.selectFrom('deadlines').select(['status']).where('kind', '=', 'assessment.resubmit').where('org_id', '=', eco).execute();
    expect(resubmit.map((d) => d.status)).toEqual(['closed']);

    expect((await assessor.post(`/api/assessment/rounds/${round.id}/publish`)).json().code).toBe('review_incomplete');
    const cut = { nodeId: manual[0].node_id, score: Number(manual[0].points) - 1 };
    expect((await assessor.post(`/api/assessment/rounds/${round.id}/review`, { orgId: samr, items: [cut] })).json().code).toBe('reason_required');
    ok(await assessor.post(`/api/assessment/rounds/${round.id}/review`, { orgId: samr, items: [{ ...cut, note: '佐证材料不完整，扣 1 分' }] }));
    ok(await assessor.post(`/api/assessment/rounds/${round.id}/review`, { orgId: eco, items: [] }));
    const published = ok(await assessor.post(`/api/assessment/rounds/${round.id}/publish`));
    expect(Object.keys(published.frozen)).toEqual(expect.arrayContaining(['assessment.grade_cutoffs', 'assessment.rectification_days']));
    expect((await office()).map((d) => d.status)).toEqual(['closed', 'closed']);

    const result = ok(await assessor.get(`/api/assessment/rounds/${round.id}`));
    const s1 = result.orgs.find((o: any) => o.org_id === samr);
    const s2 = result.orgs.find((o: any) => o.org_id === eco);
    expect(Number(s1.percent)).toBeGreaterThan(90);
    expect(s1).toMatchObject({ grade: 'excellent', vetoed: false });
    expect(s2).toMatchObject({ grade: 'fail', vetoed: true });
    expect(s2.reasons[0]).toContain('重大违法行政案件');
    expect([s1.rank, s2.rank].sort()).toEqual([1, 2]);
    expect(Number(s1.performance_weight)).toBe(3);
    expect(Number(s1.performance_points)).toBeCloseTo((Number(s1.percent) * 3) / 100, 2);

    // Consequences: 优秀 commended, 不合格 notified with a supervised rectification.
    const cons = ok(await assessor.get(`/api/assessment/rounds/${round.id}/consequences`));
    expect(cons.map((c: any) => [c.org_id, c.kind]).sort()).toEqual([[samr, 'commendation'], [eco, 'rectification']].sort());
    const ownCons = ok(await staff.get(`/api/assessment/rounds/${round.id}/consequences`));
    expect(ownCons.map((c: any) => c.kind)).toEqual(['rectification']);
    expect(ownCons[0].deadline_status).not.toBe('closed');
    const outsider = await env.login('county_legal');
    expect((await outsider.post(`/api/assessment/rounds/${round.id}/rectification`, { orgId: eco, report: '已制定整改方案，逐项整改到位' })).statusCode).toBe(404);
    expect((await outsider.get(`/api/assessment/rounds/${round.id}/consequences`)).statusCode).toBe(404);
    ok(await staff.post(`/api/assessment/rounds/${round.id}/rectification`, { orgId: eco, report: '已制定整改方案，逐项整改到位' }));
    expect((await staff.post(`/api/assessment/rounds/${round.id}/rectification`, { orgId: eco, report: '再次报送整改情况说明' })).json().code).toBe('rectification_done');

    // The published round reproduces its scores from what it stored, and drills down to frozen records.
    const verified = ok(await assessor.get(`/api/assessment/rounds/${round.id}/verify`));
    expect(verified.checked).toBeGreaterThan(0);
    expect(verified.differences).toEqual([]);
    const frozenRecords = ok(await legal.get(`/api/assessment/rounds/${round.id}/records?orgId=${samr}&nodeId=${training.id}&limit=200`));
    expect(frozenRecords).toMatchObject({ frozen: true, total: records.total });

    // A second year of 不合格 is flagged.
    const next = ok(await assessor.post(`/api/assessment/systems/${sys.id}/copy`, { year: year + 1 }));
    const nextDraft = ok(await assessor.get(`/api/assessment/systems/${next.id}`));
    ok(await assessor.post(`/api/assessment/systems/${next.id}/publish`, { version: nextDraft.version }));
    const nextVeto = flatten(nextDraft.tree).find((n) => n.code === veto.code && n.method === 'veto')!;
    const round2 = ok(await assessor.post('/api/assessment/rounds', { systemId: next.id, orgIds: [eco], selfDue: later(10), reviewDue: later(20) }));
    ok(await assessor.post(`/api/assessment/rounds/${round2.id}/compute`));
    const sheet2 = ok(await staff.get(`/api/assessment/rounds/${round2.id}/sheet?orgId=${eco}`));
    ok(await staff.post(`/api/assessment/rounds/${round2.id}/self`, { orgId: eco, items: [...full(sheet2.items.filter((i: any) => i.method === 'manual')), { nodeId: nextVeto.id, score: 1, note: '再次发生重大违法行政案件' }], submit: true }));
    ok(await assessor.post(`/api/assessment/rounds/${round2.id}/review`, { orgId: eco, items: [] }));
    ok(await assessor.post(`/api/assessment/rounds/${round2.id}/publish`));
    const cons2 = ok(await assessor.get(`/api/assessment/rounds/${round2.id}/consequences`));
    expect(cons2.map((c: any) => c.kind).sort()).toEqual(['consecutive_fail', 'rectification']);

    const pub = ok(await env.anon.get('/api/public/assessment/results'));
    expect(pub[0].results.map((r: any) => r.org_name)).toEqual(expect.arrayContaining(['演示市市场监督管理局', '演示市生态环境局']));
  });
});
