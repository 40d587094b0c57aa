import type { FastifyPluginAsync } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, withErrors } from '../../core/http/schemas.ts';
import { CopyIn, NodeIn, NodePatch, RecordsQuery, RectificationIn, ReturnIn, ReviewIn, RoundIn, Row, Rows, SelfIn, TemplateIn } from './contract.ts';
import { indicatorRecords, verifyRound } from './drilldown.ts';
import { listConsequences, submitRectification } from './outcomes.ts';
import { importSystem, systemTemplateXlsx, systemXlsx } from './systems-excel.ts';
import { XLSX_MIME, sendDownload, uploadedFile } from '../../core/http/files.ts';
import { computeRound, createRound, getRound, listRounds, orgSheet, publicResults, publishRound, returnItems, reviewOrg, submitSelf } from './rounds.ts';
import { assessmentReportRoutes } from './report-routes.ts';
import { addNode, copySystem, createFromTemplate, deleteNode, getSystem, listSystems, publishSystem, updateNode } from './systems.ts';

export const assessmentRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['assessment'];
  const ok = <T extends TSchema>(schema?: T) => withErrors({ 200: schema ?? Row });
  const manage = { permission: 'assessment.manage' };

  app.get('/assessment/systems', { config: { permission: 'assessment.read' }, schema: { tags, summary: '指标体系（各年度、各版本）', response: ok(Rows) } }, async (req) => listSystems(s, req.actor!));
  app.post('/assessment/systems/template', { config: manage, schema: { tags, summary: '以默认模板（吉林省法治政府建设指标体系）新建指标体系草稿：解析原文为指标树，分值平均分配', body: TemplateIn, response: ok() } }, async (req) => createFromTemplate(s, req.actor!, req.body));
  app.get('/assessment/systems/template.xlsx', { config: manage, schema: { tags, summary: '指标体系导入模板（Excel）' } }, async (_req, reply) => sendDownload(reply, XLSX_MIME, '指标体系导入模板.xlsx', await systemTemplateXlsx()));
  app.post('/assessment/systems/import', { config: manage, schema: { tags, summary: '从 Excel 导入指标体系草稿（逐行报告错误；分值不平衡时给出提示）', consumes: ['multipart/form-data'], querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), name: Type.String({ minLength: 4, maxLength: 200 }), totalPoints: Type.Optional(Type.Number({ minimum: 10, maximum: 10000 })) }, { additionalProperties: false }), response: ok() } }, async (req) => importSystem(s, req.actor!, await uploadedFile(req), req.query));
  app.get('/assessment/systems/:id/export.xlsx', { config: { permission: 'assessment.read', resource: 'assessment_system' }, schema: { tags, summary: '导出指标体系（Excel：一级至三级指标、分值、考核内容、考核方式、数据来源）', params: IdParams } }, async (req, reply) => {
    const f = await systemXlsx(s, req.actor!, req.params.id);
    return sendDownload(reply, XLSX_MIME, f.filename, f.data);
  });
  app.get('/assessment/systems/:id', { config: { permission: 'assessment.read', resource: 'assessment_system' }, schema: { tags, summary: '指标体系：指标树、分值校验、可关联的指标数据', params: IdParams, response: ok() } }, async (req) => getSystem(s, req.actor!, req.params.id));
  app.post('/assessment/systems/:id/nodes', { config: { ...manage, resource: 'assessment_system' }, schema: { tags, summary: '增加指标（草稿）', params: IdParams, body: NodeIn, response: ok() } }, async (req) => addNode(s, req.actor!, req.params.id, req.body));
  app.post('/assessment/systems/:id/publish', { config: { ...manage, resource: 'assessment_system' }, schema: { tags, summary: '发布指标体系（分值须平衡；发布后冻结）', params: IdParams, body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: ok() } }, async (req) => publishSystem(s, req.actor!, req.params.id, req.body.version));
  app.post('/assessment/systems/:id/copy', { config: { ...manage, resource: 'assessment_system' }, schema: { tags, summary: '复制为新版本或新年度的草稿', params: IdParams, body: CopyIn, response: ok() } }, async (req) => copySystem(s, req.actor!, req.params.id, req.body));
  app.patch('/assessment/nodes/:id', { config: { ...manage, resource: 'assessment_node' }, schema: { tags, summary: '修改指标：分值、名称、位置（不得成环）、末级指标的评分方法与规则', params: IdParams, body: NodePatch, response: ok() } }, async (req) => updateNode(s, req.actor!, req.params.id, req.body));
  app.delete('/assessment/nodes/:id', { config: { ...manage, resource: 'assessment_node' }, schema: { tags, summary: '删除末级指标（草稿）', params: IdParams, response: ok() } }, async (req) => deleteNode(s, req.actor!, req.params.id));

  app.get('/assessment/rounds', { config: { permission: 'assessment.read' }, schema: { tags, summary: '考核轮次', response: ok(Rows) } }, async (req) => listRounds(s, req.actor!));
  app.post('/assessment/rounds', { config: manage, schema: { tags, summary: '组织考核：依据已发布的指标体系，确定被考核单位和时间表（自评期限纳入电子监察）', body: RoundIn, response: ok() } }, async (req) => createRound(s, req.actor!, req.body));
  app.get('/assessment/rounds/:id', { config: { permission: 'assessment.read', resource: 'assessment_round' }, schema: { tags, summary: '考核轮次：各单位状态、得分、等次、排名', params: IdParams, response: ok() } }, async (req) => getRound(s, req.actor!, req.params.id));
  app.post('/assessment/rounds/:id/compute', { config: { ...manage, resource: 'assessment_round' }, schema: { tags, summary: '从各模块实时数据计算指标数据并评分（保留计算值与时间）', params: IdParams, response: ok() } }, async (req) => computeRound(s, req.actor!, req.params.id));
  app.get('/assessment/rounds/:id/sheet', { config: { permission: 'authenticated', resource: 'assessment_round' }, schema: { tags, summary: '某单位的考核表：指标值、自评、审核与得分（考核机构或被考核单位本身）', params: IdParams, querystring: Type.Object({ orgId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: ok() } }, async (req) => orgSheet(s, req.actor!, req.params.id, req.query.orgId));
  app.post('/assessment/rounds/:id/self', { config: { permission: 'assessment.self', resource: 'assessment_round' }, schema: { tags, summary: '被考核单位自评打分并说明（submit=true 报送）', params: IdParams, body: SelfIn, response: ok() } }, async (req) => submitSelf(s, req.actor!, req.params.id, req.body));
  app.post('/assessment/rounds/:id/review', { config: { ...manage, resource: 'assessment_round' }, schema: { tags, summary: '审核自评（与自评分不同的须说明理由）', params: IdParams, body: ReviewIn, response: ok() } }, async (req) => reviewOrg(s, req.actor!, req.params.id, req.body));
  app.post('/assessment/rounds/:id/return', { config: { ...manage, resource: 'assessment_round' }, schema: { tags, summary: '退回补充：将已报送的自评指标退回单位补充（每单位限一次，重新报送期限纳入电子监察）', params: IdParams, body: ReturnIn, response: ok() } }, async (req) => returnItems(s, req.actor!, req.params.id, req.body));
  app.get('/assessment/rounds/:id/records', { config: { permission: 'authenticated', resource: 'assessment_round' }, schema: { tags, summary: '指标数据的统计记录（穿透查看：计入的文件、案件等；公布后为冻结时的记录）', params: IdParams, querystring: RecordsQuery, response: ok() } }, async (req) => indicatorRecords(s, req.actor!, req.params.id, req.query));
  app.get('/assessment/rounds/:id/verify', { config: { permission: 'assessment.read', resource: 'assessment_round' }, schema: { tags, summary: '复核计算：按存储的指标值、评分规则和统计记录重算得分', params: IdParams, response: ok() } }, async (req) => verifyRound(s, req.actor!, req.params.id));
  app.get('/assessment/rounds/:id/consequences', { config: { permission: 'authenticated', resource: 'assessment_round' }, schema: { tags, summary: '考核结果运用：通报表彰、通报批评并限期整改、连续两年不合格', params: IdParams, response: ok(Rows) } }, async (req) => listConsequences(s, req.actor!, req.params.id));
  app.post('/assessment/rounds/:id/rectification', { config: { permission: 'assessment.self', resource: 'assessment_round' }, schema: { tags, summary: '报送书面整改意见（考核不合格单位）', params: IdParams, body: RectificationIn, response: ok() } }, async (req) => submitRectification(s, req.actor!, req.params.id, req.body));
  app.post('/assessment/rounds/:id/publish', { config: { ...manage, resource: 'assessment_round' }, schema: { tags, summary: '公布考核结果：总分、等次（一票否决）、排名', params: IdParams, response: ok() } }, async (req) => publishRound(s, req.actor!, req.params.id));
  app.get('/public/assessment/results', { config: { public: true }, schema: { tags, summary: '已公布的法治政府建设考核结果（公开）', response: ok(Rows) } }, async () => publicResults(s));
  await app.register(assessmentReportRoutes);
};
