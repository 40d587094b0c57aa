import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds, makeEnv, type Client, type TestEnv } from './helpers.ts';

type TreeNode = { id: number; code: string; level: number; points: string; leaf: boolean; text: string | null; children: TreeNode[] };
const flatten = (t: TreeNode[]): TreeNode[] => t.flatMap((n) => [n, ...flatten(n.children)]);

describe.each(kinds)('assessment: indicator systems on %s', (kind) => {
  let env: TestEnv;
  let assessor: Client;
  const ok = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body);
  };

  beforeAll(async () => {
    env = await makeEnv(kind);
    assessor = await env.login('assessor');
  });
  afterAll(async () => env?.close());

  it('builds a draft from the seed-000 template, links leaves to metrics with checked rules, refuses cycles and unbalanced points, then publishes a frozen edition', async () => {
    const sys = ok(await assessor.post('/api/assessment/systems/template', { year: 2026, totalPoints: 1000, categories: ['市直部门'] }));
    const detail = ok(await assessor.get(`/api/assessment/systems/${sys.id}`));
    expect(detail.tree).toHaveLength(10);
    expect(detail.pointsProblems).toEqual([]);
    const nodes = flatten(detail.tree);
    const leaves = nodes.filter((n) => n.leaf);
    expect(leaves.length).toBeGreaterThan(50);
    const training = leaves.find((n) => n.text?.includes('不少于40学时'))!;
    expect(training.code.startsWith('一')).toBe(true);

    // Link the training leaf to the enforcement module's metric, with a structured rule.
    expect((await assessor.patch(`/api/assessment/nodes/${training.id}`, { method: 'metric', metricCode: 'nonexistent.metric', rule: { kind: 'threshold', target: 100 } })).json().code).toBe('unknown_metric');
    expect((await assessor.patch(`/api/assessment/nodes/${training.id}`, { method: 'metric', metricCode: 'enforcement.training_compliance' })).json().code).toBe('rule_required');
    expect((await assessor.patch(`/api/assessment/nodes/${training.id}`, { method: 'metric', metricCode: 'enforcement.training_compliance', rule: { kind: 'linear', from: 50, to: 50 } })).json().code).toBe('invalid_rule');
    const linked = ok(await assessor.patch(`/api/assessment/nodes/${training.id}`, { method: 'metric', metricCode: 'enforcement.training_compliance', rule: { kind: 'threshold', target: 100 } }));
    expect(linked).toMatchObject({ method: 'metric', metric_code: 'enforcement.training_compliance' });
    const system1 = detail.tree[0] as TreeNode;
    expect((await assessor.patch(`/api/assessment/nodes/${system1.id}`, { method: 'manual' })).json().code).toBe('not_a_leaf');
    expect((await assessor.patch(`/api/assessment/nodes/${system1.id}`, { parentId: system1.children[0].id })).json().code).toBe('tree_cycle');

    // Unbalanced points block publication, naming the parent.
    ok(await assessor.patch(`/api/assessment/nodes/${training.id}`, { points: Number(training.points) + 5 }));
    const again = ok(await assessor.get(`/api/assessment/systems/${sys.id}`));
    expect(again.pointsProblems.length).toBeGreaterThan(0);
    const refused = await assessor.post(`/api/assessment/systems/${sys.id}/publish`, { version: again.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'points_mismatch' });
    ok(await assessor.patch(`/api/assessment/nodes/${training.id}`, { points: Number(training.points) }));
    const published = ok(await assessor.post(`/api/assessment/systems/${sys.id}/publish`, { version: again.version }));
    expect(published.status).toBe('published');
    expect((await assessor.patch(`/api/assessment/nodes/${training.id}`, { points: 1 })).json().code).toBe('system_published');

    const copy = ok(await assessor.post(`/api/assessment/systems/${sys.id}/copy`, { year: 2027 }));
    expect(copy).toMatchObject({ year: 2027, status: 'draft', name: '2027年度法治政府建设考核指标体系' });
    const copied = flatten(ok(await assessor.get(`/api/assessment/systems/${copy.id}`)).tree);
    expect(copied).toHaveLength(nodes.length);
    expect(copied.find((n: any) => n.code === training.code)).toMatchObject({ method: 'metric', metric_code: 'enforcement.training_compliance' });

    const added = ok(await assessor.post(`/api/assessment/systems/${copy.id}/nodes`, { parentId: null, title: '加分项：法治政府建设示范创建', points: 0 }));
    expect(added.level).toBe(1);
    ok(await assessor.delete(`/api/assessment/nodes/${added.id}`));
    // A child added under a leaf takes over the scoring; deleting it gives the parent back its method.
    const leafInCopy = copied.find((n: any) => n.code === training.code)!;
    const child = ok(await assessor.post(`/api/assessment/systems/${copy.id}/nodes`, { parentId: leafInCopy.id, title: '持证上岗培训记录', points: 1 }));
    expect(flatten(ok(await assessor.get(`/api/assessment/systems/${copy.id}`)).tree).find((n: any) => n.id === leafInCopy.id)).toMatchObject({ method: null, leaf: false });
    ok(await assessor.delete(`/api/assessment/nodes/${child.id}`));
    expect(flatten(ok(await assessor.get(`/api/assessment/systems/${copy.id}`)).tree).find((n: any) => n.id === leafInCopy.id)).toMatchObject({ method: 'manual', leaf: true });
  });

  it('ships a demo draft whose leaves are already linked to the metrics the modules register', async () => {
    // The demo's draft is the first system of the demo assessment office.
    const demo = ok(await assessor.get('/api/assessment/systems')).filter((x: any) => x.org_name === '演示市人民政府办公室').sort((a: any, b: any) => a.id - b.id)[0];
    const tree = flatten(ok(await assessor.get(`/api/assessment/systems/${demo.id}`)).tree) as any[];
    const linked = tree.filter((n) => n.method === 'metric').map((n) => n.metric_code);
    expect(linked).toEqual(expect.arrayContaining(['enforcement.training_compliance', 'enforcement.certified_officer_ratio', 'enforcement.legal_review_coverage', 'enforcement.casefile_score_avg', 'normative.legality_review_coverage']));
  });

  it('exports a system to Excel and imports it back as a new draft; a file without the columns is refused', async () => {
    const list = ok(await assessor.get('/api/assessment/systems'));
    const demo = list.filter((x: any) => x.org_name === '演示市人民政府办公室').sort((a: any, b: any) => a.id - b.id)[0];
    const file = await assessor.get(`/api/assessment/systems/${demo.id}/export.xlsx`);
    expect(file.statusCode).toBe(200);
    const upload = async (data: Buffer, q: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)]), 'system.xlsx');
      const res = await fetch(`${env.baseUrl}/api/assessment/systems/import?${q}`, { method: 'POST', headers: { cookie: assessor.cookie, 'x-csrf-token': assessor.csrf }, body: form });
      return { status: res.status, json: await res.json() };
    };
    const back = await upload(file.rawPayload, `year=2028&name=${encodeURIComponent('2028年度导入的指标体系')}`);
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    expect(back.json.errors).toEqual([]);
    const imported = flatten(ok(await assessor.get(`/api/assessment/systems/${back.json.system.id}`)).tree);
    expect(imported).toHaveLength(flatten(ok(await assessor.get(`/api/assessment/systems/${demo.id}`)).tree).length);
    expect((await upload(Buffer.from('not a workbook'), 'year=2028&name=abcd')).json.code).toBe('invalid_workbook');
  });

  it('keeps systems within the assessment office and its readers', async () => {
    const officer = await env.login('officer');
    expect((await officer.get('/api/assessment/systems')).statusCode).toBe(403);
    const leader = await env.login('leader');
    expect(ok(await leader.get('/api/assessment/systems')).length).toBeGreaterThan(0);
    expect((await leader.post('/api/assessment/systems/template', { year: 2026 })).statusCode).toBe(403);
  });
});
