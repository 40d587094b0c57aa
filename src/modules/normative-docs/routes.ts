import type { FastifyPluginAsync } from 'fastify';
import { DOCX_MIME as DOCX, XLSX_MIME as XLSX, sendDownload as download, uploadedFile as uploaded } from '../../core/http/files.ts';
import { Type, type TSchema } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Paging, withErrors } from '../../core/http/schemas.ts';
import {
  BulletinQuery, CatalogueQuery, CleanupDecisionIn, CleanupIn, CommentAnswerIn, CommentIn, ConsultationReplyIn, Document, DraftIn, DraftPatch,
  EvaluationIn, ImportResult, Issuer, IssuerIn, ResolutionIn, Row, Rows, SuggestionAnswerIn, SuggestionIn,
} from './contract.ts';
import { catalogue, createDocument, getDocument, listDocuments, listIssuers, publicDocument, publicIssuers, saveIssuer, updateDraft } from './service.ts';
import { answerComment, escalateConsultation, listConsultations, listEscalations, publicDraft, publicDrafts, replyConsultation, resolveConsultation, submitComment } from './participation.ts';
import { answerSuggestion, listSuggestions, submitSuggestion, trackSuggestion } from './suggestions.ts';
import { createCleanup, decideCleanupItem, evaluateDocument, expiringDocuments, getCleanup, listCleanups, publicCleanups, publishCleanup } from './expiry.ts';
import { bulletinData, importRegister, passedList } from './reports.ts';
import { bulletinDocx, bulletinXlsx } from './bulletin-files.ts';
import { registerTemplateXlsx } from './register-import.ts';
import { extractDocxText } from '../../core/imports/docx-text.ts';

export const normativeRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['normative'];
  const ok = <T extends TSchema>(schema?: T) => withErrors({ 200: schema ?? Row });

  // ── issuers, documents ──
  app.get('/normative/issuers', { config: { permission: 'normative.read' }, schema: { tags, summary: '规范性文件制定主体名单（数据范围内）', response: withErrors({ 200: Type.Array(Issuer) }) } }, async (req) => listIssuers(s, req.actor!));
  app.post('/normative/issuers', { config: { permission: 'normative.issuer.manage' }, schema: { tags, summary: '确认并公告制定主体（含编号规则、是否免设有效期）', body: IssuerIn, response: withErrors({ 200: Issuer }) } }, async (req) => saveIssuer(s, req.actor!, req.body));
  app.get(
    '/normative/documents',
    { config: { permission: 'normative.read' }, schema: { tags, summary: '规范性文件（数据范围内，含起草中）', querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 30 })), q: Type.Optional(Type.String({ maxLength: 100 })), ...Paging }, { additionalProperties: false }), response: ok(Rows) } },
    async (req) => listDocuments(s, req.actor!, req.query),
  );
  app.post('/normative/documents', { config: { permission: 'normative.draft' }, schema: { tags, summary: '起草规范性文件（制定机关须为已公告的制定主体；replacesId：经评估重新制定发布）', body: DraftIn, response: withErrors({ 200: Document }) } }, async (req) => createDocument(s, req.actor!, req.body));
  app.post('/normative/docx-text', { config: { permission: 'normative.draft' }, schema: { tags, summary: '读取上传的 Word（.docx）正文文字（multipart，字段 file）', consumes: ['multipart/form-data'], response: ok(Type.Object({ text: Type.String() })) } }, async (req) => ({ text: await extractDocxText(await uploaded(req)) }));
  app.get('/normative/documents/:id', { config: { permission: 'normative.read', resource: 'normative_document' }, schema: { tags, summary: '文件详情：正文、风险条款提示、意见、审查、决定、备案与评估记录', params: IdParams, response: withErrors({ 200: Document }) } }, async (req) => getDocument(s, req.actor!, req.params.id));
  app.patch('/normative/documents/:id', { config: { permission: 'normative.draft', resource: 'normative_document' }, schema: { tags, summary: '修改起草中的文件（乐观锁）', params: IdParams, body: DraftPatch, response: withErrors({ 200: Document }) } }, async (req) => updateDraft(s, req.actor!, req.params.id, req.body));
  app.post('/normative/documents/:id/evaluations', { config: { permission: 'normative.draft', resource: 'normative_document' }, schema: { tags, summary: '施行后评估（有效期届满前评估是否继续实施）', params: IdParams, body: EvaluationIn, response: ok() } }, async (req) => evaluateDocument(s, req.actor!, req.params.id, req.body));
  app.get('/normative/expiring', { config: { permission: 'normative.read' }, schema: { tags, summary: '即将届满的现行文件（到期提醒）', querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 60 })) }, { additionalProperties: false }), response: ok(Rows) } }, async (req) => expiringDocuments(s, req.actor!, req.query.days ?? 60));

  // ── comments and consultations ──
  app.post('/normative/comments/:id/answer', { config: { permission: 'normative.draft', resource: 'normative_comment' }, schema: { tags, summary: '逐条答复公众意见（采纳 / 部分采纳 / 不予采纳并说明理由）', params: IdParams, body: CommentAnswerIn, response: ok() } }, async (req) => answerComment(s, req.actor!, req.params.id, req.body));
  app.get('/normative/consultations', { config: { permission: 'normative.draft' }, schema: { tags, summary: '本部门收到的征求意见函', response: ok(Rows) } }, async (req) => listConsultations(s, req.actor!));
  app.post('/normative/consultations/:id/reply', { config: { permission: 'normative.draft', resource: 'normative_consultation' }, schema: { tags, summary: '回复征求意见（同意 / 不同意及理由）', params: IdParams, body: ConsultationReplyIn, response: ok() } }, async (req) => replyConsultation(s, req.actor!, req.params.id, req.body));
  app.post('/normative/consultations/:id/escalate', { config: { permission: 'normative.draft', resource: 'normative_consultation' }, schema: { tags, summary: '分歧提请政府法制机构协调（起草单位）', params: IdParams, response: ok() } }, async (req) => escalateConsultation(s, req.actor!, req.params.id));
  app.get('/normative/escalations', { config: { permission: 'normative.review' }, schema: { tags, summary: '提请法制机构协调的部门分歧', response: ok(Rows) } }, async (req) => listEscalations(s, req.actor!));
  app.post('/normative/consultations/:id/resolve', { config: { permission: 'normative.review', resource: 'normative_consultation' }, schema: { tags, summary: '法制机构记录协调结果', params: IdParams, body: ResolutionIn, response: ok() } }, async (req) => resolveConsultation(s, req.actor!, req.params.id, req.body));

  // ── suggestions ──
  app.get('/normative/suggestions', { config: { permission: 'normative.filing_review' }, schema: { tags, summary: '本机构办理的审查建议', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('answered')])) }, { additionalProperties: false }), response: ok(Rows) } }, async (req) => listSuggestions(s, req.actor!, req.query));
  app.post('/normative/suggestions/:id/answer', { config: { permission: 'normative.filing_review', resource: 'normative_suggestion' }, schema: { tags, summary: '答复审查建议', params: IdParams, body: SuggestionAnswerIn, response: ok() } }, async (req) => answerSuggestion(s, req.actor!, req.params.id, req.body));

  // ── cleanups ──
  app.get('/normative/cleanups', { config: { permission: 'normative.read' }, schema: { tags, summary: '规范性文件清理', response: ok(Rows) } }, async (req) => listCleanups(s, req.actor!));
  app.post('/normative/cleanups', { config: { permission: 'normative.publish' }, schema: { tags, summary: '发起清理（纳入该机关及下级的全部现行文件）', body: CleanupIn, response: ok() } }, async (req) => createCleanup(s, req.actor!, req.body));
  app.get('/normative/cleanups/:id', { config: { permission: 'normative.read', resource: 'normative_cleanup' }, schema: { tags, summary: '清理详情与逐件决定', params: IdParams, response: ok() } }, async (req) => getCleanup(s, req.actor!, req.params.id));
  app.post('/normative/cleanups/:id/decide', { config: { permission: 'normative.publish', resource: 'normative_cleanup' }, schema: { tags, summary: '逐件作出清理决定（保留 / 修改 / 废止 / 宣布失效）', params: IdParams, body: CleanupDecisionIn, response: ok() } }, async (req) => decideCleanupItem(s, req.actor!, req.params.id, req.body.documentId, req.body));
  app.post('/normative/cleanups/:id/publish', { config: { permission: 'normative.publish', resource: 'normative_cleanup' }, schema: { tags, summary: '公布清理结果（废止、宣布失效的文件随即失去效力）', params: IdParams, response: ok() } }, async (req) => publishCleanup(s, req.actor!, req.params.id));

  // ── reports, import ──
  app.get('/normative/reports/bulletin', { config: { permission: 'normative.read' }, schema: { tags, summary: '备案审查情况通报（季度 / 年度）', querystring: BulletinQuery, response: ok() } }, async (req) => bulletinData(s, req.actor!, req.query));
  app.get('/normative/reports/bulletin.xlsx', { config: { permission: 'normative.read' }, schema: { tags, summary: '备案审查情况通报（Excel）', querystring: BulletinQuery } }, async (req, reply) => {
    const b = await bulletinData(s, req.actor!, req.query);
    return download(reply, XLSX, `${b.title}.xlsx`, await bulletinXlsx(b));
  });
  app.get('/normative/reports/bulletin.docx', { config: { permission: 'normative.read' }, schema: { tags, summary: '备案审查情况通报（Word，公文格式）', querystring: BulletinQuery } }, async (req, reply) => {
    const b = await bulletinData(s, req.actor!, req.query);
    return download(reply, DOCX, `${b.title}.docx`, await bulletinDocx(b));
  });
  app.get('/normative/import/template.xlsx', { config: { permission: 'normative.publish' }, schema: { tags, summary: '原有文件登记簿导入模板（Excel）' } }, async (_req, reply) => download(reply, XLSX, '规范性文件登记簿导入模板.xlsx', await registerTemplateXlsx()));
  app.post('/normative/import', { config: { permission: 'normative.publish' }, schema: { tags, summary: '导入原有文件登记簿（Excel；逐行报告错误，有效行一次导入）', consumes: ['multipart/form-data'], response: withErrors({ 200: ImportResult }) } }, async (req) => importRegister(s, req.actor!, await uploaded(req)));

  // ── public portal ──
  app.get('/public/normative/documents', { config: { public: true }, schema: { tags, summary: '有效规范性文件目录（公开；中文全文检索）', querystring: CatalogueQuery, response: ok(Type.Object({ total: Type.Integer({ description: '匹配件数，至多计到上限' }), more: Type.Boolean({ description: '匹配件数超过上限' }), items: Rows })) } }, async (req) => catalogue(s, req.query));
  app.get('/public/normative/documents/:id', { config: { public: true, resource: 'normative_document' }, schema: { tags, summary: '已公布文件的正文与公开记录（公开）', params: IdParams, response: ok(Type.Object({ id: Type.Integer(), valid: Type.Boolean() }, { additionalProperties: true })) } }, async (req) => publicDocument(s, req.params.id));
  app.get('/public/normative/issuers', { config: { public: true }, schema: { tags, summary: '已确认并公告的规范性文件制定主体（公开）', response: ok(Rows) } }, async () => publicIssuers(s));
  app.get('/public/normative/drafts', { config: { public: true }, schema: { tags, summary: '正在公开征求意见的草案（公开）', response: ok(Rows) } }, async () => publicDrafts(s));
  app.get('/public/normative/drafts/:id', { config: { public: true, resource: 'normative_document' }, schema: { tags, summary: '征求意见稿：分段正文、意见及答复（公开，姓名脱敏）', params: IdParams, response: ok() } }, async (req) => publicDraft(s, req.params.id));
  // Anonymous submissions are limited per address, so the portal cannot be flooded.
  const submissions = { max: 30, timeWindow: '1 minute' };
  app.post('/public/normative/drafts/:id/comments', { config: { public: true, resource: 'normative_document', rateLimit: submissions }, schema: { tags, summary: '对草案某一段提出意见（征求意见期内）', params: IdParams, body: CommentIn, response: ok() } }, async (req) => submitComment(s, req.params.id, req.body));
  app.post('/public/normative/suggestions', { config: { public: true, rateLimit: submissions }, schema: { tags, summary: '对已公布的规范性文件提出审查建议，取得查询码', body: SuggestionIn, response: ok(Type.Object({ trackingCode: Type.String(), dueDate: Type.String() })) } }, async (req) => submitSuggestion(s, req.body));
  app.get('/public/normative/suggestions/:code', { config: { public: true }, schema: { tags, summary: '凭查询码查询审查建议办理情况', params: Type.Object({ code: Type.String({ minLength: 10, maxLength: 30 }) }, { additionalProperties: false }), response: ok() } }, async (req) => trackSuggestion(s, req.params.code));
  app.get('/public/normative/passed', { config: { public: true }, schema: { tags, summary: '通过备案审查的规范性文件目录（按年度，公开）', querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }), response: ok(Rows) } }, async (req) => passedList(s, req.query.year));
  app.get('/public/normative/cleanups', { config: { public: true }, schema: { tags, summary: '规范性文件清理结果（公开）', response: ok(Rows) } }, async () => publicCleanups(s));
};
