import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';

type TreeNode = { id: number; code: string; title: string; points: string; leaf: boolean; method: string | null; children: TreeNode[] };
const flatten = (t: TreeNode[]): TreeNode[] => t.flatMap((n) => [n, ...flatten(n.children)]);
const DAY = 86_400_000;
const r2 = (n: number) => Math.round(n * 100) / 100;

describe.each(kinds)('assessment: dashboard and result files on %s', (kind) => {
  let env: TestEnv;
  let assessor: Client;
  let legal: Client;
  let staff: Client;
  let officer: Client;
  let samr: number;
  let eco: number;
  let tree: TreeNode[];
  let earlier: number;
  let current: number;
  let currentManual: any[];
  const ok = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body);
  };
  const later = (n: number) => new Date(Date.parse(`${env.s.today()}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
  const full = (items: any[]) => items.map((i: any) => ({ nodeId: i.node_id, score: Number(i.points), note: '已按要求落实，附佐证材料' }));

  /** A round of the system for both bureaus: full self scores, the given review cuts, eco's veto if asked. */
  async function runRound(systemId: number, cuts: { samr: number[]; eco: number[] }, ecoVeto: boolean, publish: boolean) {
    const round = ok(await assessor.post('/api/assessment/rounds', { systemId, orgIds: [samr, eco], selfDue: later(10), reviewDue: later(20) }));
    const sheet = ok(await assessor.get(`/api/assessment/rounds/${round.id}/sheet?orgId=${samr}`));
    const manual = sheet.items.filter((i: any) => i.method === 'manual');
    const veto = sheet.items.find((i: any) => i.method === 'veto');
    ok(await legal.post(`/api/assessment/rounds/${round.id}/self`, { orgId: samr, items: [...full(manual), { nodeId: veto.node_id, score: 0, note: '未发生一票否决情形' }], submit: true }));
    ok(await staff.post(`/api/assessment/rounds/${round.id}/self`, { orgId: eco, items: [...full(manual), ...(ecoVeto ? [{ nodeId: veto.node_id, score: 1, note: '本年度发生重大违法行政案件' }] : [])], submit: true }));
    for (const [org, list] of [[samr, cuts.samr], [eco, cuts.eco]] as const) {
      const items = list.map((k) => ({ nodeId: manual[k].node_id, score: Math.max(0, Number(manual[k].points) - 1 - k), note: `佐证材料不完整，扣 ${1 + k} 分` }));
      ok(await assessor.post(`/api/assessment/rounds/${round.id}/review`, { orgId: org, items }));
    }
    if (publish) ok(await assessor.post(`/api/assessment/rounds/${round.id}/publish`));
    return { id: round.id as number, manual };
  }

  beforeAll(async () => {
    env = await makeEnv(kind);
    [assessor, legal, staff, officer] = await Promise.all(['assessor', 'legal', 'staff', 'officer'].map((u) => env.login(u)));
    samr = await orgId(env.s, '演示市市场监督管理局');
    eco = await orgId(env.s, '演示市生态环境局');
    const year = Number(env.s.today().slice(0, 4));
    // Last year's system and round (published), then this year's copy of it.
    const sys = ok(await assessor.post('/api/assessment/systems/template', { year: year - 1, name: `${year - 1}年度市直部门法治政府建设考核`, totalPoints: 1000 }));
    const leaves = flatten(ok(await assessor.get(`/api/assessment/systems/${sys.id}`)).tree).filter((n) => n.leaf);
    ok(await assessor.patch(`/api/assessment/nodes/${leaves[leaves.length - 1].id}`, { method: 'veto' }));
    ok(await assessor.post(`/api/assessment/systems/${sys.id}/publish`, { version: ok(await assessor.get(`/api/assessment/systems/${sys.id}`)).version }));
    earlier = (await runRound(sys.id, { samr: [0, 1, 2], eco: [3] }, false, true)).id;
    const next = ok(await assessor.post(`/api/assessment/systems/${sys.id}/copy`, { year }));
    const draft = ok(await assessor.get(`/api/assessment/systems/${next.id}`));
    tree = draft.tree;
    ok(await assessor.post(`/api/assessment/systems/${next.id}/publish`, { version: draft.version }));
    ({ id: current, manual: currentManual } = await runRound(next.id, { samr: [0, 1], eco: [0, 5] }, true, false));
  });
  afterAll(async () => env?.close());

  /** Level-1 rollup and totals straight from the stored scores. */
  async function stored(roundId: number) {
    const scores: { org_id: number; node_id: number; score: string | number | null }[] = await (env.s.db as any).selectFrom('assessment_scores').select(['org_id', 'node_id', 'score']).where('round_id', '=', roundId).execute();
    const topOf = new Map<number, number>();
    const points = new Map<number, number>();
    for (const top of tree) for (const n of flatten([top])) topOf.set(n.id, top.id), points.set(n.id, Number(n.points));
    const cell = (org: number, top: number) => {
      const mine = scores.filter((s) => s.org_id === org && s.score != null && topOf.get(s.node_id) === top);
      const score = mine.reduce((a, s) => a + Number(s.score), 0);
      const max = mine.reduce((a, s) => a + points.get(s.node_id)!, 0);
      return { score: r2(score), max: r2(max), percent: max ? r2((score / max) * 100) : null };
    };
    return { cell, scores };
  }

  it('gives provisional results for an open round, equal to what publication then stores', async () => {
    const open = ok(await assessor.get(`/api/assessment/rounds/${current}/dashboard`));
    expect(open.round.status).toBe('open');
    expect(open.provisional).toEqual(expect.arrayContaining(['ranking', 'distribution', 'indicators']));
    expect(open.notice).toContain('临时结果');
    const eco1 = open.ranking.find((r: any) => r.orgId === eco);
    expect(eco1).toMatchObject({ grade: 'fail', vetoed: true, pending: 0 });
    // No official notice before the results are published.
    expect((await assessor.get(`/api/assessment/rounds/${current}/report.docx?orgId=${samr}`)).json().code).toBe('round_not_published');

    ok(await assessor.post(`/api/assessment/rounds/${current}/publish`));
    const round = ok(await assessor.get(`/api/assessment/rounds/${current}`));
    for (const r of open.ranking) {
      const o = round.orgs.find((x: any) => x.org_id === r.orgId);
      expect([r.percent, r.grade, r.rank, r.vetoed]).toEqual([Number(o.percent), o.grade, o.rank, o.vetoed]);
    }
  });

  it('matches the stored scores: ranking, distribution, level-1 rollup, weakest leaves and the trend', async () => {
    const d = ok(await assessor.get(`/api/assessment/rounds/${current}/dashboard`));
    const round = ok(await assessor.get(`/api/assessment/rounds/${current}`));
    expect(d.provisional).toEqual([]);
    expect(d.notice).toBeNull();
    expect(d.round.office).toBe('演示市人民政府办公室');

    expect(d.ranking.map((r: any) => r.orgId)).toEqual(round.orgs.map((o: any) => o.org_id));
    for (const r of d.ranking) {
      const o = round.orgs.find((x: any) => x.org_id === r.orgId);
      expect(r).toMatchObject({ orgName: o.org_name, category: '市直部门', score: Number(o.score), max: Number(o.max), percent: Number(o.percent), grade: o.grade, rank: o.rank, vetoed: o.vetoed });
    }
    const s1 = d.ranking.find((r: any) => r.orgId === samr);
    expect(s1.grade).toBe('excellent');
    expect(d.distribution.grades.find((g: any) => g.grade === 'excellent').count).toBe(1);
    expect(d.distribution.grades.find((g: any) => g.grade === 'fail').count).toBe(1);
    const bandOf = (p: number) => Math.min(9, Math.floor(p / 10));
    for (const [i, b] of d.distribution.bands.entries()) expect(b.count).toBe(d.ranking.filter((r: any) => bandOf(r.percent) === i).length);

    const { cell } = await stored(current);
    expect(d.indicators.nodes.map((n: any) => n.id)).toEqual(tree.map((t) => t.id));
    expect(d.indicators.nodes).toHaveLength(10);
    for (const o of d.indicators.orgs) for (const [i, top] of tree.entries()) expect(o.cells[i]).toEqual(cell(o.orgId, top.id));
    // The level-1 scores add up to the published total.
    for (const o of d.indicators.orgs) expect(r2(o.cells.reduce((a: number, c: any) => a + c.score, 0))).toBe(d.ranking.find((r: any) => r.orgId === o.orgId).score);

    // The leaves cut in review, lowest average share first; the first one in both bureaus.
    const { scores } = await stored(current);
    expect(d.weakest.map((w: any) => w.nodeId).sort()).toEqual([0, 1, 5].map((k) => currentManual[k].node_id).sort());
    expect(d.weakest.map((w: any) => w.average)).toEqual([...d.weakest.map((w: any) => w.average)].sort((a: number, b: number) => a - b));
    for (const w of d.weakest) {
      const got = scores.filter((s) => s.node_id === w.nodeId).map((s) => Number(s.score) / w.points);
      expect(w.average).toBe(r2((got.reduce((a, b) => a + b, 0) / got.length) * 100));
    }
    expect(d.weakest.find((w: any) => w.nodeId === currentManual[0].node_id)).toMatchObject({ lostOrgs: 2, scoredOrgs: 2 });

    // Trend: last year's published round, then this one, matched by organisation.
    const last = ok(await assessor.get(`/api/assessment/rounds/${earlier}`));
    expect(d.trend.rounds.map((r: any) => [r.id, r.current])).toEqual([
      [earlier, false],
      [current, true],
    ]);
    for (const s of d.trend.series) expect(s.percents).toEqual([Number(last.orgs.find((o: any) => o.org_id === s.orgId).percent), d.ranking.find((r: any) => r.orgId === s.orgId).percent]);
  });

  it("writes the organisation's notice as a .docx: name, total, grade, lost points and review changes", async () => {
    const round = ok(await assessor.get(`/api/assessment/rounds/${current}`));
    const res = await assessor.get(`/api/assessment/rounds/${current}/report.docx?orgId=${samr}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain('演示市市场监督管理局');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const o = round.orgs.find((x: any) => x.org_id === samr);
    expect(xml).toContain(`关于演示市市场监督管理局${round.name}结果的通报`);
    expect(xml).toContain(`考核得分${r2(Number(o.score))}分`);
    expect(xml).toContain('考核等次为“优秀”');
    expect(xml).toContain(`排名第${o.rank}`);
    expect(xml).toContain('佐证材料不完整，扣 2 分'); // a review change with its reason
    expect(xml).toContain('演示市人民政府办公室');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('黑体');

    // The ecology bureau reads its own notice, vetoed, and not the market bureau's.
    const own = await staff.get(`/api/assessment/rounds/${current}/report.docx?orgId=${eco}`);
    expect(own.statusCode, own.body).toBe(200);
    const ownXml = await (await JSZip.loadAsync(own.rawPayload)).file('word/document.xml')!.async('string');
    expect(ownXml).toContain('演示市生态环境局');
    expect(ownXml).toContain('考核等次为“不合格”');
    expect(ownXml).toContain('一票否决');
    expect(ownXml).toContain('重大违法行政案件');
    expect([403, 404]).toContain((await staff.get(`/api/assessment/rounds/${current}/report.docx?orgId=${samr}`)).statusCode);
    expect([403, 404]).toContain((await officer.get(`/api/assessment/rounds/${current}/report.docx?orgId=${eco}`)).statusCode);
    // The dashboard and the workbook are the office's.
    expect([403, 404]).toContain((await staff.get(`/api/assessment/rounds/${current}/dashboard`)).statusCode);
    expect([403, 404]).toContain((await staff.get(`/api/assessment/rounds/${current}/results.xlsx`)).statusCode);
  });

  it('writes the round results as .xlsx: the ranking and the organisation × indicator matrix with level-1 subtotals', async () => {
    const round = ok(await assessor.get(`/api/assessment/rounds/${current}`));
    const res = await assessor.get(`/api/assessment/rounds/${current}/results.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ranking = wb.getWorksheet('考核排名')!;
    expect(ranking.getRow(1).values).toEqual([undefined, '单位', '类别', '得分', '适用满分', '得分率(%)', '等次', '排名', '一票否决', '否决原因']);
    const rows = [2, 3].map((n) => ranking.getRow(n).values as any[]);
    for (const o of round.orgs) {
      const row = rows.find((r) => r[1] === o.org_name)!;
      expect(row.slice(2, 9)).toEqual(['市直部门', Number(o.score), Number(o.max), Number(o.percent), o.grade === 'excellent' ? '优秀' : '不合格', o.rank, o.vetoed ? '是' : '否']);
    }
    expect(ranking.actualRowCount).toBe(3);

    const m = wb.getWorksheet('得分明细')!;
    const codes = (m.getRow(2).values as any[]).slice(3);
    const subtotalCols = codes.map((c, i) => (c === '小计' ? i + 3 : 0)).filter(Boolean);
    expect(subtotalCols).toHaveLength(10);
    const { cell, scores } = await stored(current);
    for (const n of [4, 5]) {
      const row = m.getRow(n).values as any[];
      const o = round.orgs.find((x: any) => x.org_name === row[1]);
      subtotalCols.forEach((col, i) => expect(row[col]).toBe(cell(o.org_id, tree[i].id).score));
      expect(row[row.length - 1]).toBe(Number(o.score));
      const leafCells = row.slice(3, -1).filter((_, i) => !subtotalCols.includes(i + 3));
      expect(leafCells.filter((v) => typeof v === 'number').length).toBe(scores.filter((s) => s.org_id === o.org_id && s.score != null).length);
    }
  });
});
