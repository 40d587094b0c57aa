import type { FastifyPluginAsync } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Ok, withErrors } from '../../core/http/schemas.ts';
import {
  AdviserIn, AdviserPatch, CatalogueIn, CatalogueQuery, ConflictIn, DrawIn, EngagementIn, ExpertIn, ExpertPatch, ItemIn, ItemPatch, ItemRemoveIn, ManualAssignIn,
  OpinionIn, PoolQuery, PublicCatalogueQuery, PublishIn, Row, Rows, SubjectQuery,
} from './contract.ts';
import { addItem, createCatalogue, getCatalogue, listCatalogues, publicCatalogue, publicCatalogues, publicHearings, publishCatalogue, removeItem, updateItem } from './catalogues.ts';
import { addEngagement, createAdviser, getAdviser, listAdvisers, listOpinions, recordOpinion, updateAdviser } from './advisers.ts';
import { decisionProcedureRoutes } from './decision-routes.ts';
import { accountabilityRoutes } from './accountability-routes.ts';
import { assignManually, createExpert, declareConflict, drawForSubject, getDraw, getExpert, listAssignments, listDraws, listExperts, updateExpert, verifyDraw } from './experts.ts';

export const decisionRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['decisions'];
  const ok = <T extends TSchema>(schema?: T) => withErrors({ 200: schema ?? Row });
  const read = { permission: 'decisions.read' };
  const manage = { permission: 'decisions.manage' };
  const experts = { permission: 'decisions.experts' };
  const OrgQuery = Type.Object({ orgId: Type.Optional(IdParams.properties.id) }, { additionalProperties: false });

  // ── decision catalogue and hearing catalogue (条例 art. 3 ¶3; seed 002 #21–22) ──
  app.get('/decisions/catalogues', { config: read, schema: { tags, summary: '年度重大行政决策事项目录（数据范围内）', querystring: CatalogueQuery, response: ok(Rows) } }, async (req) => listCatalogues(s, req.actor!, req.query));
  app.post('/decisions/catalogues', { config: manage, schema: { tags, summary: '编制年度决策事项目录（开始公布期限计时）', body: CatalogueIn, response: ok() } }, async (req) => createCatalogue(s, req.actor!, req.body));
  app.get('/decisions/catalogues/:id', { config: { ...read, resource: 'decision_catalogue' }, schema: { tags, summary: '目录详情：事项、听证标记、修订记录、公布期限', params: IdParams, response: ok() } }, async (req) => getCatalogue(s, req.actor!, req.params.id));
  app.post('/decisions/catalogues/:id/items', { config: { ...manage, resource: 'decision_catalogue' }, schema: { tags, summary: '增列决策事项（已公布的目录须说明修订理由）', params: IdParams, body: ItemIn, response: ok() } }, async (req) => addItem(s, req.actor!, req.params.id, req.body));
  app.post('/decisions/catalogues/:id/publish', { config: { ...manage, resource: 'decision_catalogue' }, schema: { tags, summary: '公布目录及听证目录（公布后冻结）', params: IdParams, body: PublishIn, response: ok() } }, async (req) => publishCatalogue(s, req.actor!, req.params.id, req.body));
  app.patch('/decisions/catalogue-items/:id', { config: { ...manage, resource: 'decision_catalogue_item' }, schema: { tags, summary: '修改目录事项（乐观锁；已公布的目录须说明修订理由）', params: IdParams, body: ItemPatch, response: ok() } }, async (req) => updateItem(s, req.actor!, req.params.id, req.body));
  app.post('/decisions/catalogue-items/:id/remove', { config: { ...manage, resource: 'decision_catalogue_item' }, schema: { tags, summary: '删除草拟目录中的事项，或以修订方式移出已公布目录', params: IdParams, body: ItemRemoveIn, response: ok(Ok) } }, async (req) => removeItem(s, req.actor!, req.params.id, req.body.amendmentReason));

  // ── legal advisers (seed 000 §3(一); seed 002 #25) ──
  app.get('/decisions/advisers', { config: read, schema: { tags, summary: '法律顾问名册（联系电话脱敏）', querystring: OrgQuery, response: ok(Rows) } }, async (req) => listAdvisers(s, req.actor!, req.query));
  app.post('/decisions/advisers', { config: manage, schema: { tags, summary: '登记法律顾问（内部或外聘）', body: AdviserIn, response: ok() } }, async (req) => createAdviser(s, req.actor!, req.body));
  app.get('/decisions/advisers/:id', { config: { ...read, resource: 'decision_adviser' }, schema: { tags, summary: '法律顾问详情、聘请记录和法律意见', params: IdParams, response: ok() } }, async (req) => getAdviser(s, req.actor!, req.params.id));
  app.patch('/decisions/advisers/:id', { config: { ...manage, resource: 'decision_adviser' }, schema: { tags, summary: '修改法律顾问信息（乐观锁）', params: IdParams, body: AdviserPatch, response: ok() } }, async (req) => updateAdviser(s, req.actor!, req.params.id, req.body));
  app.post('/decisions/advisers/:id/engagements', { config: { ...manage, resource: 'decision_adviser' }, schema: { tags, summary: '登记聘请（期限和事项范围）', params: IdParams, body: EngagementIn, response: ok() } }, async (req) => addEngagement(s, req.actor!, req.params.id, req.body));
  app.post('/decisions/advisers/:id/opinions', { config: { ...manage, resource: 'decision_adviser' }, schema: { tags, summary: '登记法律顾问对某一事项的法律意见', params: IdParams, body: OpinionIn, response: ok() } }, async (req) => recordOpinion(s, req.actor!, req.params.id, req.body));
  app.get('/decisions/opinions', { config: read, schema: { tags, summary: '某一事项的法律顾问意见', querystring: SubjectQuery, response: ok(Rows) } }, async (req) => listOpinions(s, req.actor!, req.query));

  // ── expert pool and drawing (seed 002 #23; seed 003 篇6 §2(三)) ──
  app.get('/decisions/experts', { config: read, schema: { tags, summary: '决策咨询论证专家库（联系电话脱敏）', querystring: PoolQuery, response: ok(Rows) } }, async (req) => listExperts(s, req.actor!, req.query));
  app.post('/decisions/experts', { config: experts, schema: { tags, summary: '专家入库', body: ExpertIn, response: ok() } }, async (req) => createExpert(s, req.actor!, req.body));
  app.get('/decisions/experts/:id', { config: { ...read, resource: 'decision_expert' }, schema: { tags, summary: '专家详情、申报的利害关系和参加论证记录', params: IdParams, response: ok() } }, async (req) => getExpert(s, req.actor!, req.params.id));
  app.patch('/decisions/experts/:id', { config: { ...experts, resource: 'decision_expert' }, schema: { tags, summary: '修改专家信息或停用（乐观锁）', params: IdParams, body: ExpertPatch, response: ok() } }, async (req) => updateExpert(s, req.actor!, req.params.id, req.body));
  app.post('/decisions/experts/:id/conflicts', { config: { ...experts, resource: 'decision_expert' }, schema: { tags, summary: '申报利害关系（须回避的机构或事项）', params: IdParams, body: ConflictIn, response: ok() } }, async (req) => declareConflict(s, req.actor!, req.params.id, req.body));
  app.post('/decisions/expert-draws', { config: manage, schema: { tags, summary: '按领域随机抽取论证专家（排除利害关系人，可用种子复核）', body: DrawIn, response: ok() } }, async (req) => drawForSubject(s, req.actor!, req.body));
  app.get('/decisions/expert-draws', { config: read, schema: { tags, summary: '专家抽取记录', querystring: Type.Partial(SubjectQuery), response: ok(Rows) } }, async (req) => listDraws(s, req.actor!, req.query));
  app.get('/decisions/expert-draws/:id', { config: { ...read, resource: 'decision_expert_draw' }, schema: { tags, summary: '抽取记录：抽中的专家及未抽中者的原因', params: IdParams, response: ok() } }, async (req) => getDraw(s, req.actor!, req.params.id));
  app.get('/decisions/expert-draws/:id/verify', { config: { ...read, resource: 'decision_expert_draw' }, schema: { tags, summary: '以记录的种子和当时的专家库重新抽取，核验结果一致', params: IdParams, response: ok() } }, async (req) => verifyDraw(s, req.actor!, req.params.id));
  app.get('/decisions/expert-assignments', { config: read, schema: { tags, summary: '某一事项的论证专家（抽取或直接选定）', querystring: SubjectQuery, response: ok(Rows) } }, async (req) => listAssignments(s, req.actor!, req.query));
  app.post('/decisions/expert-assignments', { config: manage, schema: { tags, summary: '直接选定论证专家（须说明理由；有利害关系的不得选定）', body: ManualAssignIn, response: ok() } }, async (req) => assignManually(s, req.actor!, req.body));

  // ── public portal: published catalogues only ──
  app.get('/public/decisions/catalogues', { config: { public: true }, schema: { tags, summary: '已公布的重大行政决策事项目录（公开）', querystring: PublicCatalogueQuery, response: ok(Rows) } }, async (req) => publicCatalogues(s, req.query));
  app.get('/public/decisions/catalogues/:id', { config: { public: true, resource: 'decision_catalogue' }, schema: { tags, summary: '目录事项、听证目录和修订记录（公开）', params: IdParams, response: ok() } }, async (req) => publicCatalogue(s, req.params.id));
  app.get('/public/decisions/hearings', { config: { public: true }, schema: { tags, summary: '重大行政决策听证目录（公开）', querystring: PublicCatalogueQuery, response: ok(Rows) } }, async (req) => publicHearings(s, req.query));
  await app.register(decisionProcedureRoutes);
  await app.register(accountabilityRoutes);
};
