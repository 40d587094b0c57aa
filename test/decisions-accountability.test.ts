import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ok, refused, kinds, makeEnv, type Client, type TestEnv } from './helpers.ts';
import { fullDecision } from './decisions-fixture.ts';

/**
 * 终身责任追究及责任倒查 (seed 002 #27, #40): the reverse trace of a full decision lists every
 * person and step with the check of its audit entries; accountability actions are recorded
 * against users or named persons, refused when incomplete; the metrics count the decision.
 */
describe.each(kinds)('decisions: accountability, reverse trace and metrics on %s', (kind) => {
  let env: TestEnv;
  let clock = new Date('2026-03-02T02:00:00Z');
  let full: Awaited<ReturnType<typeof fullDecision>>;
  let legal: Client;
  let leader: Client;
  const setDay = async (day: string) => {
    clock = new Date(`${day}T02:00:00Z`);
    [legal, leader] = await Promise.all(['legal', 'leader'].map((u) => env.login(u)));
    return { legal, leader };
  };

  beforeAll(async () => {
    env = await makeEnv(kind, { now: () => clock });
    full = await fullDecision(env, setDay, 'adjust');
  });
  afterAll(async () => env?.close());

  it('traces every person and step of the decision, with its audit entries verified', async () => {
    const trace = ok(await legal.get(`/api/decisions/${full.decision.id}/trace`));
    expect(trace.decision).toMatchObject({ id: full.decision.id, status: 'evaluated', review_passed: true });
    expect(trace.steps.map((s: any) => s.transition)).toEqual(['draft_plan', 'open_comment', 'record_hearing', 'close_comment', 'record_expert_opinion', 'finish_argumentation', 'assess_risk', 'submit_review', 'review_pass', 'decide', 'publish', 'evaluate']);
    const who = (step: string) => trace.people.filter((p: any) => p.step === step);
    expect(who('start')[0]).toMatchObject({ kind: 'user', name: '陈法明', role: '起动决策程序' });
    expect(who('review_pass')[0]).toMatchObject({ kind: 'user', name: '陈法明', what: '经审查，决策草案合法' });
    expect(who('decide').map((p: any) => [p.kind, p.name])).toEqual(expect.arrayContaining([['user', '周市长'], ['meeting', '周市长'], ['meeting', '丙秘书长']]));
    expect(who('decide').find((p: any) => p.kind === 'meeting' && p.name === '周市长').what).toBe('决定修改后通过');
    expect(who('decide').find((p: any) => p.name === '丙秘书长').what).toBe('不同意：建议分步实施');
    const expert = (await sql<{ name: string }>`select name from decision_experts where id = ${full.draw.drawn[0].expertId}`.execute(env.s.db)).rows[0].name;
    expect(who('expert_draw')[0]).toMatchObject({ name: '陈法明', what: expert });
    expect(who('record_expert_opinion').find((p: any) => p.kind === 'expert')).toMatchObject({ name: expert, what: '方案必要、可行，建议设置过渡期。' });
    expect(who('review').map((p: any) => [p.kind, p.name])).toEqual([['adviser', '刘顾问']]);
    expect(who('record_hearing').filter((p: any) => p.kind === 'hearing').map((p: any) => p.name)).toEqual(['李四', '某水务公司']);
    expect(who('comment_answer')[0]).toMatchObject({ name: '陈法明', what: '答复 1 条' });
    const actions = new Set(trace.audit.map((a: any) => a.action));
    for (const a of ['decisions.decision.start', 'procedure.create', 'procedure.transition', 'decisions.comment.answer', 'decisions.expert.draw', 'decisions.adviser.opinion', 'deadline.start']) expect(actions, a).toContain(a);
    expect(trace.chain).toEqual({ ok: true, checked: trace.audit.length });
    // Nothing of the public commenter's contact.
    expect(JSON.stringify(trace)).not.toContain('contact_enc');
  });

  it('records accountability against a user or a named person, and refuses what is incomplete', async () => {
    const leaderId = (await sql<{ id: number }>`select id from users where username = 'leader'`.execute(env.s.db)).rows[0].id;
    const url = `/api/decisions/${full.decision.id}/accountability`;
    const base = { personPost: '副市长', form: 'admonition', reason: '决策前未充分评估阶梯水量，实施后群众反映强烈', decidedOn: '2026-12-01', decidingBody: '演示市监察委员会' };
    const audited = async () => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where entity_type = 'decision'`.execute(env.s.db)).rows[0].n);
    const before = await audited();
    refused(await legal.post(url, base), 400, 'person_required');
    refused(await legal.post(url, { ...base, personName: '甲副市长', form: 'demotion' }), 400);
    refused(await legal.post(url, { ...base, personName: '甲副市长', decidedOn: '2026-12-02' }), 400, 'date_in_future');
    refused(await legal.post(url, { ...base, personName: '甲副市长', decidedOn: '2026-01-01' }), 400, 'accountability_before_decision');
    refused(await (await env.login('assessor')).post(url, { ...base, personName: '甲副市长' }), 403);
    refused(await (await env.login('county_legal')).post(url, { ...base, personName: '甲副市长' }), 404);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from decision_accountability`.execute(env.s.db)).rows[0].n)).toBe(0);
    expect(await audited()).toBe(before);

    const a = ok(await leader.post(url, { ...base, personUserId: leaderId }));
    expect(a).toMatchObject({ person_user_id: leaderId, person_name: '周市长', form: 'admonition', form_label: '诫勉谈话' });
    ok(await legal.post(url, { ...base, personName: '丙秘书长', personPost: '秘书长', form: 'circulated_criticism' }));
    const trace = ok(await legal.get(`/api/decisions/${full.decision.id}/trace`));
    expect(trace.accountability.map((x: any) => [x.person_name, x.form_label])).toEqual([['周市长', '诫勉谈话'], ['丙秘书长', '通报批评']]);
    expect(trace.audit.filter((x: any) => x.action === 'decisions.accountability')).toHaveLength(2);
    expect(trace.chain.ok).toBe(true);
  });

  it('lists accountability actions in scope, on their own and in the dossier', async () => {
    const list = ok(await legal.get(`/api/decisions/accountability?decisionId=${full.decision.id}`));
    expect(list.map((x: any) => [x.person_name, x.form_label, x.decision_title])).toEqual([['丙秘书长', '通报批评', full.decision.title], ['周市长', '诫勉谈话', full.decision.title]]);
    expect(ok(await legal.get(`/api/decisions/${full.decision.id}`)).accountability).toHaveLength(2);
    expect(ok(await (await env.login('county_legal')).get('/api/decisions/accountability'))).toEqual([]);
  });

  it('acts on the evaluation: an "adjust" conclusion returns the decision to implementation, not to the archive', async () => {
    const step = (who: Client, code: string, note?: string) => who.post(`/api/procedures/${full.inst.id}/transitions/${code}`, { version: full.inst.version, data: {}, ...(note ? { note } : {}) });
    const close = await step(leader, 'close');
    refused(close, 409, 'guard_refused');
    expect(JSON.parse(close.body)).toMatchObject({ rule: 'evaluation_not_continue', basis: { article: '第三十七条' } });
    refused(await step(leader, 'adjust'), 400, 'note_required');
    const r = ok(await step(leader, 'adjust', '第一阶梯水量由180立方米调整为216立方米'));
    expect(r.state).toBe('implementing');
    const d = ok(await legal.get(`/api/procedures/${full.inst.id}`));
    expect(d.deadlines.filter((x: any) => x.kind === 'decisions.progress' && x.status === 'open').map((x: any) => x.due_date)).toEqual(['2027-06-01']);
    full.inst = { id: r.id, version: r.version };
  });

  it('reports an edited audit entry of the decision in its trace', async () => {
    const { seq } = (await sql<{ seq: number }>`select seq from audit_log where entity_type = 'decision' and entity_id = ${String(full.decision.id)} order by seq limit 1`.execute(env.s.db)).rows[0];
    await sql`update audit_log set actor_name = 'someone else' where seq = ${seq}`.execute(env.s.db);
    const trace = ok(await legal.get(`/api/decisions/${full.decision.id}/trace`));
    expect(trace.chain).toMatchObject({ ok: false, firstBad: { seq: Number(seq), reason: 'edited' } });
  });

  it('counts the full decision in each metric', async () => {
    const gov = full.gov;
    const orgIds = (await sql<{ id: number }>`select id from orgs where path like (select path from orgs where id = ${gov}) || '%'`.execute(env.s.db)).rows.map((r) => r.id);
    const scope = { orgIds, from: '2026-01-01', to: '2026-12-31' };
    const row = async (code: string) => {
      const rows = (await env.s.registry.metrics.get(code)!.records(scope).execute(env.s.db)).rows;
      return rows.find((r) => r.entity_id === full.decision.id);
    };
    expect(await row('decisions.five_procedures_rate')).toMatchObject({ counted: true, note: '五项程序齐全', on_date: '2026-04-20', org_id: gov });
    expect(await row('decisions.comment_period_compliance')).toMatchObject({ counted: true, note: '征求意见 30 日（2026-03-02 至 2026-03-31），规定不少于 30 日' });
    expect(await row('decisions.hearing_held_rate')).toMatchObject({ counted: true, note: '听证于 2026-03-20 举行，参加人 2 名' });
    expect(await row('decisions.legality_review_coverage')).toMatchObject({ counted: true, note: '合法性审查于 2026-04-20 通过' });
    expect(await row('decisions.adjusted_or_stopped_after_evaluation')).toMatchObject({ counted: true, note: '评估结论：调整', on_date: '2026-12-01' });
    // Due two years after publication: not in 2026, in 2028 and evaluated.
    expect(await row('decisions.post_evaluation_completed')).toBeUndefined();
    const due = (await env.s.registry.metrics.get('decisions.post_evaluation_completed')!.records({ ...scope, from: '2028-01-01', to: '2028-12-31' }).execute(env.s.db)).rows;
    expect(due.find((r) => r.entity_id === full.decision.id)).toMatchObject({ counted: true, note: '应于 2028-04-20 前评估；已于 2026-12-01 评估' });

    // A decision missing its legality review (imported as decided): counted against both.
    await sql`update decisions set review_passed = null where id = ${full.decision.id}`.execute(env.s.db);
    expect(await row('decisions.five_procedures_rate')).toMatchObject({ counted: false, note: '缺少：合法性审查' });
    expect(await row('decisions.legality_review_coverage')).toMatchObject({ counted: false, note: '未经合法性审查通过' });
    const five = await env.s.registry.metrics.get('decisions.five_procedures_rate')!.compute(env.s.db, { orgIds: [gov], from: '2026-04-20', to: '2026-04-20' });
    expect(five).toEqual({ value: 0, numerator: 0, denominator: 1 });
    await sql`update decisions set review_passed = true where id = ${full.decision.id}`.execute(env.s.db);

    const catalogues = (await env.s.registry.metrics.get('decisions.catalogue_published_on_time')!.records(scope).execute(env.s.db)).rows;
    expect(catalogues.length).toBeGreaterThan(0);
    expect(catalogues.every((r) => r.counted)).toBe(true);
  });
});
