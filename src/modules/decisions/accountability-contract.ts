import { Type } from '@sinclair/typebox';
import { Id } from '../../core/http/schemas.ts';
import { Row as Any } from './contract.ts';
import { ACCOUNTABILITY_FORM_TEXT } from './labels.ts';

/** 问责方式 of seed 002 #40, in its order (labels.ts: the web app reads the same list). */
export const ACCOUNTABILITY_FORM_LABELS = ACCOUNTABILITY_FORM_TEXT;
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
