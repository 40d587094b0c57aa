import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refused, ok, kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';
import { surveyPercentFor } from '../src/modules/assessment/surveys.ts';
import { sdb } from '../src/modules/assessment/survey-schema.ts';

type TreeNode = { id: number; leaf: boolean; children: TreeNode[] };
const flatten = (t: TreeNode[]): TreeNode[] => t.flatMap((n) => [n, ...flatten(n.children)]);
const DAY = 86_400_000;

const overall = { kind: 'single', text: '您对该单位依法行政工作的总体评价', required: true, options: ['满意', '基本满意', '不满意'], satisfied: ['满意', '基本满意'] };
const rating = { kind: 'scale', text: '行政执法是否规范、公正、文明', required: true, satisfaction: true };
const areas = { kind: 'multiple', text: '您认为哪些方面需要改进', options: ['办事效率', '执法规范', '信息公开'] };
const comment = { kind: 'text', text: '意见和建议' };

describe.each(kinds)('assessment: external satisfaction surveys on %s', (kind) => {
  let env: TestEnv;
  let assessor: Client;
  let staff: Client;
  let samr: number;
  let eco: number;
  let roundId: number;
  let leafId: number;
  let manualLeafId: number;
  const later = (n: number) => new Date(Date.parse(`${env.s.today()}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
  const stored = async () => {
    const r = await sdb(env.s.db).selectFrom('assessment_survey_responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const a = await sdb(env.s.db).selectFrom('assessment_survey_answers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return [Number(r.n), Number(a.n)];
  };

  beforeAll(async () => {
    env = await makeEnv(kind);
    [assessor, staff] = await Promise.all(['assessor', 'staff'].map((u) => env.login(u)));
    samr = await orgId(env.s, '演示市市场监督管理局');
    eco = await orgId(env.s, '演示市生态环境局');
    // A round whose system scores one leaf by survey.
    const year = Number(env.s.today().slice(0, 4));
    const sys = ok(await assessor.post('/api/assessment/systems/template', { year, name: `${year}年度满意度测评用指标体系`, totalPoints: 1000 }));
    const leaves = flatten(ok(await assessor.get(`/api/assessment/systems/${sys.id}`)).tree).filter((n) => n.leaf);
    leafId = leaves[0].id;
    manualLeafId = leaves[1].id;
    ok(await assessor.patch(`/api/assessment/nodes/${leafId}`, { method: 'survey' }));
    ok(await assessor.post(`/api/assessment/systems/${sys.id}/publish`, { version: ok(await assessor.get(`/api/assessment/systems/${sys.id}`)).version }));
    roundId = ok(await assessor.post('/api/assessment/rounds', { systemId: sys.id, orgIds: [samr, eco], selfDue: later(10), reviewDue: later(20) })).id;
  });
  afterAll(async () => env?.close());

  it('builds a questionnaire, refuses bad ones, issues tokens, takes one answer per token and flags a shortfall', async () => {
    const base = { title: '外部评价满意度测评', roundId, nodeId: leafId, opensOn: env.s.today(), closesOn: later(30), public: true };

    // ── refusals while building ──
    const dup = refused(await assessor.post('/api/assessment/surveys', { ...base, questions: [{ ...overall, options: ['满意', '满意', '不满意'], satisfied: ['满意'] }] }), 400, 'option_duplicate');
    expect(dup).toMatchObject({ field: 'questions.0.options', detail: '第 1 题的选项"满意"重复' });
    refused(await assessor.post('/api/assessment/surveys', { ...base, roundId: undefined, nodeId: undefined }), 400, 'no_targets');
    refused(await assessor.post('/api/assessment/surveys', { ...base, nodeId: manualLeafId }), 400, 'not_survey_leaf');
    refused(await assessor.post('/api/assessment/surveys', { ...base, closesOn: later(-1), opensOn: later(-2) }), 400, 'date_in_past');
    refused(await assessor.post('/api/assessment/surveys', { ...base, orgIds: [await orgId(env.s, '演示市司法局')] }), 400, 'target_not_assessed');

    // ── a draft without a satisfaction question cannot open ──
    const created = ok(await assessor.post('/api/assessment/surveys', { ...base, questions: [areas, comment] }));
    expect(created.targets).toBe(2); // the round's organisations
    refused(await assessor.post('/api/assessment/surveys', { ...base }), 409, 'leaf_has_survey');
    const id = created.id;
    const noSat = refused(await assessor.post(`/api/assessment/surveys/${id}/open`, { version: created.version }), 400, 'no_satisfaction_question');
    expect(noSat.detail).toContain('至少需要一道满意度题');
    expect((await env.anon.get(`/api/public/assessment/surveys/${id}`)).statusCode).toBe(404); // a draft is not public
    const edited = ok(await assessor.patch(`/api/assessment/surveys/${id}`, { version: created.version, questions: [overall, rating, areas, comment] }));
    refused(await assessor.post(`/api/assessment/surveys/${id}/open`, { version: created.version }), 409, 'stale_version');
    const opened = ok(await assessor.post(`/api/assessment/surveys/${id}/open`, { version: edited.version }));
    expect(opened.status).toBe('open');
    refused(await assessor.patch(`/api/assessment/surveys/${id}`, { version: opened.version, questions: [overall] }), 409, 'survey_frozen');

    // ── tokens: links returned once, only digests stored ──
    const deputies = ok(await assessor.post(`/api/assessment/surveys/${id}/batches`, { group: 'npc_deputy', count: 5 }));
    expect(deputies.tokens).toHaveLength(5);
    expect(deputies.tokens[0].link).toBe(`/public/assessment/answer#t=${deputies.tokens[0].token}`);
    const firms = ok(await assessor.post(`/api/assessment/surveys/${id}/batches`, { group: 'enterprise', count: 2, orgId: eco }));
    refused(await assessor.post(`/api/assessment/surveys/${id}/batches`, { group: 'enterprise', count: 2, orgId: await orgId(env.s, '演示市司法局') }), 400, 'not_a_target');
    const hashes = (await sdb(env.s.db).selectFrom('assessment_survey_tokens').select('token_hash').where('survey_id', '=', id).execute()).map((r) => r.token_hash);
    expect(hashes).toHaveLength(7);
    expect(hashes.some((h) => deputies.tokens.some((t: { token: string }) => h.includes(t.token)))).toBe(false);

    // ── the portal: the questionnaire only, without which answers count as satisfied ──
    const listed = ok(await env.anon.get('/api/public/assessment/surveys'));
    expect(listed.map((s: { id: number }) => s.id)).toContain(id);
    const pub = ok(await env.anon.get(`/api/public/assessment/surveys/${id}`));
    expect(pub).toMatchObject({ open: true, organiser: '演示市人民政府办公室' });
    expect(pub.questions[0]).toEqual({ id: 'q1', kind: 'single', text: overall.text, required: true, options: overall.options });
    expect(pub.targets.map((t: { org_id: number }) => t.org_id).sort()).toEqual([samr, eco].sort());
    expect(JSON.stringify(pub)).not.toContain('satisfied');
    const form = ok(await env.anon.post('/api/public/assessment/survey-form', { token: deputies.tokens[0].token.toLowerCase() }));
    expect(form.fixedOrgId).toBeNull();
    expect(ok(await env.anon.post('/api/public/assessment/survey-form', { token: firms.tokens[0].token })).fixedOrgId).toBe(eco);
    refused(await env.anon.post('/api/public/assessment/survey-form', { token: 'ZZZZZZZZZZZZZZZZZZZZ' }), 404, 'not_found');

    // ── answering ──
    const answer = (token: string, answers: Record<string, unknown>, org?: number) => env.anon.post('/api/public/assessment/survey-answers', { token, ...(org ? { orgId: org } : {}), answers });
    const [d1, d2, d3, d4, d5] = deputies.tokens.map((t: { token: string }) => t.token);
    expect(ok(await answer(d1, { q1: 0, q2: 5, q3: [0], q4: '窗口服务好' }, samr))).toEqual({ ok: true, org: '演示市市场监督管理局' });
    ok(await answer(d2, { q1: 1, q2: 4 }, samr));
    ok(await answer(d3, { q1: 2, q2: 5 }, samr));
    // A second answer with the same token is refused, and changes nothing.
    const before = await stored();
    refused(await answer(d1, { q1: 2, q2: 1 }, samr), 409, 'survey_token_used');
    refused(await env.anon.post('/api/public/assessment/survey-form', { token: d1 }), 409, 'survey_token_used');
    // Refused answers write nothing and leave the token usable.
    refused(await answer(d4, { q1: 0, q2: 9 }, samr), 400, 'invalid_answer');
    refused(await answer(d4, { q2: 5 }, samr), 400, 'answer_required');
    refused(await answer(d4, { q1: 0, q2: 5 }), 400, 'org_required');
    refused(await answer(d4, { q1: 0, q2: 5 }, await orgId(env.s, '演示市司法局')), 400, 'not_a_target');
    refused(await answer(firms.tokens[0].token, { q1: 0, q2: 5 }, samr), 400, 'org_fixed_by_token');
    expect(await stored()).toEqual(before);
    // The enterprise batch answers for its organisation without naming it.
    ok(await answer(firms.tokens[0].token, { q1: 2, q2: 2, q4: '执法检查过于频繁' }));
    // A portal token, answered twice at once: exactly one answer is kept.
    const portal = ok(await env.anon.post(`/api/public/assessment/surveys/${id}/token`)).token;
    const both = await Promise.all([answer(portal, { q1: 0, q2: 4 }, eco), answer(portal, { q1: 0, q2: 4 }, eco)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe('survey_token_used');

    // ── results: samr 5 of 6 satisfied (83.33%), eco 2 of 4 (50%) short of 80% ──
    const res = ok(await assessor.get(`/api/assessment/surveys/${id}/results`));
    expect(res.threshold).toBe(80);
    expect(res.basis).toMatchObject({ article: '九、（三）2.', quote: '外部评价满意度不应低于80%' });
    const bySamr = res.orgs.find((o: { org_id: number }) => o.org_id === samr);
    const byEco = res.orgs.find((o: { org_id: number }) => o.org_id === eco);
    expect(bySamr).toMatchObject({ responses: 3, satisfied: 5, rated: 6, percent: 83.33, shortfall: false });
    expect(byEco).toMatchObject({ responses: 2, satisfied: 2, rated: 4, percent: 50, shortfall: true });
    expect(res.overall).toMatchObject({ responses: 5, percent: 70, shortfall: true });
    expect(res.groups).toEqual(expect.arrayContaining([{ group: 'npc_deputy', responses: 3 }, { group: 'enterprise', responses: 1 }, { group: 'resident', responses: 1 }]));
    const q1 = res.questions.find((q: { id: string }) => q.id === 'q1');
    expect(q1.counts.map((c: { count: number }) => c.count)).toEqual([2, 1, 2]);
    expect(res.questions.find((q: { id: string }) => q.id === 'q4').texts).toEqual(expect.arrayContaining(['窗口服务好', '执法检查过于频繁']));
    const ecoOnly = ok(await assessor.get(`/api/assessment/surveys/${id}/results?orgId=${eco}`));
    expect(ecoOnly.questions.find((q: { id: string }) => q.id === 'q2').counts.map((c: { count: number }) => c.count)).toEqual([0, 1, 0, 1, 0]);
    expect(ecoOnly.questions.find((q: { id: string }) => q.id === 'q4').texts).toEqual(['执法检查过于频繁']);

    // The round's survey leaf reads the same percent.
    expect(await surveyPercentFor(env.s.db, roundId, leafId, samr)).toEqual({ percent: 83.33, responses: 3, surveyId: id });
    expect(await surveyPercentFor(env.s.db, roundId, leafId, await orgId(env.s, '演示市司法局'))).toEqual({ percent: null, responses: 0, surveyId: id });
    expect(await surveyPercentFor(env.s.db, roundId, manualLeafId, samr)).toBeNull();
    // … and computing the round scores it: 83.33% meets the 80% parameter, full points.
    ok(await assessor.post(`/api/assessment/rounds/${roundId}/compute`));
    const surveyed = ok(await assessor.get(`/api/assessment/rounds/${roundId}/sheet?orgId=${samr}`)).items.find((i: { node_id: number }) => i.node_id === leafId);
    expect(surveyed).toMatchObject({ status: 'scored' });
    expect(Number(surveyed.score)).toBe(Number(surveyed.points));
    expect(surveyed.explanation).toContain('3 份答卷');

    // Batches show issued and used counts.
    const detail = ok(await assessor.get(`/api/assessment/surveys/${id}`));
    expect(detail.can).toEqual({ manage: true });
    expect(detail.batches.map((b: { respondent_group: string; channel: string; issued: number; used: number }) => [b.respondent_group, b.channel, b.issued, b.used])).toEqual([
      ['resident', 'portal', 1, 1],
      ['npc_deputy', 'issued', 5, 3],
      ['enterprise', 'issued', 2, 1],
    ]);

    // ── closed: no more answers, tokens or edits ──
    const closed = ok(await assessor.post(`/api/assessment/surveys/${id}/close`, { version: detail.version }));
    refused(await answer(d5, { q1: 0, q2: 5 }, samr), 409, 'survey_closed');
    refused(await env.anon.post(`/api/public/assessment/surveys/${id}/token`), 409, 'survey_closed');
    refused(await assessor.post(`/api/assessment/surveys/${id}/batches`, { group: 'resident', count: 1 }), 409, 'survey_closed');
    refused(await assessor.patch(`/api/assessment/surveys/${id}`, { version: closed.version, title: '改名后的满意度测评' }), 409, 'survey_closed');
    expect(ok(await env.anon.get(`/api/public/assessment/surveys/${id}`))).toMatchObject({ open: false, notice: '调查已结束' });
    expect(ok(await env.anon.get('/api/public/assessment/surveys')).map((s: { id: number }) => s.id)).not.toContain(id);

    // Every change is in the audit chain.
    const actions = (await env.s.db.selectFrom('audit_log').select('action').where('action', 'like', 'assessment.survey.%').execute()).map((a) => a.action);
    for (const a of ['assessment.survey.create', 'assessment.survey.update', 'assessment.survey.open', 'assessment.survey.tokens', 'assessment.survey.portal_token', 'assessment.survey.answer', 'assessment.survey.close']) expect(actions).toContain(a);
    const responses = (await sdb(env.s.db).selectFrom('assessment_survey_responses').select('id').where('survey_id', '=', id).execute()).map((r) => String(r.id));
    const answered = await env.s.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'assessment.survey.answer').where('entity_id', 'in', responses).execute();
    expect(answered).toHaveLength(5);
  });

  it('ships a demo survey whose results show a shortfall', async () => {
    const demo = ok(await assessor.get('/api/assessment/surveys')).find((s: { title: string }) => s.title.endsWith('年度法治政府建设外部评价满意度测评'));
    const res = ok(await assessor.get(`/api/assessment/surveys/${demo.id}/results`));
    expect(res.orgs.map((o: { name: string; percent: number; shortfall: boolean }) => [o.name, o.percent, o.shortfall])).toEqual(
      expect.arrayContaining([
        ['演示市市场监督管理局', 90, false],
        ['演示市生态环境局', 62.5, true],
        ['演示市城市管理综合行政执法局', 100, false],
      ]),
    );
  });

  it('keeps surveys to the office and its readers', async () => {
    const own = ok(await assessor.post('/api/assessment/surveys', { title: '群众满意度问卷（未公开）', orgIds: [samr], opensOn: env.s.today(), closesOn: later(10), questions: [overall] }));
    expect((await staff.get(`/api/assessment/surveys/${own.id}`)).statusCode).toBe(403);
    expect((await staff.get('/api/assessment/surveys')).statusCode).toBe(403);
    expect(ok(await assessor.get('/api/assessment/surveys')).map((s: { id: number }) => s.id)).toContain(own.id);
    // Not public: the portal neither shows it nor hands out tokens for it, even once open.
    ok(await assessor.post(`/api/assessment/surveys/${own.id}/open`, { version: own.version }));
    expect((await env.anon.get(`/api/public/assessment/surveys/${own.id}`)).statusCode).toBe(404);
    expect((await env.anon.post(`/api/public/assessment/surveys/${own.id}/token`)).statusCode).toBe(404);
    expect(await sdb(env.s.db).selectFrom('assessment_survey_batches').select('id').where('survey_id', '=', own.id).execute()).toEqual([]);
  });
});
