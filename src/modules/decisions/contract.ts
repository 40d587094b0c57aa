import { Type } from '@sinclair/typebox';
import { Id, IsoDate } from '../../core/http/schemas.ts';
import { ADVISER_KIND_LABELS, ADVISER_PROFESSION_LABELS, EXPERT_FIELD_LABELS, EXPERT_FIELDS } from './labels.ts';

/** Request and response schemas of the major-decisions API (registers: catalogue, advisers, experts). */
const Str = (min: number, max: number, description?: string) => Type.String({ minLength: min, maxLength: max, ...(description ? { description } : {}) });
const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const Nullable = <T extends ReturnType<typeof Str> | typeof IsoDate>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const SubjectType = Type.String({ pattern: '^[a-z][a-z_]{1,39}$', description: '论证事项类型，如 decision（重大行政决策）' });
const SubjectId = Str(1, 60, '论证事项编号');
const codes = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[];
const FieldLit = lit(EXPERT_FIELDS, Object.entries(EXPERT_FIELD_LABELS).map(([k, v]) => `${k} ${v}`).join('，'));
const Fields = Type.Array(FieldLit, { minItems: 1, maxItems: EXPERT_FIELDS.length, uniqueItems: true });
const AmendmentReason = Type.Optional(Str(4, 1000, '目录公布后调整的理由（已公布的目录只能以修订方式调整）'));

export const Row = Type.Object({}, { additionalProperties: true });
export const Rows = Type.Array(Row);

// ── catalogue ──
export const CatalogueIn = Type.Object({ orgId: Id, year: Year, title: Type.Optional(Str(4, 200)) }, { additionalProperties: false });
export const CatalogueQuery = Type.Object({ orgId: Type.Optional(Id), year: Type.Optional(Year) }, { additionalProperties: false });
const itemFields = {
  title: Str(4, 200, '决策事项名称'),
  decidingBody: Str(2, 100, '决策机关，如 演示市人民政府常务会议'),
  undertakingOrgId: Id,
  plannedStart: Nullable(IsoDate),
  plannedEnd: Nullable(IsoDate),
  hearingRequired: Type.Optional(Type.Boolean({ description: '列入听证目录' })),
  legalBasis: Nullable(Str(2, 1000)),
  notes: Nullable(Str(1, 1000)),
};
export const ItemIn = Type.Object({ ...itemFields, amendmentReason: AmendmentReason }, { additionalProperties: false });
export const ItemPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    title: Type.Optional(itemFields.title),
    decidingBody: Type.Optional(itemFields.decidingBody),
    undertakingOrgId: Type.Optional(Id),
    plannedStart: itemFields.plannedStart,
    plannedEnd: itemFields.plannedEnd,
    hearingRequired: itemFields.hearingRequired,
    legalBasis: itemFields.legalBasis,
    notes: itemFields.notes,
    amendmentReason: AmendmentReason,
  },
  { additionalProperties: false },
);
export const ItemRemoveIn = Type.Object({ amendmentReason: AmendmentReason }, { additionalProperties: false });
export const PublishIn = Type.Object({ version: Type.Integer({ minimum: 1 }), publishedOn: Type.Optional(IsoDate) }, { additionalProperties: false });
export const PublicCatalogueQuery = Type.Object({ year: Type.Optional(Year), orgId: Type.Optional(Id) }, { additionalProperties: false });

// ── legal advisers ──
export const ADVISER_KINDS = codes(ADVISER_KIND_LABELS);
export const ADVISER_PROFESSIONS = codes(ADVISER_PROFESSION_LABELS);
const Phone = Str(7, 20, '联系电话（加密存储，列表只显示脱敏号码）');
export const AdviserIn = Type.Object(
  {
    orgId: Id,
    name: Str(2, 30),
    kind: lit(ADVISER_KINDS, 'in_house 内部（法制机构人员）；external 外聘'),
    profession: lit(ADVISER_PROFESSIONS, 'lawyer 律师；scholar 学者；official 法制机构人员；other 其他'),
    affiliation: Str(2, 100, '所在单位（律师事务所、高校等）'),
    fields: Type.Optional(Type.Array(Str(1, 30), { maxItems: 20, uniqueItems: true, description: '擅长领域' })),
    termStart: Nullable(IsoDate),
    termEnd: Nullable(IsoDate),
    contact: Type.Optional(Phone),
  },
  { additionalProperties: false },
);
export const AdviserPatch = Type.Object(
  { version: Type.Integer({ minimum: 1 }), affiliation: Type.Optional(AdviserIn.properties.affiliation), fields: AdviserIn.properties.fields, termStart: Nullable(IsoDate), termEnd: Nullable(IsoDate), contact: Type.Optional(Type.Union([Phone, Type.Null()])), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const EngagementIn = Type.Object({ startOn: IsoDate, endOn: IsoDate, scope: Str(2, 1000, '聘请事项范围') }, { additionalProperties: false });
export const OpinionIn = Type.Object(
  {
    subjectType: SubjectType,
    subjectId: SubjectId,
    subjectTitle: Str(2, 200),
    opinion: Str(2, 20000),
    givenOn: IsoDate,
    attachmentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, uniqueItems: true, description: '先上传到该法律顾问记录的附件' })),
  },
  { additionalProperties: false },
);
export const SubjectQuery = Type.Object({ subjectType: SubjectType, subjectId: SubjectId }, { additionalProperties: false });
export const PoolQuery = Type.Object({ orgId: Type.Optional(Id), field: Type.Optional(FieldLit), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

// ── experts ──
export const ExpertIn = Type.Object(
  {
    orgId: Id,
    name: Str(2, 30),
    fields: Fields,
    affiliation: Str(2, 100),
    title: Type.Optional(Str(1, 50, '职称，如 教授、高级工程师')),
    contact: Type.Optional(Phone),
    idNumber: Type.Optional(Str(18, 18, '居民身份号码（加密存储）')),
    active: Type.Optional(Type.Boolean()),
    userId: Type.Optional(Type.Union([Id, Type.Null()], { description: '专家本人的平台账号（外聘专家角色），用于在线提交论证意见' })),
  },
  { additionalProperties: false },
);
export const ExpertPatch = Type.Object(
  { version: Type.Integer({ minimum: 1 }), fields: Type.Optional(Fields), affiliation: Type.Optional(Str(2, 100)), title: Nullable(Str(1, 50)), contact: Type.Optional(Type.Union([Phone, Type.Null()])), active: Type.Optional(Type.Boolean()), userId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false },
);
export const ConflictIn = Type.Object(
  {
    conflictOrgId: Type.Optional(Id),
    subjectType: Type.Optional(SubjectType),
    subjectId: Type.Optional(SubjectId),
    description: Str(2, 500, '利害关系说明，如 担任某单位常年法律顾问'),
    declaredOn: IsoDate,
  },
  { additionalProperties: false },
);
const Counts = Type.Partial(Type.Object(Object.fromEntries(EXPERT_FIELDS.map((f) => [f, Type.Integer({ minimum: 0, maximum: 20 })])) as Record<(typeof EXPERT_FIELDS)[number], ReturnType<typeof Type.Integer>>), { additionalProperties: false, description: '各领域抽取人数，如 {"law":2,"economy":1}' });
export const DrawIn = Type.Object(
  {
    orgId: Id,
    subjectType: SubjectType,
    subjectId: SubjectId,
    subjectTitle: Str(2, 200),
    decidingOrgId: Type.Optional(Id),
    undertakingOrgId: Type.Optional(Id),
    counts: Counts,
    seed: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z_-]{4,64}$', description: '随机种子；缺省由系统生成并记录，同一种子重抽结果相同' })),
  },
  { additionalProperties: false },
);
export const ManualAssignIn = Type.Object(
  {
    orgId: Id,
    subjectType: SubjectType,
    subjectId: SubjectId,
    expertId: Id,
    field: FieldLit,
    decidingOrgId: Type.Optional(Id),
    undertakingOrgId: Type.Optional(Id),
    reason: Str(4, 1000, '不经抽取直接选定的理由'),
  },
  { additionalProperties: false },
);
