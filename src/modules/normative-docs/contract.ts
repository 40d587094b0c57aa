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
