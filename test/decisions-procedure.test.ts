import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { refused, ok, kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';
import { meetingData, riskData } from './decisions-fixture.ts';

/**
 * 重大行政决策: one decision from a catalogue item through public participation (with a hearing),
 * expert argumentation, risk assessment, legality review, collective decision, publication,
 * implementation and post-evaluation — with each refusal the procedure owes and nothing
 * half-written after one. The clock is moved to pass the 30-day and 7-working-day periods.
 */
describe.each(kinds)('decisions: the major-decision procedure on %s', (kind) => {
  let env: TestEnv;
  let legal: Client;
  let leader: Client;
  let gov: number;
  let ndrc: number;
  let clock = new Date('2026-03-02T02:00:00Z'); // Monday, 10:00 China time
  /** Moves the clock; sessions idle that long have expired, so log in again. */
  const setDay = async (day: string) => {
    clock = new Date(`${day}T02:00:00Z`);
    [legal, leader] = await Promise.all(['legal', 'leader'].map((u) => env.login(u)));
  };
  let decision: any;
  let inst: { id: number; version: number };

  /** Everything a refused step could have touched. */
  const snapshot = async () =>
    JSON.stringify([
      (await sql`select * from decisions where id = ${decision.id}`.execute(env.s.db)).rows,
      (await sql`select id, state, version, data from procedure_instances where id = ${inst.id}`.execute(env.s.db)).rows,
      (await sql`select count(*)::int as n from procedure_history where instance_id = ${inst.id}`.execute(env.s.db)).rows,
      (await sql`select count(*)::int as n from deadlines where instance_id = ${inst.id}`.execute(env.s.db)).rows,
      (await sql`select count(*)::int as n from decision_expert_opinions where decision_id = ${decision.id}`.execute(env.s.db)).rows,
      (await sql`select count(*)::int as n from audit_log`.execute(env.s.db)).rows,
    ]);
  const step = (who: Client, code: string, data: Record<string, unknown> = {}, note?: string) => who.post(`/api/procedures/${inst.id}/transitions/${code}`, { version: inst.version, data, ...(note ? { note } : {}) });
  const go = async (who: Client, code: string, data: Record<string, unknown> = {}, note?: string) => {
    const r = ok(await step(who, code, data, note));
    inst = { id: r.id, version: r.version };
    return r;
  };
  const refusedStep = async (who: Client, code: string, data: Record<string, unknown>, status: number, errCode: string, rule?: string, note?: string) => {
    const before = await snapshot();
    const b = refused(await step(who, code, data, note), status, errCode, rule);
    expect(await snapshot()).toBe(before);
    return b;
  };
  const risk = (passed: boolean) => riskData(env.s.today(), passed);
  const meeting = (over: Record<string, unknown> = {}) => meetingData(env.s.today(), over);

  beforeAll(async () => {
    env = await makeEnv(kind, { now: () => clock });
    [legal, leader] = await Promise.all(['legal', 'leader'].map((u) => env.login(u)));
    gov = await orgId(env.s, '演示市人民政府');
    ndrc = await orgId(env.s, '演示市发展和改革委员会');
  });
  afterAll(async () => env?.close());

  it('starts only from a published catalogue item, or with a recorded reason', async () => {
    const catalogue = ok(await legal.post('/api/decisions/catalogues', { orgId: gov, year: 2027 }));
    const item = ok(await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, { title: '调整居民生活用水价格', decidingBody: '演示市人民政府常务会议', undertakingOrgId: ndrc, hearingRequired: true }));
    refused(await legal.post('/api/decisions', { catalogueItemId: item.id }), 409, 'catalogue_item_not_published');
    ok(await legal.post(`/api/decisions/catalogues/${catalogue.id}/publish`, { version: catalogue.version }));
    const before = Number((await sql<{ n: number }>`select count(*)::int as n from decisions`.execute(env.s.db)).rows[0].n);
    refused(await legal.post('/api/decisions', { orgId: gov, title: '目录外的决策事项', decidingBody: '演示市人民政府常务会议', undertakingOrgId: ndrc }), 409, 'guard_refused', 'catalogue_or_reason');
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from decisions`.execute(env.s.db)).rows[0].n)).toBe(before);
    expect((await leader.post('/api/decisions', { catalogueItemId: item.id })).statusCode).toBe(403);
    decision = ok(await legal.post('/api/decisions', { catalogueItemId: item.id }));
    expect(decision).toMatchObject({ org_id: gov, undertaking_org_id: ndrc, hearing_required: true, status: 'initiated' });
    refused(await legal.post('/api/decisions', { catalogueItemId: item.id }), 409, 'decision_exists');
    inst = { id: decision.instance_id, version: 1 };
    const other = ok(await legal.post('/api/decisions', { orgId: gov, title: '目录外的应急决策事项', decidingBody: '演示市人民政府常务会议', undertakingOrgId: ndrc, noCatalogueReason: '突发事件后须及时决策' }));
    expect(other.no_catalogue_reason).toBe('突发事件后须及时决策');
  });

  it('opens public comment for at least 30 days and takes comments only while open', async () => {
    await go(legal, 'draft_plan', { planText: '居民生活用水实行阶梯水价，第一阶梯每立方米3.2元。' });
    const short = await refusedStep(legal, 'open_comment', { commentFrom: '2026-03-02', commentUntil: '2026-03-30' }, 409, 'guard_refused', 'comment_period_short');
    expect(short.basis.article).toBe('第十五条');
    await go(legal, 'open_comment', { commentFrom: '2026-03-02', commentUntil: '2026-03-31' });
    const drafts = ok(await env.anon.get('/api/public/decisions/drafts'));
    expect(drafts.map((d: any) => d.id)).toContain(decision.id);
    const c = ok(await env.anon.post(`/api/public/decisions/${decision.id}/comments`, { content: '建议对低保户减免', name: '市民张三', contact: '13912345678' }));
    expect(Object.keys(c).sort()).toEqual(['created_at', 'id']);
    ok(await env.anon.post(`/api/public/decisions/${decision.id}/comments`, { content: '支持阶梯水价' }));
    refused(await env.anon.post(`/api/public/decisions/${decision.id}/comments`, { content: '电话不对', contact: '123' }), 400, 'invalid_contact');
    const detail = ok(await legal.get(`/api/decisions/${decision.id}`));
    expect(detail.comments).toHaveLength(2);
    expect(JSON.stringify(detail)).not.toContain('13912345678');
    expect(JSON.stringify(detail)).not.toContain('contact_enc');
    const deadlines = (await legal.get(`/api/procedures/${inst.id}`)).json().deadlines;
    expect(deadlines.find((d: any) => d.kind === 'decisions.comment')).toMatchObject({ due_date: '2026-03-31', status: 'open' });
  });

  it('refuses a hearing with no participants and closes only after the period, answers and hearing', async () => {
    const noOne = await refusedStep(legal, 'record_hearing', { heldOn: '2026-03-02', participants: [], record: '听证笔录' }, 400, 'invalid_input');
    expect(noOne.field).toContain('participants');
    await refusedStep(legal, 'close_comment', { adoptionSummary: '采纳情况' }, 409, 'guard_refused', 'comment_period_running');
    await setDay('2026-04-01');
    refused(await env.anon.post(`/api/public/decisions/${decision.id}/comments`, { content: '截止后提交的意见' }), 409, 'comment_closed');
    expect((await legal.get(`/api/decisions/${decision.id}`)).json().comments).toHaveLength(2);
    await refusedStep(legal, 'close_comment', { adoptionSummary: '采纳情况' }, 409, 'guard_refused', 'comments_unanswered');
    const comments = (await legal.get(`/api/decisions/${decision.id}`)).json().comments;
    refused(await legal.post(`/api/decisions/${decision.id}/comment-answers`, { commentId: comments[0].id, answer: 'not_adopted' }), 400, 'reason_required');
    ok(await legal.post(`/api/decisions/${decision.id}/comment-answers`, { commentId: comments[0].id, answer: 'adopted' }));
    ok(await legal.post(`/api/decisions/${decision.id}/comment-answers`, { commentId: comments[1].id, answer: 'partly', reason: '已在方案中体现' }));
    await refusedStep(legal, 'close_comment', { adoptionSummary: '采纳情况' }, 409, 'guard_refused', 'hearing_required');
    await go(legal, 'record_hearing', { heldOn: '2026-03-20', participants: [{ name: '李四', sector: '居民代表' }, { name: '某水务公司', sector: '企业代表' }], record: '听证笔录全文', adoptionReasons: '低保户减免意见予以采纳' });
    await go(legal, 'close_comment', { adoptionSummary: '共收到意见2条，采纳1条，部分采纳1条；听证意见已采纳。' });
    const deadlines = (await legal.get(`/api/procedures/${inst.id}`)).json().deadlines;
    expect(deadlines.find((d: any) => d.kind === 'decisions.comment').status).toBe('closed');
  });

  it('requires a written opinion of an expert drawn for the decision', async () => {
    const expert = ok(await legal.post('/api/decisions/experts', { orgId: gov, name: '王水价', fields: ['economy'], affiliation: '演示大学经济学院' }));
    const outsider = ok(await legal.post('/api/decisions/experts', { orgId: gov, name: '赵未抽', fields: ['engineering'], affiliation: '演示设计院' }));
    await refusedStep(legal, 'finish_argumentation', {}, 409, 'guard_refused', 'expert_opinion_required');
    const draw = ok(await legal.post('/api/decisions/expert-draws', { orgId: gov, subjectType: 'decision', subjectId: String(decision.id), subjectTitle: decision.title, counts: { economy: 1 }, seed: 'water-2026' }));
    const drawn = draw.drawn[0].expertId;
    expect(drawn).toBeGreaterThan(0);
    await refusedStep(legal, 'record_expert_opinion', { expertId: outsider.id, opinion: '可行', givenOn: '2026-04-01' }, 409, 'guard_refused', 'expert_not_assigned');
    await go(legal, 'record_expert_opinion', { expertId: drawn, opinion: '方案必要、可行，建议设置过渡期。', givenOn: '2026-04-01' });
    expect(expert.id).toBeGreaterThan(0);
  });

  it("lets a chosen expert hand in their own opinion, and only theirs, only during argumentation", async () => {
    // The demo account `expert` is the pool's 郑筑城; the account cannot be linked to a second expert.
    const pool = ok(await legal.get(`/api/decisions/experts?orgId=${gov}`));
    const own = pool.find((e: any) => e.name === '郑筑城');
    const other = ok(await legal.get(`/api/decisions/experts/${pool.find((e: any) => e.name === '王法正').id}`));
    const expertUser = (await sql<{ id: number }>`select id from users where username = 'expert'`.execute(env.s.db)).rows[0].id;
    refused(await legal.patch(`/api/decisions/experts/${other.id}`, { version: other.version, userId: expertUser }), 409, 'expert_account_taken');
    ok(await legal.post('/api/decisions/expert-assignments', { orgId: gov, subjectType: 'decision', subjectId: String(decision.id), expertId: own.id, field: 'engineering', reason: '供水管网改造工程技术论证' }));
    const expert = await env.login('expert');
    const mine = ok(await expert.get('/api/decisions/my-assignments'));
    const task = mine.find((a: any) => a.decision_id === decision.id);
    expect(task).toMatchObject({ decision_status: 'argumentation', opinion: null, field: 'engineering' });
    // Another decision of the demo, still in public comment: not yet.
    const early = mine.find((a: any) => a.decision_status === 'comment');
    refused(await expert.post(`/api/decisions/my-assignments/${early.id}/opinion`, { opinion: '可行', givenOn: '2026-04-01' }), 409, 'expert_opinion_closed');
    // Someone else's assignment reads as none.
    const drawnTask = ok(await legal.get(`/api/decisions/expert-assignments?subjectType=decision&subjectId=${decision.id}`)).find((a: any) => a.source === 'draw');
    expect((await expert.post(`/api/decisions/my-assignments/${drawnTask.id}/opinion`, { opinion: '可行', givenOn: '2026-04-01' })).statusCode).toBe(404);
    expect((await legal.get('/api/decisions/my-assignments')).statusCode).toBe(403);
    refused(await expert.post(`/api/decisions/my-assignments/${task.id}/opinion`, { opinion: '管网改造须先行', givenOn: '2026-04-02' }), 400, 'date_in_future');
    ok(await expert.post(`/api/decisions/my-assignments/${task.id}/opinion`, { opinion: '管网改造须先行，计量设施应同步更换。', givenOn: '2026-04-01' }));
    refused(await expert.post(`/api/decisions/my-assignments/${task.id}/opinion`, { opinion: '再补充', givenOn: '2026-04-01' }), 400, 'expert_opinion_exists');
    expect(ok(await expert.get('/api/decisions/my-assignments')).find((a: any) => a.id === task.id)).toMatchObject({ opinion: expect.stringContaining('管网改造'), given_on: '2026-04-01' });
    expect(ok(await legal.get(`/api/decisions/${decision.id}`)).expert_opinions.map((o: any) => o.expert_name)).toContain('郑筑城');
    await go(legal, 'finish_argumentation');
  });

  it('refuses to skip the risk assessment or to go on after a failed one', async () => {
    const skip = await refusedStep(legal, 'submit_review', {}, 409, 'guard_refused', 'risk_assessment_required');
    expect(skip.detail).toContain('不予决策');
    const partial = risk(true);
    partial.items = partial.items.slice(1);
    await refusedStep(legal, 'assess_risk', partial, 400, 'risk_items_missing');
    await go(legal, 'assess_risk', risk(false));
    await refusedStep(legal, 'submit_review', {}, 409, 'guard_refused', 'risk_assessment_required');
    await go(legal, 'assess_risk', risk(true));
    await go(legal, 'submit_review');
  });

  it('refuses to skip the legality review and to conclude it before 7 working days', async () => {
    const skip = await refusedStep(leader, 'decide', meeting(), 409, 'guard_refused', 'legality_review_required');
    expect(skip.detail).toContain('不予提交会议讨论');
    const adviser = ok(await legal.post('/api/decisions/advisers', { orgId: gov, name: '刘顾问', kind: 'in_house', profession: 'official', affiliation: '演示市司法局' }));
    const opinion = ok(await legal.post(`/api/decisions/advisers/${adviser.id}/opinions`, { subjectType: 'decision', subjectId: String(decision.id), subjectTitle: decision.title, opinion: '程序合法，依据充分', givenOn: '2026-04-01' }));
    await setDay('2026-04-08');
    const early = await refusedStep(legal, 'review_pass', { adviserOpinionId: opinion.id }, 409, 'guard_refused', 'review_time_short', '审查通过');
    expect(early.basis.article).toBe('第二十六条');
    await setDay('2026-04-20');
    const other = ok(await legal.post(`/api/decisions/advisers/${adviser.id}/opinions`, { subjectType: 'normative', subjectId: '1', subjectTitle: '别的事项', opinion: '无关意见', givenOn: '2026-04-01' }));
    await refusedStep(legal, 'review_pass', { adviserOpinionId: other.id }, 409, 'guard_refused', 'adviser_opinion_required', '审查通过');
    await refusedStep(legal, 'review_pass', { adviserOpinionId: opinion.id }, 400, 'note_required');
    await go(legal, 'review_pass', { adviserOpinionId: opinion.id }, '经审查，决策草案合法');
  });

  it('refuses a meeting dated before the review, without the legal head, or a head against the majority without reason', async () => {
    await refusedStep(leader, 'decide', meeting({ heldOn: '2026-04-17' }), 409, 'guard_refused', 'meeting_before_review');
    const m = meeting();
    await refusedStep(leader, 'decide', { ...m, attendees: m.attendees.filter((a: any) => a.role !== 'legal_head') }, 409, 'guard_refused', 'legal_head_absent');
    await refusedStep(leader, 'reject', meeting({ headDecision: 'reject' }), 409, 'guard_refused', 'head_reason_required');
    await refusedStep(leader, 'decide', meeting({ headDecision: 'reject', headReason: '理由' }), 400, 'head_decision_mismatch');
    expect((await step(legal, 'decide', meeting())).statusCode).toBe(403);
    await go(leader, 'decide', meeting({ headDecision: 'adopt_amended' }));
  });

  it('publishes the decision on the portal without personal data, tracks it and evaluates it', async () => {
    expect((await env.anon.get('/api/public/decisions/published')).json().map((d: any) => d.id)).not.toContain(decision.id);
    await go(leader, 'publish', { publishedOn: '2026-04-20', explanation: '为促进节约用水，实行阶梯水价；公众意见和专家论证意见采纳情况见附件。' });
    const pub = ok(await env.anon.get('/api/public/decisions/published'));
    const mine = pub.find((d: any) => d.id === decision.id);
    expect(mine).toMatchObject({ explanation: expect.stringContaining('阶梯水价'), adoption_summary: expect.stringContaining('采纳1条') });
    const text = JSON.stringify(pub);
    for (const secret of ['市民张三', '13912345678', '周市长', 'minutes', 'meeting', '听证笔录全文']) expect(text).not.toContain(secret);
    // Seed 002 #23: the experts' names and opinions are published with the decision, and the hearing's participants with the reasons.
    expect(mine.expert_opinions).toEqual([expect.objectContaining({ opinion: expect.stringContaining('过渡期') }), expect.objectContaining({ expert_name: '郑筑城', affiliation: '市建筑设计研究院' })]);
    expect(mine.hearing_participants.map((p: any) => p.sector)).toEqual(['居民代表', '企业代表']);
    // A region whose rule says otherwise publishes the decision without them.
    const admin = await env.login('admin');
    ok(await admin.post('/api/rules', { key: 'decision.publish_expert_opinions', value: false, jurisdiction: '990100', effectiveFrom: '2026-01-01', basisLaw: '演示市重大行政决策程序规定', basisArticle: '第二十条' }));
    expect(ok(await env.anon.get('/api/public/decisions/published')).find((d: any) => d.id === decision.id).expert_opinions).toEqual([]);
    const progress = (await legal.get(`/api/procedures/${inst.id}`)).json().deadlines.find((d: any) => d.kind === 'decisions.progress' && d.status === 'open');
    expect(progress.due_date).toBe('2026-10-20');
    // And the post-evaluation is due two years after publication (decision.evaluation_due_months).
    expect((await legal.get(`/api/procedures/${inst.id}`)).json().deadlines.find((d: any) => d.kind === 'decisions.evaluation')).toMatchObject({ due_date: '2028-04-20', status: 'open' });
    await setDay('2026-07-01');
    await go(legal, 'report_progress', { reportedOn: '2026-06-30', progress: '阶梯水价已实施，运行平稳' });
    await refusedStep(leader, 'suspend', {}, 400, 'note_required');
    await go(leader, 'suspend', {}, '供水设施故障，暂停执行');
    await go(leader, 'resume', {}, '故障已排除');
    await setDay('2026-12-01');
    await go(legal, 'evaluate', { opinionsGathered: '问卷调查和座谈会意见', thirdParty: '演示大学评估中心', conclusion: 'continue', report: '决策实施效果良好' });
    await go(leader, 'close');
    const final = ok(await legal.get(`/api/decisions/${decision.id}`));
    expect(final).toMatchObject({ status: 'closed', closed_on: '2026-12-01', review_passed: true, decided_on: '2026-04-20' });
    expect(final.progress).toHaveLength(1);
    expect(final.expert_opinions).toHaveLength(2);
    expect(final.adviser_opinions).toHaveLength(1);
    const open = (await legal.get(`/api/procedures/${inst.id}`)).json().deadlines.filter((d: any) => d.status !== 'closed');
    expect(open).toEqual([]);
    const audited = Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where entity_type = 'procedure_instance' and entity_id = ${String(inst.id)} and action = 'procedure.transition'`.execute(env.s.db)).rows[0].n);
    const history = Number((await sql<{ n: number }>`select count(*)::int as n from procedure_history where instance_id = ${inst.id}`.execute(env.s.db)).rows[0].n);
    expect(audited).toBe(history);
  });
});
