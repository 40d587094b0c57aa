import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';

describe.each(kinds)('enforcement oversight: inspections, error liability and points, case-file evaluation, unit assessment on %s', (kind) => {
  let env: TestEnv;
  let officer: Client;
  let leader: Client;
  let legal: Client;
  let reviewer: Client;
  let samr: number;
  const officers = new Map<string, number>();
  const ok = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body);
  };
  const refused = (res: { statusCode: number; body: string }, rule: string) => {
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const j = JSON.parse(res.body);
    expect(j.rule ?? j.code).toBe(rule);
    return j;
  };

  beforeAll(async () => {
    env = await makeEnv(kind);
    [officer, leader, legal, reviewer] = await Promise.all(['officer', 'leader', 'legal', 'reviewer'].map((u) => env.login(u)));
    samr = await orgId(env.s, '演示市市场监督管理局');
    for (const o of ok(await legal.get('/api/enforcement/officers'))) officers.set(o.name, o.id);
  });
  afterAll(async () => env?.close());

  it('inspects an enterprise only after approval, with two certified officers, and links the follow-up case', async () => {
    const plan = ok(await officer.post('/api/enforcement/inspections', { targetName: '演示市某食品厂', matter: '食品生产条件检查', plannedOn: env.s.today() }));
    expect(plan).toMatchObject({ status: 'planned', approval_required: true });
    const result = { inspectedOn: env.s.today(), officerIds: [officers.get('赵执法'), officers.get('钱明')], certificatesShown: true, findings: '未取得食品经营许可', outcome: 'case' };
    const early = refused(await officer.post(`/api/enforcement/inspections/${plan.id}/result`, result), 'enforcement.inspection_approval_required');
    expect(early.basis.article).toBe('16');
    ok(await leader.post(`/api/enforcement/inspections/${plan.id}/approval`, { approve: true, note: '同意检查' }));
    refused(await officer.post(`/api/enforcement/inspections/${plan.id}/result`, { ...result, officerIds: [officers.get('赵执法'), officers.get('李辅助')] }), 'auxiliary');
    refused(await officer.post(`/api/enforcement/inspections/${plan.id}/result`, { ...result, certificatesShown: false }), 'certificates_not_shown');
    expect(ok(await officer.post(`/api/enforcement/inspections/${plan.id}/result`, result)).status).toBe('done');
    const powers = ok(await officer.get('/api/enforcement/powers?powerType=penalty'));
    const c = ok(await officer.post('/api/enforcement/cases', { powerId: powers.find((p: any) => p.code === 'CF-SP-002').id, title: '检查发现无证经营案', party: { kind: 'org', name: '演示市某食品厂' }, facts: '检查发现', officerIds: result.officerIds }));
    expect(ok(await officer.post(`/api/enforcement/inspections/${plan.id}/follow-up`, { caseId: c.id })).follow_up_case_id).toBe(c.id);
    const refusedPlan = ok(await officer.post('/api/enforcement/inspections', { targetName: '另一企业', matter: '例行检查', plannedOn: env.s.today() }));
    expect(ok(await leader.post(`/api/enforcement/inspections/${refusedPlan.id}/approval`, { approve: false, note: '近期已检查，不重复检查' })).status).toBe('refused');
    refused(await officer.post(`/api/enforcement/inspections/${refusedPlan.id}/result`, result), 'enforcement.inspection_approval_required');
  });

  it('deducts points for an enforcement error and suspends the certificate at the yearly threshold', async () => {
    const sun = officers.get('孙丽')!;
    const first = ok(await legal.post('/api/enforcement/errors', { officerId: sun, situation: 'leak', description: '将案件讨论情况告知当事人', foundOn: env.s.today(), liability: '责令书面检查' }));
    expect(first).toMatchObject({ points: 6, year_points: 6, threshold: 12, certificate_suspended: false });
    const second = ok(await legal.post('/api/enforcement/errors', { officerId: sun, situation: 'ultra_vires', description: '未经批准实施检查', foundOn: env.s.today(), liability: '通报批评', points: 6 }));
    expect(second).toMatchObject({ year_points: 12, certificate_suspended: true });
    const year = Number(env.s.today().slice(0, 4));
    expect(ok(await legal.get(`/api/enforcement/officers/${sun}/points?year=${year}`))).toMatchObject({ deducted: 12, reached: true });
    const powers = ok(await officer.get('/api/enforcement/powers?powerType=penalty'));
    refused(await officer.post('/api/enforcement/cases', { powerId: powers[0].id, title: '记分后指派测试', party: { kind: 'org', name: '某公司' }, facts: '测试', officerIds: [officers.get('赵执法'), sun] }), 'certificate_suspended');
    expect(ok(await legal.get(`/api/enforcement/errors?year=${year}`)).filter((e: any) => e.officer_id === sun)).toHaveLength(2);
    expect((await legal.post('/api/enforcement/errors', { officerId: sun, situation: 'invented', description: '不存在的情形', foundOn: env.s.today(), liability: '批评' })).statusCode).toBe(400);
    const m = ok(await legal.get(`/api/metrics/enforcement.error_liability_count/value?orgId=${samr}&from=${year}-01-01&to=${year}-12-31`));
    expect(m.value).toBe(2);
  });

  it('samples case files, scores them on the sheet, publishes the results and feeds the average to assessment', async () => {
    const year = Number(env.s.today().slice(0, 4));
    expect((await legal.post('/api/enforcement/evaluations', { name: '年度案卷评查', year, sheet: [{ code: 'all', name: '全部', max: 90 }] })).json().code).toBe('invalid_sheet');
    const campaign = ok(await legal.post('/api/enforcement/evaluations', { name: `${year}年度行政处罚案卷评查`, year }));
    expect(campaign.sampled).toBeGreaterThanOrEqual(1);
    const detail = ok(await legal.get(`/api/enforcement/evaluations/${campaign.id}`));
    const caseId = detail.items[0].case_id;
    const full = { subject: 10, evidence: 25, procedure: 25, law: 20, documents: 10, archiving: 10 };
    expect((await legal.post(`/api/enforcement/evaluations/${campaign.id}/scores`, { caseId, scores: { ...full, evidence: 30 }, comments: '证据充分' })).json()).toMatchObject({ code: 'score_out_of_range', field: 'scores.evidence' });
    const { archiving, ...partial } = full;
    expect((await legal.post(`/api/enforcement/evaluations/${campaign.id}/scores`, { caseId, scores: partial, comments: '缺项' })).json().code).toBe('score_missing');
    refused(await legal.post(`/api/enforcement/evaluations/${campaign.id}/publish`), 'evaluation_incomplete');
    for (const item of detail.items) ok(await legal.post(`/api/enforcement/evaluations/${campaign.id}/scores`, { caseId: item.case_id, scores: { ...full, documents: 6 }, comments: '文书个别要素缺失' }));
    const scored = ok(await legal.get(`/api/enforcement/evaluations/${campaign.id}`));
    expect(scored.items.every((i: any) => Number(i.total) === 96 && i.grade === 'excellent')).toBe(true);
    ok(await legal.post(`/api/enforcement/evaluations/${campaign.id}/publish`));
    const pub = ok(await env.anon.get('/api/public/enforcement/evaluations'));
    expect(pub[0].bySubject[0]).toMatchObject({ org_name: '演示市市场监督管理局', average: '96.0' });
    expect(JSON.stringify(pub)).not.toContain('张小明');
    const m = ok(await legal.get(`/api/metrics/enforcement.casefile_score_avg/value?orgId=${samr}&from=${year}-01-01&to=${year}-12-31`));
    expect(m.value).toBe(96);
  });

  it('grades an internal unit: self-assessment, the office proposal, then the bureau meeting', async () => {
    const year = Number(env.s.today().slice(0, 4));
    const self = ok(await reviewer.post('/api/enforcement/unit-assessments', { year, unit: '价格监督检查和反不正当竞争科', selfScore: 92, selfReport: '全年办理案件均按期办结，未发生执法过错。' }));
    expect(self).toMatchObject({ on_time: env.s.today() <= `${year}-12-25`, due: `${year}-12-25` });
    const early = refused(await leader.post(`/api/enforcement/unit-assessments/${self.id}/decision`, { grade: 'excellent', meeting: '局长办公会议', consequences: '通报表彰' }), 'grade_proposal_required');
    expect(early.basis.quote).toContain('局长办公会议');
    ok(await reviewer.post(`/api/enforcement/unit-assessments/${self.id}/proposal`, { proposedGrade: 'good', opinion: '工作扎实，个别文书不规范' }));
    refused(await reviewer.post('/api/enforcement/unit-assessments', { year, unit: '价格监督检查和反不正当竞争科', selfScore: 99, selfReport: '修改后的自评材料内容。' }), 'assessment_under_review');
    expect(ok(await leader.post(`/api/enforcement/unit-assessments/${self.id}/decision`, { grade: 'good', meeting: '局长办公会议', consequences: '年度考核良好' }))).toMatchObject({ grade: 'good', consecutive_fail: false });
    expect(ok(await legal.get(`/api/enforcement/unit-assessments?year=${year}`)).find((a: any) => a.id === self.id)).toMatchObject({ grade: 'good', due: `${year}-12-25` });
  });
});
