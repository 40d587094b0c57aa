import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { refused, ok, kinds, makeEnv, orgId, userId, type Client, type TestEnv } from './helpers.ts';

/**
 * 问责: an overdue task of the demo's current scheme, supervised (督办), becomes an accountability
 * case against the unit's responsible person — preliminary review in 10 working days,
 * investigation in 30 (extended once by 30), notice and statement, decision in the typed forms,
 * the person's own view, the appeal period — with each refusal writing nothing.
 */
describe.each(kinds)('plans: an overdue task through 督办 to an accountability case on %s', (kind) => {
  let env: TestEnv;
  let legal: Client;
  let leader: Client;
  let staff: Client;
  let clock = new Date('2026-03-02T02:00:00Z');
  let ecology: number;
  let task: any;
  let kase: any;
  let inst: { id: number; version: number };
  let extendedDue: string;
  const setDay = async (day: string) => {
    clock = new Date(`${day}T02:00:00Z`);
    [legal, leader, staff] = await Promise.all(['legal', 'leader', 'staff'].map((u) => env.login(u)));
  };
  const step = (who: Client, code: string, data: Record<string, unknown> = {}, note?: string) => who.post(`/api/procedures/${inst.id}/transitions/${code}`, { version: inst.version, data, ...(note ? { note } : {}) });
  const go = async (who: Client, code: string, data: Record<string, unknown> = {}, note?: string) => {
    const r = ok(await step(who, code, data, note));
    inst = { id: r.id, version: r.version };
    return r;
  };
  const snapshot = async () => JSON.stringify((await sql`select (select count(*) from accountability_cases) a, (select count(*) from procedure_history) h, (select count(*) from deadlines) d, (select count(*) from audit_log) l, (select string_agg(status || coalesce(decision::text, ''), ',') from accountability_cases) s`.execute(env.s.db)).rows);
  const deadline = async (kindCode: string) => (await sql<{ due: string; status: string }>`select to_char(due_date, 'YYYY-MM-DD') as due, status from deadlines where instance_id = ${inst.id} and kind = ${kindCode}`.execute(env.s.db)).rows[0];

  beforeAll(async () => {
    env = await makeEnv(kind, { now: () => clock });
    ecology = await orgId(env.s, '演示市生态环境局');
    await setDay('2026-03-02');
    task = ok(await staff.get('/api/plans/tasks?mine=true&status=overdue')).find((t: any) => t.org_id === ecology);
  });
  afterAll(async () => env?.close());

  it('supervises the overdue task: it is red on the wall and a 督办通知 reaches the unit', async () => {
    expect(task).toBeDefined();
    const wall = ok(await legal.get(`/api/supervision/deadlines?orgId=${ecology}&module=plans&status=red`));
    const row = wall.items.find((d: any) => d.kind === 'plans.task' && d.subject_id === String(task.id));
    expect(row.light).toBe('red');
    // 通报 and 约谈 come after a 督办通知 on the same item, not before.
    refused(await legal.post('/api/supervision/notices', { deadlineId: row.id, toUserId: await userId(env.s, 'staff'), level: 'interview', message: '约谈' }), 409, 'guard_refused', 'escalation_skipped');
    const notice = ok(await legal.post('/api/supervision/notices', { deadlineId: row.id, toUserId: await userId(env.s, 'staff'), level: 'notice', message: `请于3个工作日内说明任务"${task.title}"逾期原因并报送整改计划` }));
    expect(notice.level).toBe('notice');
    const circular = ok(await legal.post('/api/supervision/notices', { deadlineId: row.id, toUserId: await userId(env.s, 'staff'), level: 'circular', message: `对"${task.title}"逾期未整改予以通报` }));
    expect(circular.level).toBe('circular');
  });

  it('refuses a case on a task that is not overdue, and a case outside scope, writing nothing', async () => {
    const county = await env.login('county_legal');
    const before = await snapshot();
    const base = { orgId: await orgId(env.s, '演示市司法局'), subjectOrgId: ecology, personUserId: await userId(env.s, 'staff'), personPost: '法规科科员', trigger: 'overdue_task', summary: '规划任务逾期未完成，经督办仍未报送整改计划', filedOn: '2026-03-02' };
    const notLate = ok(await staff.get('/api/plans/tasks?mine=true&status=open')).find((t: any) => t.org_id === ecology && t.due_on >= '2026-03-02');
    refused(await legal.post('/api/plans/accountability', { ...base, triggerRef: String(notLate.id) }), 400, 'trigger_not_overdue');
    refused(await legal.post('/api/plans/accountability', { ...base, triggerRef: '999999' }), 400, 'trigger_not_found');
    expect((await staff.post('/api/plans/accountability', { ...base, triggerRef: String(task.id) })).statusCode).toBe(403);
    refused(await county.post('/api/plans/accountability', { ...base, triggerRef: String(task.id) }), 404, 'not_found');
    expect(await snapshot()).toBe(before);
    kase = ok(await legal.post('/api/plans/accountability', { ...base, triggerRef: String(task.id) }));
    inst = { id: kase.instance_id, version: 1 };
    // Preliminary review: 10 working days from Monday 2 March 2026.
    expect(await deadline('plans.acc_preliminary')).toEqual({ due: '2026-03-16', status: 'open' });
  });

  it('investigates in 30 working days, extended once with approval', async () => {
    refused(await step(legal, 'pursue'), 400, 'note_required');
    await go(legal, 'pursue', {}, '经初步审查，任务逾期属实，且经督办未整改，建议追究责任');
    expect((await deadline('plans.acc_preliminary')).status).toBe('closed');
    expect(await deadline('plans.acc_investigation')).toEqual({ due: '2026-04-14', status: 'open' });
    await go(leader, 'extend', {}, '情节复杂，经局领导批准延长30个工作日');
    // 30 more working days on the statutory calendar (over the Labour Day holiday).
    extendedDue = ok(await env.anon.get('/api/calendar/deadline?from=2026-04-14&days=30&unit=working')).due;
    expect((await deadline('plans.acc_investigation')).due).toBe(extendedDue);
    const again = refused(await step(leader, 'extend', {}, '再延长'), 409, 'guard_refused', 'extension_used');
    expect(again.basis.quote).toContain('可延长30个工作日');
  });

  it("takes a leader's assigned item past its time limit through 督办 to a case as well", async () => {
    const justice = await orgId(env.s, '演示市司法局');
    const item = ok(await legal.get('/api/plans/assigned?status=open')).find((x: any) => x.org_id === justice && x.due_on < '2026-03-02');
    expect(item).toBeDefined();
    const wall = ok(await legal.get(`/api/supervision/deadlines?orgId=${justice}&module=plans&status=red`));
    const row = wall.items.find((d: any) => d.kind === 'plans.assigned' && d.subject_id === String(item.id));
    ok(await legal.post('/api/supervision/notices', { deadlineId: row.id, toUserId: await userId(env.s, 'legal'), level: 'notice', message: `交办事项"${item.title}"已超时限，请即办结并报告` }));
    const c = ok(await legal.post('/api/plans/accountability', { orgId: await orgId(env.s, '演示市人民政府'), subjectOrgId: justice, personName: '某科长', personPost: '法制科科长', trigger: 'overdue_item', triggerRef: String(item.id), summary: '领导交办事项超时限未办结', filedOn: '2026-03-02' }));
    expect(c).toMatchObject({ trigger: 'overdue_item', status: 'preliminary' });
    const open = ok(await legal.get('/api/plans/assigned?status=open')).find((x: any) => x.due_on >= '2026-03-02');
    refused(await legal.post('/api/plans/accountability', { orgId: justice, subjectOrgId: open.org_id, trigger: 'overdue_item', triggerRef: String(open.id), summary: '未逾期的事项', filedOn: '2026-03-02' }), 400, 'trigger_not_overdue');
  });

  it('decides only after the person was notified and heard; the person sees the case', async () => {
    await setDay('2026-04-20');
    refused(await step(legal, 'notify', { notifiedOn: '2026-04-21', facts: '逾期', reasons: '依据', proposedForms: ['admonition'], rights: '陈述、申辩、申诉' }), 400, 'date_in_future');
    await go(legal, 'notify', { notifiedOn: '2026-04-20', facts: '承担的规划任务逾期未完成，经督办未报送整改计划', reasons: '违反规划任务分解要求（seed 002 措施60）', proposedForms: ['admonition', 'written_self_criticism'], rights: '有权陈述、申辩，对处理决定不服可申请复核、申诉' });
    expect((await deadline('plans.acc_investigation')).status).toBe('closed');
    const before = await snapshot();
    refused(await step(legal, 'decide', { decidedOn: '2026-04-20', decidingBody: '局长办公会议', forms: ['admonition'], reasons: '事实清楚' }), 409, 'guard_refused', 'not_heard');
    refused(await step(legal, 'record_statement', { statedOn: '2026-04-20', waived: false }), 400, 'statement_required');
    refused(await step(legal, 'decide', { decidedOn: '2026-04-20', decidingBody: '局长办公会议', forms: ['demotion'], reasons: '事实清楚' }), 400, 'invalid_input');
    expect(await snapshot()).toBe(before);
    await go(legal, 'record_statement', { statedOn: '2026-04-20', waived: false, statement: '任务逾期系配合单位材料未到位，本人已多次催办' });
    await go(legal, 'decide', { decidedOn: '2026-04-20', decidingBody: '局长办公会议', forms: ['admonition'], reasons: '采纳部分申辩意见，不再责令作出书面检查' });
    const mine = ok(await staff.get('/api/plans/accountability/mine'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: kase.id, status: 'decided', forms: [{ code: 'admonition', label: '诫勉谈话' }], trigger_label: '规划任务逾期' });
    expect(ok(await leader.get('/api/plans/accountability/mine'))).toEqual([]);
  });

  it('closes only after the appeal period, or through the appeal; counts the investigation in time', async () => {
    refused(await step(legal, 'close'), 409, 'guard_refused', 'appeal_period_running');
    await setDay('2026-05-25');
    refused(await step(legal, 'appeal', { appealedOn: '2026-05-25', grounds: '不服' }), 409, 'guard_refused', 'appeal_late');
    await setDay('2026-05-10');
    await go(legal, 'appeal', { appealedOn: '2026-05-10', grounds: '逾期系配合单位原因' });
    refused(await step(legal, 'review_appeal', { result: 'changed', reasons: '部分采纳' }), 400, 'forms_required');
    await go(legal, 'review_appeal', { result: 'changed', forms: ['oral_warning'], reasons: '申诉理由部分成立，改为口头告诫' });
    const c = ok(await legal.get(`/api/plans/accountability/${kase.id}`));
    expect(c).toMatchObject({ status: 'closed', closed_on: '2026-05-10', extended: true, investigation_due_on: extendedDue });
    const rows = (await env.s.registry.metrics.get('plans.accountability_in_time_rate')!.records({ orgIds: [c.org_id], from: '2026-01-01', to: '2026-12-31' }).execute(env.s.db)).rows;
    expect(rows.find((r) => r.entity_id === kase.id)).toMatchObject({ counted: true, note: '按期调查终结（2026-04-20）' });
  });
});
