import { Type } from '@sinclair/typebox';
import type { EffectContext, GuardContext, GuardDef, ProcedureDefinition, TransitionDef } from '../../core/workflow/types.ts';
import { badInput } from '../../core/http/errors.ts';
import { isValidIsoDate } from '../../core/calendar/dates.ts';
import { inScope, orgFacts } from '../../core/policy/scope.ts';
import { Id } from '../../core/http/schemas.ts';
import { SEED000, SEED001, SEED002 } from '../../core/rules/seeds.ts';
import { ntx } from './schema.ts';
import { CHECKLIST } from './checklist.ts';
import { IN_FORCE as IN_FORCE_STATES } from './states.ts';

const IN_FORCE = [...IN_FORCE_STATES];
import { MAX_BODY } from './limits.ts';
import { publishDocument, recordDecision, recordReview } from './service.ts';
import { fileDocument, openConsultations, recordFilingOutcome, reportCorrection, setCommentPeriod } from './lifecycle.ts';

/** The document behind an instance (subject_id is the document id). */
export async function documentOf(ctx: { tx: EffectContext['tx']; instance: { subjectId: string } }) {
  return ntx(ctx.tx).selectFrom('normative_documents').selectAll().where('id', '=', Number(ctx.instance.subjectId)).executeTakeFirstOrThrow();
}

const docId = (ctx: { instance: { subjectId: string } }) => Number(ctx.instance.subjectId);

/** Every step mirrors the new state into the document row, in the same transaction. */
const mirrorState = (extra?: (ctx: EffectContext) => Promise<void>) => async (ctx: EffectContext) => {
  await ntx(ctx.tx).updateTable('normative_documents').set({ status: ctx.instance.state, updated_at: new Date() }).where('id', '=', docId(ctx)).execute();
  if (extra) await extra(ctx);
};

const MEASURE17 = { law: SEED002, article: '措施17' };
const MEASURE18 = { law: SEED002, article: '措施18' };

const issuerEligible: GuardDef = {
  code: 'issuer_not_eligible',
  message: { zh: '制定机关未经确认并公告为规范性文件制定主体，不得制定规范性文件', en: 'The issuing body is not a confirmed and announced issuer of normative documents' },
  basis: { ...MEASURE17, quote: '凡没有被确定并公告的单位不能成为规范性文件制定的适格主体，不得制定规范性文件' },
  check: async (ctx) => {
    const doc = await documentOf(ctx);
    return !!(await ntx(ctx.tx).selectFrom('normative_issuers').select('org_id').where('org_id', '=', doc.issuer_org_id).where('active', '=', true).executeTakeFirst());
  },
};

const commentHeld: GuardDef = {
  code: 'public_comment_required',
  message: { zh: '涉及公民、法人和其他组织权利义务的规范性文件，须先向社会公开征求意见且征求意见期已届满', en: 'A document affecting rights and obligations needs a completed public comment period first' },
  basis: { law: SEED001, article: '三（三）1', quote: '在制定对公民、法人或者其他组织的权利义务产生直接影响的规范性文件时，应当公开征求意见' },
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

const commentsAnswered: GuardDef = {
  code: 'comments_unanswered',
  message: { zh: '尚有公众意见未逐条答复（采纳、部分采纳或不予采纳并说明理由），不能送审', en: 'Every public comment must be answered before review' },
  basis: { law: SEED000, article: '二（一）', quote: '公开听取社会公众意见' },
  check: async (ctx) => !(await ntx(ctx.tx).selectFrom('normative_comments').select('id').where('document_id', '=', docId(ctx)).where('answer', 'is', null).executeTakeFirst()),
};

const consultationsSettled: GuardDef = {
  code: 'consultation_unsettled',
  message: { zh: '相关部门尚未回复意见，或分歧尚未经政府法制机构协调，不能送审', en: 'Consulted departments have not all replied, or a disagreement awaits coordination by the legal-affairs office' },
  basis: { law: SEED001, article: '三（三）2', quote: '部门经多次协商仍不能达成一致意见的，由政府法制机构进行协调' },
  check: async (ctx) =>
    !(await ntx(ctx.tx)
      .selectFrom('normative_consultations')
      .select('id')
      .where('document_id', '=', docId(ctx))
      .where((eb) => eb.or([eb('position', 'is', null), eb.and([eb('position', '=', 'disagree'), eb('resolved_at', 'is', null)])]))
      .executeTakeFirst()),
};

const reviewPassed: GuardDef = {
  code: 'legality_review_required',
  message: { zh: '未经合法性审查或审查不合格的，不能提交会议讨论', en: 'Not without a passed legality review' },
  basis: { law: SEED000, article: '二（二）3', quote: '未经合法性审查或审查不合格的，不能提交会议讨论' },
  check: async (ctx) => {
    const last = await ntx(ctx.tx).selectFrom('normative_reviews').select('outcome').where('document_id', '=', docId(ctx)).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return !!last && last.outcome !== 'fail';
  },
};

const decisionRecorded: GuardDef = {
  code: 'collective_decision_required',
  message: { zh: '规范性文件须经集体讨论决定后方可公布', en: 'Publication needs a recorded collective decision' },
  basis: { law: SEED000, article: '二（二）2', quote: '制定规范性文件应经过政府常务会议或者部门领导班子会议集体讨论决定' },
  check: async (ctx) => !!(await ntx(ctx.tx).selectFrom('normative_decisions').select('id').where('document_id', '=', docId(ctx)).executeTakeFirst()),
};

const checklistComplete: GuardDef = {
  code: 'review_checklist_incomplete',
  message: { zh: '审查通过前须逐项确认制定主体、权限、依据、内容和程序合法', en: 'Confirm issuer, authority, basis, content and procedure before passing' },
  basis: { ...MEASURE17, quote: '重点对制定主体、制定依据、内容、权限和程序等进行合法性审查并出具审查意见' },
  inputOnly: true,
  check: (ctx) => {
    const c = (ctx.input.data?.checklist ?? {}) as Record<string, boolean>;
    return CHECKLIST.every((k) => c[k] === true);
  },
};

/** Whether the caller acts for `orgId` with `permission` (its data scope covers that body). */
async function actsFor(ctx: GuardContext, permission: string, orgId: number) {
  const facts = await orgFacts(ctx.tx, orgId);
  return !!facts && inScope(ctx.actor, permission, facts);
}

const filerIsIssuer: GuardDef = {
  code: 'filer_not_issuer',
  message: { zh: '只有制定机关可以报送备案', en: 'Only the issuing body files its document' },
  basis: { ...MEASURE18, quote: '制定机关在规范性文件公布或者印发之日起15日内依法报送上级行政机关备案' },
  check: async (ctx) => actsFor(ctx, 'normative.file', (await documentOf(ctx)).issuer_org_id),
};

const reviewerIsRecipient: GuardDef = {
  code: 'not_filing_recipient',
  message: { zh: '只有接受备案的法制机构可以作出备案审查结论', en: 'Only the receiving legal-affairs office decides the filing review' },
  basis: { ...MEASURE18, quote: '经有权机关的政府法制部门或者部门法制机构审查后，认为确属违法的，应当及时监督纠正或者报请有权机关依法予以撤销' },
  check: async (ctx) => {
    const f = await ntx(ctx.tx).selectFrom('normative_filings').select('filed_to_org_id').where('document_id', '=', docId(ctx)).executeTakeFirst();
    return !!f && (await actsFor(ctx, 'normative.filing_review', f.filed_to_org_id));
  },
};

const Checklist = Type.Object(Object.fromEntries(CHECKLIST.map((k) => [k, Type.Boolean()])), { additionalProperties: false });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Empty = Type.Object({}, { additionalProperties: false });

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
    { code: 'correction', name: { zh: '责令纠正中', en: 'Correction ordered' } },
    { code: 'approved', name: { zh: '备案审查通过', en: 'Filing review passed' } },
    { code: 'expired', name: { zh: '已失效', en: 'Expired' }, final: true },
    { code: 'abolished', name: { zh: '已废止', en: 'Abolished' }, final: true },
    { code: 'revoked', name: { zh: '已撤销', en: 'Revoked' }, final: true },
    { code: 'withdrawn', name: { zh: '已撤回', en: 'Withdrawn' }, final: true },
  ],
  transitions: [
    t({
      code: 'open_comment',
      name: { zh: '公开征求意见', en: 'Open public comment' },
      from: ['drafting'],
      to: 'comment',
      permission: 'normative.draft',
      dataSchema: Empty,
      guards: [issuerEligible],
      effect: async (ctx) => {
        await setCommentPeriod(ctx);
        await openConsultations(ctx);
      },
    }),
    t({ code: 'close_comment', name: { zh: '结束征求意见', en: 'Close public comment' }, from: ['comment'], to: 'drafting', permission: 'normative.draft', guards: [commentPeriodOver] }),
    t({ code: 'submit_review', name: { zh: '送合法性审查', en: 'Submit for legality review' }, from: ['drafting'], to: 'review', permission: 'normative.draft', guards: [issuerEligible, commentHeld, commentsAnswered, consultationsSettled] }),
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
      guards: [reviewPassed, decisionRecorded],
      startDeadlines: [{ kind: 'normative.filing', title: { zh: '报送备案', en: 'Filing' }, ruleKey: 'normative.filing_days', assignee: 'none' }],
      effect: (ctx) => publishDocument(ctx, ctx.input.data?.effectiveOn as string | undefined),
    }),
    t({
      code: 'file',
      name: { zh: '报送备案', en: 'File with the superior body' },
      from: ['published'],
      to: 'filed',
      permission: 'normative.file',
      dataSchema: Type.Object(
        { filedToOrgId: Type.Optional(Id), report: Type.String({ minLength: 2, maxLength: 5000 }), explanation: Type.String({ minLength: 2, maxLength: 20000 }) },
        { additionalProperties: false },
      ),
      guards: [filerIsIssuer],
      closeDeadlines: ['normative.filing'],
      effect: (ctx) => fileDocument(ctx),
    }),
    t({
      code: 'approve_filing',
      name: { zh: '备案审查通过', en: 'Pass filing review' },
      from: ['filed'],
      to: 'approved',
      permission: 'normative.filing_review',
      dataSchema: Empty,
      guards: [reviewerIsRecipient],
      effect: (ctx) => recordFilingOutcome(ctx, 'approved'),
    }),
    t({
      code: 'order_correction',
      name: { zh: '责令限期纠正', en: 'Order correction' },
      from: ['filed'],
      to: 'correction',
      permission: 'normative.filing_review',
      requireNote: true,
      dataSchema: Empty,
      guards: [reviewerIsRecipient],
      startDeadlines: [{ kind: 'normative.correction', title: { zh: '备案审查纠正', en: 'Correction' }, ruleKey: 'normative.correction_days', assignee: 'none' }],
      effect: (ctx) => recordFilingOutcome(ctx, 'correction'),
    }),
    t({
      code: 'report_correction',
      name: { zh: '报送纠正情况', en: 'Report the correction' },
      from: ['correction'],
      to: 'filed',
      permission: 'normative.file',
      requireNote: true,
      dataSchema: Type.Object({ body: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_BODY })) }, { additionalProperties: false }),
      guards: [filerIsIssuer],
      closeDeadlines: ['normative.correction'],
      effect: (ctx) => reportCorrection(ctx),
    }),
    t({
      code: 'revoke',
      name: { zh: '报请撤销', en: 'Revoke' },
      from: ['filed', 'correction'],
      to: 'revoked',
      permission: 'normative.filing_review',
      requireNote: true,
      dataSchema: Empty,
      guards: [reviewerIsRecipient],
      effect: (ctx) => recordFilingOutcome(ctx, 'revoked'),
    }),
    t({ code: 'abolish', name: { zh: '废止', en: 'Abolish' }, from: IN_FORCE, to: 'abolished', permission: 'normative.publish', requireNote: true }),
    t({ code: 'withdraw', name: { zh: '撤回', en: 'Withdraw' }, from: ['drafting', 'comment', 'review', 'decision', 'adopted'], to: 'withdrawn', permission: 'normative.draft', requireNote: true }),
    // Taken by the platform: 有效期满自动失效 (seed 000 §2(二)5), a re-issued successor, a cleanup decision.
    t({ code: 'expire', name: { zh: '有效期届满自动失效', en: 'Expire at the end of validity' }, from: IN_FORCE, to: 'expired', permission: 'normative.publish', system: true }),
    t({ code: 'replace', name: { zh: '经评估重新制定发布，原文件废止', en: 'Replaced by a re-issued document' }, from: IN_FORCE, to: 'abolished', permission: 'normative.publish', system: true }),
    t({ code: 'cleanup_abolish', name: { zh: '清理决定废止', en: 'Abolished by cleanup' }, from: IN_FORCE, to: 'abolished', permission: 'normative.publish', system: true }),
    t({ code: 'cleanup_invalid', name: { zh: '清理宣布失效', en: 'Declared invalid by cleanup' }, from: IN_FORCE, to: 'expired', permission: 'normative.publish', system: true }),
  ],
};
