import { Type } from '@sinclair/typebox';
import { Id } from '../../core/http/schemas.ts';
import { RISK_KINDS } from './decision-rules.ts';

/**
 * Request schemas of the major-decision procedure: the start, the office's own actions, the
 * public comment, and the `data` of each step run through /api/procedures/:id/transitions.
 */
const Str = (min: number, max: number, description?: string) => Type.String({ minLength: min, maxLength: max, ...(description ? { description } : {}) });
const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
/** A day as YYYY-MM-DD (a pattern: step data is checked outside Fastify's format registry). */
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const DecisionIn = Type.Object(
  {
    catalogueItemId: Type.Optional(Id),
    orgId: Type.Optional(Type.Integer({ minimum: 1, description: '决策机关（不依目录起动时必填）' })),
    title: Type.Optional(Str(4, 200)),
    decidingBody: Type.Optional(Str(2, 100)),
    undertakingOrgId: Type.Optional(Id),
    noCatalogueReason: Type.Optional(Str(4, 1000, '未列入决策事项目录而起动的理由')),
    hearingRequired: Type.Optional(Type.Boolean({ description: '法律、法规、规章规定应当听证，或决策机关决定听证' })),
  },
  { additionalProperties: false },
);
export const DecisionQuery = Type.Object({ orgId: Type.Optional(Id), status: Type.Optional(Str(2, 30)) }, { additionalProperties: false });
export const PublicCommentIn = Type.Object(
  {
    content: Str(2, 5000),
    name: Type.Optional(Type.String({ maxLength: 50, description: '姓名或单位（选填，仅承办单位可见）' })),
    contact: Type.Optional(Type.String({ maxLength: 20, description: '联系电话（选填，加密存储，仅承办单位可见）' })),
  },
  { additionalProperties: false },
);
export const CommentAnswerIn = Type.Object(
  { commentId: Id, answer: lit(['adopted', 'partly', 'not_adopted'] as const, '采纳 / 部分采纳 / 不予采纳'), reason: Type.Optional(Str(2, 2000)) },
  { additionalProperties: false },
);

/** An expert's own written opinion (我的论证任务). */
export const MyOpinionIn = Type.Object({ opinion: Str(2, 20000, '书面论证意见'), givenOn: Day }, { additionalProperties: false });
export const AccountabilityQuery = Type.Object({ decisionId: Type.Optional(Id), orgId: Type.Optional(Id) }, { additionalProperties: false });

// ── data of the procedure's steps ──
const Empty = Type.Object({}, { additionalProperties: false });
export const StepData = {
  empty: Empty,
  plan: Type.Object({ planText: Str(10, 50000, '决策草案（方案）') }, { additionalProperties: false }),
  openComment: Type.Object({ commentFrom: Day, commentUntil: Day }, { additionalProperties: false }),
  hearing: Type.Object(
    {
      heldOn: Day,
      participants: Type.Array(Type.Object({ name: Str(1, 50), sector: Str(1, 100, '代表的方面，如 居民代表、企业代表') }, { additionalProperties: false }), { minItems: 1, maxItems: 200, description: '听证参加人（至少一人，名单公布）' }),
      record: Str(2, 50000, '听证笔录'),
      adoptionReasons: Type.Optional(Str(2, 10000, '听证意见采纳情况及理由')),
    },
    { additionalProperties: false },
  ),
  closeComment: Type.Object({ adoptionSummary: Str(2, 20000, '公众意见采纳情况说明') }, { additionalProperties: false }),
  expertOpinion: Type.Object({ expertId: Id, opinion: Str(2, 20000), givenOn: Day }, { additionalProperties: false }),
  risk: Type.Object(
    {
      items: Type.Array(Type.Object({ kind: lit(RISK_KINDS), level: lit(['low', 'medium', 'high'] as const), description: Str(2, 5000) }, { additionalProperties: false }), { minItems: 1, maxItems: RISK_KINDS.length }),
      overallLevel: lit(['low', 'medium', 'high'] as const),
      passed: Type.Boolean({ description: '评估结论：风险可控（通过）' }),
      disposalPlan: Str(2, 20000, '风险防范化解处置预案'),
      assessedOn: Day,
    },
    { additionalProperties: false },
  ),
  review: Type.Object({ adviserOpinionId: Id }, { additionalProperties: false }),
  meeting: Type.Object(
    {
      meetingKind: lit(['executive', 'plenary', 'leadership'] as const, '常务会议 / 全体会议 / 部门领导班子会议'),
      heldOn: Day,
      attendees: Type.Array(
        Type.Object({ name: Str(1, 50), role: lit(['head', 'member', 'legal_head', 'other'] as const, '行政首长 / 会议组成人员 / 法制机构负责人 / 其他列席'), view: Type.Optional(lit(['agree', 'disagree', 'abstain'] as const)), opinion: Type.Optional(Str(1, 5000)) }, { additionalProperties: false }),
        { minItems: 2, maxItems: 100 },
      ),
      headDecision: lit(['adopt', 'adopt_amended', 'reject'] as const),
      headReason: Type.Optional(Str(2, 5000, '行政首长的决定与多数意见不一致时，在会上说明的理由')),
      minutes: Str(2, 50000, '会议记录（不同意见如实载明）'),
    },
    { additionalProperties: false },
  ),
  publish: Type.Object({ publishedOn: Day, explanation: Str(2, 20000, '决策说明（含公众意见、专家论证意见采纳情况）') }, { additionalProperties: false }),
  progress: Type.Object({ reportedOn: Day, progress: Str(2, 20000), problems: Type.Optional(Str(1, 20000)) }, { additionalProperties: false }),
  evaluation: Type.Object(
    { opinionsGathered: Str(2, 20000, '利益相关方和社会公众意见'), thirdParty: Type.Optional(Str(2, 200, '第三方评估机构')), conclusion: lit(['continue', 'adjust', 'stop'] as const, '继续执行 / 调整 / 停止执行'), report: Str(2, 50000) },
    { additionalProperties: false },
  ),
};
