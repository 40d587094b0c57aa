import fs from 'node:fs';
import type { DemoContext } from '../../core/registry.ts';
import type { AuditActor } from '../../core/audit/audit.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { closeDeadline } from '../../core/calendar/deadlines.ts';
import { formatDayNumber, parseIsoDate } from '../../core/calendar/dates.ts';
import { parsePlanText, type ParsedPlan } from './plan-import.ts';
import { insertPlan } from './plans.ts';
import { insertTask } from './tasks.ts';
import { insertAssigned } from './assigned.ts';
import { insertReport } from './annual-reports.ts';
import { ptx } from './schema.ts';
import { sealValue } from '../../core/crypto/personal.ts';
import { maskPersonName } from '../../core/crypto/mask.ts';

/** The seed plans, shipped with the module so a deployment without ../shared has them (a test checks they are the seeds). */
export const CHUXIONG = new URL('./templates/chuxiong-2016-2020.txt', import.meta.url);
export const GUIGANG = new URL('./templates/guigang-2011-2015.txt', import.meta.url);
const GOVERNMENT = '演示市人民政府';

/**
 * The demo city's current implementation scheme, written the way such a scheme is: the areas
 * of seed 002's main part, each with its first two measures (title and first sentences),
 * numbered through — the text then goes through the same importer as an uploaded plan.
 */
export function currentPlanText(seed: ParsedPlan, year: number): string {
  const main = seed.parts.find((p) => p.children.some((c) => c.kind === 'area' && c.children.length));
  if (!main) throw new Error('seed plan without measures');
  const lines = [`演示市法治政府建设实施方案（${year - 1}—${year + 1}年）`, '', '一、主要任务'];
  let n = 0;
  for (const area of main.children.filter((c) => c.kind === 'area')) {
    lines.push(`（${area.number}）${area.title}`);
    area.children.slice(0, 2).forEach((m, i) => {
      const text = m.text.split('。').slice(0, 2).filter(Boolean).join('。') + '。';
      lines.push(`${i === 0 ? '措施：' : ''}${++n}.${text}`);
    });
  }
  return lines.join('\n');
}

type Lead = [unit: string, co: string[], responsible: string];
/** Who leads each measure of the current scheme (by position), and who helps. */
const LEADS: Lead[] = [
  ['演示市人民政府办公室', ['演示市发展和改革委员会'], '政务服务科 李明'],
  ['演示市市场监督管理局', ['演示市司法局'], '法规科 赵伟'],
  ['演示市司法局', ['演示市人民政府办公室'], '法制科 陈法明'],
  ['演示市司法局', [], '规范性文件审查科 孙洁'],
  ['演示市司法局', ['演示市人民政府办公室'], '法制科 陈法明'],
  ['演示市发展和改革委员会', ['演示市司法局'], '法规科 钱进'],
  ['演示市市场监督管理局', ['演示市城市管理综合行政执法局'], '执法稽查科 周正'],
  ['演示市生态环境局', ['演示市司法局'], '法规科 钱科员'],
  ['演示市生态环境局', [], '执法支队 吴清'],
  ['演示市司法局', ['演示市财政局'], '行政复议科 郑和'],
  ['演示市应急管理局', ['演示市司法局'], '政策法规科 冯安'],
  ['演示市住房和城乡建设局', [], '法规科 褚建'],
];
/** Days from today to each task's day, and what became of it: done (days after the day), or open. */
const FATES: [dueIn: number, doneAfter: number | null][] = [[-60, -12], [-40, 6], [-10, null], [2, null], [30, null], [-25, -3], [-5, null], [-8, null], [45, null], [120, null], [200, null], [90, null]];

/**
 * Seed 002's plan (60 measures) and seed 001's plan through the importer; the demo city's
 * current scheme with tasks in every state (done on time, done late, overdue, due soon) and
 * reports by lead and co-units; seed 002's decomposition accepted unit by unit; three items
 * assigned by the mayor.
 */
export async function loadPlansDemo({ services: s, tx, orgByName, userByName }: DemoContext) {
  const today = s.today();
  const year = Number(today.slice(0, 4));
  const at = (n: number) => formatDayNumber(parseIsoDate(today) + n);
  const gov = orgByName(GOVERNMENT);
  const legal: AuditActor = { userId: userByName('legal'), name: '演示数据' };
  const t = ptx(tx);
  const publish = (id: number, on: string) => t.updateTable('plans').set({ status: 'published', published_on: on, version: 2 }).where('id', '=', id).execute();

  const chuxiong = parsePlanText(fs.readFileSync(CHUXIONG, 'utf8'));
  const seedPlan = await insertPlan(tx, legal, { orgId: gov, kind: 'implementation', startYear: 2016, endYear: 2020, title: chuxiong.title!, defaultDueOn: '2019-12-31', source: 'text' }, chuxiong);
  await publish(seedPlan.id, '2016-12-29');
  const guigang = parsePlanText(fs.readFileSync(GUIGANG, 'utf8'));
  const old = await insertPlan(tx, legal, { orgId: gov, kind: 'plan', startYear: 2011, endYear: 2015, title: guigang.title!, defaultDueOn: '2015-12-31', source: 'text' }, guigang);
  await publish(old.id, '2011-12-30');

  // Seed 002's decision area (measures 21–27) decomposed, done by the end of 2019 and accepted in 2020.
  const nodes = await t.selectFrom('plan_nodes').select(['id', 'number', 'title']).where('plan_id', '=', seedPlan.id).where('kind', '=', 'measure').execute();
  const units = ['演示市司法局', '演示市发展和改革委员会', '演示市司法局', '演示市财政局', '演示市司法局', '演示市人民政府办公室', '演示市司法局'];
  for (const [i, number] of ['21', '22', '23', '24', '25', '26', '27'].entries()) {
    const node = nodes.find((n) => n.number === number)!;
    const task = await insertTask(s, tx, legal, seedPlan.id, { nodeId: node.id, title: node.title, leadOrgId: orgByName(units[i]), responsibleName: '法制科负责人', deliverable: '制度文件及落实情况报告' });
    await completeForDemo(task.id, task.deadline_id, i === 3 ? '2020-01-20' : '2019-11-30');
  }
  for (const unit of [...new Set(units)]) await t.insertInto('plan_acceptances').values({ plan_id: seedPlan.id, org_id: orgByName(unit), checked_on: '2020-11-20', result: 'passed', findings: '承担的任务已完成，成果形式齐全', open_tasks: 0, recorded_by: legal.userId }).execute();
  await t.insertInto('plan_acceptances').values({ plan_id: seedPlan.id, org_id: gov, checked_on: '2020-12-15', result: 'passed', findings: '逐级检查验收完毕，各牵头单位均验收合格', open_tasks: 0, recorded_by: legal.userId }).execute();
  await t.updateTable('plans').set({ status: 'accepted', accepted_on: '2020-12-15', version: 3 }).where('id', '=', seedPlan.id).execute();

  // The current scheme.
  const current = parsePlanText(currentPlanText(chuxiong, year));
  const plan = await insertPlan(tx, legal, { orgId: gov, kind: 'implementation', startYear: year - 1, endYear: year + 1, title: current.title!, defaultDueOn: `${year + 1}-12-31`, source: 'text' }, current);
  await publish(plan.id, `${year - 1}-02-20`);
  const measures = await t.selectFrom('plan_nodes').select(['id', 'title']).where('plan_id', '=', plan.id).where('kind', '=', 'measure').orderBy('sort_order').execute();
  const staff = userByName('staff');
  for (const [i, [unit, co, responsible]] of LEADS.entries()) {
    const [dueIn, doneAfter] = FATES[i];
    const due = at(dueIn);
    const lead = orgByName(unit);
    const milestones = dueIn > 20 ? [{ title: '制定工作方案', dueOn: at(dueIn - 20) }, { title: '完成并报送成果', dueOn: due }] : [];
    const task = await insertTask(s, tx, legal, plan.id, { nodeId: measures[i].id, title: measures[i].title, leadOrgId: lead, coOrgIds: co.map(orgByName), responsibleName: responsible, ...(unit === '演示市生态环境局' ? { responsibleUserId: staff } : {}), deliverable: '制度文件、工作台账和落实情况报告', dueOn: due, milestones });
    const report = (org: number, kind: 'lead' | 'co_unit', on: string, percent: number, content: string) =>
      t.insertInto('plan_progress_reports').values({ task_id: task.id, org_id: org, task_org_id: lead, kind, milestone_id: null, reported_on: on, percent, content, evidence: kind === 'lead' ? '工作方案、会议纪要' : null, attachment_id: null, reported_by: legal.userId }).execute();
    await report(lead, 'lead', at(Math.min(dueIn, 0) - 30), 40, '已制定工作方案，明确责任分工和时间节点。');
    if (co.length) await report(orgByName(co[0]), 'co_unit', at(Math.min(dueIn, 0) - 20), 50, '承担部分已按分工推进，相关材料已报牵头单位。');
    if (doneAfter !== null) await completeForDemo(task.id, task.deadline_id, at(dueIn + doneAfter));
  }

  // 领导交办: answered in time, open within the default 15 working days, and one past its given day.
  const mayor = { userId: userByName('leader'), name: '演示数据' };
  const answered = await insertAssigned(s, tx, mayor, { orgId: orgByName('演示市生态环境局'), title: '核查群众反映的河道排污问题', content: '请生态环境局会同属地核查并依法处理，结果报我。', assignedOn: at(-30) });
  await t.updateTable('assigned_items').set({ status: 'answered', answer: '已会同属地核查，对排污企业立案查处，河道已清理。', answered_on: at(-20), answered_by: staff, version: 2 }).where('id', '=', answered.id).execute();
  await closeDeadline(s, tx, legal, answered.deadline_id!, `已于${at(-20)}办结并报告交办领导`);
  await insertAssigned(s, tx, mayor, { orgId: orgByName('演示市生态环境局'), title: '研究中心城区餐饮油烟治理办法', content: '请提出治理办法草案，征求相关部门意见后报我。', assignedOn: at(-3) });
  await insertAssigned(s, tx, mayor, { orgId: orgByName('演示市司法局'), title: '审查城市更新项目合作协议', content: '请对协议进行合法性审查，提出书面意见。', assignedOn: at(-12), dueOn: at(-2) });
  // 法定会议 this year: one briefing of the executive meeting (two are owed: yellow from October), the conference and the leading group.
  const spring = today < `${year}-03-20` ? today : `${year}-03-20`;
  const meeting = (kind: 'executive_briefing' | 'leading_group' | 'work_conference', on: string, title: string, minutes: string) => t.insertInto('plan_meetings').values({ org_id: gov, region_code: '990100', kind, held_on: on, title, minutes, recorded_by: legal.userId }).execute();
  await meeting('executive_briefing', spring, `市人民政府第${year % 100}次常务会议`, '会议听取了市司法局关于上一年度法治政府建设情况和本年度工作安排的汇报，研究部署了规划任务分解落实工作。');
  await meeting('work_conference', spring, `全市${year}年法治政府建设工作会议`, '会议总结上一年度法治政府建设工作，部署本年度重点任务，签订目标责任书。');
  await meeting('leading_group', spring, `市法治政府建设领导小组${year}年第一次会议`, '会议审议了本年度法治政府建设工作要点和考核方案。');
  // Last year's report of the city government, drafted from the figures; reported and made public once the first quarter allows.
  const report = await insertReport(s, tx, legal, gov, year - 1);
  await t.updateTable('annual_reports').set({ problems: '一是部分规划任务推进滞后，个别单位逾期未完成；二是基层行政执法人员培训学时不足；三是重大行政决策后评估开展不够。', next_year: '一是加强规划任务督办，对逾期任务依规问责；二是落实执法人员年度培训制度；三是建立重大行政决策后评估常态机制。' }).where('id', '=', report.id).execute();
  if (today >= `${year}-03-28`) {
    for (const recipient of ['party_committee', 'npc_standing_committee', 'superior_government']) await t.insertInto('annual_report_submissions').values({ report_id: report.id, org_id: gov, recipient, submitted_on: `${year}-03-20`, doc_number: `演政报〔${year}〕${recipient.length}号`, recorded_by: legal.userId }).execute();
    await t.updateTable('annual_reports').set({ status: 'published', submitted_on: `${year}-03-20`, published_on: `${year}-03-28` }).where('id', '=', report.id).execute();
    for (const d of await tx.selectFrom('deadlines').select('id').where('subject_type', '=', 'annual_report').where('subject_id', '=', String(report.id)).execute()) await closeDeadline(s, tx, legal, d.id, '演示数据：已按时报告并公开');
  }
  // The ecology bureau's report of last year, still a draft: a report to edit and send all year round.
  await insertReport(s, tx, legal, orgByName('演示市生态环境局'), year - 1);

  // 部门责任白皮书 of the ecology bureau, published early in the year; 服务承诺 of the market regulator; a first inquiry referred.
  const ecologyId = orgByName('演示市生态环境局');
  const paperOn = today < `${year}-02-20` ? null : `${year}-02-20`;
  await t.insertInto('white_papers').values({ org_id: ecologyId, region_code: '990100', year, duties: '负责全市生态环境监督管理，统一行使生态和城乡各类污染排放监管与行政执法职责。', targets: JSON.stringify(['中心城区空气质量优良天数比例不低于92%', '县级以上集中式饮用水水源地水质达标率100%', '生态环境行政处罚案件按期办结率100%']), published_on: paperOn, version: paperOn ? 2 : 1, created_by: legal.userId }).execute();
  const samrId = orgByName('演示市市场监督管理局');
  for (const [service, days, unit, materials] of [
    ['食品经营许可（新办）', 10, 'working', '食品经营许可申请书、营业执照复印件、与食品经营相适应的主要设备设施布局和操作流程等文件'],
    ['个体工商户设立登记', 0, 'working', '个体工商户登记申请书、经营者身份证明、经营场所证明'],
    ['消费投诉受理', 7, 'working', '投诉人姓名、联系方式，被投诉人名称，投诉请求及事实理由'],
  ] as const) await t.insertInto('service_commitments').values({ org_id: samrId, region_code: '990100', service, time_limit_days: days, day_unit: unit, materials, created_by: legal.userId }).execute();
  const requester = sealValue(s.pii, '张建华', maskPersonName);
  await t.insertInto('first_inquiries').values({ org_id: samrId, region_code: '990100', received_by: userByName('officer'), received_on: at(-6), channel: 'visit', requester_enc: requester.enc, requester_masked: requester.masked, matter: '咨询住宅小区噪声扰民投诉', outcome: 'referred', referred_org_id: ecologyId, referred_contact: '演示市生态环境局执法支队，演示市人民路18号，电话 0999-12369' }).execute();
  await recordAudit(tx, legal, { action: 'plans.demo', entityType: 'demo', after: { plans: 3, measures: chuxiong.measureCount + guigang.measureCount + current.measureCount, tasks: 7 + LEADS.length, assigned: 3 } });

  async function completeForDemo(taskId: number, deadlineId: number | null, on: string) {
    await t.updateTable('plan_milestones').set({ done_on: on }).where('task_id', '=', taskId).execute();
    await t.updateTable('plan_tasks').set({ status: 'completed', completed_on: on, completion_note: '已按期形成成果并报送', version: 2 }).where('id', '=', taskId).execute();
    if (deadlineId) await closeDeadline(s, tx, legal, deadlineId, `任务已于${on}完成`);
  }
}

