import { Type } from '@sinclair/typebox';
import type { EffectContext, GuardDef, ProcedureDefinition, TransitionDef } from '../../core/workflow/types.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { badInput } from '../../core/http/errors.ts';
import { isValidIsoDate } from '../../core/calendar/dates.ts';
import { ntx } from './schema.ts';
import { CHECKLIST } from './checklist.ts';
import { addCalendarDays } from './validity.ts';
import { publishDocument, recordDecision, recordReview } from './service.ts';
import { SEED000, SEED002 } from '../../core/rules/seeds.ts';

/** The document behind an instance (subject_id is the document id). */
async function documentOf(ctx: { tx: EffectContext['tx']; instance: { subjectId: string } }) {
  return ntx(ctx.tx).selectFrom('normative_documents').selectAll().where('id', '=', Number(ctx.instance.subjectId)).executeTakeFirstOrThrow();
}

/** Every step mirrors the new state into the document row, in the same transaction. */
const mirrorState = (extra?: (ctx: EffectContext) => Promise<void>) => async (ctx: EffectContext) => {
  await ntx(ctx.tx).updateTable('normative_documents').set({ status: ctx.instance.state, updated_at: new Date() }).where('id', '=', Number(ctx.instance.subjectId)).execute();
  if (extra) await extra(ctx);
};

const issuerEligible: GuardDef = {
  code: 'issuer_not_eligible',
  message: { zh: '制定机关未经确认并公告为规范性文件制定主体，不得制定规范性文件', en: 'The issuing body is not a confirmed and announced issuer of normative documents' },
  basis: { law: SEED002, article: '措施17', quote: '凡没有被确定并公告的单位不能成为规范性文件制定的适格主体，不得制定规范性文件' },
  check: async (ctx) => {
    const doc = await documentOf(ctx);
    return !!(await ntx(ctx.tx).selectFrom('normative_issuers').select('org_id').where('org_id', '=', doc.issuer_org_id).where('active', '=', true).executeTakeFirst());
  },
};

const commentHeld: GuardDef = {
  code: 'public_comment_required',
  message: { zh: '涉及公民、法人和其他组织权利义务的规范性文件，须先向社会公开征求意见且征求意见期已届满', en: 'A document affecting rights and obligations needs a completed public comment period first' },
  basis: { law: SEED002, article: '措施16', quote: '对进入政府审查程序的……规范性文件草案，坚持通过网络、报纸等媒体向社会公开征求意见，期限一般不少于30日' },
  check: async (ctx) => {
    const doc = await documentOf(ctx);
    return !doc.affects_rights || (!!doc.comment_until && doc.comment_until < ctx.today);
  },
};

const commentPeriodOver: GuardDef = {
  code: 'comment_period_open',
  message: { zh: '征求意见期尚未届满，不能结束征求意见', en: 'The comment period has not ended yet' },
  basis: { law: SEED002, article: '措施16', quote: '向社会公开征求意见，期限一般不少于30日' },
  check: async (ctx) => {
    const doc = await documentOf(ctx);
    return !!doc.comment_until && doc.comment_until < ctx.today;
  },
};

const reviewPassed: GuardDef = {
  code: 'legality_review_required',
  message: { zh: '未经合法性审查或审查不合格的，不能提交会议讨论', en: 'Not without a passed legality review' },
  basis: { law: SEED000, article: '二（二）3', quote: '未经合法性审查或审查不合格的，不能提交会议讨论' },
  check: async (ctx) => {
    const last = await ntx(ctx.tx).selectFrom('normative_reviews').select('outcome').where('document_id', '=', Number(ctx.instance.subjectId)).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return !!last && last.outcome !== 'fail';
  },
};

const decisionRecorded: GuardDef = {
  code: 'collective_decision_required',
  message: { zh: '规范性文件须经集体讨论决定后方可公布', en: 'Publication needs a recorded collective decision' },
  basis: { law: SEED000, article: '二（二）3', quote: '政府规范性文件在提交政府常务会议审议前……部门规范性文件在提交部门会议审议前……进行合法性审查' },
  check: async (ctx) => !!(await ntx(ctx.tx).selectFrom('normative_decisions').select('id').where('document_id', '=', Number(ctx.instance.subjectId)).executeTakeFirst()),
};

const checklistComplete: GuardDef = {
  code: 'review_checklist_incomplete',
  message: { zh: '审查通过前须逐项确认制定主体、权限、依据、内容和程序合法', en: 'Confirm issuer, authority, basis, content and procedure before passing' },
  basis: { law: SEED002, article: '措施17', quote: '重点对制定主体、制定依据、内容、权限和程序等进行合法性审查并出具审查意见' },
  inputOnly: true,
  check: (ctx) => {
    const c = (ctx.input.data?.checklist ?? {}) as Record<string, boolean>;
    return CHECKLIST.every((k) => c[k] === true);
  },
};

const Checklist = Type.Object(Object.fromEntries(CHECKLIST.map((k) => [k, Type.Boolean()])), { additionalProperties: false });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const t = (def: Omit<TransitionDef, 'effect'> & { effect?: (ctx: EffectContext) => Promise<void> }): TransitionDef => ({ ...def, effect: mirrorState(def.effect) });

export const documentProcedure: ProcedureDefinition = {
  code: 'normative.document',
  module: 'normative',
  name: { zh: '规范性文件制定', en: 'Normative document' },
  subjectType: 'normative_document',
  initial: 'drafting',
  states: [
    { code: 'drafting', name: { zh: '起草', en: 'Drafting' } },
    { code: 'comment', name: { zh: '征求意见', en: 'Public comment' } },
    { code: 'review', name: { zh: '合法性审查', en: 'Legality review' } },
    { code: 'decision', name: { zh: '待集体讨论', en: 'Awaiting collective decision' } },
    { code: 'adopted', name: { zh: '已决定待公布', en: 'Adopted' } },
    { code: 'published', name: { zh: '已公布待备案', en: 'Published' } },
    { code: 'filed', name: { zh: '已报送备案', en: 'Filed' } },
    { code: 'expired', name: { zh: '已失效', en: 'Expired' }, final: true },
    { code: 'abolished', name: { zh: '已废止', en: 'Abolished' }, final: true },
    { code: 'withdrawn', name: { zh: '已撤回', en: 'Withdrawn' }, final: true },
  ],
  transitions: [
    t({
      code: 'open_comment',
      name: { zh: '公开征求意见', en: 'Open public comment' },
      from: ['drafting'],
      to: 'comment',
      permission: 'normative.draft',
      dataSchema: Type.Object({}, { additionalProperties: false }),
      effect: async (ctx) => {
        const days = await ruleValue<number>(ctx.tx, 'normative.comment_days', ctx.instance.regionCode, ctx.services.today());
        const from = ctx.services.today();
        await ntx(ctx.tx).updateTable('normative_documents').set({ comment_from: from, comment_until: addCalendarDays(from, days - 1) }).where('id', '=', Number(ctx.instance.subjectId)).execute();
      },
    }),
    t({ code: 'close_comment', name: { zh: '结束征求意见', en: 'Close public comment' }, from: ['comment'], to: 'drafting', permission: 'normative.draft', guards: [commentPeriodOver] }),
    t({ code: 'submit_review', name: { zh: '送合法性审查', en: 'Submit for legality review' }, from: ['drafting'], to: 'review', permission: 'normative.draft', guards: [issuerEligible, commentHeld] }),
    t({
      code: 'review_pass',
      name: { zh: '审查通过', en: 'Pass legality review' },
      from: ['review'],
      to: 'decision',
      permission: 'normative.review',
      requireNote: true,
      dataSchema: Type.Object({ outcome: Type.Union([Type.Literal('pass'), Type.Literal('pass_with_changes')]), checklist: Checklist }, { additionalProperties: false }),
      guards: [checklistComplete],
      effect: (ctx) => recordReview(ctx, ctx.input.data!.outcome as 'pass' | 'pass_with_changes'),
    }),
    t({
      code: 'review_fail',
      name: { zh: '审查不通过（退回起草）', en: 'Fail legality review' },
      from: ['review'],
      to: 'drafting',
      permission: 'normative.review',
      requireNote: true,
      dataSchema: Type.Object({ checklist: Type.Optional(Checklist) }, { additionalProperties: false }),
      effect: (ctx) => recordReview(ctx, 'fail'),
    }),
    t({
      code: 'decide',
      name: { zh: '集体讨论决定', en: 'Record collective decision' },
      from: ['decision'],
      to: 'adopted',
      permission: 'normative.decide',
      dataSchema: Type.Object({ meeting: Type.String({ minLength: 2, maxLength: 200 }), meetingDate: IsoDate, decision: Type.String({ minLength: 2, maxLength: 2000 }) }, { additionalProperties: false }),
      guards: [reviewPassed],
      effect: async (ctx) => {
        const d = ctx.input.data as { meeting: string; meetingDate: string; decision: string };
        if (!isValidIsoDate(d.meetingDate) || d.meetingDate > ctx.services.today()) throw badInput('invalid_date', 'data.meetingDate', { zh: '会议日期无效或晚于今天', en: 'The meeting date is invalid or in the future' });
        await recordDecision(ctx, d);
      },
    }),
    t({
      code: 'publish',
      name: { zh: '统一登记编号并公布', en: 'Register, number and publish' },
      from: ['adopted'],
      to: 'published',
      permission: 'normative.publish',
      dataSchema: Type.Object({ effectiveOn: Type.Optional(IsoDate) }, { additionalProperties: false }),
      guards: [decisionRecorded],
      startDeadlines: [{ kind: 'normative.filing', title: { zh: '报送备案', en: 'Filing' }, ruleKey: 'normative.filing_days', assignee: 'none' }],
      effect: (ctx) => publishDocument(ctx, ctx.input.data?.effectiveOn as string | undefined),
    }),
    t({ code: 'file', name: { zh: '报送备案', en: 'File with the superior body' }, from: ['published'], to: 'filed', permission: 'normative.file', closeDeadlines: ['normative.filing'] }),
    t({ code: 'abolish', name: { zh: '废止', en: 'Abolish' }, from: ['published', 'filed'], to: 'abolished', permission: 'normative.publish', requireNote: true }),
    t({ code: 'withdraw', name: { zh: '撤回', en: 'Withdraw' }, from: ['drafting', 'comment', 'review', 'decision', 'adopted'], to: 'withdrawn', permission: 'normative.draft', requireNote: true }),
  ],
};
