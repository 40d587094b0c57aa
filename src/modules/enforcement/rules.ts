import type { RuleParamSeed } from '../../core/rules/types.ts';
import { SEED000, SEED001, SEED004 } from '../../core/rules/seeds.ts';

const SEED003_3 = '《健全行政执法机制》范文篇3：依法行政工作要点';
const SEED003_2 = '《健全行政执法机制》范文篇2：食品药品监督管理局行政执法责任制';

export const PENALTY_LAW = '中华人民共和国行政处罚法（2021年修订）';
export const GUIDELINE_118 = '国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见（国办发〔2018〕118号）';
const HEARING_RULES = '市场监督管理行政处罚听证办法（2021）';
const SAMR_PROCEDURE = '市场监督管理行政处罚程序规定（2021年修订）';
const LOCAL = '地方或部门规定，作为默认值；各地按本地规定设定';

/**
 * The module's own rule parameters. The national periods of the penalty law (officers per
 * action, 90-day decision, hearing, service, payment, surcharge, withdrawal) are core seeds.
 */
export const enforcementRuleParams: RuleParamSeed[] = [
  {
    key: 'enforcement.hearing_fine_person',
    name: '听证告知：对公民的"较大数额罚款"起点',
    value: 10000,
    unit: 'yuan',
    basis: { law: HEARING_RULES, article: '第五条', quote: '较大数额罚款，是指对自然人处一万元以上、对法人或者其他组织处十万元以上罚款' },
    note: `${PENALTY_LAW}第六十三条授权规定"较大数额"；${LOCAL}`,
  },
  {
    key: 'enforcement.hearing_fine_org',
    name: '听证告知：对法人或其他组织的"较大数额罚款"起点',
    value: 100000,
    unit: 'yuan',
    basis: { law: HEARING_RULES, article: '第五条', quote: '对法人或者其他组织处十万元以上罚款' },
    note: `${PENALTY_LAW}第六十三条授权规定"较大数额"；${LOCAL}`,
  },
  {
    key: 'enforcement.legal_review_fine_person',
    name: '重大执法决定法制审核：对公民罚款起点',
    value: 10000,
    unit: 'yuan',
    basis: { law: PENALTY_LAW, article: '第五十八条', quote: '有下列情形之一，在行政机关负责人作出行政处罚的决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得作出决定' },
    note: `重大执法决定目录由各部门结合本地确定；${LOCAL}`,
  },
  {
    key: 'enforcement.legal_review_fine_org',
    name: '重大执法决定法制审核：对法人或其他组织罚款起点',
    value: 100000,
    unit: 'yuan',
    basis: { law: GUIDELINE_118, article: '（十二）', quote: '要结合本机关行政执法行为的类别、执法层级、所属领域、涉案金额等因素，制定重大执法决定法制审核目录清单' },
    note: LOCAL,
  },
  {
    key: 'enforcement.legal_review_working_days',
    name: '重大执法决定法制审核期限',
    value: 5,
    unit: 'working_days',
    basis: { law: GUIDELINE_118, article: '（十二）', quote: '明确审核机构、审核范围、审核内容、审核责任' },
    note: `国家未规定统一期限；${LOCAL}`,
  },
  {
    key: 'enforcement.publicity_working_days',
    name: '行政执法决定信息公开期限',
    value: 7,
    unit: 'working_days',
    basis: { law: GUIDELINE_118, article: '（五）', quote: '行政执法决定信息要在执法决定作出之日起7个工作日内公开，但法律、行政法规另有规定的除外' },
  },
  {
    key: 'enforcement.decision_extension_days',
    name: '处罚决定期限经批准延长',
    value: 30,
    unit: 'calendar_days',
    basis: { law: SAMR_PROCEDURE, article: '第六十四条', quote: '因案情复杂或者其他原因，不能在规定期限内作出处理决定的，经市场监督管理部门负责人批准，可以延长三十日' },
    note: `${PENALTY_LAW}第六十条允许法律、法规、规章另行规定；${LOCAL}`,
  },
  {
    key: 'enforcement.litigation_months',
    name: '提起行政诉讼期限',
    value: 6,
    unit: 'months',
    basis: { law: '中华人民共和国行政诉讼法', article: '第四十六条', quote: '应当自知道或者应当知道作出行政行为之日起六个月内提出' },
  },
  {
    key: 'enforcement.training_warning_from',
    name: '培训学时不足预警起始日（每年）',
    value: '10-01',
    unit: 'date',
    basis: { law: SEED000, article: '一（三）1', quote: '每名行政执法人员每年培训时间不少于40学时，并将学习情况纳入年度考核' },
    note: '第四季度起对学时不足者黄色预警；本系统默认值',
  },
  {
    key: 'enforcement.certificate_years',
    name: '行政执法证件有效期',
    value: 5,
    unit: 'years',
    basis: { law: SEED000, article: '五（二）3', quote: '行政执法人员要经过培训和严格的考试，取得行政执法资格方能从事行政执法工作' },
    note: `证件有效期由各省执法证件管理办法规定；${LOCAL}`,
  },
  {
    key: 'enforcement.points_threshold',
    name: '执法人员年度记分暂扣证件分值',
    value: 12,
    unit: 'count',
    basis: { law: SEED003_3, article: '24', quote: '逐步建立行政执法人员信息化管理系统，对行政执法人员实施计分制，促进严格、公正、文明执法' },
    note: `一个年度内扣分达到本分值的，暂扣执法证件、离岗培训；${LOCAL}`,
  },
  {
    key: 'enforcement.error_points',
    name: '执法过错扣分（按九种情形顺序）',
    value: [4, 6, 6, 4, 4, 12, 4, 6, 2],
    unit: 'list',
    basis: { law: SEED003_2, article: '五、（三）', quote: '有下列情形之一的，应当追究行政执法过错责任' },
    note: `依次对应超越职权或违反程序、违法处罚、违法强制、事实不清、拖延履职、失职徇私、应处理不处理、泄露案情、其他；${LOCAL}`,
  },
  {
    key: 'enforcement.casefile_grade_bands',
    name: '案卷评查等次分数线（优秀、良好、合格）',
    value: [90, 80, 60],
    unit: 'list',
    basis: { law: SEED001, article: '三（四）', quote: '每年至少组织一次行政执法案卷评查' },
    note: LOCAL,
  },
  {
    key: 'enforcement.casefile_sample_per_subject',
    name: '案卷评查每个执法主体抽取案卷数',
    value: 5,
    unit: 'count',
    basis: { law: SEED001, article: '三（四）', quote: '每年至少组织一次行政执法案卷评查' },
    note: LOCAL,
  },
  {
    key: 'enforcement.inspection_approval_required',
    name: '到企业检查须经部门主管领导同意',
    value: true,
    unit: 'flag',
    basis: { law: SEED004, article: '16', quote: '各行政执法机关及其工作人员到企业检查，须报经部门主管领导同意，未经同意不得随意到企业检查' },
    note: LOCAL,
  },
];
