import type { RuleParamSeed } from '../../core/rules/types.ts';
import { SEED000 } from '../../core/rules/seeds.ts';

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
];
