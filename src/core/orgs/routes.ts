import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, RegionCode, withErrors, Ok } from '../http/schemas.ts';
import { type OrgInput, createOrg, createRegion, deleteOrg, listOrgs, listRegions, ORG_TYPES, updateOrg } from './service.ts';

const OrgType = Type.Union(Object.keys(ORG_TYPES).map((k) => Type.Literal(k)), { description: Object.entries(ORG_TYPES).map(([k, v]) => `${k}=${v}`).join('; ') });
const Org = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    short_name: Type.Union([Type.String(), Type.Null()]),
    org_type: Type.String(),
    region_code: Type.String(),
    parent_id: Type.Union([Type.Integer(), Type.Null()]),
    path: Type.String(),
    assessment_category: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer(),
  },
  { additionalProperties: true },
);
const OrgFields = {
  name: Type.String({ minLength: 2, maxLength: 100 }),
  shortName: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
  orgType: OrgType,
  regionCode: RegionCode,
  parentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  assessmentCategory: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
  creditCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' }), Type.Null()])),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
};

export const orgRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  app.get('/regions', { config: { permission: 'authenticated' }, schema: { tags: ['orgs'], summary: '行政区划树（GB/T 2260）', response: withErrors({ 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), level: Type.String(), parent_code: Type.Union([Type.String(), Type.Null()]), path: Type.String() })) }) } }, async () => listRegions(s));
  app.post(
    '/regions',
    {
      config: { permission: 'region.manage' },
      schema: {
        tags: ['orgs'],
        summary: '新增行政区划',
        body: Type.Object({ code: RegionCode, name: Type.String({ minLength: 2, maxLength: 50 }), level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county'), Type.Literal('township')]), parentCode: Type.Optional(Type.Union([RegionCode, Type.Null()])) }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ code: Type.String() }, { additionalProperties: true }) }),
      },
    },
    async (req) => createRegion(s, req.actor!, req.body),
  );
  app.get('/orgs', { config: { permission: 'org.read' }, schema: { tags: ['orgs'], summary: '机构列表（数据范围内）', response: withErrors({ 200: Type.Array(Org) }) } }, async (req) => listOrgs(s, req.actor!));
  app.post('/orgs', { config: { permission: 'org.manage' }, schema: { tags: ['orgs'], summary: '新增机构', body: Type.Object(OrgFields, { additionalProperties: false }), response: withErrors({ 200: Org }) } }, async (req) => createOrg(s, req.actor!, req.body as OrgInput));
  app.patch(
    '/orgs/:id',
    {
      config: { permission: 'org.manage' , resource: 'org' },
      schema: {
        tags: ['orgs'],
        summary: '修改机构（含调整上级，禁止成环）',
        params: IdParams,
        body: Type.Object({ ...Type.Partial(Type.Object(OrgFields)).properties, active: Type.Optional(Type.Boolean()), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: withErrors({ 200: Org }),
      },
    },
    async (req) => updateOrg(s, req.actor!, req.params.id, req.body as Partial<OrgInput> & { version: number; active?: boolean }),
  );
  app.delete('/orgs/:id', { config: { permission: 'org.manage', resource: 'org' }, schema: { tags: ['orgs'], summary: '删除机构（仍有下级、用户或业务记录时拒绝）', params: IdParams, response: withErrors({ 200: Ok }) } }, async (req) => deleteOrg(s, req.actor!, req.params.id));
};
