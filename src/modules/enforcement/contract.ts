import { Type } from '@sinclair/typebox';
import { Id } from '../../core/http/schemas.ts';
import { MAJOR_REASONS } from './penalty-rules.ts';
import { PENALTY_KIND_LABELS, POWER_TYPE_LABELS, SUBJECT_KIND_LABELS } from './labels.ts';

/** Request and response schemas of the enforcement API. */
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Str = (min: number, max: number, description?: string) => Type.String({ minLength: min, maxLength: max, ...(description ? { description } : {}) });
const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
/** Yuan with at most two decimals; an absurd amount is refused at the edge. */
export const Money = Type.Number({ minimum: 0, maximum: 1e11, description: '元，精确到分（更多小数按四舍五入计）' });

/** The codes, in the order of their label maps (labels.ts), so there is one list of each. */
const codes = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[];
export const SUBJECT_KINDS = codes(SUBJECT_KIND_LABELS);
export const POWER_TYPES = codes(POWER_TYPE_LABELS);
export const PENALTY_KINDS = codes(PENALTY_KIND_LABELS);

export const SubjectIn = Type.Object(
  {
    orgId: Id,
    kind: lit(SUBJECT_KINDS, 'statutory=行政机关；authorized=法律法规授权组织；entrusted=受委托组织'),
    legalBasis: Str(2, 500),
    domains: Type.Optional(Type.Array(Str(1, 50), { maxItems: 30 })),
    docPrefix: Str(1, 20, '文书字号前缀，如 演市监'),
    announcedOn: IsoDate,
    announcement: Type.Optional(Type.Union([Str(1, 200), Type.Null()])),
    entrustedByOrgId: Type.Optional(Type.Union([Id, Type.Null()])),
    entrustmentBasis: Type.Optional(Type.Union([Str(2, 500), Type.Null()])),
    entrustmentScope: Type.Optional(Type.Union([Str(2, 500), Type.Null()])),
    entrustmentUntil: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PowerIn = Type.Object(
  {
    orgId: Id,
    code: Str(1, 50, '事项编码'),
    name: Str(2, 200),
    powerType: lit(POWER_TYPES, 'license 许可, penalty 处罚, coercion 强制, levy 征收, inspection 检查, confirmation 确认, adjudication 裁决, payment 给付, reward 奖励, other 其他'),
    legalBasis: Str(2, 2000),
    internalUnit: Type.Optional(Type.Union([Str(1, 100), Type.Null()])),
    responsibilityItems: Type.Optional(Type.Array(Str(1, 500), { maxItems: 30 })),
    published: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const PowerPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Str(2, 200)),
    legalBasis: Type.Optional(Str(2, 2000)),
    internalUnit: Type.Optional(Type.Union([Str(1, 100), Type.Null()])),
    responsibilityItems: Type.Optional(Type.Array(Str(1, 500), { maxItems: 30 })),
    published: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const BenchmarkIn = Type.Object(
  {
    band: Str(1, 20, '轻微 / 一般 / 较重 / 严重'),
    circumstances: Str(2, 1000),
    fineMin: Type.Optional(Type.Union([Money, Type.Null()])),
    fineMax: Type.Optional(Type.Union([Money, Type.Null()])),
    otherPenalties: Type.Optional(Type.Union([Str(1, 500), Type.Null()])),
  },
  { additionalProperties: false },
);
export const BenchmarksIn = Type.Object({ bands: Type.Array(BenchmarkIn, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false });

export const OfficerIn = Type.Object(
  {
    orgId: Id,
    name: Str(2, 30),
    kind: lit(['officer', 'auxiliary'] as const, 'officer=执法人员；auxiliary=执法辅助人员'),
    userId: Type.Optional(Type.Union([Id, Type.Null()])),
    domains: Type.Optional(Type.Array(Str(1, 50), { maxItems: 20 })),
    trainedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    examPassedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false },
);
export const CertificateIn = Type.Object(
  { certNo: Type.String({ pattern: '^[0-9A-Za-z-]{6,30}$', description: '执法证号' }), issuer: Str(2, 100), validFrom: IsoDate, validUntil: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const CertificateStatusIn = Type.Object({ status: lit(['valid', 'suspended', 'revoked'] as const), reason: Str(2, 500) }, { additionalProperties: false });
export const TrainingIn = Type.Object({ course: Str(2, 200), hours: Type.Number({ exclusiveMinimum: 0, maximum: 200, multipleOf: 0.5 }), heldOn: IsoDate }, { additionalProperties: false });

export const PartyIn = Type.Object(
  {
    kind: lit(['person', 'org'] as const, 'person=自然人；org=法人或其他组织'),
    name: Str(2, 100),
    idNumber: Type.Optional(Type.String({ maxLength: 18, description: '自然人为居民身份证号码（校验码按 GB 11643 校验），组织为统一社会信用代码' })),
    address: Type.Optional(Str(2, 200)),
  },
  { additionalProperties: false },
);

export const CaseIn = Type.Object(
  {
    powerId: Id,
    title: Str(4, 200),
    source: Type.Optional(Str(2, 200, '案件来源：检查发现、投诉举报、上级交办、移送等')),
    party: PartyIn,
    facts: Str(2, 5000),
    filedOn: Type.Optional(IsoDate),
    officerIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true }),
    majorReasons: Type.Optional(Type.Array(lit(MAJOR_REASONS), { maxItems: 6, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const SimpleCaseIn = Type.Object(
  {
    powerId: Id,
    title: Str(4, 200),
    party: PartyIn,
    facts: Str(2, 5000),
    officerIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true }),
    penaltyKind: lit(['warning', 'fine'] as const),
    fine: Type.Optional(Money),
    benchmarkId: Id,
    deviationReason: Type.Optional(Str(2, 1000)),
    decidedOn: Type.Optional(IsoDate),
    place: Str(2, 200),
  },
  { additionalProperties: false },
);

export const OfficersIn = Type.Object({ officerIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true }) }, { additionalProperties: false });

export const ACTION_KINDS = ['inspection', 'inquiry', 'sampling', 'survey', 'seizure', 'other'] as const;
export const ActionIn = Type.Object(
  {
    kind: lit(ACTION_KINDS, 'inspection 现场检查, inquiry 询问, sampling 抽样取证, survey 勘验, seizure 查封扣押, other 其他'),
    happenedOn: IsoDate,
    place: Str(2, 200),
    summary: Str(2, 5000),
    officerIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true }),
    auxiliaryIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true, description: '在场的执法辅助人员（不计入执法人员人数）' })),
    certificatesShown: Type.Boolean({ description: '已向当事人出示执法证件' }),
  },
  { additionalProperties: false },
);

export const EVIDENCE_KINDS = ['documentary', 'physical', 'audiovisual', 'electronic', 'testimony', 'statement', 'expert', 'record'] as const;
export const EvidenceIn = Type.Object(
  {
    kind: lit(EVIDENCE_KINDS, '书证 / 物证 / 视听资料 / 电子数据 / 证人证言 / 当事人陈述 / 鉴定意见 / 勘验笔录、现场笔录（行政处罚法第四十六条）'),
    description: Str(2, 2000),
    collectedOn: IsoDate,
    attachmentId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const RecusalIn = Type.Object(
  { officerId: Id, source: lit(['self', 'organisation', 'party'] as const), reason: Str(2, 1000), appliedOn: IsoDate },
  { additionalProperties: false },
);
export const RecusalDecisionIn = Type.Object({ outcome: lit(['recused', 'rejected'] as const), reason: Str(2, 1000), decidedOn: Type.Optional(IsoDate) }, { additionalProperties: false });

export const StatementIn = Type.Object(
  { receivedOn: IsoDate, content: Str(2, 5000), waivesRights: Type.Optional(Type.Boolean({ description: '当事人明确放弃陈述申辩和听证' })) },
  { additionalProperties: false },
);

export const CollectiveIn = Type.Object({ meeting: Str(2, 200), meetingDate: IsoDate, attendees: Str(2, 500), minutes: Str(2, 5000), conclusion: Str(2, 2000) }, { additionalProperties: false });
export const ReasonIn = Type.Object({ reason: Str(2, 1000) }, { additionalProperties: false });
export const DecisionChangeIn = Type.Object({ kind: lit(['changed', 'revoked', 'unlawful'] as const, 'changed 变更, revoked 撤销, unlawful 被确认违法或无效'), changedOn: IsoDate, reason: Str(2, 1000) }, { additionalProperties: false });

export const CaseQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 30 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    mine: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
  },
  { additionalProperties: false },
);
export const StatsQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), orgId: Type.Optional(Id) }, { additionalProperties: false });

export const Row = Type.Object({}, { additionalProperties: true });
export const Rows = Type.Array(Row);

// ── oversight ──
export const InspectionIn = Type.Object(
  { orgId: Type.Optional(Id), powerId: Type.Optional(Id), targetName: Str(2, 100), matter: Str(2, 500), plannedOn: IsoDate },
  { additionalProperties: false },
);
export const InspectionApprovalIn = Type.Object({ approve: Type.Boolean(), note: Str(2, 500) }, { additionalProperties: false });
export const InspectionResultIn = Type.Object(
  { inspectedOn: IsoDate, officerIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true }), certificatesShown: Type.Boolean(), findings: Str(2, 5000), outcome: lit(['compliant', 'rectify', 'case'] as const, 'compliant 未发现问题, rectify 责令整改, case 发现违法需立案') },
  { additionalProperties: false },
);
export const InspectionQuery = Type.Object({ status: Type.Optional(lit(['planned', 'approved', 'refused', 'done'] as const)) }, { additionalProperties: false });

export const ErrorIn = Type.Object(
  {
    officerId: Id,
    caseId: Type.Optional(Id),
    situation: lit(['ultra_vires', 'unlawful_penalty', 'unlawful_coercion', 'wrong_facts', 'delay', 'misconduct', 'inaction', 'leak', 'other'] as const, '执法过错九种情形'),
    description: Str(2, 2000),
    foundOn: IsoDate,
    liability: Str(2, 200, '责任追究方式，如 批评教育、责令书面检查、暂扣执法证件、调离执法岗位'),
    points: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: '扣分；缺省按规则参数' })),
  },
  { additionalProperties: false },
);

const SheetItemIn = Type.Object({ code: Type.String({ pattern: '^[a-z_]{1,30}$' }), name: Str(2, 100), max: Type.Number({ exclusiveMinimum: 0, maximum: 100 }) }, { additionalProperties: false });
export const EvaluationIn = Type.Object(
  { name: Str(4, 200), year: Type.Integer({ minimum: 2000, maximum: 2100 }), orgIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true })), perSubject: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), sheet: Type.Optional(Type.Array(SheetItemIn, { minItems: 1, maxItems: 20 })) },
  { additionalProperties: false },
);
export const ScoreIn = Type.Object({ caseId: Id, scores: Type.Record(Type.String({ maxLength: 30 }), Type.Number()), comments: Str(2, 2000) }, { additionalProperties: false });

const GradeLit = lit(['excellent', 'good', 'pass', 'fail'] as const, '优秀 / 良好 / 合格 / 不合格');
export const SelfAssessmentIn = Type.Object({ orgId: Type.Optional(Id), year: Type.Integer({ minimum: 2000, maximum: 2100 }), unit: Str(2, 100, '内设执法机构'), selfScore: Type.Number({ minimum: 0, maximum: 100 }), selfReport: Str(10, 20000) }, { additionalProperties: false });
export const GradeProposalIn = Type.Object({ proposedGrade: GradeLit, opinion: Str(2, 2000) }, { additionalProperties: false });
export const GradeDecisionIn = Type.Object({ grade: GradeLit, meeting: Str(2, 200), consequences: Str(2, 2000) }, { additionalProperties: false });
