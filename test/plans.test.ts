import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { refused, ok, kinds, makeEnv, orgId, userId, type Client, type TestEnv } from './helpers.ts';
import { CHUXIONG } from '../src/modules/plans/demo.ts';

/**
 * 规划任务督办: seed 002's plan from import to acceptance — decomposition, reports by lead and
 * co-units, completion, the yearly and per-unit roll-up, the last year's acceptance — and a
 * leader-assigned item on the 15-working-day default; every refusal of the issue's bad input,
 * with nothing half-written. The clock is moved to reach the plan's last year.
 */
describe.each(kinds)('plans: a plan from import to acceptance, and assigned items, on %s', (kind) => {
  let env: TestEnv;
  let legal: Client;
  let staff: Client;
  let leader: Client;
  let gov: number;
  let justice: number;
  let ecology: number;
  let finance: number;
  let clock = new Date('2026-03-02T02:00:00Z');
  const setDay = async (day: string) => {
    clock = new Date(`${day}T02:00:00Z`);
    [legal, staff, leader] = await Promise.all(['legal', 'staff', 'leader'].map((u) => env.login(u)));
  };
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(env.s.db)).rows[0].n);
  const snapshot = async () => JSON.stringify(await Promise.all(['plans', 'plan_nodes', 'plan_tasks', 'plan_milestones', 'plan_progress_reports', 'plan_acceptances', 'assigned_items', 'plan_meetings', 'annual_reports', 'annual_report_submissions', 'deadlines', 'audit_log'].map(count)));
  const seedText = fs.readFileSync(CHUXIONG, 'utf8');
  let plan: any;
  let task: any;

  beforeAll(async () => {
    env = await makeEnv(kind, { now: () => clock });
    gov = await orgId(env.s, '演示市人民政府');
    justice = await orgId(env.s, '演示市司法局');
    ecology = await orgId(env.s, '演示市生态环境局');
    finance = await orgId(env.s, '演示市财政局');
    await setDay('2026-03-02');
  });
  afterAll(async () => env?.close());

  it('loads the demo: seed 002 with its 60 measures, seed 001, and a current scheme with tasks in every state', async () => {
    const plans = ok(await legal.get('/api/plans'));
    expect(plans.find((p: any) => p.title.startsWith('楚雄州法治政府建设规划'))).toMatchObject({ measure_count: 60, status: 'accepted', task_count: 7, completed_count: 7 });
    expect(plans.find((p: any) => p.title.includes('贵港市'))).toMatchObject({ measure_count: 35, status: 'published' });
    const current = plans.find((p: any) => p.title.startsWith('演示市法治政府建设实施方案'));
    expect(current).toMatchObject({ measure_count: 14, task_count: 12, status: 'published' });
    expect(current.overdue_count).toBeGreaterThan(0);
    // The staff of 生态环境局 sees their unit's tasks and nothing of other units'.
    const mine = ok(await staff.get('/api/plans/tasks?mine=true'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t: any) => t.org_id === ecology || t.co_org_ids.includes(ecology))).toBe(true);
  });

  it('refuses a text with no recognisable headings, naming the line, and writes nothing', async () => {
    const before = await snapshot();
    const b = refused(await legal.post('/api/plans/preview', { text: '关于做好法治建设工作的通知\n请各单位认真落实。' }), 400, 'plan_no_headings');
    expect(b.detail).toMatch(/标题|一、/);
    const gap = seedText.replace(/\n5\.全面落实权力清单/, '\n7.全面落实权力清单');
    const g = refused(await legal.post('/api/plans', { orgId: gov, kind: 'implementation', text: gap, startYear: 2016, endYear: 2020 }), 400, 'plan_numbering_gap');
    expect(g.line).toBe(77); // the line of the measure numbered 7 where 5 was due
    refused(await legal.post('/api/plans', { orgId: gov, kind: 'plan', text: '一、总体要求\n（一）指导思想。坚持依法行政。', startYear: 2016, endYear: 2020 }), 400, 'plan_no_measures');
    refused(await legal.post('/api/plans', { orgId: gov, kind: 'plan', text: seedText, startYear: 2020, endYear: 2016 }), 400, 'dates_out_of_order');
    expect((await staff.post('/api/plans', { orgId: gov, kind: 'plan', text: seedText, startYear: 2016, endYear: 2020 })).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('imports seed 002 as 60 measures in 7 areas plus the organisation section, numbered as in the text', async () => {
    const preview = ok(await legal.post('/api/plans/preview', { text: seedText }));
    expect(preview).toMatchObject({ measureCount: 60, docNumber: '楚委〔2016〕31号' });
    plan = ok(await legal.post('/api/plans', { orgId: gov, kind: 'implementation', text: seedText, startYear: 2026, endYear: 2027, defaultDueOn: '2026-12-31' }));
    const detail = ok(await legal.get(`/api/plans/${plan.id}`));
    const [, main, organisation] = detail.nodes;
    expect(main.children.map((a: any) => a.number)).toEqual(['一', '二', '三', '四', '五', '六', '七']);
    expect(main.children.map((a: any) => a.children.length)).toEqual([13, 7, 7, 7, 7, 7, 5]);
    expect(organisation.children.map((m: any) => m.number)).toEqual(['54', '55', '56', '57', '58', '59', '60']);
    expect(main.children[2].children[2]).toMatchObject({ number: '23', title: '提高专家论证和风险评估质量' });
    plan.measure23 = main.children[2].children[2].id;
    plan.measure60 = organisation.children[6].id;
    plan.area = main.children[0].id;
  });

  it('decomposes measures into tasks only in a published plan, within its period, with a lead that is no co-unit', async () => {
    const body = { nodeId: plan.measure23, title: '建立行政决策咨询论证专家库', leadOrgId: justice, coOrgIds: [finance], responsibleName: '陈法明', deliverable: '专家库管理办法及入库名单', milestones: [{ title: '起草专家库管理办法', dueOn: '2026-06-30' }] };
    const before = await snapshot();
    refused(await legal.post(`/api/plans/${plan.id}/tasks`, body), 409, 'plan_not_published');
    plan = { ...plan, ...ok(await legal.post(`/api/plans/${plan.id}/publish`, { version: plan.version })) };
    const afterPublish = await snapshot();
    expect(afterPublish).not.toBe(before);
    refused(await legal.post(`/api/plans/${plan.id}/tasks`, { ...body, dueOn: '2028-03-31' }), 400, 'task_after_plan_end', 'task_after_plan_end');
    refused(await legal.post(`/api/plans/${plan.id}/tasks`, { ...body, coOrgIds: [justice] }), 400, 'co_unit_is_lead');
    refused(await legal.post(`/api/plans/${plan.id}/tasks`, { ...body, nodeId: plan.area }), 400, 'node_not_measure');
    refused(await legal.post(`/api/plans/${plan.id}/tasks`, { ...body, year: 2030 }), 400, 'year_outside_plan');
    refused(await legal.post(`/api/plans/${plan.id}/tasks`, { ...body, milestones: [{ title: '晚了', dueOn: '2027-01-05' }] }), 400, 'milestone_after_task');
    expect(await snapshot()).toBe(afterPublish);
    task = ok(await legal.post(`/api/plans/${plan.id}/tasks`, body));
    expect(task).toMatchObject({ due_on: '2026-12-31', org_id: justice, co_org_ids: [finance] }); // the plan's default day
    const yearly = ok(await legal.post(`/api/plans/${plan.id}/tasks`, { nodeId: plan.measure60, title: '建立法治政府建设年度进展报告制度', leadOrgId: ecology, responsibleName: '钱科员', deliverable: '年度进展报告', year: 2027 }));
    expect(yearly.due_on).toBe('2027-12-31');
    const deadline = (await sql<{ due_date: string; org_id: number; kind: string }>`select to_char(due_date, 'YYYY-MM-DD') as due_date, org_id, kind from deadlines where id = ${task.deadline_id}`.execute(env.s.db)).rows[0];
    expect(deadline).toEqual({ due_date: '2026-12-31', org_id: justice, kind: 'plans.task' });
  });

  it('takes reports from the lead per milestone and from co-units, and completes only with every milestone done', async () => {
    const url = `/api/plans/tasks/${task.id}`;
    const detail = ok(await legal.get(url));
    const [milestone] = detail.milestones;
    refused(await legal.post(`${url}/progress`, { orgId: ecology, reportedOn: '2026-03-02', percent: 10, content: '无关单位' }), 400, 'not_task_unit');
    refused(await legal.post(`${url}/progress`, { reportedOn: '2026-03-03', percent: 10, content: '明天的事' }), 400, 'date_in_future');
    ok(await legal.post(`${url}/progress`, { orgId: finance, reportedOn: '2026-03-02', percent: 30, content: '专家劳务费标准已测算，报牵头单位' }));
    const done = await legal.post(`${url}/complete`, { version: task.version, completedOn: '2026-03-02', note: '已完成' });
    refused(done, 409, 'guard_refused', 'milestones_open');
    ok(await legal.post(`${url}/progress`, { milestoneId: milestone.id, milestoneDone: true, reportedOn: '2026-03-02', percent: 60, content: '管理办法已起草并征求意见', evidence: '管理办法（征求意见稿）' }));
    const after = ok(await legal.get(url));
    expect(after.milestones[0].done_on).toBe('2026-03-02');
    expect(after.reports.map((r: any) => [r.kind, r.org_name])).toEqual([['lead', '演示市司法局'], ['co_unit', '演示市财政局']]);
    // The staff of another unit cannot see the task at all.
    expect((await staff.get(url)).statusCode).toBe(404);
    await setDay('2026-11-30');
    ok(await legal.post(`${url}/complete`, { version: task.version, completedOn: '2026-11-30', note: '专家库管理办法已印发，首批入库专家52名' }));
    const before = await snapshot();
    refused(await legal.post(`${url}/progress`, { reportedOn: '2026-11-30', percent: 100, content: '再报一次' }), 409, 'task_closed');
    expect(await snapshot()).toBe(before);
    const closed = (await sql<{ status: string }>`select status from deadlines where id = ${task.deadline_id}`.execute(env.s.db)).rows[0];
    expect(closed.status).toBe('closed');
  });

  it('rolls completion up by area, unit and year, and counts on-time completion for assessment', async () => {
    const detail = ok(await legal.get(`/api/plans/${plan.id}`));
    const area3 = detail.nodes[1].children[2];
    expect(area3.counts).toEqual({ total: 1, completed: 1, overdue: 0 });
    expect(area3.percent).toBe(100);
    expect(detail.nodes[1].counts).toEqual({ total: 1, completed: 1, overdue: 0 });
    expect(detail.by_unit.map((u: any) => [u.org_name, u.total, u.completed])).toEqual(expect.arrayContaining([['演示市司法局', 1, 1], ['演示市生态环境局', 1, 0]]));
    expect(detail.by_year.map((y: any) => [y.year, y.total])).toEqual([[2026, 1], [2027, 1]]);
    const metric = env.s.registry.metrics.get('plans.task_on_time_rate')!;
    const rows = (await metric.records({ orgIds: [justice], from: '2026-01-01', to: '2026-12-31' }).execute(env.s.db)).rows;
    expect(rows.find((r) => r.entity_id === task.id)).toMatchObject({ counted: true, note: '按期完成（2026-11-30）', on_date: '2026-12-31' });
  });

  it('accepts unit by unit in the last year, the issuing body last', async () => {
    const url = `/api/plans/${plan.id}/acceptances`;
    const early = refused(await legal.post(url, { orgId: justice, checkedOn: '2026-11-30', result: 'passed', findings: '任务已完成' }), 409, 'guard_refused', 'acceptance_before_final_year');
    expect(early.basis.law).toContain('贵港市');
    await setDay('2027-12-20');
    refused(await legal.post(url, { orgId: finance, checkedOn: '2027-12-20', result: 'passed', findings: '配合单位' }), 400, 'unit_without_tasks');
    refused(await legal.post(url, { orgId: gov, checkedOn: '2027-12-20', result: 'passed', findings: '全部验收' }), 409, 'guard_refused', 'units_unchecked');
    ok(await legal.post(url, { orgId: justice, checkedOn: '2027-12-20', result: 'passed', findings: '任务已完成，成果齐全' }));
    const eco = ok(await legal.post(url, { orgId: ecology, checkedOn: '2027-12-20', result: 'failed', findings: '年度进展报告未报送' }));
    expect(eco.open_tasks).toBe(1);
    refused(await legal.post(url, { orgId: justice, checkedOn: '2027-12-20', result: 'passed', findings: '再验一次' }), 409, 'acceptance_exists');
    ok(await legal.post(url, { orgId: gov, checkedOn: '2027-12-20', result: 'passed', findings: '逐级检查验收完毕' }));
    const detail = ok(await legal.get(`/api/plans/${plan.id}`));
    expect(detail).toMatchObject({ status: 'accepted', accepted_on: '2027-12-20' });
    expect(detail.acceptances).toHaveLength(3);
    refused(await legal.post(`/api/plans/${plan.id}/tasks`, { nodeId: plan.measure23, title: '太晚了', leadOrgId: justice, responsibleName: '张三', deliverable: '成果' }), 409, 'plan_not_published');
    expect(ok(await env.anon.get('/api/public/plans')).map((p: any) => p.id)).toContain(plan.id);
    const pub = ok(await env.anon.get(`/api/public/plans/${plan.id}`));
    expect(pub.nodes).toHaveLength(detail.nodes.length + 7 + 60 + 4);
    expect(JSON.stringify(pub)).not.toMatch(/陈法明|钱科员|responsible/);
  });

  it('shows each government its yearly meetings against the rule, yellow in the last quarter while short', async () => {
    await setDay('2026-11-02');
    const y = ok(await legal.get('/api/plans/meetings?year=2026'));
    const city = y.orgs.find((o: any) => o.org_id === gov);
    const kinds = Object.fromEntries(city.kinds.map((k: any) => [k.kind, k]));
    expect(kinds.executive_briefing).toMatchObject({ required: 2, held: 1, light: 'yellow' });
    expect(kinds.work_conference).toMatchObject({ required: 1, held: 1, light: 'normal' });
    const before = await snapshot();
    refused(await legal.post('/api/plans/meetings', { orgId: justice, kind: 'executive_briefing', heldOn: '2026-11-02', title: '局务会议', minutes: '记录' }), 400, 'not_a_government');
    refused(await legal.post('/api/plans/meetings', { orgId: gov, kind: 'executive_briefing', heldOn: '2026-11-03', title: '常务会议', minutes: '记录' }), 400, 'date_in_future');
    expect(await snapshot()).toBe(before);
    ok(await legal.post('/api/plans/meetings', { orgId: gov, kind: 'executive_briefing', heldOn: '2026-11-02', title: '市人民政府第40次常务会议', minutes: '听取市司法局关于法治政府建设规划任务推进情况的汇报' }));
    const after = ok(await legal.get('/api/plans/meetings?year=2026')).orgs.find((o: any) => o.org_id === gov).kinds.find((k: any) => k.kind === 'executive_briefing');
    expect(after).toMatchObject({ held: 2, light: 'normal' });
    const counted = await env.s.registry.metrics.get('plans.executive_briefings_held')!.compute(env.s.db, { orgIds: [gov], from: '2026-01-01', to: '2026-12-31' });
    expect(counted.value).toBe(2);
  });

  it("drafts the year's report from the platform's figures, reports it to each body, then makes it public", async () => {
    await setDay('2026-03-20');
    refused(await legal.post('/api/plans/reports', { orgId: gov, year: 2025 }), 409, 'report_exists'); // the demo's
    refused(await legal.post('/api/plans/reports', { orgId: justice, year: 2026 }), 400, 'report_year_open');
    const draft = ok(await legal.post('/api/plans/reports', { orgId: justice, year: 2025 }));
    let r = ok(await legal.get(`/api/plans/reports/${draft.id}`));
    expect(r.title).toBe('演示市司法局关于2025年度法治政府建设情况的报告');
    // Figures from every module's metrics, frozen at drafting.
    expect(r.figures.map((f: any) => f.module)).toEqual(expect.arrayContaining(['plans', 'enforcement', 'normative', 'decisions']));
    expect(r.required_recipients.map((x: any) => x.code)).toEqual(['own_government', 'superior_department']);
    const url = `/api/plans/reports/${draft.id}`;
    const before = await snapshot();
    refused(await legal.post(`${url}/submissions`, { recipient: 'own_government', submittedOn: '2026-03-20' }), 409, 'guard_refused', 'report_incomplete');
    r = ok(await legal.patch(url, { version: r.version, problems: '行政复议纠错率偏高', nextYear: '加强行政复议规范化建设' }));
    refused(await legal.post(`${url}/submissions`, { recipient: 'party_committee', submittedOn: '2026-03-20' }), 400, 'recipient_not_required');
    refused(await legal.post(`${url}/publish`, { version: r.version, publishedOn: '2026-03-20' }), 409, 'guard_refused', 'report_not_submitted');
    ok(await legal.post(`${url}/submissions`, { recipient: 'own_government', submittedOn: '2026-03-18', docNumber: '演司报〔2026〕3号' }));
    refused(await legal.post(`${url}/submissions`, { recipient: 'own_government', submittedOn: '2026-03-18' }), 409, 'already_submitted');
    r = ok(await legal.post(`${url}/submissions`, { recipient: 'superior_department', submittedOn: '2026-03-19' }));
    expect(r).toMatchObject({ status: 'submitted', submitted_on: '2026-03-19' });
    expect(await snapshot()).not.toBe(before);
    const docx = await legal.get(`${url}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.body.slice(0, 2)).toBe('PK');
    expect((await env.anon.get(`/api/public/plans/reports/${draft.id}/docx`)).statusCode).toBe(404);
    r = ok(await legal.post(`${url}/publish`, { version: r.version, publishedOn: '2026-03-20' }));
    expect(r.status).toBe('published');
    expect(ok(await env.anon.get('/api/public/plans/reports')).find((x: any) => x.id === draft.id)).toMatchObject({ problems: '行政复议纠错率偏高' });
    expect((await env.anon.get(`/api/public/plans/reports/${draft.id}/docx`)).statusCode).toBe(200);
    const open = (await sql<{ n: number }>`select count(*)::int as n from deadlines where subject_type = 'annual_report' and subject_id = ${String(draft.id)} and status <> 'closed'`.execute(env.s.db)).rows[0].n;
    expect(open).toBe(0);
    const rows = (await env.s.registry.metrics.get('plans.annual_report_on_time')!.records({ orgIds: [justice], from: '2026-01-01', to: '2026-12-31' }).execute(env.s.db)).rows;
    expect(rows).toEqual([expect.objectContaining({ entity_id: draft.id, counted: true })]);
  });

  it('publishes a white paper at the start of the year and its completion at the end, target by target', async () => {
    await setDay('2026-02-10');
    const paper = ok(await staff.get('/api/plans/white-papers')); // the demo's, of the staff's own bureau
    expect(paper).toHaveLength(1);
    const w = ok(await legal.post('/api/plans/white-papers', { orgId: justice, year: 2026, duties: '负责全市行政执法监督、行政复议', targets: ['行政复议案件按期办结率100%', '规范性文件备案审查率100%'] }));
    refused(await legal.post('/api/plans/white-papers', { orgId: justice, year: 2026, duties: '重复', targets: ['重复'] }), 409, 'white_paper_exists');
    const url = `/api/plans/white-papers/${w.id}`;
    refused(await legal.post(`${url}/completion`, { version: 1, publishedOn: '2026-02-10', completion: [{ done: true, result: '完成' }, { done: true, result: '完成' }] }), 409, 'guard_refused', 'white_paper_unpublished');
    ok(await legal.post(`${url}/publish`, { version: 1, publishedOn: '2026-02-10' }));
    refused(await legal.post(`${url}/completion`, { version: 2, publishedOn: '2026-02-10', completion: [{ done: true, result: '完成' }, { done: true, result: '完成' }] }), 409, 'guard_refused', 'completion_before_year_end');
    await setDay('2026-12-20');
    refused(await legal.post(`${url}/completion`, { version: 2, publishedOn: '2026-12-20', completion: [{ done: true, result: '完成' }] }), 400, 'completion_mismatch');
    ok(await legal.post(`${url}/completion`, { version: 2, publishedOn: '2026-12-20', completion: [{ done: true, result: '办结复议案件126件，均按期' }, { done: false, result: '备案审查率98%，2件逾期报备' }] }));
    const pub = ok(await env.anon.get('/api/public/plans/white-papers')).find((x: any) => x.id === w.id);
    expect(pub.completion.map((c: any) => [c.target, c.done])).toEqual([['行政复议案件按期办结率100%', true], ['规范性文件备案审查率100%', false]]);
    const open = (await sql<{ n: number }>`select count(*)::int as n from deadlines where subject_type = 'white_paper' and subject_id = ${String(w.id)} and status <> 'closed'`.execute(env.s.db)).rows[0].n;
    expect(open).toBe(0);
  });

  it('keeps service commitments public and records first inquiries so a request is never left between offices', async () => {
    await setDay('2026-03-02');
    const pub = ok(await env.anon.get('/api/public/plans/commitments'));
    expect(pub.find((c: any) => c.service === '食品经营许可（新办）')).toMatchObject({ time_limit_days: 10, day_unit: 'working' });
    ok(await legal.post('/api/plans/commitments', { orgId: justice, service: '法律援助申请', timeLimitDays: 7, dayUnit: 'working', materials: '身份证明、经济困难证明' }));
    refused(await legal.post('/api/plans/commitments', { orgId: justice, service: '法律援助申请', timeLimitDays: 5, dayUnit: 'working', materials: '重复' }), 409, 'commitment_exists');
    const before = await snapshot();
    const base = { orgId: ecology, receivedOn: '2026-03-02', channel: 'phone', requester: '李秀英', matter: '咨询食品经营许可办理' };
    refused(await staff.post('/api/plans/inquiries', { ...base, outcome: 'referred', referredOrgId: justice }), 400, 'referral_incomplete');
    refused(await staff.post('/api/plans/inquiries', { ...base, outcome: 'referred', referredOrgId: ecology, referredContact: '本局政务窗口' }), 400, 'referred_to_self');
    refused(await staff.post('/api/plans/inquiries', { ...base, outcome: 'handled' }), 400, 'result_required');
    expect(await snapshot()).toBe(before);
    const samr = await orgId(env.s, '演示市市场监督管理局');
    const row = ok(await staff.post('/api/plans/inquiries', { ...base, outcome: 'referred', referredOrgId: samr, referredContact: '演示市市场监督管理局政务服务窗口，市民中心二楼，电话 0999-12315' }));
    expect(row.requester_masked).toBe('李**');
    expect(JSON.stringify(row)).not.toContain('李秀英');
    // The office it was referred to sees it in its register.
    const officer = await env.login('officer');
    expect(ok(await officer.get('/api/plans/inquiries')).map((x: any) => x.id)).toContain(row.id);
  });

  it('lets the issuing office cancel an open task with a reason, closing its deadline, and nobody else', async () => {
    await setDay('2026-03-02');
    const open = ok(await staff.get('/api/plans/tasks?mine=true&status=open')).find((t: any) => t.org_id === ecology);
    const url = `/api/plans/tasks/${open.id}`;
    expect(ok(await staff.get(url)).abilities.cancel).toBe(false);
    expect(ok(await legal.get(url)).abilities.cancel).toBe(true);
    expect((await staff.post(`${url}/cancel`, { version: open.version, reason: '任务已由其他规划覆盖' })).statusCode).toBe(403);
    ok(await legal.post(`${url}/cancel`, { version: open.version, reason: '任务已由其他规划覆盖' }));
    refused(await legal.post(`${url}/cancel`, { version: open.version + 1, reason: '再撤销一次' }), 409, 'task_closed');
    const t = ok(await legal.get(url));
    expect(t).toMatchObject({ status: 'cancelled', cancel_reason: '任务已由其他规划覆盖', abilities: { cancel: false, complete: false } });
    expect((await sql<{ status: string }>`select status from deadlines where id = ${t.deadline_id}`.execute(env.s.db)).rows[0].status).toBe('closed');
  });

  it("gives a leader's item without a time limit 15 working days on the statutory calendar, and takes the answer once", async () => {
    await setDay('2026-09-28');
    const before = await snapshot();
    refused(await leader.post('/api/plans/assigned', { orgId: ecology, title: '事项', content: '内容', assignedOn: '2026-09-28', dueOn: '2026-09-28' }), 400, 'dates_out_of_order');
    expect((await staff.post('/api/plans/assigned', { orgId: ecology, title: '事项', content: '内容', assignedOn: '2026-09-28' })).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
    const item = ok(await leader.post('/api/plans/assigned', { orgId: ecology, title: '研究扬尘治理措施', content: '请提出措施报我', assignedOn: '2026-09-28' }));
    // 15 working days from Monday 28 September 2026, over the National Day holiday (1–7 October).
    const due = ok(await env.anon.get('/api/calendar/deadline?from=2026-09-28&days=15&unit=working')).due;
    expect(item).toMatchObject({ due_on: due, due_given: false, leader_user_id: await userId(env.s, 'leader') });
    expect(due > '2026-10-16').toBe(true);
    const list = ok(await staff.get('/api/plans/assigned'));
    expect(list.find((x: any) => x.id === item.id)).toMatchObject({ leader_name: '周市长', status: 'open' });
    refused(await staff.post(`/api/plans/assigned/${item.id}/answer`, { version: 1, answeredOn: '2026-09-27', answer: '已办' }), 400, 'dates_out_of_order');
    ok(await staff.post(`/api/plans/assigned/${item.id}/answer`, { version: 1, answeredOn: '2026-09-28', answer: '已提出扬尘治理六项措施' }));
    refused(await staff.post(`/api/plans/assigned/${item.id}/answer`, { version: 2, answeredOn: '2026-09-28', answer: '再报' }), 409, 'item_answered');
    const back = ok(await leader.get('/api/plans/assigned')).find((x: any) => x.id === item.id);
    expect(back).toMatchObject({ status: 'answered', in_time: true, answer: '已提出扬尘治理六项措施' });
    expect((await sql<{ status: string }>`select d.status from deadlines d join assigned_items a on a.deadline_id = d.id where a.id = ${item.id}`.execute(env.s.db)).rows[0].status).toBe('closed');
  });
});
