import { Type } from '@sinclair/typebox';
import { Id, IsoDate } from '../../core/http/schemas.ts';
import { ACCOUNTABILITY_CASE_FORMS, ACCOUNTABILITY_TRIGGER_LABELS, type AccountabilityCaseForm, type AccountabilityTrigger } from './labels.ts';

/** Request schemas of accountability cases and the `data` of their procedure steps. */
const Str = (min: number, max: number, description?: string) => Type.String({ minLength: min, maxLength: max, ...(description ? { description } : {}) });
const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
/** A day as YYYY-MM-DD (a pattern: step data is checked outside Fastify's format registry). */
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const FormLit = lit(Object.keys(ACCOUNTABILITY_CASE_FORMS) as AccountabilityCaseForm[], Object.entries(ACCOUNTABILITY_CASE_FORMS).map(([k, v]) => `${k} ${v.label}`).join('，'));

export const CaseIn = Type.Object(
  {
    orgId: Type.Integer({ minimum: 1, description: '处理机关（如监察室所在单位、本级政府）' }),
    subjectOrgId: Type.Integer({ minimum: 1, description: '被问责单位（或责任人所在单位）' }),
    personUserId: Type.Optional(Id),
    personName: Type.Optional(Str(1, 50, '责任人姓名（非本系统用户时填写；不填则问责单位）')),
    personPost: Type.Optional(Str(1, 100, '职务')),
    trigger: lit(Object.keys(ACCOUNTABILITY_TRIGGER_LABELS) as AccountabilityTrigger[], '问责线索来源'),
    triggerRef: Type.Optional(Str(1, 60, '线索编号：逾期任务的任务编号等')),
    summary: Str(4, 5000, '问责事由'),
    filedOn: IsoDate,
  },
  { additionalProperties: false },
);
export const CaseQuery = Type.Object({ orgId: Type.Optional(Id), status: Type.Optional(Str(2, 20)) }, { additionalProperties: false });

export const CaseStep = {
  empty: Type.Object({}, { additionalProperties: false }),
  notice: Type.Object(
    { notifiedOn: Day, facts: Str(2, 10000, '认定的事实'), reasons: Str(2, 10000, '理由和依据'), proposedForms: Type.Array(FormLit, { minItems: 1, maxItems: 5, uniqueItems: true, description: '拟作出的处理（处理意见）' }), rights: Str(2, 2000, '告知的权利：陈述、申辩、申诉') },
    { additionalProperties: false },
  ),
  statement: Type.Object({ statedOn: Day, waived: Type.Boolean({ description: '当事人明确放弃陈述申辩' }), statement: Type.Optional(Str(2, 20000, '陈述和申辩的内容')) }, { additionalProperties: false }),
  decision: Type.Object(
    { decidedOn: Day, decidingBody: Str(2, 100, '作出决定的机关或会议，如 局长办公会议'), forms: Type.Array(FormLit, { minItems: 1, maxItems: 5, uniqueItems: true }), reasons: Str(2, 10000, '决定理由（对陈述申辩的采纳情况）') },
    { additionalProperties: false },
  ),
  appeal: Type.Object({ appealedOn: Day, grounds: Str(2, 10000, '申诉理由') }, { additionalProperties: false }),
  appealReview: Type.Object({ result: lit(['upheld', 'changed', 'revoked'] as const), forms: Type.Optional(Type.Array(FormLit, { minItems: 1, maxItems: 5, uniqueItems: true })), reasons: Str(2, 10000) }, { additionalProperties: false }),
};
