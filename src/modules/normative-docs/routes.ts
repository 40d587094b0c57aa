import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Paging, withErrors } from '../../core/http/schemas.ts';
import { CatalogueQuery, Document, DraftIn, DraftPatch, Issuer, IssuerIn } from './contract.ts';
import { catalogue, createDocument, getDocument, listDocuments, listIssuers, publicDocument, saveIssuer, updateDraft } from './service.ts';

export const normativeRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['normative'];

  app.get('/normative/issuers', { config: { permission: 'normative.read' }, schema: { tags, summary: '规范性文件制定主体名单（数据范围内）', response: withErrors({ 200: Type.Array(Issuer) }) } }, async (req) => listIssuers(s, req.actor!));
  app.post('/normative/issuers', { config: { permission: 'normative.issuer.manage' }, schema: { tags, summary: '确认并公告制定主体（含编号规则、是否免设有效期）', body: IssuerIn, response: withErrors({ 200: Issuer }) } }, async (req) => saveIssuer(s, req.actor!, req.body));

  app.get(
    '/normative/documents',
    { config: { permission: 'normative.read' }, schema: { tags, summary: '规范性文件（数据范围内，含起草中）', querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 30 })), q: Type.Optional(Type.String({ maxLength: 100 })), ...Paging }, { additionalProperties: false }), response: withErrors({ 200: Type.Array(Type.Object({ id: Type.Integer() }, { additionalProperties: true })) }) } },
    async (req) => listDocuments(s, req.actor!, req.query),
  );
  app.post('/normative/documents', { config: { permission: 'normative.draft' }, schema: { tags, summary: '起草规范性文件（制定机关须为已公告的制定主体）', body: DraftIn, response: withErrors({ 200: Document }) } }, async (req) => createDocument(s, req.actor!, req.body));
  app.get('/normative/documents/:id', { config: { permission: 'normative.read', resource: 'normative_document' }, schema: { tags, summary: '文件详情：正文、风险条款提示、审查与决定记录', params: IdParams, response: withErrors({ 200: Document }) } }, async (req) => getDocument(s, req.actor!, req.params.id));
  app.patch('/normative/documents/:id', { config: { permission: 'normative.draft', resource: 'normative_document' }, schema: { tags, summary: '修改起草中的文件（乐观锁）', params: IdParams, body: DraftPatch, response: withErrors({ 200: Document }) } }, async (req) => updateDraft(s, req.actor!, req.params.id, req.body));

  app.get('/public/normative/documents', { config: { public: true }, schema: { tags, summary: '有效规范性文件目录（公开；中文全文检索）', querystring: CatalogueQuery, response: withErrors({ 200: Type.Object({ total: Type.Integer(), items: Type.Array(Type.Object({ id: Type.Integer() }, { additionalProperties: true })) }) }) } }, async (req) => catalogue(s, req.query));
  app.get('/public/normative/documents/:id', { config: { public: true, resource: 'normative_document' }, schema: { tags, summary: '已公布文件的正文与公开记录（公开）', params: IdParams, response: withErrors({ 200: Type.Object({ id: Type.Integer(), valid: Type.Boolean() }, { additionalProperties: true }) }) } }, async (req) => publicDocument(s, req.params.id));
};
