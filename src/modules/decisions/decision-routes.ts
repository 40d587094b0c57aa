import type { FastifyPluginAsync } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, withErrors } from '../../core/http/schemas.ts';
import { Row, Rows } from './contract.ts';
import { CommentAnswerIn, DecisionIn, DecisionQuery, MyOpinionIn, PublicCommentIn } from './decision-contract.ts';
import { myAssignments, submitMyOpinion } from './expert-opinions.ts';
import { listAccountability } from './accountability.ts';
import { answerComment, getDecision, listDecisions, publicDrafts, publishedDecisions, startDecision, submitPublicComment } from './decisions.ts';

/**
 * The decision itself. Its steps run through the procedure engine
 * (/api/procedures/:instanceId/transitions/:code); these routes start it, show the dossier,
 * take and answer public comments, and feed the portal.
 */
export const decisionProcedureRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['decisions'];
  const ok = <T extends TSchema>(schema?: T) => withErrors({ 200: schema ?? Row });
  const read = { permission: 'decisions.read' };
  const handle = { permission: 'decisions.handle' };
  // Anonymous submissions are limited per address, so the portal cannot be flooded.
  const submissions = { max: 30, timeWindow: '1 minute' };

  app.get('/decisions', { config: read, schema: { tags, summary: '重大行政决策事项（数据范围内）', querystring: DecisionQuery, response: ok(Rows) } }, async (req) => listDecisions(s, req.actor!, req.query));
  app.post('/decisions', { config: handle, schema: { tags, summary: '起动决策程序（依目录事项，或记录不依目录起动的理由）', body: DecisionIn, response: ok() } }, async (req) => startDecision(s, req.actor!, req.body));
  app.get('/decisions/:id', { config: { ...read, resource: 'decision' }, schema: { tags, summary: '决策案卷：方案、公众意见、听证、专家和法律顾问意见、风险评估、审查、会议、执行情况', params: IdParams, response: ok() } }, async (req) => ({ ...(await getDecision(s, req.actor!, req.params.id)), accountability: await listAccountability(s, req.actor!, { decisionId: req.params.id }) }));
  app.post('/decisions/:id/comment-answers', { config: { ...handle, resource: 'decision' }, schema: { tags, summary: '答复公众意见（不采纳须说明理由）', params: IdParams, body: CommentAnswerIn, response: ok() } }, async (req) => answerComment(s, req.actor!, req.params.id, req.body));

  const expert = { permission: 'decisions.expert_opinion' };
  app.get('/decisions/my-assignments', { config: expert, schema: { tags, summary: '我的论证任务（专家本人）', response: ok(Rows) } }, async (req) => myAssignments(s, req.actor!));
  app.post('/decisions/my-assignments/:id/opinion', { config: { ...expert, resource: 'decision_expert_assignment' }, schema: { tags, summary: '专家本人提交书面论证意见（专家论证环节内）', params: IdParams, body: MyOpinionIn, response: ok() } }, async (req) => submitMyOpinion(s, req.actor!, req.params.id, req.body));

  app.get('/public/decisions/drafts', { config: { public: true }, schema: { tags, summary: '正在征求意见的决策草案及听证公告（公开）', response: ok(Rows) } }, async () => publicDrafts(s));
  app.post('/public/decisions/:id/comments', { config: { public: true, resource: 'decision', rateLimit: submissions }, schema: { tags, summary: '对决策草案提出意见（征求意见期内）', params: IdParams, body: PublicCommentIn, response: ok(Type.Object({ id: Type.Integer() }, { additionalProperties: true })) } }, async (req) => submitPublicComment(s, req.params.id, req.body));
  app.get('/public/decisions/published', { config: { public: true }, schema: { tags, summary: '已公布的重大行政决策及其说明、意见采纳情况（公开）', response: ok(Rows) } }, async () => publishedDecisions(s));
};
