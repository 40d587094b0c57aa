import { Type } from '@sinclair/typebox';
import { Id } from '../../core/http/schemas.ts';
import { MAX_BODY } from './limits.ts';

/** Request and response schemas of the normative-documents API (shared with web/). */
export const DocType = Type.Union([Type.Literal('government'), Type.Literal('department')], { description: 'government=政府规范性文件; department=部门规范性文件' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Title = Type.String({ minLength: 4, maxLength: 200 });
const Body = Type.String({ maxLength: MAX_BODY });
const Bases = Type.Array(Type.String({ minLength: 2, maxLength: 200 }), { maxItems: 50 });
const OrgIds = Type.Array(Id, { maxItems: 50 });

export const IssuerIn = Type.Object(
  {
    orgId: Id,
    docType: DocType,
    numberPattern: Type.String({ maxLength: 100, description: '如 演示府规〔{year}〕{seq}号；{seq:3} 补零至 3 位' }),
    announcedOn: IsoDate,
    announcement: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    validityExempt: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const Issuer = Type.Object({ org_id: Type.Integer(), number_pattern: Type.String(), doc_type: Type.String(), active: Type.Boolean() }, { additionalProperties: true });

export const DraftIn = Type.Object(
  {
    issuerOrgId: Id,
    draftingOrgId: Type.Optional(Id),
    title: Title,
    provisional: Type.Optional(Type.Boolean()),
    affectsRights: Type.Optional(Type.Boolean()),
    body: Body,
    legalBases: Type.Optional(Bases),
    consultedOrgIds: Type.Optional(OrgIds),
    replacesId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export const DraftPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    title: Type.Optional(Title),
    body: Type.Optional(Body),
    provisional: Type.Optional(Type.Boolean()),
    affectsRights: Type.Optional(Type.Boolean()),
    legalBases: Type.Optional(Bases),
    consultedOrgIds: Type.Optional(OrgIds),
  },
  { additionalProperties: false },
);
export const Document = Type.Object({ id: Type.Integer(), title: Type.String(), status: Type.String(), version: Type.Integer() }, { additionalProperties: true });
export const CatalogueQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    issuerOrgId: Type.Optional(Id),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
  },
  { additionalProperties: false },
);

const Line = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const Row = Type.Object({}, { additionalProperties: true });
export const Rows = Type.Array(Row);

export const CommentIn = Type.Object(
  {
    paragraph: Type.Integer({ minimum: 0, maximum: 10000, description: '段落序号（从 0 起）' }),
    content: Line(2000),
    name: Type.Optional(Type.String({ maxLength: 50 })),
    contact: Type.Optional(Type.String({ maxLength: 20, description: '手机或固定电话，仅起草单位可见（加密存储）' })),
  },
  { additionalProperties: false },
);
export const CommentAnswerIn = Type.Object(
  { answer: Type.Union([Type.Literal('adopted'), Type.Literal('partly'), Type.Literal('not_adopted')], { description: '采纳 / 部分采纳 / 不予采纳' }), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const ConsultationReplyIn = Type.Object({ position: Type.Union([Type.Literal('agree'), Type.Literal('disagree')]), reply: Line(5000) }, { additionalProperties: false });
export const ResolutionIn = Type.Object({ resolution: Line(5000) }, { additionalProperties: false });
export const SuggestionIn = Type.Object(
  { documentId: Id, name: Line(50), contact: Type.Optional(Type.String({ maxLength: 20 })), content: Line(5000) },
  { additionalProperties: false },
);
export const SuggestionAnswerIn = Type.Object(
  { finding: Type.Union([Type.Literal('lawful'), Type.Literal('corrected'), Type.Literal('revoked')], { description: '经审查合法 / 已纠正 / 已撤销' }), answer: Line(5000) },
  { additionalProperties: false },
);
export const EvaluationIn = Type.Object(
  { conclusion: Type.Union([Type.Literal('continue'), Type.Literal('revise'), Type.Literal('abolish')], { description: '继续实施（重新制定发布）/ 修改 / 废止' }), report: Line(20000) },
  { additionalProperties: false },
);
export const CleanupIn = Type.Object({ orgId: Id, name: Type.String({ minLength: 4, maxLength: 200 }), dueOn: IsoDate }, { additionalProperties: false });
export const CleanupDecisionIn = Type.Object(
  { documentId: Id, decision: Type.Union([Type.Literal('keep'), Type.Literal('amend'), Type.Literal('abolish'), Type.Literal('declare_invalid')], { description: '保留 / 修改 / 废止 / 宣布失效' }), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const BulletinQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })) }, { additionalProperties: false });
export const ImportResult = Type.Object({ imported: Type.Integer(), ids: Type.Array(Type.Integer()), errors: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String(), message_en: Type.String() })) });
