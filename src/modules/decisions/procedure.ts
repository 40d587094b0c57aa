import type { EffectContext, GuardContext, GuardDef, ProcedureDefinition, TransitionDef } from '../../core/workflow/types.ts';
import { badInput } from '../../core/http/errors.ts';
import { startDeadline } from '../../core/calendar/deadlines.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { DECISION, SEED000, SEED001, SEED002 } from '../../core/rules/seeds.ts';
import { checkNotFuture, checkPeriod } from './common.ts';
import { SUBJECT_TYPE, BASIS_COMMENT } from './decisions.ts';
import { dtx } from './schema.ts';
import { insertExpertOpinion } from './expert-opinions.ts';
import { StepData } from './decision-contract.ts';
import {
  commentPeriodLongEnough, commentPeriodOver, hearingComplete, hearingNeeded, headReasonOk, legalHeadAttended, meetingAfterReview, reviewMayConclude, riskAllowsDecision, viewsComplete, missingRiskItems, type Attendee, type HeadDecision,
} from './decision-rules.ts';

type Ctx = { tx: GuardContext['tx']; instance: { subjectId: string } };
const decisionOf = (ctx: Ctx) => dtx(ctx.tx).selectFrom('decisions').selectAll().where('id', '=', Number(ctx.instance.subjectId)).executeTakeFirstOrThrow();
const data = <T>(ctx: { input: { data?: Record<string, unknown> } }) => (ctx.input.data ?? {}) as T;
const law = (article: string, quote: string) => ({ law: DECISION, article, quote });
const count = async (ctx: Ctx, table: 'decision_comments' | 'decision_expert_opinions', unanswered = false) => {
  let q = dtx(ctx.tx).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('decision_id', '=', Number(ctx.instance.subjectId));
  if (unanswered) q = q.where('answer' as never, 'is', null);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

/** The first day the legality review may conclude: submission + the minimum working days (art. 26). */
async function reviewEarliest(ctx: GuardContext, submittedOn: string | null) {
  if (!submittedOn) return null;
  const cal = await ctx.services.calendar.get(ctx.tx);
  return cal.add(submittedOn, await ctx.rule<number>('decision.legality_review_working_days'), 'working').due;
}

// ── guards ──────────────────────────────────────────────────────────────────

const commentLongEnough: GuardDef = {
  code: 'comment_period_short',
  message: { zh: '公开征求意见的期限不得少于规定的天数（一般不少于30日）', en: 'The public comment period is shorter than the rule requires (30 days)' },
  basis: BASIS_COMMENT,
  inputOnly: true,
  check: async (ctx) => {
    const d = data<{ commentFrom?: string; commentUntil?: string }>(ctx);
    return !!d.commentFrom && !!d.commentUntil && commentPeriodLongEnough(d.commentFrom, d.commentUntil, await ctx.rule<number>('decision.comment_days'));
  },
};

const commentOver: GuardDef = {
  code: 'comment_period_running',
  message: { zh: '公开征求意见期限尚未届满', en: 'The public comment period is still running' },
  basis: BASIS_COMMENT,
  check: async (ctx) => commentPeriodOver(ctx.today, (await decisionOf(ctx)).comment_until),
};

const commentsAnswered: GuardDef = {
  code: 'comments_unanswered',
  message: { zh: '尚有公众意见未研究答复', en: 'Some public comments have not been answered' },
  basis: law('第十五条', '决策承办单位应当……对社会公众提出的意见进行归类整理、研究论证，充分采纳合理意见，完善决策草案'),
  check: async (ctx) => (await count(ctx, 'decision_comments', true)) === 0,
};

const hearingHeld: GuardDef = {
  code: 'hearing_required',
  message: { zh: '该事项列入听证目录（或依法应当听证），须先举行听证并记录听证参加人和听证笔录', en: 'The item needs a hearing: record it (participants and record) first' },
  basis: { law: SEED000, article: '三（三）1', quote: '听证参加人具有广泛代表性；听证程序合法规范；听证意见采纳情况及理由应向社会公布' },
  check: async (ctx) => {
    const d = await decisionOf(ctx);
    const item = d.catalogue_item_id ? await dtx(ctx.tx).selectFrom('decision_catalogue_items').select('hearing_required').where('id', '=', d.catalogue_item_id).executeTakeFirst() : undefined;
    return !hearingNeeded(item?.hearing_required, d.hearing_required) || hearingComplete(d.hearing as never);
  },
};

const expertAssigned: GuardDef = {
  code: 'expert_not_assigned',
  message: { zh: '论证意见须出自经抽取或选定参加本事项论证的专家', en: 'The opinion must come from an expert drawn or chosen for this decision' },
  basis: { law: SEED002, article: '措施23', quote: '选择论证专家要注重专业性、代表性、均衡性，支持其独立开展工作' },
  inputOnly: true,
  check: async (ctx) => {
    const expertId = data<{ expertId?: number }>(ctx).expertId;
    if (!expertId) return false;
    return !!(await dtx(ctx.tx).selectFrom('decision_expert_assignments').select('id').where('subject_type', '=', SUBJECT_TYPE).where('subject_id', '=', ctx.instance.subjectId).where('expert_id', '=', expertId).executeTakeFirst());
  },
};

const expertOpinionsGiven: GuardDef = {
  code: 'expert_opinion_required',
  message: { zh: '尚无专家书面论证意见', en: 'No written expert opinion yet' },
  basis: law('第十九条', '对专业性、技术性较强的决策事项，决策承办单位应当组织专家、专业机构论证其必要性、可行性、科学性等'),
  check: async (ctx) => (await count(ctx, 'decision_expert_opinions')) >= (await ctx.rule<number>('decision.min_expert_opinions')),
};

const RISK_BASIS = { law: SEED000, article: '三（三）2', quote: '科学评估决策风险，并制定相应的处置预案，未经评估或者评估不通过的，不予决策' };
const riskPassed: GuardDef = {
  code: 'risk_assessment_required',
  message: { zh: '未经风险评估或者评估不通过的，不予决策（不得送请合法性审查）', en: 'No passed risk assessment: the draft cannot go further' },
  basis: RISK_BASIS,
  check: async (ctx) => riskAllowsDecision((await decisionOf(ctx)).risk as never),
};

const REVIEW_BASIS = { law: SEED000, article: '三（四）2', quote: '重大行政决策提请审议前，必须通过本级政府法制机构或者部门法制机构进行合法性审查。未经合法性审查或者经审查未通过的，不予提交会议讨论' };
const reviewTimeRun: GuardDef = {
  code: 'review_time_short',
  message: { zh: '合法性审查时间不足：自送审之日起一般不少于7个工作日', en: 'The legality review has not had its minimum time (7 working days)' },
  basis: law('第二十六条', '送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日'),
  check: async (ctx) => reviewMayConclude(ctx.today, await reviewEarliest(ctx, (await decisionOf(ctx)).review_submitted_on)),
};

const adviserOpinionOfDecision: GuardDef = {
  code: 'adviser_opinion_required',
  message: { zh: '合法性审查须附本事项的法律顾问意见', en: "The review needs a legal adviser's opinion on this decision" },
  basis: { law: SEED000, article: '三（一）', quote: '设立法律顾问机构或专兼职人员，为行政决策提供法律咨询意见' },
  inputOnly: true,
  check: async (ctx) => {
    const id = data<{ adviserOpinionId?: number }>(ctx).adviserOpinionId;
    return !!id && !!(await dtx(ctx.tx).selectFrom('decision_adviser_opinions').select('id').where('id', '=', id).where('subject_type', '=', SUBJECT_TYPE).where('subject_id', '=', ctx.instance.subjectId).executeTakeFirst());
  },
};

const reviewPassed: GuardDef = {
  code: 'legality_review_required',
  message: { zh: '未经合法性审查或者经审查未通过的，不予提交会议讨论', en: 'No passed legality review: the draft cannot go to the meeting' },
  basis: REVIEW_BASIS,
  check: async (ctx) => (await decisionOf(ctx)).review_passed === true && ctx.instance.state === 'discussion',
};

const meetingDated: GuardDef = {
  code: 'meeting_before_review',
  message: { zh: '集体讨论的会议日期不能早于合法性审查结论的日期', en: 'The meeting cannot be dated before the legality review concluded' },
  basis: REVIEW_BASIS,
  inputOnly: true,
  check: async (ctx) => meetingAfterReview(data<{ heldOn?: string }>(ctx).heldOn, (await decisionOf(ctx)).review_concluded_on),
};

const legalHeadPresent: GuardDef = {
  code: 'legal_head_absent',
  message: { zh: '讨论重大行政决策，法制机构主要负责人应当列席会议', en: 'The head of the legal-affairs office must attend' },
  basis: { law: SEED001, article: '三（二）4', quote: '重大行政决策应当经政府常务会议或者领导班子会议集体讨论决定，法制机构主要负责人应当列席会议' },
  inputOnly: true,
  check: (ctx) => legalHeadAttended(data<{ attendees?: Attendee[] }>(ctx).attendees ?? []),
};

const viewsRecorded: GuardDef = {
  code: 'member_views_missing',
  message: { zh: '须记录行政首长和每位会议组成人员的意见', en: "Record the head and each member's view" },
  basis: law('第三十条、第三十一条', '讨论决策草案，会议组成人员应当充分发表意见，行政首长最后发表意见……集体讨论决定情况应当如实记录，不同意见应当如实载明'),
  inputOnly: true,
  check: (ctx) => viewsComplete(data<{ attendees?: Attendee[] }>(ctx).attendees ?? []),
};

const headReasonGiven: GuardDef = {
  code: 'head_reason_required',
  message: { zh: '行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由', en: 'Deciding against the majority requires the stated reason' },
  basis: { law: SEED002, article: '措施26', quote: '行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由' },
  inputOnly: true,
  check: (ctx) => {
    const d = data<{ attendees?: Attendee[]; headDecision?: HeadDecision; headReason?: string }>(ctx);
    return !!d.headDecision && headReasonOk(d.attendees ?? [], d.headDecision, d.headReason);
  },
};

const meetingGuards = [reviewPassed, meetingDated, legalHeadPresent, viewsRecorded, headReasonGiven];

const EVALUATION_BASIS = law('第三十七条', '决策后评估结果应当作为调整重大行政决策的重要依据');
type Conclusion = 'continue' | 'adjust' | 'stop';
/** The step that follows a post-evaluation must be the one its conclusion calls for. */
const concluded = (conclusion: Conclusion, code: string, zh: string, en: string): GuardDef => ({
  code,
  message: { zh, en },
  basis: EVALUATION_BASIS,
  check: async (ctx) => ((await decisionOf(ctx)).evaluation as { conclusion?: Conclusion } | null)?.conclusion === conclusion,
});
const evaluatedToAdjust = concluded('adjust', 'evaluation_not_adjust', '后评估结论为"调整"的，方可调整后继续执行', 'Only a decision evaluated as "adjust" is adjusted');
const evaluatedToContinue = concluded('continue', 'evaluation_not_continue', '后评估结论为"调整"或"停止执行"的，须先调整或停止执行，不能直接办结', 'An evaluation concluding "adjust" or "stop" must be acted on before closing');

// ── effects ─────────────────────────────────────────────────────────────────

const mirror = (extra?: (ctx: EffectContext) => Promise<void>) => async (ctx: EffectContext) => {
  await dtx(ctx.tx).updateTable('decisions').set({ status: ctx.instance.state, updated_at: new Date() }).where('id', '=', Number(ctx.instance.subjectId)).execute();
  if (extra) await extra(ctx);
};
const t = (def: TransitionDef): TransitionDef => ({ ...def, effect: mirror(def.effect) });
async function update(ctx: EffectContext, values: Record<string, unknown>) {
  await dtx(ctx.tx).updateTable('decisions').set(values).where('id', '=', Number(ctx.instance.subjectId)).execute();
}
const past = (ctx: EffectContext, value: string, field: string) => checkNotFuture(value, ctx.services.today(), field);

async function openComment(ctx: EffectContext) {
  const d = data<{ commentFrom: string; commentUntil: string }>(ctx);
  checkPeriod(d.commentFrom, d.commentUntil, 'data.commentUntil');
  if (d.commentFrom < ctx.services.today()) throw badInput('comment_from_past', 'data.commentFrom', { zh: '征求意见的开始日期不能早于今天', en: 'The period cannot start in the past' });
  await update(ctx, { comment_from: d.commentFrom, comment_until: d.commentUntil });
  // The period is the supervised deadline of this step: close (and answer) after it ends.
  await startDeadline(ctx.services, ctx.tx, actorForAudit(ctx.actor), { module: 'decisions', kind: 'decisions.comment', title: `公开征求意见：${ctx.instance.title}`, subjectType: SUBJECT_TYPE, subjectId: ctx.instance.subjectId, instanceId: ctx.instance.id, orgId: ctx.instance.orgId, regionCode: ctx.instance.regionCode, startDate: ctx.services.today(), dueOn: d.commentUntil });
}

async function recordHearing(ctx: EffectContext) {
  const d = data<{ heldOn: string }>(ctx);
  past(ctx, d.heldOn, 'data.heldOn');
  const dec = await decisionOf(ctx);
  if (dec.comment_from && d.heldOn < dec.comment_from) throw badInput('hearing_before_comment', 'data.heldOn', { zh: '听证日期不能早于决策草案公布（征求意见开始）之日', en: 'The hearing precedes the publication of the draft' });
  await update(ctx, { hearing: JSON.stringify(ctx.input.data) });
}

async function recordExpertOpinion(ctx: EffectContext) {
  const d = data<{ expertId: number; opinion: string; givenOn: string }>(ctx);
  past(ctx, d.givenOn, 'data.givenOn');
  await insertExpertOpinion(ctx.tx, { decisionId: Number(ctx.instance.subjectId), orgId: ctx.instance.orgId, expertId: d.expertId, opinion: d.opinion, givenOn: d.givenOn, recordedBy: ctx.actor.userId });
}

async function assessRisk(ctx: EffectContext) {
  const d = data<{ items: { kind: string }[]; assessedOn: string }>(ctx);
  past(ctx, d.assessedOn, 'data.assessedOn');
  const missing = missingRiskItems(d.items);
  if (missing.length) throw badInput('risk_items_missing', 'data.items', { zh: `风险评估须逐项评估：尚缺 ${missing.join('、')}`, en: `Risk items missing: ${missing.join(', ')}` });
  if (new Set(d.items.map((i) => i.kind)).size !== d.items.length) throw badInput('risk_items_duplicate', 'data.items', { zh: '同一风险项只能评估一次', en: 'A risk item is assessed twice' });
  await update(ctx, { risk: JSON.stringify(ctx.input.data) });
}

async function concludeReview(ctx: EffectContext, passed: boolean) {
  await update(ctx, { review_concluded_on: ctx.services.today(), review_passed: passed, review_opinion: ctx.input.note ?? null, adviser_opinion_id: data<{ adviserOpinionId: number }>(ctx).adviserOpinionId });
}

async function decide(ctx: EffectContext, adopt: boolean) {
  const d = data<{ heldOn: string; headDecision: HeadDecision }>(ctx);
  past(ctx, d.heldOn, 'data.heldOn');
  if ((d.headDecision !== 'reject') !== adopt) throw badInput('head_decision_mismatch', 'data.headDecision', { zh: adopt ? '行政首长决定不予通过的，请执行"不予通过"' : '行政首长决定通过的，请执行"通过"', en: 'The step does not match the head\'s decision' });
  await update(ctx, { meeting: JSON.stringify(ctx.input.data), decided_on: d.heldOn });
}

async function publish(ctx: EffectContext) {
  const d = data<{ publishedOn: string; explanation: string }>(ctx);
  past(ctx, d.publishedOn, 'data.publishedOn');
  const dec = await decisionOf(ctx);
  if (dec.decided_on && d.publishedOn < dec.decided_on) throw badInput('published_before_decision', 'data.publishedOn', { zh: '公布日期不能早于决定日期', en: 'Publication precedes the decision' });
  await update(ctx, { published_on: d.publishedOn, explanation: d.explanation.trim() });
}

async function reportProgress(ctx: EffectContext) {
  const d = data<{ reportedOn: string; progress: string; problems?: string }>(ctx);
  past(ctx, d.reportedOn, 'data.reportedOn');
  await dtx(ctx.tx).insertInto('decision_progress_reports').values({ decision_id: Number(ctx.instance.subjectId), org_id: ctx.instance.orgId, reported_on: d.reportedOn, progress: d.progress.trim(), problems: d.problems?.trim() || null, reported_by: ctx.actor.userId }).execute();
}

// ── definition ──────────────────────────────────────────────────────────────

const HANDLE = 'decisions.handle';
const REVIEW = 'decisions.review';
const DECIDE = 'decisions.decide';
const progressDeadline = [{ kind: 'decisions.progress', title: { zh: '报告决策执行情况', en: 'Report implementation' }, ruleKey: 'decision.progress_report_months', assignee: 'none' as const }];
/** The day a published decision is due for post-evaluation (a local rule; closed by the evaluation). */
const evaluationDeadline = { kind: 'decisions.evaluation', title: { zh: '开展决策后评估', en: 'Post-evaluation' }, ruleKey: 'decision.evaluation_due_months', assignee: 'none' as const };

/** 重大行政决策程序 (条例 chapters II–IV): the five statutory procedures, publication, tracking, post-evaluation. */
export const decisionProcedure: ProcedureDefinition = {
  code: 'decisions.decision',
  module: 'decisions',
  name: { zh: '重大行政决策', en: 'Major administrative decision' },
  subjectType: SUBJECT_TYPE,
  initial: 'initiated',
  states: [
    { code: 'initiated', name: { zh: '已起动', en: 'Initiated' } },
    { code: 'planned', name: { zh: '拟订方案', en: 'Draft plan' } },
    { code: 'comment', name: { zh: '公众参与', en: 'Public participation' } },
    { code: 'argumentation', name: { zh: '专家论证', en: 'Expert argumentation' } },
    { code: 'risk', name: { zh: '风险评估', en: 'Risk assessment' } },
    { code: 'legality', name: { zh: '合法性审查', en: 'Legality review' } },
    { code: 'discussion', name: { zh: '待集体讨论决定', en: 'Awaiting collective decision' } },
    { code: 'decided', name: { zh: '已决定待公布', en: 'Decided' } },
    { code: 'implementing', name: { zh: '执行中', en: 'Implementing' } },
    { code: 'suspended', name: { zh: '暂停执行', en: 'Suspended' } },
    { code: 'evaluated', name: { zh: '已后评估', en: 'Evaluated' } },
    { code: 'rejected', name: { zh: '决定不予通过', en: 'Not adopted' }, final: true },
    { code: 'stopped', name: { zh: '已停止执行', en: 'Stopped' }, final: true },
    { code: 'closed', name: { zh: '已办结', en: 'Closed' }, final: true },
  ],
  transitions: [
    t({ code: 'draft_plan', name: { zh: '拟订决策草案（方案）', en: 'Draft the plan' }, from: ['initiated', 'planned'], to: 'planned', permission: HANDLE, dataSchema: StepData.plan, effect: async (ctx) => update(ctx, { plan_text: data<{ planText: string }>(ctx).planText.trim() }) }),
    t({ code: 'open_comment', name: { zh: '公开征求意见', en: 'Open public comment' }, from: ['planned'], to: 'comment', permission: HANDLE, dataSchema: StepData.openComment, guards: [commentLongEnough], effect: openComment }),
    t({ code: 'record_hearing', name: { zh: '举行听证（参加人名单、笔录）', en: 'Record the hearing' }, from: ['comment'], to: 'comment', permission: HANDLE, dataSchema: StepData.hearing, effect: recordHearing }),
    t({ code: 'close_comment', name: { zh: '结束公众参与（公布意见采纳情况）', en: 'Close public participation' }, from: ['comment'], to: 'argumentation', permission: HANDLE, dataSchema: StepData.closeComment, guards: [commentOver, commentsAnswered, hearingHeld], closeDeadlines: ['decisions.comment'], effect: async (ctx) => update(ctx, { adoption_summary: data<{ adoptionSummary: string }>(ctx).adoptionSummary.trim() }) }),
    t({ code: 'record_expert_opinion', name: { zh: '登记专家书面论证意见', en: "Record an expert's opinion" }, from: ['argumentation'], to: 'argumentation', permission: HANDLE, dataSchema: StepData.expertOpinion, guards: [expertAssigned], effect: recordExpertOpinion }),
    t({ code: 'finish_argumentation', name: { zh: '完成专家论证', en: 'Finish expert argumentation' }, from: ['argumentation'], to: 'risk', permission: HANDLE, dataSchema: StepData.empty, guards: [expertOpinionsGiven] }),
    t({ code: 'assess_risk', name: { zh: '登记风险评估（风险等级、处置预案）', en: 'Record the risk assessment' }, from: ['risk'], to: 'risk', permission: HANDLE, dataSchema: StepData.risk, effect: assessRisk }),
    t({ code: 'submit_review', name: { zh: '送请合法性审查', en: 'Submit for legality review' }, from: ['risk'], to: 'legality', permission: HANDLE, dataSchema: StepData.empty, guards: [riskPassed], effect: async (ctx) => update(ctx, { review_submitted_on: ctx.services.today(), review_passed: null, review_concluded_on: null }) }),
    t({ code: 'review_pass', name: { zh: '合法性审查通过', en: 'Pass the legality review' }, from: ['legality'], to: 'discussion', permission: REVIEW, requireNote: true, dataSchema: StepData.review, guards: [reviewTimeRun, adviserOpinionOfDecision], effect: (ctx) => concludeReview(ctx, true) }),
    t({ code: 'review_fail', name: { zh: '合法性审查不通过（退回修改）', en: 'Fail the legality review' }, from: ['legality'], to: 'risk', permission: REVIEW, requireNote: true, dataSchema: StepData.review, guards: [reviewTimeRun, adviserOpinionOfDecision], effect: (ctx) => concludeReview(ctx, false) }),
    t({ code: 'decide', name: { zh: '集体讨论决定（通过）', en: 'Decide collectively (adopt)' }, from: ['legality', 'discussion'], to: 'decided', permission: DECIDE, dataSchema: StepData.meeting, guards: meetingGuards, effect: (ctx) => decide(ctx, true) }),
    t({ code: 'reject', name: { zh: '集体讨论决定（不予通过）', en: 'Decide collectively (reject)' }, from: ['legality', 'discussion'], to: 'rejected', permission: DECIDE, dataSchema: StepData.meeting, guards: meetingGuards, effect: (ctx) => decide(ctx, false) }),
    t({ code: 'publish', name: { zh: '公布决策', en: 'Publish the decision' }, from: ['decided'], to: 'implementing', permission: DECIDE, dataSchema: StepData.publish, startDeadlines: [...progressDeadline, evaluationDeadline], effect: publish }),
    t({ code: 'report_progress', name: { zh: '报告决策执行情况', en: 'Report implementation progress' }, from: ['implementing'], to: 'implementing', permission: HANDLE, dataSchema: StepData.progress, closeDeadlines: ['decisions.progress'], startDeadlines: progressDeadline, effect: reportProgress }),
    t({ code: 'suspend', name: { zh: '暂停执行', en: 'Suspend' }, from: ['implementing'], to: 'suspended', permission: DECIDE, requireNote: true, dataSchema: StepData.empty, pauseDeadlines: ['decisions.progress'] }),
    t({ code: 'resume', name: { zh: '恢复执行', en: 'Resume' }, from: ['suspended'], to: 'implementing', permission: DECIDE, requireNote: true, dataSchema: StepData.empty, resumeDeadlines: ['decisions.progress'] }),
    t({ code: 'stop', name: { zh: '停止执行', en: 'Stop' }, from: ['implementing', 'suspended', 'evaluated'], to: 'stopped', permission: DECIDE, requireNote: true, dataSchema: StepData.empty, effect: async (ctx) => update(ctx, { closed_on: ctx.services.today() }) }),
    t({ code: 'evaluate', name: { zh: '决策后评估', en: 'Post-evaluation' }, from: ['implementing'], to: 'evaluated', permission: HANDLE, dataSchema: StepData.evaluation, closeDeadlines: ['decisions.progress', 'decisions.evaluation'], effect: async (ctx) => update(ctx, { evaluation: JSON.stringify({ ...ctx.input.data, evaluatedOn: ctx.services.today() }) }) }),
    // 条例 art. 37: the evaluation's conclusion decides what follows. An adjustment (its content
    // is the note) returns the decision to implementation with its report deadline restarted.
    t({ code: 'adjust', name: { zh: '依后评估结论调整后继续执行', en: 'Adjust after evaluation and resume' }, from: ['evaluated'], to: 'implementing', permission: DECIDE, requireNote: true, dataSchema: StepData.empty, guards: [evaluatedToAdjust], startDeadlines: progressDeadline }),
    t({ code: 'close', name: { zh: '办结归档', en: 'Close' }, from: ['evaluated'], to: 'closed', permission: DECIDE, dataSchema: StepData.empty, guards: [evaluatedToContinue], effect: async (ctx) => update(ctx, { closed_on: ctx.services.today() }) }),
  ],
};
