import { Type } from '@sinclair/typebox';
import { Id } from '../../core/http/schemas.ts';
import { Row as Any } from './contract.ts';

/**
 * 问责方式 as seed 002 #40 lists them (健全诫勉谈话、取消当年评先评优资格、责令作出书面检查、
 * 通报批评、责令公开道歉、调整工作岗位、停职检查、引咎辞职、责令辞职、罢免等问责方式), in its order.
 */
export const ACCOUNTABILITY_FORM_LABELS = {
  admonition: '诫勉谈话',
  disqualify_honours: '取消当年评先评优资格',
  written_self_criticism: '责令作出书面检查',
  circulated_criticism: '通报批评',
  public_apology: '责令公开道歉',
  post_adjustment: '调整工作岗位',
  suspension_for_inspection: '停职检查',
  resignation_for_fault: '引咎辞职',
  ordered_resignation: '责令辞职',
  recall: '罢免',
} as const;
export type AccountabilityForm = keyof typeof ACCOUNTABILITY_FORM_LABELS;
export const ACCOUNTABILITY_FORMS = Object.keys(ACCOUNTABILITY_FORM_LABELS) as AccountabilityForm[];

const Text = (minLength: number, maxLength: number, description: string) => Type.String({ minLength, maxLength, description });

/** One action against one responsible person: a platform user, or a person named with the post held. */
export const AccountabilityIn = Type.Object(
  {
    personUserId: Type.Optional(Id),
    personName: Type.Optional(Text(1, 50, '责任人姓名（非本系统用户时必填）')),
    personPost: Text(2, 100, '责任人时任职务'),
    form: Type.Union(ACCOUNTABILITY_FORMS.map((f) => Type.Literal(f)), { description: ACCOUNTABILITY_FORMS.map((f) => `${f} ${ACCOUNTABILITY_FORM_LABELS[f]}`).join('，') }),
    reason: Text(4, 5000, '问责事由（决策严重失误、久拖不决造成重大损失等）'),
    decidedOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '作出问责决定的日期 YYYY-MM-DD' }),
    decidingBody: Text(2, 100, '作出问责决定的机关'),
  },
  { additionalProperties: false },
);

/** The reverse trace: who decided what, on which opinions, with which reviews; the actions taken; the chain's check. */
export const TraceOut = Type.Object(
  {
    decision: Any,
    people: Type.Array(Any),
    steps: Type.Array(Any),
    accountability: Type.Array(Any),
    audit: Type.Array(Any),
    chain: Any,
  },
  { additionalProperties: false },
);
