import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, withErrors } from '../../core/http/schemas.ts';
import { DOCX_MIME, XLSX_MIME, sendDownload } from '../../core/http/files.ts';
import { DashboardOut, ReportQuery } from './report-contract.ts';
import { roundDashboard } from './dashboard.ts';
import { orgReportDocx, roundResultsXlsx } from './reports.ts';

/** 考核分析 and result files of a round; registered inside `assessmentRoutes`. */
export const assessmentReportRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['assessment'];
  const read = { permission: 'assessment.read', resource: 'assessment_round' };

  app.get('/assessment/rounds/:id/dashboard', { config: read, schema: { tags, summary: '考核分析：等次与得分率分布、排名、各一级指标得分率、薄弱指标、历年趋势（未公布的轮次为临时结果）', params: IdParams, response: withErrors({ 200: DashboardOut }) } }, async (req) => roundDashboard(s, req.actor!, req.params.id));
  app.get('/assessment/rounds/:id/results.xlsx', { config: read, schema: { tags, summary: '考核结果汇总（Excel：排名；各单位各指标得分及一级指标小计）', params: IdParams } }, async (req, reply) => {
    const f = await roundResultsXlsx(s, req.actor!, req.params.id);
    return sendDownload(reply, XLSX_MIME, f.filename, f.data);
  });
  app.get('/assessment/rounds/:id/report.docx', { config: { permission: 'authenticated', resource: 'assessment_round' }, schema: { tags, summary: '某单位考核结果通报（Word，公文格式；考核机构或被考核单位本身，结果公布后）', params: IdParams, querystring: ReportQuery } }, async (req, reply) => {
    const f = await orgReportDocx(s, req.actor!, req.params.id, req.query.orgId);
    return sendDownload(reply, DOCX_MIME, f.filename, f.data);
  });
};
