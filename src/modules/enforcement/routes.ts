import type { FastifyPluginAsync } from 'fastify';
import { XLSX_MIME as XLSX, sendDownload as download, uploadedFile as uploaded } from '../../core/http/files.ts';
import { Type, type TSchema } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Id, IdParams, withErrors } from '../../core/http/schemas.ts';
import {
  ActionIn, BenchmarksIn, CaseIn, CaseQuery, CertificateIn, CertificateStatusIn, CollectiveIn, DecisionChangeIn, EvidenceIn, OfficerIn, OfficersIn, PowerIn, PowerPatch,
  ErrorIn, EvaluationIn, GradeDecisionIn, GradeProposalIn, InspectionApprovalIn, InspectionIn, InspectionQuery, InspectionResultIn, ScoreIn, SelfAssessmentIn,
  ReasonIn, RecusalDecisionIn, RecusalIn, Row, Rows, SimpleCaseIn, StatementIn, StatsQuery, SubjectIn, TrainingIn, POWER_TYPES,
} from './contract.ts';
import { createPower, getPower, listPowers, listSubjects, saveBenchmarks, saveSubject, updatePower } from './powers.ts';
import { createOfficer, getOfficer, issueCertificate, listOfficers, recordTraining, setCertificateStatus } from './officers.ts';
import { applyRecusal, assignOfficers, decideRecusal, extendDecision, fileCase, fileSimpleCase, getCase, listCases, recordAction, recordCollective, recordEvidence, recordStatement, reviewQueue } from './cases.ts';
import { publicDecision, publicDecisions, publicOfficer, publicPowers, publicProcedure, publicSubjects, publishDecision, recordDecisionChange, withdrawPublicity } from './publicity.ts';
import { statistics, statisticsXlsx } from './stats.ts';
import { importPowers, powersTemplateXlsx, powersXlsx } from './powers-excel.ts';
import { caseFileZip } from './casefile.ts';
import { approveInspection, linkFollowUp, listInspections, planInspection, recordInspection } from './inspections.ts';
import { listErrors, officerPoints, recordError } from './liability.ts';
import { createEvaluation, decideGrade, getEvaluation, listEvaluations, listUnitAssessments, proposeGrade, publicEvaluations, publishEvaluation, scoreCaseFile, submitSelfAssessment } from './evaluations.ts';

export const enforcementRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['enforcement'];
  const ok = <T extends TSchema>(schema?: T) => withErrors({ 200: schema ?? Row });
  const read = { permission: 'enforcement.read' };

  // ── subjects, powers, benchmarks ──
  app.get('/enforcement/subjects', { config: read, schema: { tags, summary: '行政执法主体（数据范围内）', response: ok(Rows) } }, async (req) => listSubjects(s, req.actor!));
  app.post('/enforcement/subjects', { config: { permission: 'enforcement.subject.manage' }, schema: { tags, summary: '确认并公告执法主体（含受委托组织的委托事项与期限）', body: SubjectIn, response: ok() } }, async (req) => saveSubject(s, req.actor!, req.body));
  app.get('/enforcement/powers', { config: read, schema: { tags, summary: '权责清单', querystring: Type.Object({ orgId: Type.Optional(Id), powerType: Type.Optional(Type.Union(POWER_TYPES.map((p) => Type.Literal(p)))), q: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }), response: ok(Rows) } }, async (req) => listPowers(s, req.actor!, req.query));
  app.post('/enforcement/powers', { config: { permission: 'enforcement.power.manage' }, schema: { tags, summary: '新增职权（权责清单）', body: PowerIn, response: ok() } }, async (req) => createPower(s, req.actor!, req.body));
  app.get('/enforcement/powers.xlsx', { config: read, schema: { tags, summary: '导出权责清单及裁量基准（Excel）', querystring: Type.Object({ orgId: Type.Optional(Id) }, { additionalProperties: false }) } }, async (req, reply) => download(reply, XLSX, '权责清单.xlsx', await powersXlsx(s, req.actor!, req.query)));
  app.get('/enforcement/powers/template.xlsx', { config: { permission: 'enforcement.power.manage' }, schema: { tags, summary: '权责清单导入模板（Excel）' } }, async (_req, reply) => download(reply, XLSX, '权责清单导入模板.xlsx', await powersTemplateXlsx()));
  app.post('/enforcement/powers/import', { config: { permission: 'enforcement.power.manage' }, schema: { tags, summary: '导入权责清单（Excel；逐行报告错误，有效行一次导入）', consumes: ['multipart/form-data'], response: ok() } }, async (req) => importPowers(s, req.actor!, await uploaded(req)));
  app.get('/enforcement/powers/:id', { config: { ...read, resource: 'enforcement_power' }, schema: { tags, summary: '职权详情与裁量基准', params: IdParams, response: ok() } }, async (req) => getPower(s, req.actor!, req.params.id));
  app.patch('/enforcement/powers/:id', { config: { permission: 'enforcement.power.manage', resource: 'enforcement_power' }, schema: { tags, summary: '修改职权（乐观锁）', params: IdParams, body: PowerPatch, response: ok() } }, async (req) => updatePower(s, req.actor!, req.params.id, req.body));
  app.put('/enforcement/powers/:id/benchmarks', { config: { permission: 'enforcement.power.manage', resource: 'enforcement_power' }, schema: { tags, summary: '设定行政处罚裁量基准（档次：情节 → 处罚幅度）', params: IdParams, body: BenchmarksIn, response: ok() } }, async (req) => saveBenchmarks(s, req.actor!, req.params.id, req.body));

  // ── officers ──
  app.get('/enforcement/officers', { config: read, schema: { tags, summary: '执法人员、证件与年度培训学时', querystring: Type.Object({ orgId: Type.Optional(Id), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false }), response: ok(Rows) } }, async (req) => listOfficers(s, req.actor!, req.query));
  app.post('/enforcement/officers', { config: { permission: 'enforcement.officer.manage' }, schema: { tags, summary: '登记执法人员或执法辅助人员', body: OfficerIn, response: ok() } }, async (req) => createOfficer(s, req.actor!, req.body));
  app.get('/enforcement/officers/:id', { config: { ...read, resource: 'enforcement_officer' }, schema: { tags, summary: '执法人员详情与培训记录', params: IdParams, response: ok() } }, async (req) => getOfficer(s, req.actor!, req.params.id));
  app.post('/enforcement/officers/:id/certificate', { config: { permission: 'enforcement.officer.manage', resource: 'enforcement_officer' }, schema: { tags, summary: '核发执法证件（须培训并考试合格）', params: IdParams, body: CertificateIn, response: ok() } }, async (req) => issueCertificate(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/officers/:id/certificate-status', { config: { permission: 'enforcement.officer.manage', resource: 'enforcement_officer' }, schema: { tags, summary: '暂扣、注销或恢复执法证件（须说明理由）', params: IdParams, body: CertificateStatusIn, response: ok() } }, async (req) => setCertificateStatus(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/officers/:id/training', { config: { permission: 'enforcement.training.record', resource: 'enforcement_officer' }, schema: { tags, summary: '登记培训学时', params: IdParams, body: TrainingIn, response: ok() } }, async (req) => recordTraining(s, req.actor!, req.params.id, req.body));

  // ── cases ──
  app.get('/enforcement/cases', { config: read, schema: { tags, summary: '执法案件（mine=true：我承办的）', querystring: CaseQuery, response: ok(Rows) } }, async (req) => listCases(s, req.actor!, req.query));
  app.post('/enforcement/cases', { config: { permission: 'enforcement.case.handle' }, schema: { tags, summary: '立案（普通程序）：依据权责清单中的处罚职权，指派两名以上持证执法人员', body: CaseIn, response: ok() } }, async (req) => fileCase(s, req.actor!, req.body));
  app.post('/enforcement/cases/simple', { config: { permission: 'enforcement.case.handle' }, schema: { tags, summary: '简易程序当场处罚（警告或小额罚款）', body: SimpleCaseIn, response: ok() } }, async (req) => fileSimpleCase(s, req.actor!, req.body));
  app.get('/enforcement/reviews', { config: { permission: 'enforcement.case.review' }, schema: { tags, summary: '法制审核待办', response: ok(Rows) } }, async (req) => reviewQueue(s, req.actor!));
  app.get('/enforcement/cases/:id', { config: { ...read, resource: 'enforcement_case' }, schema: { tags, summary: '案件详情与全过程记录', params: IdParams, response: ok() } }, async (req) => getCase(s, req.actor!, req.params.id));
  app.get('/enforcement/cases/:id/casefile.zip', { config: { ...read, resource: 'enforcement_case' }, schema: { tags, summary: '导出案卷（.zip：目录、文书、证据附件及 SM3 摘要）', params: IdParams } }, async (req, reply) => {
    const f = await caseFileZip(s, req.actor!, req.params.id);
    return download(reply, 'application/zip', f.filename, f.data);
  });
  app.post('/enforcement/cases/:id/officers', { config: { permission: 'enforcement.case.handle', resource: 'enforcement_case' }, schema: { tags, summary: '增派执法人员（须持有效证件）', params: IdParams, body: OfficersIn, response: ok() } }, async (req) => assignOfficers(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/cases/:id/actions', { config: { permission: 'enforcement.case.handle', resource: 'enforcement_case' }, schema: { tags, summary: '记录调查取证（两名以上持证执法人员在场并出示证件）', params: IdParams, body: ActionIn, response: ok() } }, async (req) => recordAction(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/cases/:id/evidence', { config: { permission: 'enforcement.case.handle', resource: 'enforcement_case' }, schema: { tags, summary: '登记证据（附件先上传到本案件）', params: IdParams, body: EvidenceIn, response: ok() } }, async (req) => recordEvidence(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/cases/:id/recusals', { config: { permission: 'enforcement.case.handle', resource: 'enforcement_case' }, schema: { tags, summary: '回避（自行回避、组织决定或当事人申请）', params: IdParams, body: RecusalIn, response: ok() } }, async (req) => applyRecusal(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/recusals/:id/decide', { config: { permission: 'enforcement.case.decide', resource: 'enforcement_recusal' }, schema: { tags, summary: '作出是否回避的决定', params: IdParams, body: RecusalDecisionIn, response: ok() } }, async (req) => decideRecusal(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/cases/:id/statements', { config: { permission: 'enforcement.case.handle', resource: 'enforcement_case' }, schema: { tags, summary: '记录当事人陈述申辩（或明确放弃）', params: IdParams, body: StatementIn, response: ok() } }, async (req) => recordStatement(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/cases/:id/collective', { config: { permission: 'enforcement.case.decide', resource: 'enforcement_case' }, schema: { tags, summary: '记录负责人集体讨论', params: IdParams, body: CollectiveIn, response: ok() } }, async (req) => recordCollective(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/cases/:id/extension', { config: { permission: 'enforcement.case.decide', resource: 'enforcement_case' }, schema: { tags, summary: '经负责人批准延长办案期限（一次）', params: IdParams, body: ReasonIn, response: ok() } }, async (req) => extendDecision(s, req.actor!, req.params.id, req.body.reason));
  app.post('/enforcement/cases/:id/publicity', { config: { permission: 'enforcement.case.handle', resource: 'enforcement_case' }, schema: { tags, summary: '公示执法决定（当事人信息脱敏）', params: IdParams, response: ok() } }, async (req) => publishDecision(s, req.actor!, req.params.id));
  app.post('/enforcement/cases/:id/decision-change', { config: { permission: 'enforcement.case.decide', resource: 'enforcement_case' }, schema: { tags, summary: '登记决定被变更、撤销或确认违法（开始撤回公示期限）', params: IdParams, body: DecisionChangeIn, response: ok() } }, async (req) => recordDecisionChange(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/cases/:id/publicity/withdraw', { config: { permission: 'enforcement.case.handle', resource: 'enforcement_case' }, schema: { tags, summary: '撤回公示并公开说明理由', params: IdParams, body: ReasonIn, response: ok() } }, async (req) => withdrawPublicity(s, req.actor!, req.params.id, req.body.reason));

  // ── inspections ──
  app.get('/enforcement/inspections', { config: read, schema: { tags, summary: '行政检查', querystring: InspectionQuery, response: ok(Rows) } }, async (req) => listInspections(s, req.actor!, req.query));
  app.post('/enforcement/inspections', { config: { permission: 'enforcement.case.handle' }, schema: { tags, summary: '拟定行政检查（须经主管领导同意的，进入待审批）', body: InspectionIn, response: ok() } }, async (req) => planInspection(s, req.actor!, req.body));
  app.post('/enforcement/inspections/:id/approval', { config: { permission: 'enforcement.case.decide', resource: 'enforcement_inspection' }, schema: { tags, summary: '主管领导同意或不同意检查', params: IdParams, body: InspectionApprovalIn, response: ok() } }, async (req) => approveInspection(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/inspections/:id/result', { config: { permission: 'enforcement.case.handle', resource: 'enforcement_inspection' }, schema: { tags, summary: '登记检查结果（两名以上持证执法人员、出示证件）', params: IdParams, body: InspectionResultIn, response: ok() } }, async (req) => recordInspection(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/inspections/:id/follow-up', { config: { permission: 'enforcement.case.handle', resource: 'enforcement_inspection' }, schema: { tags, summary: '关联检查发现问题后立案的案件', params: IdParams, body: Type.Object({ caseId: Id }, { additionalProperties: false }), response: ok() } }, async (req) => linkFollowUp(s, req.actor!, req.params.id, req.body.caseId));

  // ── error liability, points, evaluations ──
  app.get('/enforcement/errors', { config: read, schema: { tags, summary: '执法过错责任追究记录', querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false }), response: ok(Rows) } }, async (req) => listErrors(s, req.actor!, req.query));
  app.post('/enforcement/errors', { config: { permission: 'enforcement.supervise' }, schema: { tags, summary: '登记执法过错（九种情形）并记分；年度扣分达到规定分值的暂扣证件', body: ErrorIn, response: ok() } }, async (req) => recordError(s, req.actor!, req.body));
  app.get('/enforcement/officers/:id/points', { config: { ...read, resource: 'enforcement_officer' }, schema: { tags, summary: '执法人员年度记分', params: IdParams, querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }), response: ok() } }, async (req) => officerPoints(s, req.actor!, req.params.id, req.query.year));
  app.get('/enforcement/evaluations', { config: read, schema: { tags, summary: '案卷评查活动', response: ok(Rows) } }, async (req) => listEvaluations(s, req.actor!));
  app.post('/enforcement/evaluations', { config: { permission: 'enforcement.supervise' }, schema: { tags, summary: '组织案卷评查：按执法主体随机抽取当年已决定的案卷', body: EvaluationIn, response: ok() } }, async (req) => createEvaluation(s, req.actor!, req.body));
  app.get('/enforcement/evaluations/:id', { config: { ...read, resource: 'enforcement_evaluation' }, schema: { tags, summary: '评查案卷、评分与按主体汇总', params: IdParams, response: ok() } }, async (req) => getEvaluation(s, req.actor!, req.params.id));
  app.post('/enforcement/evaluations/:id/scores', { config: { permission: 'enforcement.supervise', resource: 'enforcement_evaluation' }, schema: { tags, summary: '按评分表为一份案卷评分', params: IdParams, body: ScoreIn, response: ok() } }, async (req) => scoreCaseFile(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/evaluations/:id/publish', { config: { permission: 'enforcement.supervise', resource: 'enforcement_evaluation' }, schema: { tags, summary: '公布评查结果（全部评分后）', params: IdParams, response: ok() } }, async (req) => publishEvaluation(s, req.actor!, req.params.id));
  app.get('/enforcement/unit-assessments', { config: read, schema: { tags, summary: '内设执法机构年度评议考核', querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false }), response: ok(Rows) } }, async (req) => listUnitAssessments(s, req.actor!, req.query));
  app.post('/enforcement/unit-assessments', { config: { permission: 'enforcement.unit.assess' }, schema: { tags, summary: '报送自查自评材料和自评得分（12月25日前）', body: SelfAssessmentIn, response: ok() } }, async (req) => submitSelfAssessment(s, req.actor!, req.body));
  app.post('/enforcement/unit-assessments/:id/proposal', { config: { permission: 'enforcement.case.review', resource: 'enforcement_unit_assessment' }, schema: { tags, summary: '审查自评材料并提出考核档次建议', params: IdParams, body: GradeProposalIn, response: ok() } }, async (req) => proposeGrade(s, req.actor!, req.params.id, req.body));
  app.post('/enforcement/unit-assessments/:id/decision', { config: { permission: 'enforcement.case.decide', resource: 'enforcement_unit_assessment' }, schema: { tags, summary: '局长办公会议确定考核结果及其运用', params: IdParams, body: GradeDecisionIn, response: ok() } }, async (req) => decideGrade(s, req.actor!, req.params.id, req.body));

  // ── statistics ──
  app.get('/enforcement/stats', { config: read, schema: { tags, summary: '行政执法统计（按月份、执法主体、执法事项）', querystring: StatsQuery, response: ok() } }, async (req) => statistics(s, req.actor!, req.query));
  app.get('/enforcement/stats.xlsx', { config: read, schema: { tags, summary: '行政执法统计（Excel）', querystring: StatsQuery } }, async (req, reply) => download(reply, XLSX, `${req.query.year}年行政执法统计.xlsx`, await statisticsXlsx(await statistics(s, req.actor!, req.query))));

  // ── public portal ──
  app.get('/public/enforcement/subjects', { config: { public: true }, schema: { tags, summary: '行政执法主体名单（公开）', response: ok(Rows) } }, async () => publicSubjects(s));
  app.get('/public/enforcement/powers', { config: { public: true }, schema: { tags, summary: '执法主体的权责清单与裁量基准（公开）', querystring: Type.Object({ orgId: Id }, { additionalProperties: false }), response: ok(Rows) } }, async (req) => publicPowers(s, req.query.orgId));
  app.get('/public/enforcement/officers', { config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags, summary: '按执法证号查询执法人员身份（公开）', querystring: Type.Object({ certNo: Type.String({ minLength: 6, maxLength: 30 }) }, { additionalProperties: false }), response: ok() } }, async (req) => publicOfficer(s, req.query.certNo));
  app.get('/public/enforcement/decisions', { config: { public: true }, schema: { tags, summary: '行政执法决定公示（公开，个人信息脱敏）', querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), orgId: Type.Optional(Id), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }), response: ok(Rows) } }, async (req) => publicDecisions(s, req.query));
  app.get('/public/enforcement/procedure', { config: { public: true }, schema: { tags, summary: '行政处罚办理流程及各环节的法定条件（公开）', response: ok(Rows) } }, async () => publicProcedure(s));
  app.get('/public/enforcement/evaluations', { config: { public: true }, schema: { tags, summary: '案卷评查结果（公开，按执法主体）', response: ok(Rows) } }, async () => publicEvaluations(s));
  app.get('/public/enforcement/decisions/:id', { config: { public: true, resource: 'enforcement_case' }, schema: { tags, summary: '公示的执法决定详情（公开，个人信息脱敏）', params: IdParams, response: ok() } }, async (req) => publicDecision(s, req.params.id));
};
