import type { FastifyPluginAsync } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, withErrors } from '../../core/http/schemas.ts';
import { AnswerIn, Answered, BatchIn, IssuedBatch, PublicSurvey, PublicSurveyRow, Results, ResultsQuery, Survey, SurveyIn, SurveyPatch, SurveyRow, TokenForm, TokenIn, TokenOut, VersionIn } from './survey-contract.ts';
import { closeSurvey, createSurvey, getSurvey, issueBatch, listSurveys, openSurvey, portalToken, publicSurvey, publicSurveys, submitAnswer, surveyResults, tokenForm, updateSurvey } from './surveys.ts';

/** 满意度调查 (外部评价): the office's questionnaires, tokens and results; the portal's answering. */
export const surveyRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['assessment'];
  const ok = <T extends TSchema>(schema: T) => withErrors({ 200: schema });
  const Changed = Type.Object({ id: Type.Integer(), status: Type.String(), version: Type.Integer() });
  const read = { permission: 'assessment.read', resource: 'assessment_survey' };
  const manage = { permission: 'assessment.manage', resource: 'assessment_survey' };

  app.get('/assessment/surveys', { config: { permission: 'assessment.read' }, schema: { tags, summary: '满意度调查（数据范围内）', response: ok(Type.Array(SurveyRow)) } }, async (req) => listSurveys(s, req.actor!));
  app.post('/assessment/surveys', { config: { permission: 'assessment.manage' }, schema: { tags, summary: '新建满意度调查问卷（草稿）：被评价单位默认为所关联考核轮次的全部单位', body: SurveyIn, response: ok(Type.Object({ id: Type.Integer(), status: Type.String(), version: Type.Integer(), targets: Type.Integer() })) } }, async (req) =>
    createSurvey(s, req.actor!, req.body),
  );
  app.get('/assessment/surveys/:id', { config: read, schema: { tags, summary: '问卷、被评价单位、答卷码发放批次（发放数、已答数）', params: IdParams, response: ok(Survey) } }, async (req) => getSurvey(s, req.actor!, req.params.id));
  app.patch('/assessment/surveys/:id', { config: manage, schema: { tags, summary: '修改问卷（开始后题目、被评价单位、开始日期和公开方式冻结）', params: IdParams, body: SurveyPatch, response: ok(Changed) } }, async (req) => updateSurvey(s, req.actor!, req.params.id, req.body));
  app.post('/assessment/surveys/:id/open', { config: manage, schema: { tags, summary: '开始调查（问卷须至少有一道满意度题）', params: IdParams, body: VersionIn, response: ok(Changed) } }, async (req) => openSurvey(s, req.actor!, req.params.id, req.body.version));
  app.post('/assessment/surveys/:id/close', { config: manage, schema: { tags, summary: '结束调查', params: IdParams, body: VersionIn, response: ok(Changed) } }, async (req) => closeSurvey(s, req.actor!, req.params.id, req.body.version));
  app.post('/assessment/surveys/:id/batches', { config: manage, schema: { tags, summary: '向一类评价主体发放一次性答卷码（链接只在此时返回一次）', params: IdParams, body: BatchIn, response: ok(IssuedBatch) } }, async (req) => issueBatch(s, req.actor!, req.params.id, req.body));
  app.get('/assessment/surveys/:id/results', { config: read, schema: { tags, summary: '调查结果：各单位满意度（低于规则参数要求的标出）、各题分布', params: IdParams, querystring: ResultsQuery, response: ok(Results) } }, async (req) => surveyResults(s, req.actor!, req.params.id, req.query.orgId));

  // ── public portal: only the questionnaire, nothing personal ──
  // Anonymous submissions are limited per address, like the portal's other forms.
  const submissions = { max: 30, timeWindow: '1 minute' };
  app.get('/public/assessment/surveys', { config: { public: true }, schema: { tags, summary: '正在进行的公开满意度调查（公开）', response: ok(Type.Array(PublicSurveyRow)) } }, async () => publicSurveys(s));
  app.get('/public/assessment/surveys/:id', { config: { public: true, resource: 'assessment_survey' }, schema: { tags, summary: '公开满意度调查的问卷（公开）', params: IdParams, response: ok(PublicSurvey) } }, async (req) => publicSurvey(s, req.params.id));
  app.post('/public/assessment/surveys/:id/token', { config: { public: true, resource: 'assessment_survey', rateLimit: submissions }, schema: { tags, summary: '领取一次性答卷码（公开调查）', params: IdParams, response: ok(TokenOut) } }, async (req) => portalToken(s, req.params.id));
  app.post('/public/assessment/survey-form', { config: { public: true, rateLimit: submissions }, schema: { tags, summary: '凭答卷码取得问卷（答卷码放在请求体中，不进访问日志）', body: TokenIn, response: ok(TokenForm) } }, async (req) => tokenForm(s, req.body.token));
  app.post('/public/assessment/survey-answers', { config: { public: true, rateLimit: submissions }, schema: { tags, summary: '凭答卷码提交答卷（每个答卷码只能答一次）', body: AnswerIn, response: ok(Answered) } }, async (req) => submitAnswer(s, req.body));
};
