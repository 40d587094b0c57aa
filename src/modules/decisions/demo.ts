import type { DemoContext } from '../../core/registry.ts';
import { SYSTEM_ACTOR, recordAudit } from '../../core/audit/audit.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
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
export async function loadDecisionsDemo({ services: s, tx, orgByName }: DemoContext) {
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
}
