import { Type, type TSchema } from '@sinclair/typebox';
import { Id } from '../../core/http/schemas.ts';
import { QUESTION_KINDS, RESPONDENT_GROUPS, SURVEY_STATUSES } from './survey-rules.ts';

/** Request and response schemas of the satisfaction surveys (survey-routes.ts); the web app uses the types. */
const Str = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Literals = <T extends readonly string[]>(values: T, description?: string) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateOut = Type.Unsafe<string>({ type: 'string', description: 'YYYY-MM-DD' });

const Group = Literals(RESPONDENT_GROUPS, 'npc_deputy 人大代表 / cppcc_member 政协委员 / enterprise 企业 / resident 群众、居民');
const Status = Literals(SURVEY_STATUSES, 'draft 草稿 / open 进行中 / closed 已结束');

// Content rules (non-empty, unique options …) are checked by survey-rules.ts, which names the question.
export const QuestionIn = Type.Object(
  {
    kind: Literals(QUESTION_KINDS, 'single 单选 / multiple 多选 / scale 评分 1—5 / text 文字'),
    text: Type.String({ maxLength: 500 }),
    required: Type.Optional(Type.Boolean()),
    options: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })),
    satisfied: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50, description: '表示"满意"的选项（原文）' })),
    satisfaction: Type.Optional(Type.Boolean({ description: '评分题：4—5 分计为满意' })),
  },
  { additionalProperties: false },
);
export const Question = Type.Object({
  id: Type.String(),
  kind: Literals(QUESTION_KINDS),
  text: Type.String(),
  required: Type.Boolean(),
  options: Type.Optional(Type.Array(Type.String())),
  satisfied: Type.Optional(Type.Array(Type.String())),
  satisfaction: Type.Optional(Type.Boolean()),
});
/** What the public sees of a question: no marks of which answers count as satisfied. */
export const PublicQuestion = Type.Object({ id: Type.String(), kind: Literals(QUESTION_KINDS), text: Type.String(), required: Type.Boolean(), options: Type.Optional(Type.Array(Type.String())) });

export const SurveyIn = Type.Object(
  {
    title: Str(4, 200),
    intro: Type.Optional(Type.String({ maxLength: 5000 })),
    roundId: Type.Optional(Id),
    nodeId: Type.Optional(Id),
    orgIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000, uniqueItems: true, description: '被评价单位；留空取考核轮次的全部被考核单位' })),
    opensOn: IsoDate,
    closesOn: IsoDate,
    public: Type.Optional(Type.Boolean({ description: '在公众门户公开，公众可自行领取答卷码' })),
    questions: Type.Optional(Type.Array(QuestionIn, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export const SurveyPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    title: Type.Optional(Str(4, 200)),
    intro: Type.Optional(Type.String({ maxLength: 5000 })),
    orgIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000, uniqueItems: true })),
    opensOn: Type.Optional(IsoDate),
    closesOn: Type.Optional(IsoDate),
    public: Type.Optional(Type.Boolean()),
    questions: Type.Optional(Type.Array(QuestionIn, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export const VersionIn = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const BatchIn = Type.Object(
  {
    group: Group,
    count: Type.Integer({ minimum: 1, maximum: 1000, description: '发放份数' }),
    orgId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export const ResultsQuery = Type.Object({ orgId: Type.Optional(Id) }, { additionalProperties: false });

export const SurveyRow = Type.Object({
  id: Type.Integer(),
  org_id: Type.Integer(),
  title: Type.String(),
  status: Status,
  public: Type.Boolean(),
  round_id: Nullable(Type.Integer()),
  round_name: Nullable(Type.String()),
  opens_on: DateOut,
  closes_on: DateOut,
  targets: Type.Integer(),
  responses: Type.Integer(),
});
const Target = Type.Object({ org_id: Type.Integer(), name: Type.String() });
export const Batch = Type.Object({
  id: Type.Integer(),
  respondent_group: Group,
  target_org_id: Nullable(Type.Integer()),
  target_name: Nullable(Type.String()),
  channel: Literals(['issued', 'portal'] as const),
  issued_at: Type.Unsafe<string>({ type: 'string' }),
  issued: Type.Integer(),
  used: Type.Integer(),
});
export const Survey = Type.Object({
  id: Type.Integer(),
  org_id: Type.Integer(),
  org_name: Type.String(),
  title: Type.String(),
  intro: Nullable(Type.String()),
  round_id: Nullable(Type.Integer()),
  round_name: Nullable(Type.String()),
  node_id: Nullable(Type.Integer()),
  node_title: Nullable(Type.String()),
  opens_on: DateOut,
  closes_on: DateOut,
  status: Status,
  public: Type.Boolean(),
  questions: Type.Array(Question),
  version: Type.Integer(),
  targets: Type.Array(Target),
  batches: Type.Array(Batch),
  can: Type.Object({ manage: Type.Boolean() }, { description: '调用者可执行的操作' }),
});
export const IssuedBatch = Type.Object({
  batch: Type.Object({ id: Type.Integer(), respondent_group: Group, target_org_id: Nullable(Type.Integer()) }),
  tokens: Type.Array(Type.Object({ token: Type.String(), link: Type.String({ description: '门户答卷页（答卷码在 # 之后，不进服务器日志）' }) }), { description: '只在发放时返回一次；系统只保存其摘要' }),
});

const Count = Type.Object({ label: Type.String(), count: Type.Integer(), satisfied: Type.Boolean() });
export const Results = Type.Object({
  survey: Type.Object({ id: Type.Integer(), title: Type.String(), status: Status, opens_on: DateOut, closes_on: DateOut }),
  threshold: Type.Number({ description: '满意度要求（%），规则参数 assessment.satisfaction_threshold' }),
  basis: Type.Object({ law: Type.String(), article: Nullable(Type.String()), quote: Nullable(Type.String()) }),
  overall: Type.Object({ responses: Type.Integer(), percent: Nullable(Type.Number()), shortfall: Type.Boolean() }),
  orgs: Type.Array(Type.Object({ org_id: Type.Integer(), name: Type.String(), responses: Type.Integer(), satisfied: Type.Integer(), rated: Type.Integer(), percent: Nullable(Type.Number()), shortfall: Type.Boolean() })),
  groups: Type.Array(Type.Object({ group: Group, responses: Type.Integer() })),
  orgId: Nullable(Type.Integer({ description: '各题分布所属的单位；null 为全部单位' })),
  questions: Type.Array(
    Type.Object({ id: Type.String(), kind: Literals(QUESTION_KINDS), text: Type.String(), satisfaction: Type.Boolean(), answered: Type.Integer(), percent: Nullable(Type.Number()), counts: Type.Array(Count), texts: Type.Array(Type.String({ description: '最近的文字回答（至多 50 条）' })) }),
  ),
});

const PublicSurveyFields = {
  id: Type.Integer(),
  title: Type.String(),
  intro: Nullable(Type.String()),
  organiser: Type.String(),
  opens_on: DateOut,
  closes_on: DateOut,
};
export const PublicSurveyRow = Type.Object(PublicSurveyFields);
const Questionnaire = {
  ...PublicSurveyFields,
  open: Type.Boolean({ description: '今天是否接受答卷' }),
  notice: Nullable(Type.String({ description: '不接受答卷的原因' })),
  questions: Type.Array(PublicQuestion),
  targets: Type.Array(Target),
};
export const PublicSurvey = Type.Object(Questionnaire);
export const TokenForm = Type.Object({ ...Questionnaire, fixedOrgId: Nullable(Type.Integer({ description: '答卷码限定的被评价单位' })) });

const Token = Type.String({ minLength: 10, maxLength: 40, pattern: '^[0-9A-Za-z -]+$', description: '答卷码' });
export const TokenIn = Type.Object({ token: Token }, { additionalProperties: false });
export const AnswerIn = Type.Object(
  {
    token: Token,
    orgId: Type.Optional(Id),
    answers: Type.Record(Type.String({ maxLength: 10 }), Type.Union([Type.Integer(), Type.Array(Type.Integer(), { maxItems: 50 }), Type.String({ maxLength: 5000 })]), { maxProperties: 100 }),
  },
  { additionalProperties: false },
);
export const TokenOut = Type.Object({ token: Type.String() });
export const Answered = Type.Object({ ok: Type.Boolean(), org: Type.String() });
