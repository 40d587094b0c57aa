import type { DemoContext } from '../../core/registry.ts';
import type { Services } from '../../core/services.ts';
import type { Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { SYSTEM_ACTOR, recordAudit } from '../../core/audit/audit.ts';
import { auditBy } from '../../core/auth/audit-actor.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { createInstance } from '../../core/workflow/engine.ts';
import { RISK_KINDS } from './decision-rules.ts';
import { SUBJECT_TYPE } from './decisions.ts';
import { dtx } from './schema.ts';
import { sealPhone } from './common.ts';
import type { AdviserKind, AdviserProfession, ExpertField } from './labels.ts';

const GOVERNMENT = '演示市人民政府';
const MEETING = '演示市人民政府常务会议';

/** Items after seed 002 #22 (公用事业、资源开发、文化教育、医疗卫生、环境保护); the water price one needs a hearing (价格法 art. 23). */
const ITEMS: [title: string, undertaking: string, start: string, end: string, hearing: boolean, basis: string][] = [
  ['调整演示市中心城区居民生活用水价格', '演示市发展和改革委员会', '04-01', '09-30', true, '《中华人民共和国价格法》第二十三条；《政府制定价格听证办法》'],
  ['编制演示市国土空间总体规划（2021—2035年）', '演示市自然资源和规划局', '03-01', '11-30', false, '《中华人民共和国土地管理法》第十八条'],
  ['演示市中心城区义务教育学校布局调整方案', '演示市教育局', '05-01', '10-31', false, '《中华人民共和国义务教育法》第十五条'],
  ['演示市生活垃圾分类管理实施方案', '演示市住房和城乡建设局', '04-15', '12-15', false, '《中华人民共和国固体废物污染环境防治法》第四十九条'],
  ['演示市城乡居民医疗保障门诊共济实施办法', '演示市卫生健康委员会', '06-01', '12-31', false, '《医疗保障基金使用监督管理条例》'],
];

const ADVISERS: [name: string, kind: AdviserKind, profession: AdviserProfession, affiliation: string, fields: string[], phone: string][] = [
  ['刘律明', 'in_house', 'official', '演示市司法局', ['行政法', '合法性审查'], '13900000101'],
  ['何清', 'external', 'lawyer', '明正律师事务所', ['行政诉讼', '国有资产', '政府合同'], '13900000102'],
  ['林学文', 'external', 'scholar', '演示大学法学院', ['行政法学', '环境法'], '13900000103'],
];

const EXPERTS: [name: string, fields: ExpertField[], affiliation: string, title: string][] = [
  ['王法正', ['law'], '演示大学法学院', '教授'],
  ['赵律衡', ['law'], '明正律师事务所', '律师'],
  ['钱宪章', ['law'], '市社会科学院', '研究员'],
  ['孙经纬', ['economy'], '演示大学经济学院', '教授'],
  ['李财源', ['economy', 'finance'], '市社会科学院', '研究员'],
  ['周青山', ['environment'], '省环境科学研究院', '高级工程师'],
  ['吴碧水', ['environment'], '演示大学环境学院', '副教授'],
  ['郑筑城', ['engineering'], '市建筑设计研究院', '正高级工程师'],
  ['冯安平', ['public_safety'], '市应急管理研究中心', '高级工程师'],
  ['陈和睦', ['social_stability'], '演示市委党校', '教授'],
  ['褚金融', ['finance'], '演示银行股份有限公司', '高级经济师'],
  ['卫价研', ['economy'], '省价格协会', '高级经济师'],
];

/** The demo city's current-year catalogue (published), three advisers and the expert pool. */
export async function loadDecisionsDemo({ services: s, tx, orgByName, userByName }: DemoContext) {
  const today = s.today();
  const year = Number(today.slice(0, 4));
  const gov = orgByName(GOVERNMENT);
  const region = '990100';
  const due = `${year}-03-31`;
  const createdOn = `${year - 1}-12-20`;
  const publishedOn = today < `${year}-03-20` ? today : `${year}-03-20`;

  const c = await dtx(tx).insertInto('decision_catalogues').values({ org_id: gov, region_code: region, year, title: `${GOVERNMENT}${year}年度重大行政决策事项目录`, due_on: due, created_at: new Date(`${createdOn}T09:00:00+08:00`) }).returningAll().executeTakeFirstOrThrow();
  const d = await startDeadline(s, tx, SYSTEM_ACTOR, { module: 'decisions', kind: 'decisions.catalogue_publish', title: `公布决策事项目录：${c.title}`, subjectType: 'decision_catalogue', subjectId: c.id, orgId: gov, regionCode: region, startDate: createdOn, dueOn: due });
  let order = 0;
  const itemIds: number[] = [];
  for (const [title, unit, start, end, hearing, basis] of ITEMS) {
    const row = await dtx(tx).insertInto('decision_catalogue_items').values({ catalogue_id: c.id, org_id: gov, title, deciding_body: MEETING, undertaking_org_id: orgByName(unit), planned_start: `${year}-${start}`, planned_end: `${year}-${end}`, hearing_required: hearing, legal_basis: basis, sort_order: ++order }).returning('id').executeTakeFirstOrThrow();
    itemIds.push(row.id);
  }
  await dtx(tx).updateTable('decision_catalogues').set({ status: 'published', published_on: publishedOn, deadline_id: d.id, version: 2 }).where('id', '=', c.id).execute();
  await closeDeadline(s, tx, SYSTEM_ACTOR, d.id, `目录已于${publishedOn}公布`);

  const adviserIds: number[] = [];
  for (const [name, kind, profession, affiliation, fields, phone] of ADVISERS) {
    const row = await dtx(tx).insertInto('decision_advisers').values({ org_id: gov, region_code: region, name, kind, profession, affiliation, fields, term_start: `${year - 1}-01-01`, term_end: `${year + 1}-12-31`, ...sealPhone(s.pii, phone, 'contact') }).returning('id').executeTakeFirstOrThrow();
    adviserIds.push(row.id);
    if (kind === 'external') await dtx(tx).insertInto('decision_adviser_engagements').values({ adviser_id: row.id, org_id: gov, start_on: `${year}-01-01`, end_on: `${year}-12-31`, scope: '重大行政决策合法性论证、政府合同审查、涉法事务咨询' }).execute();
  }
  const opinionOn = publishedOn;
  await dtx(tx).insertInto('decision_adviser_opinions').values({ adviser_id: adviserIds[1], org_id: gov, subject_type: 'decision_catalogue_item', subject_id: String(itemIds[0]), subject_title: ITEMS[0][0], opinion: '调整居民生活用水价格属于政府定价事项，依法应当举行价格听证，建议列入听证目录，并同步开展成本监审。', given_on: opinionOn }).execute();

  const expertIds = new Map<string, number>();
  for (const [i, [name, fields, affiliation, title]] of EXPERTS.entries()) {
    const phone = `1390000${String(201 + i).padStart(4, '0')}`;
    const row = await dtx(tx).insertInto('decision_experts').values({ org_id: gov, region_code: region, name, fields, affiliation, title, ...sealPhone(s.pii, phone, 'contact'), id_number_enc: null, id_number_masked: null }).returning('id').executeTakeFirstOrThrow();
    expertIds.set(name, row.id);
  }
  // One expert with a declared conflict: the price-association expert must not judge the water price.
  await dtx(tx).insertInto('decision_expert_conflicts').values({ expert_id: expertIds.get('卫价研')!, org_id: gov, conflict_org_id: orgByName('演示市发展和改革委员会'), description: '受演示市发展和改革委员会委托承担水价成本监审', declared_on: publishedOn }).execute();
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'decisions.demo', entityType: 'demo', after: { catalogue: c.id, items: ITEMS.length, advisers: ADVISERS.length, experts: EXPERTS.length } });

  const legal = userByName('legal');
  const actor = { userId: legal, username: 'legal', displayName: '演示数据', orgId: gov, regionCode: region, sessionId: '', csrfToken: '', currentOrgId: null, allGrants: [], grants: [], permissions: new Set<string>() } satisfies Actor;
  const ago = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const hearingItem = ITEMS.findIndex((i) => i[4]);

  // The water price (hearing catalogue) open for public comment, one comment in: the portal's drafts page.
  const water = await demoDecision(s, tx, actor, itemIds[hearingItem], 'comment', {
    plan_text: '中心城区居民生活用水实行阶梯水价：第一阶梯（年用水量180立方米以下）每立方米3.20元，第二阶梯4.80元，第三阶梯9.60元；低保户、特困人员每户每月减免5立方米。',
    comment_from: ago(5),
    comment_until: ago(5 - 34),
  });
  await startDeadline(s, tx, SYSTEM_ACTOR, { module: 'decisions', kind: 'decisions.comment', title: `公开征求意见：${water.title}`, subjectType: SUBJECT_TYPE, subjectId: water.id, instanceId: water.instance_id, orgId: gov, regionCode: region, startDate: ago(5), dueOn: ago(5 - 34) });
  await dtx(tx).insertInto('decision_comments').values({ decision_id: water.id, org_id: gov, content: '建议第一阶梯水量按家庭人口核定，五口以上家庭适当增加。', commenter: null, contact_enc: null, created_at: new Date(`${ago(3)}T10:00:00+08:00`) }).execute();

  // The waste-sorting plan through all five procedures and published: implementing.
  const [expertName, expertField] = ['郑筑城', 'engineering'];
  const waste = await demoDecision(s, tx, actor, itemIds[3], 'implementing', {
    plan_text: '全市推行生活垃圾"四分类"，2026年底前中心城区居民小区覆盖率达到100%，设立分类投放点和督导员。',
    comment_from: ago(110),
    comment_until: ago(77),
    adoption_summary: '共收到意见36条，采纳21条，部分采纳6条，未采纳9条（理由已逐条公布）。',
    risk: JSON.stringify({ items: RISK_KINDS.map((kind) => ({ kind, level: 'low', description: '经评估风险可控' })), overallLevel: 'low', passed: true, disposalPlan: '分区域分步推进，设立投诉处理和舆情应对专班。', assessedOn: ago(55) }),
    review_submitted_on: ago(48),
    review_concluded_on: ago(32),
    review_passed: true,
    review_opinion: '决策草案符合《中华人民共和国固体废物污染环境防治法》等规定，程序合法。',
    meeting: JSON.stringify({ meetingKind: 'executive', heldOn: ago(25), attendees: [{ name: '周市长', role: 'head' }, { name: '陈法明', role: 'legal_head' }, { name: '甲副市长', role: 'member', view: 'agree' }, { name: '乙副市长', role: 'member', view: 'agree' }], headDecision: 'adopt', minutes: '会议讨论通过生活垃圾分类管理实施方案。' }),
    decided_on: ago(25),
    published_on: ago(20),
    explanation: '为推进生活垃圾减量化、资源化、无害化，制定本方案；公众意见和专家论证意见采纳情况见附件。',
  });
  await dtx(tx).insertInto('decision_expert_assignments').values({ org_id: gov, subject_type: SUBJECT_TYPE, subject_id: String(waste.id), expert_id: expertIds.get(expertName)!, field: expertField, source: 'manual', reason: '演示数据：工程技术领域专家', assigned_by: legal }).execute();
  // The demo user `expert` is this expert: they see both assignments on 我的论证任务 and hand in the water-price opinion once argumentation begins.
  await dtx(tx).updateTable('decision_experts').set({ user_id: userByName('expert') }).where('id', '=', expertIds.get(expertName)!).execute();
  await dtx(tx).insertInto('decision_expert_assignments').values({ org_id: gov, subject_type: SUBJECT_TYPE, subject_id: String(water.id), expert_id: expertIds.get(expertName)!, field: expertField, source: 'manual', reason: '演示数据：供水管网和计量设施工程技术论证', assigned_by: legal }).execute();
  await dtx(tx).insertInto('decision_expert_opinions').values({ decision_id: waste.id, org_id: gov, expert_id: expertIds.get(expertName)!, opinion: '方案必要、可行，建议分期建设分类转运设施。', given_on: ago(60), recorded_by: legal }).execute();
  const opinion = await dtx(tx).insertInto('decision_adviser_opinions').values({ adviser_id: adviserIds[0], org_id: gov, subject_type: SUBJECT_TYPE, subject_id: String(waste.id), subject_title: waste.title, opinion: '方案于法有据，处罚条款须与上位法衔接。', given_on: ago(35) }).returning('id').executeTakeFirstOrThrow();
  await dtx(tx).updateTable('decisions').set({ adviser_opinion_id: opinion.id }).where('id', '=', waste.id).execute();
  await startDeadline(s, tx, SYSTEM_ACTOR, { module: 'decisions', kind: 'decisions.progress', title: `报告决策执行情况：${waste.title}`, subjectType: SUBJECT_TYPE, subjectId: waste.id, instanceId: waste.instance_id, orgId: gov, regionCode: region, startDate: ago(20), ruleKey: 'decision.progress_report_months' });
}

/**
 * A decision from a catalogue item standing at `state`, with what the procedure's steps
 * behind it wrote; like the enforcement demo, the instance records one import step.
 */
async function demoDecision(s: Services, tx: Tx, actor: Actor, itemId: number, state: string, values: Record<string, unknown>) {
  const item = await dtx(tx).selectFrom('decision_catalogue_items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();
  const row = await dtx(tx)
    .insertInto('decisions')
    .values({ org_id: item.org_id, region_code: '990100', catalogue_item_id: item.id, title: item.title, deciding_body: item.deciding_body, undertaking_org_id: item.undertaking_org_id, hearing_required: item.hearing_required, created_by: actor.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
  const inst = await createInstance(s, tx, actor, { procedure: 'decisions.decision', subjectType: SUBJECT_TYPE, subjectId: row.id, title: row.title, orgId: row.org_id, regionCode: row.region_code });
  await tx.updateTable('procedure_instances').set({ state }).where('id', '=', inst.id).execute();
  await tx.insertInto('procedure_history').values({ instance_id: inst.id, transition: 'import', from_state: inst.state, to_state: state, actor_id: actor.userId, note: '演示数据：决策已办理至此', data: '{}' }).execute();
  const after = await dtx(tx).updateTable('decisions').set({ ...values, status: state, instance_id: inst.id }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  await auditBy(tx, actor, { action: 'decisions.decision.start', entityType: 'decision', entityId: row.id, orgId: row.org_id, after });
  return { ...after, instance_id: inst.id };
}
