import type { FastifyPluginAsync } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, withErrors } from '../../core/http/schemas.ts';
import { uploadedFile } from '../../core/http/files.ts';
import { extractDocxText } from '../../core/imports/docx-text.ts';
import { AcceptanceIn, AnswerIn, AssignedIn, AssignedQuery, CancelIn, CompleteIn, MeetingIn, MeetingQuery, ParseIn, ReportIn, ReportPatch, ReportPublishIn, SubmissionIn, WhitePaperIn, PublishOnIn, CompletionIn, CommitmentIn, InquiryIn, OrgYearQuery, PlanImportIn, PlanQuery, ProgressIn, Row, Rows, TaskIn, TaskQuery, VersionIn } from './contract.ts';
import { getPlan, importPlan, listPlans, previewPlan, publicPlan, publicPlans, publishPlan, recordAcceptance } from './plans.ts';
import { cancelTask, completeTask, createTask, getTask, listTasks, reportProgress } from './tasks.ts';
import { answerItem, assignItem, listAssigned } from './assigned.ts';
import { getCase, listCases, myCases, openCase } from './accountability.ts';
import { CaseIn, CaseQuery } from './accountability-contract.ts';
import { meetingObligations, recordMeeting } from './meetings.ts';
import { draftReport, getReport, listReports, publicReports, publishReport, reportDocx, submitReport, updateReport } from './annual-reports.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../../core/http/files.ts';
import { planTemplateXlsx, planTextFromXlsx } from './plan-excel.ts';
import { addCommitment, draftWhitePaper, listCommitments, listInquiries, listWhitePapers, publicCommitments, publicWhitePapers, publishWhitePaper, recordInquiry, reportCompletion } from './service-duties.ts';

/** 规划任务督办: plans and their measures, tasks, progress, acceptance, leader-assigned items. */
export const planRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['plans'];
  const ok = <T extends TSchema>(schema?: T) => withErrors({ 200: schema ?? Row });
  const read = { permission: 'plans.read' };
  const manage = { permission: 'plans.manage' };
  const report = { permission: 'plans.report' };

  // ── plans ──
  app.post('/plans/docx-text', { config: manage, schema: { tags, summary: '读取上传的规划 Word（.docx）全文（multipart，字段 file）', consumes: ['multipart/form-data'], response: ok(Type.Object({ text: Type.String() })) } }, async (req) => ({ text: await extractDocxText(await uploadedFile(req)) }));
  app.post('/plans/xlsx-text', { config: manage, schema: { tags, summary: '读取上传的规划 Excel（每行一项措施：部分、领域、措施编号、措施）为分层正文；不能识别时指明 Excel 行号', consumes: ['multipart/form-data'], response: ok(Type.Object({ text: Type.String() })) } }, async (req) => ({ text: (await planTextFromXlsx(await uploadedFile(req))).text }));
  app.get('/plans/xlsx-template', { config: manage, schema: { tags, summary: '规划 Excel 导入模板' } }, async (_req, reply) => sendDownload(reply, XLSX_MIME, '规划措施导入模板.xlsx', await planTemplateXlsx()));
  app.post('/plans/preview', { config: manage, schema: { tags, summary: '导入预览：按标题识别的部分、领域和措施（不写入）；无法识别时指明行号', body: ParseIn, response: ok() } }, async (req) => previewPlan(req.body.text));
  app.post('/plans', { config: manage, schema: { tags, summary: '导入规划（正文按"一、""（一）""措施：1."分层）', body: PlanImportIn, response: ok() } }, async (req) => importPlan(s, req.actor!, req.body));
  app.get('/plans', { config: read, schema: { tags, summary: '规划、实施方案、年度工作要点（数据范围内），含任务完成情况', querystring: PlanQuery, response: ok(Rows) } }, async (req) => listPlans(s, req.actor!, req.query));
  app.get('/plans/:id', { config: { ...read, resource: 'plan' }, schema: { tags, summary: '规划结构树及按领域、单位、年度汇总的完成情况，检查验收记录', params: IdParams, response: ok() } }, async (req) => getPlan(s, req.actor!, req.params.id));
  app.post('/plans/:id/publish', { config: { ...manage, resource: 'plan' }, schema: { tags, summary: '印发规划（此后可分解任务）', params: IdParams, body: VersionIn, response: ok() } }, async (req) => publishPlan(s, req.actor!, req.params.id, req.body.version));
  app.post('/plans/:id/acceptances', { config: { ...manage, resource: 'plan' }, schema: { tags, summary: '规划实施最后一年逐级检查验收（各牵头单位，最后为制定机关本级）', params: IdParams, body: AcceptanceIn, response: ok() } }, async (req) => recordAcceptance(s, req.actor!, req.params.id, req.body));
  app.post('/plans/:id/tasks', { config: { ...manage, resource: 'plan' }, schema: { tags, summary: '分解任务：牵头单位、配合单位、责任人、成果形式、节点和完成时限', params: IdParams, body: TaskIn, response: ok() } }, async (req) => createTask(s, req.actor!, req.params.id, req.body));

  // ── tasks ──
  app.get('/plans/tasks', { config: read, schema: { tags, summary: '任务清单（牵头或配合单位在数据范围内；mine=本单位）', querystring: TaskQuery, response: ok(Rows) } }, async (req) => listTasks(s, req.actor!, req.query));
  app.get('/plans/tasks/:id', { config: { ...read, resource: 'plan_task' }, schema: { tags, summary: '任务详情：节点、牵头和配合单位的进展报告', params: IdParams, response: ok() } }, async (req) => getTask(s, req.actor!, req.params.id));
  app.post('/plans/tasks/:id/progress', { config: { ...report, resource: 'plan_task' }, schema: { tags, summary: '报告进展（牵头单位按节点报告并附佐证；配合单位向牵头单位报告承担部分）', params: IdParams, body: ProgressIn, response: ok() } }, async (req) => reportProgress(s, req.actor!, req.params.id, req.body));
  app.post('/plans/tasks/:id/complete', { config: { ...report, resource: 'plan_task' }, schema: { tags, summary: '任务完成（节点均已完成）', params: IdParams, body: CompleteIn, response: ok() } }, async (req) => completeTask(s, req.actor!, req.params.id, req.body));
  app.post('/plans/tasks/:id/cancel', { config: { ...manage, resource: 'plan_task' }, schema: { tags, summary: '撤销任务（说明理由）', params: IdParams, body: CancelIn, response: ok() } }, async (req) => cancelTask(s, req.actor!, req.params.id, req.body));

  // ── leader-assigned items ──
  app.get('/plans/assigned', { config: read, schema: { tags, summary: '领导交办、批办事项（本单位及本人交办的）', querystring: AssignedQuery, response: ok(Rows) } }, async (req) => listAssigned(s, req.actor!, req.query));
  app.post('/plans/assigned', { config: { permission: 'plans.assign' }, schema: { tags, summary: '交办事项（无明确时限的按15个工作日）', body: AssignedIn, response: ok() } }, async (req) => assignItem(s, req.actor!, req.body));
  app.post('/plans/assigned/:id/answer', { config: { permission: 'plans.answer', resource: 'assigned_item' }, schema: { tags, summary: '办结并向交办领导报告结果', params: IdParams, body: AnswerIn, response: ok() } }, async (req) => answerItem(s, req.actor!, req.params.id, req.body));

  // ── accountability cases (steps: /api/procedures/:instanceId/transitions/:code) ──
  const accountable = { permission: 'plans.accountability' };
  app.get('/plans/accountability', { config: read, schema: { tags, summary: '问责案件（处理机关或被问责单位在数据范围内）', querystring: CaseQuery, response: ok(Rows) } }, async (req) => listCases(s, req.actor!, req.query));
  app.post('/plans/accountability', { config: accountable, schema: { tags, summary: '问责立案（线索：逾期任务、执法过错、决策失误、投诉等），开始初步审查期限', body: CaseIn, response: ok() } }, async (req) => openCase(s, req.actor!, req.body));
  app.get('/plans/accountability/mine', { config: { permission: 'authenticated' }, schema: { tags, summary: '本人的问责：告知、处理决定和申诉', response: ok(Rows) } }, async (req) => myCases(s, req.actor!));
  app.get('/plans/accountability/:id', { config: { ...read, resource: 'accountability_case' }, schema: { tags, summary: '问责案件详情', params: IdParams, response: ok() } }, async (req) => getCase(s, req.actor!, req.params.id));

  // ── required meetings ──
  app.get('/plans/meetings', { config: read, schema: { tags, summary: '法定会议：各级政府本年度应开、已开次数及红黄灯（常务会议听取汇报、领导小组会议、工作会议）', querystring: MeetingQuery, response: ok() } }, async (req) => meetingObligations(s, req.actor!, req.query));
  app.post('/plans/meetings', { config: manage, schema: { tags, summary: '登记召开的会议及会议记录', body: MeetingIn, response: ok() } }, async (req) => recordMeeting(s, req.actor!, req.body));

  // ── annual rule-of-law report ──
  app.get('/plans/reports', { config: read, schema: { tags, summary: '法治政府建设年度报告（数据范围内）', response: ok(Rows) } }, async (req) => listReports(s, req.actor!));
  app.post('/plans/reports', { config: manage, schema: { tags, summary: '起草年度报告（由平台各模块的本年度指标数据生成初稿）', body: ReportIn, response: ok() } }, async (req) => draftReport(s, req.actor!, req.body));
  app.get('/plans/reports/:id', { config: { ...read, resource: 'annual_report' }, schema: { tags, summary: '年度报告：正文、指标数据、报告对象及报送情况', params: IdParams, response: ok() } }, async (req) => getReport(s, req.actor!, req.params.id));
  app.patch('/plans/reports/:id', { config: { ...manage, resource: 'annual_report' }, schema: { tags, summary: '修改报告正文（总体情况、存在的问题、下一年度工作安排）', params: IdParams, body: ReportPatch, response: ok() } }, async (req) => updateReport(s, req.actor!, req.params.id, req.body));
  app.post('/plans/reports/:id/submissions', { config: { ...manage, resource: 'annual_report' }, schema: { tags, summary: '向党委、人大常委会、上一级政府（部门：本级政府、上一级部门）报告', params: IdParams, body: SubmissionIn, response: ok() } }, async (req) => submitReport(s, req.actor!, req.params.id, req.body));
  app.post('/plans/reports/:id/publish', { config: { ...manage, resource: 'annual_report' }, schema: { tags, summary: '向社会公开年度报告', params: IdParams, body: ReportPublishIn, response: ok() } }, async (req) => publishReport(s, req.actor!, req.params.id, req.body));
  app.get('/plans/reports/:id/docx', { config: { ...read, resource: 'annual_report' }, schema: { tags, summary: '年度报告 Word 文档（公文格式）', params: IdParams } }, async (req, reply) => {
    const r = await reportDocx(s, req.actor!, req.params.id);
    return sendDownload(reply, DOCX_MIME, r.filename, r.data);
  });

  // ── white papers, service commitments, first inquiries (seed 004 #3, #7) ──
  app.get('/plans/white-papers', { config: read, schema: { tags, summary: '部门责任白皮书', querystring: OrgYearQuery, response: ok(Rows) } }, async (req) => listWhitePapers(s, req.actor!, req.query));
  app.post('/plans/white-papers', { config: manage, schema: { tags, summary: '起草部门责任白皮书（职责、年度工作目标）', body: WhitePaperIn, response: ok() } }, async (req) => draftWhitePaper(s, req.actor!, req.body));
  app.post('/plans/white-papers/:id/publish', { config: { ...manage, resource: 'white_paper' }, schema: { tags, summary: '年初向社会公布', params: IdParams, body: PublishOnIn, response: ok() } }, async (req) => publishWhitePaper(s, req.actor!, req.params.id, req.body));
  app.post('/plans/white-papers/:id/completion', { config: { ...manage, resource: 'white_paper' }, schema: { tags, summary: '年底通报完成情况（逐项）', params: IdParams, body: CompletionIn, response: ok() } }, async (req) => reportCompletion(s, req.actor!, req.params.id, req.body));
  app.get('/plans/commitments', { config: read, schema: { tags, summary: '服务承诺（服务事项、承诺时限、所需材料）', querystring: OrgYearQuery, response: ok(Rows) } }, async (req) => listCommitments(s, req.actor!, req.query));
  app.post('/plans/commitments', { config: manage, schema: { tags, summary: '登记服务承诺', body: CommitmentIn, response: ok() } }, async (req) => addCommitment(s, req.actor!, req.body));
  app.get('/plans/inquiries', { config: read, schema: { tags, summary: '首问登记（本单位接待及告知到本单位的）', querystring: OrgYearQuery, response: ok(Rows) } }, async (req) => listInquiries(s, req.actor!, req.query));
  app.post('/plans/inquiries', { config: report, schema: { tags, summary: '首问登记：一办到底，或准确告知承办部门', body: InquiryIn, response: ok() } }, async (req) => recordInquiry(s, req.actor!, req.body));

  // ── portal ──
  app.get('/public/plans', { config: { public: true }, schema: { tags, summary: '已印发的法治政府建设规划、实施方案（公开）', response: ok(Rows) } }, async () => publicPlans(s));
  app.get('/public/plans/reports', { config: { public: true }, schema: { tags, summary: '已公开的法治政府建设年度报告', response: ok(Rows) } }, async () => publicReports(s));
  app.get('/public/plans/reports/:id/docx', { config: { public: true, resource: 'annual_report' }, schema: { tags, summary: '已公开的年度报告 Word 文档', params: IdParams } }, async (req, reply) => {
    const r = await reportDocx(s, null, req.params.id);
    return sendDownload(reply, DOCX_MIME, r.filename, r.data);
  });
  app.get('/public/plans/white-papers', { config: { public: true }, schema: { tags, summary: '部门责任白皮书及完成情况（公开）', response: ok(Rows) } }, async () => publicWhitePapers(s));
  app.get('/public/plans/commitments', { config: { public: true }, schema: { tags, summary: '服务承诺（公开）', response: ok(Rows) } }, async () => publicCommitments(s));
  app.get('/public/plans/:id', { config: { public: true, resource: 'plan' }, schema: { tags, summary: '规划全文结构（公开）', params: IdParams, response: ok() } }, async (req) => publicPlan(s, req.params.id));
};
