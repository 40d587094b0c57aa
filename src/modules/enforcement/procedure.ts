import { Type } from '@sinclair/typebox';
import type { EffectContext, GuardContext, GuardDef, ProcedureDefinition, TransitionDef } from '../../core/workflow/types.ts';
import { badInput, conflict } from '../../core/http/errors.ts';
import { Id } from '../../core/http/schemas.ts';
import { startDeadline } from '../../core/calendar/deadlines.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { SEED000, SEED002 } from '../../core/rules/seeds.ts';
import { etx } from './schema.ts';
import { appendRecord, nextNumber } from './records.ts';
import { certifiedCount } from './officer-rules.ts';
import { bandDeviationOk, fineInBand, fromFen, hearingRight, lateSurchargeFen, legalReviewReasons, onSpotCollectionAllowed, toFen, type MajorReason } from './penalty-rules.ts';
import { Money, PENALTY_KINDS } from './contract.ts';
import { PENALTY_LAW } from './rules.ts';
import { checkOrder, checkPast } from './common.ts';
import { REVIEW_CHECKLIST } from './checklist.ts';

type Ctx = { tx: GuardContext['tx']; instance: { subjectId: string } };
export const caseOf = (ctx: Ctx) => etx(ctx.tx).selectFrom('enforcement_cases').selectAll().where('id', '=', Number(ctx.instance.subjectId)).executeTakeFirstOrThrow();
const caseId = (ctx: Ctx) => Number(ctx.instance.subjectId);
const data = <T>(ctx: { input: { data?: Record<string, unknown> } }) => (ctx.input.data ?? {}) as T;
const law = (article: string, quote: string) => ({ law: PENALTY_LAW, article, quote });
const hasRecord = async (ctx: Ctx, kind: string) => !!(await etx(ctx.tx).selectFrom('enforcement_records').select('id').where('case_id', '=', caseId(ctx)).where('kind', 'like', kind).executeTakeFirst());

async function thresholds(ctx: GuardContext | EffectContext, prefix: 'hearing' | 'legal_review', regionCode: string) {
  const today = ctx.services.today();
  const [person, org] = await Promise.all([ruleValue<number>(ctx.tx, `enforcement.${prefix}_fine_person`, regionCode, today), ruleValue<number>(ctx.tx, `enforcement.${prefix}_fine_org`, regionCode, today)]);
  return { person, org };
}

/** The fine and band the step is about: the step's input when given, else what the notice proposed. */
function penaltyOf(ctx: GuardContext | EffectContext, c: { proposed_fine: unknown; benchmark_id: number | null; band_deviation_reason: string | null; penalty_kind: string | null }) {
  const d = data<{ fine?: number; proposedFine?: number; benchmarkId?: number; deviationReason?: string; penaltyKind?: string }>(ctx);
  return {
    fine: d.fine ?? d.proposedFine ?? Number(c.proposed_fine ?? 0),
    benchmarkId: d.benchmarkId ?? c.benchmark_id,
    deviationReason: d.deviationReason ?? c.band_deviation_reason,
    penaltyKind: d.penaltyKind ?? c.penalty_kind ?? 'fine',
  };
}

async function bandOf(ctx: Ctx, powerId: number, benchmarkId: number | null | undefined) {
  if (!benchmarkId) return undefined;
  return etx(ctx.tx).selectFrom('enforcement_benchmarks').selectAll().where('id', '=', benchmarkId).where('power_id', '=', powerId).executeTakeFirst();
}

/** Why this case needs 法制审核 now (art. 58 and local thresholds). */
export async function reviewReasonsOf(ctx: GuardContext | EffectContext): Promise<MajorReason[]> {
  const c = await caseOf(ctx);
  const p = penaltyOf(ctx, c);
  const band = await bandOf(ctx, c.power_id, p.benchmarkId);
  return legalReviewReasons({ declared: c.major_reasons, hearingHeld: await hasRecord(ctx, 'hearing'), partyKind: c.party_kind, fine: p.fine, outsideBand: !!band && !fineInBand(p.fine, band) }, await thresholds(ctx, 'legal_review', c.region_code));
}

// ── guards ──────────────────────────────────────────────────────────────────

const twoOfficers: GuardDef = {
  code: 'two_certified_officers',
  message: { zh: '本案承办的持证执法人员（未回避、证件有效）不足法定人数', en: 'Fewer certified, non-recused officers on the case than the law requires' },
  basis: law('第四十二条', '行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有规定的除外'),
  check: async (ctx) => {
    const c = await caseOf(ctx);
    const rows = await etx(ctx.tx).selectFrom('enforcement_case_officers as co').innerJoin('enforcement_officers as e', 'e.id', 'co.officer_id').selectAll('e').where('co.case_id', '=', c.id).where('co.recused', '=', false).execute();
    return certifiedCount(rows, c.org_id, ctx.today) >= (await ctx.rule<number>('enforcement.officers_per_action'));
  },
};

const investigated: GuardDef = {
  code: 'investigation_required',
  message: { zh: '尚无调查取证记录，不能告知拟处罚', en: 'No investigation has been recorded yet' },
  basis: law('第五十四条', '行政机关发现公民、法人或者其他组织有依法应当给予行政处罚的行为的，必须全面、客观、公正地调查，收集有关证据'),
  check: (ctx) => hasRecord(ctx, 'action.%'),
};

const recusalsDecided: GuardDef = {
  code: 'recusal_pending',
  message: { zh: '尚有回避申请未作出决定', en: 'A recusal application awaits its decision' },
  basis: { law: SEED000, article: '五（四）3', quote: '行政执法主体在当事人提出回避申请之日起3个工作日内作出是否回避的决定' },
  check: async (ctx) => !(await etx(ctx.tx).selectFrom('enforcement_recusals').select('id').where('case_id', '=', caseId(ctx)).where('outcome', 'is', null).executeTakeFirst()),
};

const bandFits: GuardDef = {
  code: 'benchmark_band',
  message: { zh: '须引用本职权的裁量基准档次；处罚超出该档幅度的，须说明理由', en: 'Cite a benchmark band of the power; a penalty outside it needs a reason' },
  basis: { law: SEED002, article: '措施29', quote: '行政执法决定书中要将行政裁量权基准作为适用的依据' },
  inputOnly: true,
  check: async (ctx) => {
    const c = await caseOf(ctx);
    const p = penaltyOf(ctx, c);
    if (p.penaltyKind === 'no_penalty') return true;
    const band = await bandOf(ctx, c.power_id, p.benchmarkId);
    return !!band && bandDeviationOk(p.fine, band, p.deviationReason);
  },
};

/** The hearing request window (5 working days after notice) has passed, or the party spoke or waived. */
const statementPeriodOver: GuardDef = {
  code: 'statement_period_open',
  message: { zh: '当事人陈述申辩、要求听证的期限尚未届满（当事人明确放弃的除外）', en: 'The period to state, defend and request a hearing is still running' },
  basis: law('第六十四条', '当事人要求听证的，应当在行政机关告知后五日内提出'),
  check: async (ctx) => {
    const c = await caseOf(ctx);
    if (c.rights_waived || ctx.instance.state === 'hearing') return true;
    const d = await ctx.tx.selectFrom('deadlines').select('due_date').where('instance_id', '=', c.instance_id).where('kind', '=', 'enforcement.statement').orderBy('id', 'desc').executeTakeFirst();
    return !!d && d.due_date < ctx.today;
  },
};

const hearingAvailable: GuardDef = {
  code: 'hearing_not_available',
  message: { zh: '拟作出的处罚不属于应当告知听证权利的情形', en: 'The proposed penalty does not carry a right to a hearing' },
  basis: law('第六十三条', '较大数额罚款；没收较大数额违法所得、没收较大价值非法财物；降低资质等级、吊销许可证件；责令停产停业、责令关闭、限制从业；其他较重的行政处罚'),
  check: async (ctx) => (await caseOf(ctx)).hearing_right,
};

const hearingRequestInTime: GuardDef = {
  code: 'hearing_request_late',
  message: { zh: '当事人未在告知后五个工作日内要求听证', en: 'The hearing was not requested within five working days of the notice' },
  basis: law('第六十四条、第八十五条', '当事人要求听证的，应当在行政机关告知后五日内提出'),
  inputOnly: true,
  check: async (ctx) => {
    const c = await caseOf(ctx);
    const d = await ctx.tx.selectFrom('deadlines').select('due_date').where('instance_id', '=', c.instance_id).where('kind', '=', 'enforcement.statement').orderBy('id', 'desc').executeTakeFirst();
    const on = data<{ requestedOn?: string }>(ctx).requestedOn;
    return !!d && !!on && on <= d.due_date;
  },
};

const hearingNoticeInTime: GuardDef = {
  code: 'hearing_notice_short',
  message: { zh: '听证通知须在举行听证的七个工作日前送达当事人', en: 'The hearing notice must precede the hearing by seven working days' },
  basis: law('第六十四条、第八十五条', '行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点'),
  inputOnly: true,
  check: async (ctx) => {
    const d = data<{ noticeOn?: string; heldOn?: string }>(ctx);
    if (!d.noticeOn || !d.heldOn) return false;
    const days = await ctx.rule<number>('enforcement.hearing_notice_working_days');
    const cal = await ctx.services.calendar.get(ctx.tx);
    return cal.add(d.noticeOn, days, 'working').due <= d.heldOn;
  },
};

const hearingNotYetHeld: GuardDef = {
  code: 'hearing_held',
  message: { zh: '听证已经举行，笔录已入卷', en: 'The hearing has already been held' },
  basis: law('第六十五条', '听证结束后，行政机关应当根据听证笔录，依照本法第五十七条的规定，作出决定'),
  check: async (ctx) => !(await hasRecord(ctx, 'hearing')),
};

const presiderIndependent: GuardDef = {
  code: 'presider_is_investigator',
  message: { zh: '听证应由非本案调查人员主持', en: 'The hearing must be presided over by someone who did not investigate the case' },
  basis: law('第六十四条', '听证由行政机关指定的非本案调查人员主持'),
  inputOnly: true,
  check: async (ctx) => {
    const name = data<{ presider?: string }>(ctx).presider?.trim();
    const names = await etx(ctx.tx).selectFrom('enforcement_case_officers as co').innerJoin('enforcement_officers as e', 'e.id', 'co.officer_id').select('e.name').where('co.case_id', '=', caseId(ctx)).execute();
    return !!name && !names.some((n) => n.name === name);
  },
};

/** Skipping review is refused when any reason of art. 58 applies. */
const reviewNotRequired: GuardDef = {
  code: 'legal_review_required',
  message: { zh: '本案属于重大执法决定，未经法制审核或者审核未通过的，不得作出决定', en: 'A major decision needs a passed legal review first' },
  basis: law('第五十八条', '有下列情形之一，在行政机关负责人作出行政处罚的决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得作出决定'),
  check: async (ctx) => (await reviewReasonsOf(ctx)).length === 0,
};

const reviewPassedIfRequired: GuardDef = {
  ...reviewNotRequired,
  check: async (ctx) => {
    if ((await reviewReasonsOf(ctx)).length === 0) return true;
    const last = await etx(ctx.tx).selectFrom('enforcement_reviews').select('outcome').where('case_id', '=', caseId(ctx)).orderBy('id', 'desc').executeTakeFirst();
    return last?.outcome === 'pass';
  },
};

const collectiveIfRequired: GuardDef = {
  code: 'collective_decision_required',
  message: { zh: '情节复杂或者重大违法行为给予行政处罚，须经行政机关负责人集体讨论决定', en: 'Complex or serious cases are decided collectively by the heads of the agency' },
  basis: law('第五十七条第二款', '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定'),
  check: async (ctx) => {
    const c = await caseOf(ctx);
    const needed = c.major_reasons.some((r) => ['public_interest', 'complex', 'law_requires'].includes(r)) || (await hasRecord(ctx, 'hearing'));
    return !needed || (await hasRecord(ctx, 'collective'));
  },
};

const noticeGiven: GuardDef = {
  code: 'notice_required',
  message: { zh: '作出行政处罚决定前，须告知当事人拟作出处罚的内容及事实、理由、依据和依法享有的权利', en: 'The party must be told of the intended penalty and their rights first' },
  basis: law('第六十二条', '行政机关及其执法人员在作出行政处罚决定之前，未依照本法第四十四条、第四十五条的规定向当事人告知……不得作出行政处罚决定'),
  check: async (ctx) => !!(await caseOf(ctx)).notice_on,
};

const notHeavier: GuardDef = {
  code: 'heavier_than_notice',
  message: { zh: '决定的罚款不得高于告知的拟处罚数额（不得因当事人陈述申辩而加重处罚）；确需加重的，应重新告知', en: 'The decided fine may not exceed the notified one; give a new notice instead' },
  basis: law('第四十五条第二款', '行政机关不得因当事人陈述、申辩而给予更重的处罚'),
  inputOnly: true,
  check: async (ctx) => {
    const c = await caseOf(ctx);
    return toFen(penaltyOf(ctx, c).fine) <= toFen(c.proposed_fine);
  },
};

/** 罚缴分离: officers collect on the spot only small fines (art. 68); otherwise bank or e-payment. */
const channelAllowed: GuardDef = {
  code: 'onspot_collection_not_allowed',
  message: { zh: '作出罚款决定的行政机关应当与收缴罚款的机构分离；除依法可以当场收缴的小额罚款外，当事人须到指定银行或者通过电子支付系统缴纳', en: 'Fines are paid to the bank or e-payment channel; officers collect only small fines on the spot' },
  basis: law('第六十七条、第六十八条', '除依照本法第六十八条、第六十九条的规定当场收缴的罚款外，作出行政处罚决定的行政机关及其执法人员不得自行收缴罚款'),
  inputOnly: true,
  check: async (ctx) => {
    const d = data<{ channel?: string }>(ctx);
    if (d.channel !== 'onspot') return true;
    const c = await caseOf(ctx);
    return c.procedure_kind === 'simple' && onSpotCollectionAllowed(Number(c.fine_amount ?? 0), await ctx.rule<number>('enforcement.onspot_collection_max'));
  },
};

const amountDue: GuardDef = {
  code: 'payment_amount_mismatch',
  message: { zh: '缴款金额须等于罚款数额加逾期加处罚款（每日按罚款数额的3%，不超过罚款数额）', en: 'The amount must equal the fine plus the late surcharge (3 % a day, capped at the fine)' },
  basis: law('第七十二条', '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额'),
  inputOnly: true,
  check: async (ctx) => {
    const d = data<{ amount?: number; paidOn?: string }>(ctx);
    const c = await caseOf(ctx);
    if (!d.paidOn || d.amount == null || !c.payment_due) return false;
    const surcharge = lateSurchargeFen(c.fine_amount ?? 0, c.payment_due, d.paidOn, await ctx.rule<number>('enforcement.late_surcharge_percent_per_day'));
    return toFen(d.amount) === toFen(c.fine_amount) + surcharge;
  },
};

const paymentOverdue: GuardDef = {
  code: 'payment_not_overdue',
  message: { zh: '当事人缴纳罚款的期限尚未届满，不能采取强制执行措施', en: 'The payment period has not ended' },
  basis: law('第七十二条', '当事人到期不缴纳罚款的，作出行政处罚决定的行政机关可以采取下列措施'),
  check: async (ctx) => {
    const c = await caseOf(ctx);
    return !!c.payment_due && c.payment_due < ctx.today && !c.paid_on;
  },
};

const nothingToExecute: GuardDef = {
  code: 'execution_pending',
  message: { zh: '罚款尚未缴清（或强制执行尚未完毕），不能结案', en: 'The fine is unpaid or enforcement is not finished' },
  basis: law('第六十六条', '行政处罚决定依法作出后，当事人应当在行政处罚决定书载明的期限内，予以履行'),
  check: async (ctx) => {
    const c = await caseOf(ctx);
    return toFen(c.fine_amount) === 0 || !!c.paid_on || ctx.instance.state === 'executed';
  },
};

const checklistComplete: GuardDef = {
  code: 'review_checklist_incomplete',
  message: { zh: '审核通过前须逐项确认主体、权限、事实证据、定性与依据、程序、裁量和文书', en: 'Confirm every point of the review checklist first' },
  basis: { law: '国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见（国办发〔2018〕118号）', article: '（十三）', quote: '重点审核执法主体是否合法，执法人员是否具备执法资格；执法程序是否合法；案件事实是否清楚，证据是否合法充分；适用法律、法规、规章是否准确，裁量基准运用是否适当' },
  inputOnly: true,
  check: (ctx) => {
    const c = (data<{ checklist?: Record<string, boolean> }>(ctx).checklist ?? {});
    return REVIEW_CHECKLIST.every((k) => c[k] === true);
  },
};

// ── effects ─────────────────────────────────────────────────────────────────

const mirror = (extra?: (ctx: EffectContext) => Promise<void>) => async (ctx: EffectContext) => {
  await etx(ctx.tx).updateTable('enforcement_cases').set({ status: ctx.instance.state, updated_at: new Date() }).where('id', '=', caseId(ctx)).execute();
  if (extra) await extra(ctx);
};
const t = (def: TransitionDef): TransitionDef => ({ ...def, effect: mirror(def.effect) });
const record = async (ctx: EffectContext, kind: string, title: string, happenedOn: string, content: Record<string, unknown>) => appendRecord(ctx.tx, ctx.actor.userId, await caseOf(ctx), { kind, title, happenedOn, content: { ...content, note: ctx.input.note ?? null } });

async function startCaseDeadline(ctx: EffectContext, kind: string, title: string, ruleKey: string, startDate: string) {
  const c = await caseOf(ctx);
  return startDeadline(ctx.services, ctx.tx, actorForAudit(ctx.actor), { module: 'enforcement', kind, title: `${title}：${c.decision_no ?? c.case_no}`, subjectType: 'enforcement_case', subjectId: c.id, instanceId: ctx.instance.id, orgId: c.org_id, regionCode: c.region_code, startDate, ruleKey });
}

/** A dated act: a real day, not in the future, not before `after`. */
function actDate(ctx: EffectContext, value: string, field: string, after: string | null, what: { zh: string; en: string }) {
  checkPast(value, ctx.services.today(), field);
  checkOrder(after, value, field, what);
}

async function notify(ctx: EffectContext) {
  const d = data<{ noticeOn: string; reasons: string; legalBasis: string; penaltyKind: string; proposedFine: number; benchmarkId?: number; deviationReason?: string }>(ctx);
  const c = await caseOf(ctx);
  actDate(ctx, d.noticeOn, 'data.noticeOn', c.filed_on, { zh: '告知日期不能早于立案日期', en: 'The notice precedes the filing' });
  const right = hearingRight(c.party_kind, d.proposedFine, [d.penaltyKind], await thresholds(ctx, 'hearing', c.region_code));
  await etx(ctx.tx)
    .updateTable('enforcement_cases')
    .set({ notice_on: d.noticeOn, proposed_fine: d.proposedFine, penalty_kind: d.penaltyKind as never, benchmark_id: d.benchmarkId ?? null, band_deviation_reason: d.deviationReason ?? null, hearing_right: right, rights_waived: false })
    .where('id', '=', c.id)
    .execute();
  const days = await ruleValue<number>(ctx.tx, 'enforcement.hearing_request_working_days', c.region_code, d.noticeOn);
  await record(ctx, 'notice', '行政处罚事先告知书', d.noticeOn, {
    ...d,
    rights: right
      ? `当事人享有陈述、申辩的权利，并有权在收到本告知书之日起${days}个工作日内要求听证`
      : '当事人享有陈述、申辩的权利',
  });
  await startCaseDeadline(ctx, 'enforcement.statement', '陈述申辩、要求听证', 'enforcement.hearing_request_working_days', d.noticeOn);
}

async function decide(ctx: EffectContext) {
  const d = data<{ decidedOn: string; penaltyKind: string; fine: number; benchmarkId?: number; deviationReason?: string; otherPenalties?: string; decisionText: string; publicize: boolean }>(ctx);
  const c = await caseOf(ctx);
  actDate(ctx, d.decidedOn, 'data.decidedOn', c.notice_on, { zh: '决定日期不能早于告知日期', en: 'The decision precedes the notice' });
  if (d.penaltyKind === 'fine' && toFen(d.fine) === 0) throw badInput('fine_required', 'data.fine', { zh: '罚款决定的数额须大于零', en: 'A fine must be positive' });
  if (d.penaltyKind === 'no_penalty' && toFen(d.fine) > 0) throw badInput('fine_with_no_penalty', 'data.fine', { zh: '不予行政处罚的决定不能有罚款', en: 'A decision not to penalise carries no fine' });
  const subject = await etx(ctx.tx).selectFrom('enforcement_subjects').select('doc_prefix').where('org_id', '=', c.org_id).executeTakeFirstOrThrow();
  const year = Number(d.decidedOn.slice(0, 4));
  const decisionNo = `${subject.doc_prefix}${d.penaltyKind === 'no_penalty' ? '不罚' : '罚'}决字〔${year}〕${await nextNumber(ctx.tx, c.org_id, 'decision', year)}号`;
  const [reconDays, litigationMonths] = await Promise.all([ruleValue<number>(ctx.tx, 'reconsideration.application_days', c.region_code, d.decidedOn), ruleValue<number>(ctx.tx, 'enforcement.litigation_months', c.region_code, d.decidedOn)]);
  const org = await ctx.tx.selectFrom('orgs as o').leftJoin('orgs as p', 'p.id', 'o.parent_id').select(['o.name', 'p.name as parent_name']).where('o.id', '=', c.org_id).executeTakeFirstOrThrow();
  // Art. 59(五): the decision tells the party the channels and periods of review and suit.
  const rights = `如不服本决定，可以在收到本决定书之日起${reconDays}日内向${org.parent_name ?? '本级人民政府'}申请行政复议，或者在${litigationMonths}个月内依法向人民法院提起行政诉讼。`;
  const band = d.benchmarkId ? await etx(ctx.tx).selectFrom('enforcement_benchmarks').select(['band', 'circumstances']).where('id', '=', d.benchmarkId).executeTakeFirst() : undefined;
  const reviewReasons = await reviewReasonsOf(ctx);
  await etx(ctx.tx)
    .updateTable('enforcement_cases')
    .set({ decision_no: decisionNo, decided_on: d.decidedOn, penalty_kind: d.penaltyKind as never, fine_amount: d.fine, benchmark_id: d.benchmarkId ?? null, band_deviation_reason: d.deviationReason ?? null, other_penalties: d.otherPenalties ?? null, decision_text: d.decisionText, publicize: d.publicize, review_reasons: reviewReasons })
    .where('id', '=', c.id)
    .execute();
  await record(ctx, 'decision', '行政处罚决定书', d.decidedOn, { decisionNo, penaltyKind: d.penaltyKind, fine: d.fine, otherPenalties: d.otherPenalties ?? null, benchmark: band ? `${band.band}：${band.circumstances}` : null, deviationReason: d.deviationReason ?? null, text: d.decisionText, rights });
  await startCaseDeadline(ctx, 'enforcement.service', '送达处罚决定书', 'enforcement.service_working_days', d.decidedOn);
  if (d.publicize) await startCaseDeadline(ctx, 'enforcement.publicity', '公示执法决定', 'enforcement.publicity_working_days', d.decidedOn);
}

async function serve(ctx: EffectContext) {
  const d = data<{ servedOn: string; method: string }>(ctx);
  const c = await caseOf(ctx);
  actDate(ctx, d.servedOn, 'data.servedOn', c.decided_on, { zh: '送达日期不能早于决定日期', en: 'Service precedes the decision' });
  let paymentDue: string | null = null;
  if (toFen(c.fine_amount) > 0) {
    const dl = await startCaseDeadline(ctx, 'enforcement.payment', '缴纳罚款', 'enforcement.fine_payment_days', d.servedOn);
    paymentDue = dl.due_date;
  }
  await etx(ctx.tx).updateTable('enforcement_cases').set({ served_on: d.servedOn, service_method: d.method, payment_due: paymentDue }).where('id', '=', c.id).execute();
  await record(ctx, 'service', '送达回证', d.servedOn, d);
}

async function pay(ctx: EffectContext) {
  const d = data<{ channel: 'bank' | 'epay' | 'onspot'; receiptNo: string; paidOn: string; amount: number }>(ctx);
  const c = await caseOf(ctx);
  actDate(ctx, d.paidOn, 'data.paidOn', c.decided_on, { zh: '缴款日期不能早于决定日期', en: 'Payment precedes the decision' });
  const taken = await etx(ctx.tx).selectFrom('enforcement_payments').select('id').where('channel', '=', d.channel).where('receipt_no', '=', d.receiptNo).executeTakeFirst();
  if (taken) throw conflict('receipt_taken', { zh: `票据号 ${d.receiptNo} 已登记过`, en: `Receipt ${d.receiptNo} is already recorded` }, 'data.receiptNo');
  const surcharge = fromFen(toFen(d.amount) - toFen(c.fine_amount));
  await etx(ctx.tx).insertInto('enforcement_payments').values({ case_id: c.id, org_id: c.org_id, channel: d.channel, receipt_no: d.receiptNo, amount: d.amount, surcharge, paid_on: d.paidOn, recorded_by: ctx.actor.userId }).execute();
  await etx(ctx.tx).updateTable('enforcement_cases').set({ paid_on: d.paidOn, paid_amount: d.amount, surcharge }).where('id', '=', c.id).execute();
  await record(ctx, 'payment', d.channel === 'onspot' ? '当场收缴罚款（财政部门统一制发的罚款收据）' : '罚款缴纳凭证（代收机构回执）', d.paidOn, { ...d, surcharge });
}

// ── definitions ─────────────────────────────────────────────────────────────

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Empty = Type.Object({}, { additionalProperties: false });
const Penalty = Type.Union(PENALTY_KINDS.map((k) => Type.Literal(k)));
const Text = (max: number) => Type.String({ minLength: 2, maxLength: max });
const PaymentData = Type.Object({ channel: Type.Union([Type.Literal('bank'), Type.Literal('epay'), Type.Literal('onspot')]), receiptNo: Type.String({ minLength: 4, maxLength: 40 }), paidOn: IsoDate, amount: Money }, { additionalProperties: false });
const Checklist = Type.Object(Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, Type.Boolean()])), { additionalProperties: false });

const recordPayment = (from: string[]) =>
  t({ code: 'record_payment', name: { zh: '登记缴款（代收机构回执）', en: 'Record payment' }, from, to: 'executed', permission: 'enforcement.case.handle', dataSchema: PaymentData, guards: [channelAllowed, amountDue], closeDeadlines: ['enforcement.payment'], effect: pay });

const closeCase = (from: string[]) =>
  t({
    code: 'close',
    name: { zh: '结案归档', en: 'Close and archive' },
    from,
    to: 'closed',
    permission: 'enforcement.case.handle',
    dataSchema: Empty,
    guards: [nothingToExecute],
    effect: async (ctx) => {
      await etx(ctx.tx).updateTable('enforcement_cases').set({ closed_on: ctx.services.today() }).where('id', '=', caseId(ctx)).execute();
      await record(ctx, 'closing', '结案报告', ctx.services.today(), {});
    },
  });

const RECORD_STEP = (kind: string, title: string, dateField: string) => async (ctx: EffectContext) => {
  const d = data<Record<string, string>>(ctx);
  const c = await caseOf(ctx);
  actDate(ctx, d[dateField], `data.${dateField}`, c.filed_on, { zh: '日期不能早于立案日期', en: 'The date precedes the filing' });
  await record(ctx, kind, title, d[dateField], d);
};

/** 行政处罚一般程序 (行政处罚法 chapter V section 3), each step guarded by its article. */
export const caseProcedure: ProcedureDefinition = {
  code: 'enforcement.case',
  module: 'enforcement',
  name: { zh: '行政处罚（普通程序）', en: 'Administrative penalty (general procedure)' },
  subjectType: 'enforcement_case',
  initial: 'investigation',
  states: [
    { code: 'investigation', name: { zh: '调查取证', en: 'Investigation' } },
    { code: 'notified', name: { zh: '已告知（陈述申辩期）', en: 'Notified' } },
    { code: 'hearing', name: { zh: '听证', en: 'Hearing' } },
    { code: 'review', name: { zh: '法制审核', en: 'Legal review' } },
    { code: 'deciding', name: { zh: '待决定', en: 'Awaiting decision' } },
    { code: 'decided', name: { zh: '已决定待送达', en: 'Decided' } },
    { code: 'served', name: { zh: '已送达待履行', en: 'Served' } },
    { code: 'enforcing', name: { zh: '强制执行', en: 'Compulsory enforcement' } },
    { code: 'executed', name: { zh: '已执行', en: 'Executed' } },
    { code: 'closed', name: { zh: '结案归档', en: 'Closed' }, final: true },
    { code: 'transferred', name: { zh: '已移送', en: 'Transferred' }, final: true },
    { code: 'withdrawn', name: { zh: '已撤销立案', en: 'Withdrawn' }, final: true },
  ],
  transitions: [
    t({
      code: 'notify',
      name: { zh: '告知拟处罚（事先告知）', en: 'Give advance notice' },
      from: ['investigation'],
      to: 'notified',
      permission: 'enforcement.case.handle',
      dataSchema: Type.Object({ noticeOn: IsoDate, reasons: Text(5000), legalBasis: Text(2000), penaltyKind: Penalty, proposedFine: Money, benchmarkId: Type.Optional(Id), deviationReason: Type.Optional(Text(1000)) }, { additionalProperties: false }),
      guards: [twoOfficers, investigated, recusalsDecided, bandFits],
      effect: notify,
    }),
    t({
      code: 'request_hearing',
      name: { zh: '当事人要求听证', en: 'Party requests a hearing' },
      from: ['notified'],
      to: 'hearing',
      permission: 'enforcement.case.handle',
      dataSchema: Type.Object({ requestedOn: IsoDate }, { additionalProperties: false }),
      guards: [hearingAvailable, hearingRequestInTime],
      closeDeadlines: ['enforcement.statement'],
      effect: RECORD_STEP('hearing_request', '听证申请', 'requestedOn'),
    }),
    t({
      code: 'hold_hearing',
      name: { zh: '举行听证（记录笔录）', en: 'Hold the hearing' },
      from: ['hearing'],
      to: 'hearing',
      permission: 'enforcement.case.handle',
      dataSchema: Type.Object({ noticeOn: IsoDate, heldOn: IsoDate, presider: Type.String({ minLength: 2, maxLength: 30 }), transcript: Text(20000) }, { additionalProperties: false }),
      guards: [hearingNotYetHeld, hearingNoticeInTime, presiderIndependent],
      effect: async (ctx) => {
        const d = data<{ noticeOn: string; heldOn: string }>(ctx);
        checkOrder(d.noticeOn, d.heldOn, 'data.heldOn', { zh: '听证日期不能早于通知日期', en: 'The hearing precedes its notice' });
        await RECORD_STEP('hearing', '听证笔录', 'heldOn')(ctx);
      },
    }),
    t({
      code: 'submit_review',
      name: { zh: '提交法制审核', en: 'Submit for legal review' },
      from: ['notified', 'hearing'],
      to: 'review',
      permission: 'enforcement.case.handle',
      dataSchema: Empty,
      guards: [statementPeriodOver, recusalsDecided],
      closeDeadlines: ['enforcement.statement'],
      startDeadlines: [{ kind: 'enforcement.review', title: { zh: '法制审核', en: 'Legal review' }, ruleKey: 'enforcement.legal_review_working_days', assignee: 'none' }],
    }),
    t({ code: 'to_decision', name: { zh: '报请决定（无需法制审核）', en: 'Submit for decision (no review needed)' }, from: ['notified', 'hearing'], to: 'deciding', permission: 'enforcement.case.handle', dataSchema: Empty, guards: [statementPeriodOver, recusalsDecided, reviewNotRequired], closeDeadlines: ['enforcement.statement'] }),
    t({
      code: 'review_pass',
      name: { zh: '法制审核通过', en: 'Pass legal review' },
      from: ['review'],
      to: 'deciding',
      permission: 'enforcement.case.review',
      requireNote: true,
      dataSchema: Type.Object({ checklist: Checklist }, { additionalProperties: false }),
      guards: [checklistComplete],
      closeDeadlines: ['enforcement.review'],
      effect: async (ctx) => {
        const c = await caseOf(ctx);
        await etx(ctx.tx).insertInto('enforcement_reviews').values({ case_id: c.id, org_id: c.org_id, reviewer_id: ctx.actor.userId, outcome: 'pass', checklist: JSON.stringify(data<{ checklist: unknown }>(ctx).checklist), opinion: ctx.input.note ?? null }).execute();
        await record(ctx, 'review', '法制审核意见书（通过）', ctx.services.today(), {});
      },
    }),
    t({
      code: 'review_fail',
      name: { zh: '法制审核不通过（退回补充调查）', en: 'Fail legal review' },
      from: ['review'],
      to: 'investigation',
      permission: 'enforcement.case.review',
      requireNote: true,
      dataSchema: Type.Object({ checklist: Type.Optional(Checklist) }, { additionalProperties: false }),
      closeDeadlines: ['enforcement.review'],
      effect: async (ctx) => {
        const c = await caseOf(ctx);
        await etx(ctx.tx).insertInto('enforcement_reviews').values({ case_id: c.id, org_id: c.org_id, reviewer_id: ctx.actor.userId, outcome: 'fail', checklist: JSON.stringify(data<{ checklist?: unknown }>(ctx).checklist ?? {}), opinion: ctx.input.note ?? null }).execute();
        await etx(ctx.tx).updateTable('enforcement_cases').set({ notice_on: null }).where('id', '=', c.id).execute();
        await record(ctx, 'review', '法制审核意见书（不通过）', ctx.services.today(), {});
      },
    }),
    t({
      code: 'decide',
      name: { zh: '作出行政处罚决定', en: 'Decide' },
      from: ['deciding'],
      to: 'decided',
      permission: 'enforcement.case.decide',
      dataSchema: Type.Object(
        { decidedOn: IsoDate, penaltyKind: Penalty, fine: Money, benchmarkId: Type.Optional(Id), deviationReason: Type.Optional(Text(1000)), otherPenalties: Type.Optional(Text(500)), decisionText: Text(20000), publicize: Type.Boolean({ description: '具有一定社会影响，依法公开' }) },
        { additionalProperties: false },
      ),
      guards: [twoOfficers, recusalsDecided, noticeGiven, notHeavier, bandFits, reviewPassedIfRequired, collectiveIfRequired],
      closeDeadlines: ['enforcement.decision'],
      effect: decide,
    }),
    t({
      code: 'serve',
      name: { zh: '送达决定书', en: 'Serve the decision' },
      from: ['decided'],
      to: 'served',
      permission: 'enforcement.case.handle',
      dataSchema: Type.Object({ servedOn: IsoDate, method: Type.Union(['direct', 'left', 'post', 'electronic', 'entrusted', 'public'].map((m) => Type.Literal(m)), { description: '直接 / 留置 / 邮寄 / 电子 / 委托 / 公告送达' }) }, { additionalProperties: false }),
      closeDeadlines: ['enforcement.service'],
      effect: serve,
    }),
    recordPayment(['served']),
    t({
      code: 'apply_compulsory',
      name: { zh: '逾期不缴：加处罚款、申请强制执行', en: 'Compulsory enforcement' },
      from: ['served'],
      to: 'enforcing',
      permission: 'enforcement.case.decide',
      requireNote: true,
      dataSchema: Type.Object({ measure: Type.Union(['surcharge', 'auction', 'transfer_deposit', 'court'].map((m) => Type.Literal(m))), appliedOn: IsoDate }, { additionalProperties: false }),
      guards: [paymentOverdue],
      closeDeadlines: ['enforcement.payment'],
      effect: RECORD_STEP('compulsory', '强制执行', 'appliedOn'),
    }),
    t({
      code: 'compulsory_done',
      name: { zh: '强制执行完毕', en: 'Enforcement completed' },
      from: ['enforcing'],
      to: 'executed',
      permission: 'enforcement.case.handle',
      requireNote: true,
      dataSchema: Type.Object({ doneOn: IsoDate }, { additionalProperties: false }),
      effect: RECORD_STEP('compulsory_done', '强制执行结果', 'doneOn'),
    }),
    closeCase(['served', 'executed']),
    t({
      code: 'transfer',
      name: { zh: '移送（其他机关或司法机关）', en: 'Transfer the case' },
      from: ['investigation'],
      to: 'transferred',
      permission: 'enforcement.case.decide',
      requireNote: true,
      dataSchema: Type.Object({ receiverKind: Type.Union([Type.Literal('agency'), Type.Literal('judicial')], { description: 'agency=有管辖权的行政机关；judicial=涉嫌犯罪移送司法机关（行刑衔接）' }), receiver: Text(100), transferredOn: IsoDate }, { additionalProperties: false }),
      effect: async (ctx) => {
        const d = data<{ receiverKind: string; receiver: string }>(ctx);
        await etx(ctx.tx).updateTable('enforcement_cases').set({ transferred_to: `${d.receiverKind === 'judicial' ? '司法机关：' : ''}${d.receiver}` }).where('id', '=', caseId(ctx)).execute();
        await RECORD_STEP('transfer', d.receiverKind === 'judicial' ? '涉嫌犯罪案件移送书' : '案件移送函', 'transferredOn')(ctx);
      },
    }),
    t({ code: 'withdraw', name: { zh: '撤销立案', en: 'Withdraw the case' }, from: ['investigation'], to: 'withdrawn', permission: 'enforcement.case.decide', requireNote: true, dataSchema: Empty }),
  ],
};

/** 简易程序: decided and handed over on the spot; then payment and archiving. */
export const simpleProcedure: ProcedureDefinition = {
  code: 'enforcement.simple',
  module: 'enforcement',
  name: { zh: '行政处罚（简易程序）', en: 'Administrative penalty (on the spot)' },
  subjectType: 'enforcement_case',
  initial: 'decided',
  states: [
    { code: 'decided', name: { zh: '已当场决定', en: 'Decided on the spot' } },
    { code: 'executed', name: { zh: '已缴纳', en: 'Paid' } },
    { code: 'closed', name: { zh: '结案归档', en: 'Closed' }, final: true },
  ],
  transitions: [recordPayment(['decided']), closeCase(['decided', 'executed'])],
};
