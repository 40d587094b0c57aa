import type { EffectContext, GuardDef, ProcedureDefinition, TransitionDef } from '../../core/workflow/types.ts';
import { badInput } from '../../core/http/errors.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { extendDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { SEED003 } from '../../core/rules/seeds.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { ptx } from './schema.ts';
import { CaseStep } from './accountability-contract.ts';
import { appealInTime, heard } from './accountability-rules.ts';
import { checkNotFuture } from '../../core/http/checks.ts';

export const CASE_SUBJECT = 'accountability_case';
const PERMISSION = 'plans.accountability';
const PRELIMINARY = 'plans.acc_preliminary';
const INVESTIGATION = 'plans.acc_investigation';
const PROCEDURE = { law: SEED003, article: '七（二）' };

type Ctx = { tx: EffectContext['tx']; instance: { subjectId: string } };
const caseOf = (ctx: Ctx) => ptx(ctx.tx).selectFrom('accountability_cases').selectAll().where('id', '=', Number(ctx.instance.subjectId)).executeTakeFirstOrThrow();
const data = <T>(ctx: { input: { data?: Record<string, unknown> } }) => (ctx.input.data ?? {}) as T;
async function update(ctx: EffectContext, values: Record<string, unknown>) {
  await ptx(ctx.tx).updateTable('accountability_cases').set({ ...values, status: ctx.instance.state, updated_at: new Date() }).where('id', '=', Number(ctx.instance.subjectId)).execute();
}
const notAfterToday = (ctx: EffectContext, day: string, field: string) => checkNotFuture(day, ctx.services.today(), field);
const notBefore = (day: string, earlier: string | null, field: string, what: string) => {
  if (earlier && day < earlier) throw badInput('dates_out_of_order', field, { zh: `日期不能早于${what}（${earlier}）`, en: `The date precedes ${what}` });
};
const investigationDeadline = (ctx: EffectContext) => ctx.tx.selectFrom('deadlines').select(['id', 'due_date']).where('instance_id', '=', ctx.instance.id).where('kind', '=', INVESTIGATION).executeTakeFirstOrThrow();

// ── guards ──
const notExtended: GuardDef = {
  code: 'extension_used',
  message: { zh: '调查期限只能延长一次', en: 'The investigation can be extended once' },
  basis: { ...PROCEDURE, quote: '情节复杂的，经局领导批准，可延长30个工作日' },
  check: async (ctx) => !(await caseOf(ctx)).extended,
};
const personHeard: GuardDef = {
  code: 'not_heard',
  message: { zh: '作出处理决定前，须告知当事人并听取其陈述和申辩（或记录其放弃）', en: 'The person must be notified and heard (or have waived) before the decision' },
  basis: { ...PROCEDURE, quote: '告知当事人作出处理决定的事实、理由、依据及当事人依法享有的权利，并听取当事人的陈述和申辩' },
  check: async (ctx) => heard((await caseOf(ctx)).statement as never),
};
const APPEAL_BASIS = { law: '中华人民共和国公务员法（2018）', article: '第九十五条', quote: '可以自知道该人事处理之日起三十日内向原处理机关申请复核' };
const appealOpen: GuardDef = {
  code: 'appeal_late',
  message: { zh: '已超过申诉（复核）期限', en: 'The appeal period has passed' },
  basis: APPEAL_BASIS,
  inputOnly: true,
  check: async (ctx) => appealInTime((await caseOf(ctx)).decided_on, data<{ appealedOn?: string }>(ctx).appealedOn ?? ctx.today, await ctx.rule<number>('accountability.appeal_days')),
};
const appealPeriodOver: GuardDef = {
  code: 'appeal_period_running',
  message: { zh: '申诉（复核）期限届满前不能办结', en: 'The appeal period is still running' },
  basis: APPEAL_BASIS,
  check: async (ctx) => !appealInTime((await caseOf(ctx)).decided_on, ctx.today, await ctx.rule<number>('accountability.appeal_days')),
};

// ── definition ──
const t = (def: Omit<TransitionDef, 'permission'>): TransitionDef => ({ permission: PERMISSION, ...def, effect: async (ctx) => (def.effect ? def.effect(ctx) : update(ctx, {})) });

/** 内部责任追究 (seed 003 篇2 §7): preliminary review, investigation, notice and statement, decision, appeal. */
export const accountabilityProcedure: ProcedureDefinition = {
  code: 'plans.accountability',
  module: 'plans',
  name: { zh: '问责', en: 'Accountability case' },
  subjectType: CASE_SUBJECT,
  initial: 'preliminary',
  startDeadlines: [{ kind: PRELIMINARY, title: { zh: '问责初步审查', en: 'Preliminary review' }, ruleKey: 'accountability.preliminary_working_days', assignee: 'none' }],
  states: [
    { code: 'preliminary', name: { zh: '初步审查', en: 'Preliminary review' } },
    { code: 'investigation', name: { zh: '调查核实', en: 'Investigation' } },
    { code: 'hearing', name: { zh: '告知与陈述申辩', en: 'Notice and statement' } },
    { code: 'decided', name: { zh: '已作出处理决定', en: 'Decided' } },
    { code: 'appeal', name: { zh: '申诉复核中', en: 'Under appeal' } },
    { code: 'dropped', name: { zh: '不予追究', en: 'Not pursued' }, final: true },
    { code: 'closed', name: { zh: '已办结', en: 'Closed' }, final: true },
  ],
  transitions: [
    t({
      code: 'pursue',
      name: { zh: '初步审查：决定追究', en: 'Pursue' },
      from: ['preliminary'],
      to: 'investigation',
      requireNote: true,
      dataSchema: CaseStep.empty,
      closeDeadlines: [PRELIMINARY],
      // Started here rather than by the engine (which starts deadlines after the effect): the case keeps its due day.
      effect: async (ctx) => {
        const i = ctx.instance;
        const d = await startDeadline(ctx.services, ctx.tx, actorForAudit(ctx.actor), { module: 'plans', kind: INVESTIGATION, title: `问责调查核实：${i.title}`, subjectType: CASE_SUBJECT, subjectId: i.subjectId, instanceId: i.id, orgId: i.orgId, regionCode: i.regionCode, startDate: ctx.services.today(), ruleKey: 'accountability.investigation_working_days' });
        await update(ctx, { preliminary_opinion: ctx.input.note, investigation_due_on: d.due_date });
      },
    }),
    t({ code: 'drop', name: { zh: '初步审查：不予追究', en: 'Do not pursue' }, from: ['preliminary'], to: 'dropped', requireNote: true, dataSchema: CaseStep.empty, closeDeadlines: ['*'], effect: async (ctx) => update(ctx, { preliminary_opinion: ctx.input.note, closed_on: ctx.services.today() }) }),
    t({
      code: 'extend',
      name: { zh: '延长调查期限（经领导批准）', en: 'Extend the investigation' },
      from: ['investigation'],
      to: 'investigation',
      requireNote: true,
      dataSchema: CaseStep.empty,
      guards: [notExtended],
      effect: async (ctx) => {
        const d = await investigationDeadline(ctx);
        const days = await ruleValue<number>(ctx.tx, 'accountability.extension_working_days', ctx.instance.regionCode, ctx.services.today());
        const after = await extendDeadline(ctx.services, ctx.tx, actorForAudit(ctx.actor), d.id, days, ctx.input.note!);
        await update(ctx, { extended: true, investigation_due_on: after.due_date });
      },
    }),
    t({
      code: 'notify',
      name: { zh: '提出处理意见并告知当事人', en: 'Propose and notify' },
      from: ['investigation'],
      to: 'hearing',
      dataSchema: CaseStep.notice,
      closeDeadlines: [INVESTIGATION],
      effect: async (ctx) => {
        const d = data<{ notifiedOn: string }>(ctx);
        notAfterToday(ctx, d.notifiedOn, 'data.notifiedOn');
        notBefore(d.notifiedOn, (await caseOf(ctx)).filed_on, 'data.notifiedOn', '立案日期');
        await update(ctx, { notice: JSON.stringify(ctx.input.data), notified_on: d.notifiedOn });
      },
    }),
    t({
      code: 'record_statement',
      name: { zh: '记录陈述和申辩', en: 'Record the statement' },
      from: ['hearing'],
      to: 'hearing',
      dataSchema: CaseStep.statement,
      effect: async (ctx) => {
        const d = data<{ statedOn: string; waived: boolean; statement?: string }>(ctx);
        notAfterToday(ctx, d.statedOn, 'data.statedOn');
        notBefore(d.statedOn, (await caseOf(ctx)).notified_on, 'data.statedOn', '告知日期');
        if (!d.waived && !d.statement?.trim()) throw badInput('statement_required', 'data.statement', { zh: '未放弃陈述申辩的，须记录陈述和申辩的内容', en: 'Record the statement unless waived' });
        await update(ctx, { statement: JSON.stringify(ctx.input.data) });
      },
    }),
    t({
      code: 'decide',
      name: { zh: '作出处理决定', en: 'Decide' },
      from: ['hearing'],
      to: 'decided',
      dataSchema: CaseStep.decision,
      guards: [personHeard],
      effect: async (ctx) => {
        const d = data<{ decidedOn: string }>(ctx);
        notAfterToday(ctx, d.decidedOn, 'data.decidedOn');
        notBefore(d.decidedOn, ((await caseOf(ctx)).statement as { statedOn?: string } | null)?.statedOn ?? null, 'data.decidedOn', '陈述申辩日期');
        await update(ctx, { decision: JSON.stringify(ctx.input.data), decided_on: d.decidedOn });
      },
    }),
    t({
      code: 'appeal',
      name: { zh: '登记申诉（复核申请）', en: 'Register an appeal' },
      from: ['decided'],
      to: 'appeal',
      dataSchema: CaseStep.appeal,
      guards: [appealOpen],
      effect: async (ctx) => {
        const d = data<{ appealedOn: string }>(ctx);
        notAfterToday(ctx, d.appealedOn, 'data.appealedOn');
        notBefore(d.appealedOn, (await caseOf(ctx)).decided_on, 'data.appealedOn', '处理决定日期');
        await update(ctx, { appeal: JSON.stringify(ctx.input.data) });
      },
    }),
    t({
      code: 'review_appeal',
      name: { zh: '申诉复核决定', en: 'Decide the appeal' },
      from: ['appeal'],
      to: 'closed',
      dataSchema: CaseStep.appealReview,
      effect: async (ctx) => {
        const r = data<{ result: string; forms?: string[] }>(ctx);
        if (r.result === 'changed' && !r.forms?.length) throw badInput('forms_required', 'data.forms', { zh: '变更处理决定的，须写明变更后的处理', en: 'A changed decision names its forms' });
        const c = await caseOf(ctx);
        await update(ctx, { appeal: JSON.stringify({ ...(c.appeal as object), review: ctx.input.data, reviewedOn: ctx.services.today() }), closed_on: ctx.services.today() });
      },
    }),
    t({ code: 'close', name: { zh: '办结', en: 'Close' }, from: ['decided'], to: 'closed', dataSchema: CaseStep.empty, guards: [appealPeriodOver], effect: async (ctx) => update(ctx, { closed_on: ctx.services.today() }) }),
  ],
};
