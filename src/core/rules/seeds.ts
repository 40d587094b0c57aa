import type { RuleParamSeed } from './types.ts';

const PENALTY = '中华人民共和国行政处罚法（2021年修订）';
const DISCLOSURE = '中华人民共和国政府信息公开条例（2019年修订）';
const RECON = '中华人民共和国行政复议法（2023年修订）';
const PETITION = '信访工作条例（2022）';
export const DECISION = '重大行政决策程序暂行条例（2019）';
const DJB = 'GB/T 22239-2019 信息安全技术 网络安全等级保护基本要求';
export const SEED000 = '吉林省法治政府建设指标体系（2014）';
export const SEED001 = '贵港市依法行政"十二五"规划（2011）';
export const SEED002 = '楚雄州法治政府建设规划暨实施方案（2016—2020）';
export const SEED003 = '《健全行政执法机制》范文篇2：食品药品监督管理局行政执法责任制';
export const SEED004 = '赣州市"三个提高、一个创新"意见（2007）';
export const LOCAL_DEFAULT = '地方性规定，作为默认值；各地可按本地文件另行设定';

/** Parameters the foundation itself reads. */
export const coreRuleParams: RuleParamSeed[] = [
  { key: 'auth.session_idle_minutes', name: '会话空闲超时', value: 30, unit: 'minutes', basis: { law: DJB, article: '8.1.4.1 c)', quote: '应配置并启用结束会话……和当登录连接超时自动退出等相关措施' } },
  { key: 'auth.session_absolute_hours', name: '会话绝对超时', value: 12, unit: 'hours', basis: { law: DJB, article: '8.1.4.1 c)', quote: '当登录连接超时自动退出' } },
  { key: 'auth.lockout_attempts', name: '登录失败锁定次数', value: 5, unit: 'count', basis: { law: DJB, article: '8.1.4.1 b)', quote: '应具有登录失败处理功能，应配置并启用……限制非法登录次数' } },
  { key: 'auth.lockout_minutes', name: '登录失败锁定时长', value: 15, unit: 'minutes', basis: { law: DJB, article: '8.1.4.1 b)', quote: '限制非法登录次数' } },
  { key: 'auth.password_min_length', name: '口令最小长度', value: 10, unit: 'count', basis: { law: DJB, article: '8.1.4.1 a)', quote: '身份鉴别信息具有复杂度要求并定期更换' } },
  { key: 'auth.password_min_classes', name: '口令最少字符类别（大写、小写、数字、符号四类中）', value: 3, unit: 'count', basis: { law: DJB, article: '8.1.4.1 a)', quote: '身份鉴别信息具有复杂度要求' } },
  { key: 'attachments.max_bytes', name: '附件大小上限', value: 20 * 1024 * 1024, unit: 'bytes', basis: { law: '系统安全配置（非法定参数）', quote: '防止超大文件占用存储与带宽' } },
  {
    key: 'attachments.allowed_types',
    name: '允许上传的文件类型',
    value: ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip', 'text/plain', 'application/ofd'],
    unit: 'list',
    basis: { law: '系统安全配置（非法定参数）', quote: '按内容识别文件类型，拒绝可执行文件' },
  },
  { key: 'supervision.yellow_working_days', name: '黄灯预警：距期限工作日数', value: 3, unit: 'working_days', basis: { law: SEED004, article: '（二）限时办结', quote: '对承办事项实行限时办结' }, note: LOCAL_DEFAULT },
  { key: 'supervision.notice_ack_working_days', name: '督办通知签收反馈期限', value: 3, unit: 'working_days', basis: { law: SEED004, article: '（二）限时办结', quote: '督查督办' }, note: LOCAL_DEFAULT },
];

/** National statutory periods and thresholds (DESIGN.md §8), for the modules that apply them. */
export const nationalRuleParams: RuleParamSeed[] = [
  { key: 'enforcement.officers_per_action', name: '执法人员人数（每次执法）', value: 2, unit: 'count', basis: { law: PENALTY, article: '第四十二条', quote: '执法人员不得少于两人，法律另有规定的除外' } },
  { key: 'enforcement.simple_penalty_max_person', name: '简易程序罚款上限（公民）', value: 200, unit: 'yuan', basis: { law: PENALTY, article: '第五十一条', quote: '对公民处以二百元以下……罚款或者警告的行政处罚的，可以当场作出行政处罚决定' } },
  { key: 'enforcement.simple_penalty_max_org', name: '简易程序罚款上限（法人或其他组织）', value: 3000, unit: 'yuan', basis: { law: PENALTY, article: '第五十一条', quote: '对法人或者其他组织处以三千元以下罚款' } },
  { key: 'enforcement.onspot_collection_max', name: '当场收缴罚款上限', value: 100, unit: 'yuan', basis: { law: PENALTY, article: '第六十八条', quote: '依法给予一百元以下罚款的' } },
  { key: 'enforcement.decision_days', name: '行政处罚决定期限（自立案之日起）', value: 90, unit: 'calendar_days', basis: { law: PENALTY, article: '第六十条', quote: '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定' } },
  { key: 'enforcement.hearing_request_working_days', name: '当事人要求听证期限', value: 5, unit: 'working_days', basis: { law: PENALTY, article: '第六十四条、第八十五条', quote: '当事人要求听证的，应当在行政机关告知后五日内提出' } },
  { key: 'enforcement.hearing_notice_working_days', name: '听证通知提前期', value: 7, unit: 'working_days', basis: { law: PENALTY, article: '第六十四条、第八十五条', quote: '行政机关应当在举行听证的七日前，通知当事人' } },
  { key: 'enforcement.service_working_days', name: '处罚决定书送达期限', value: 7, unit: 'working_days', basis: { law: PENALTY, article: '第六十一条、第八十五条', quote: '当事人不在场的，行政机关应当在七日内依照……送达' } },
  { key: 'enforcement.publicity_withdraw_working_days', name: '公示信息撤回期限', value: 3, unit: 'working_days', basis: { law: PENALTY, article: '第四十八条、第八十五条', quote: '应当在三日内撤回行政处罚决定信息并公开说明理由' } },
  { key: 'enforcement.fine_payment_days', name: '罚款缴纳期限', value: 15, unit: 'calendar_days', basis: { law: PENALTY, article: '第六十七条', quote: '当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款' } },
  { key: 'enforcement.late_surcharge_percent_per_day', name: '逾期加处罚款比例（每日）', value: 3, unit: 'percent', basis: { law: PENALTY, article: '第七十二条', quote: '每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额' } },
  { key: 'disclosure.proactive_working_days', name: '主动公开期限', value: 20, unit: 'working_days', basis: { law: DISCLOSURE, article: '第二十六条', quote: '自该政府信息形成或者变更之日起20个工作日内及时公开' } },
  { key: 'disclosure.application_working_days', name: '依申请公开答复期限', value: 20, unit: 'working_days', basis: { law: DISCLOSURE, article: '第三十三条', quote: '不能当场答复的，应当自收到申请之日起20个工作日内予以答复' } },
  { key: 'disclosure.extension_working_days', name: '依申请公开延长期限', value: 20, unit: 'working_days', basis: { law: DISCLOSURE, article: '第三十三条', quote: '需要延长答复期限的……延长的期限最长不得超过20个工作日' } },
  { key: 'disclosure.correction_notice_working_days', name: '补正告知期限', value: 7, unit: 'working_days', basis: { law: DISCLOSURE, article: '第三十条', quote: '应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正' } },
  { key: 'disclosure.third_party_working_days', name: '第三方意见期限', value: 15, unit: 'working_days', basis: { law: DISCLOSURE, article: '第三十二条', quote: '第三方应当自收到征求意见书之日起15个工作日内提出意见' } },
  { key: 'disclosure.department_report_due', name: '部门政府信息公开年报公布日', value: '01-31', unit: 'date', basis: { law: DISCLOSURE, article: '第四十九条', quote: '县级以上人民政府部门应当在每年1月31日前……公布本行政机关上一年度政府信息公开工作年度报告' } },
  { key: 'disclosure.government_report_due', name: '政府信息公开年报公布日', value: '03-31', unit: 'date', basis: { law: DISCLOSURE, article: '第四十九条', quote: '县级以上地方人民政府……应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告' } },
  { key: 'reconsideration.application_days', name: '申请行政复议期限', value: 60, unit: 'calendar_days', basis: { law: RECON, article: '第二十条', quote: '可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请' } },
  { key: 'reconsideration.acceptance_working_days', name: '复议受理审查期限', value: 5, unit: 'working_days', basis: { law: RECON, article: '第三十条、第八十八条', quote: '行政复议机关收到行政复议申请后，应当在五日内进行审查' } },
  { key: 'reconsideration.copy_working_days', name: '复议申请书副本发送期限', value: 7, unit: 'working_days', basis: { law: RECON, article: '第四十八条、第八十八条', quote: '应当自行政复议申请受理之日起七日内，将行政复议申请书副本……发送被申请人' } },
  { key: 'reconsideration.reply_working_days', name: '被申请人答复期限', value: 10, unit: 'working_days', basis: { law: RECON, article: '第四十八条、第八十八条', quote: '被申请人应当自收到……之日起十日内，提出书面答复' } },
  { key: 'reconsideration.simplified_copy_working_days', name: '简易程序副本发送期限', value: 3, unit: 'working_days', basis: { law: RECON, article: '第五十四条、第八十八条', quote: '应当自受理行政复议申请之日起三日内' } },
  { key: 'reconsideration.simplified_reply_working_days', name: '简易程序答复期限', value: 5, unit: 'working_days', basis: { law: RECON, article: '第五十四条、第八十八条', quote: '被申请人应当自收到……之日起五日内，提出书面答复' } },
  { key: 'reconsideration.decision_days', name: '复议决定期限', value: 60, unit: 'calendar_days', basis: { law: RECON, article: '第六十二条', quote: '应当自受理申请之日起六十日内作出行政复议决定' } },
  { key: 'reconsideration.extension_days', name: '复议决定延长期限', value: 30, unit: 'calendar_days', basis: { law: RECON, article: '第六十二条', quote: '延长期限最多不得超过三十日' } },
  { key: 'reconsideration.simplified_decision_days', name: '简易程序复议决定期限', value: 30, unit: 'calendar_days', basis: { law: RECON, article: '第六十二条', quote: '适用简易程序审理的……应当自受理申请之日起三十日内作出行政复议决定' } },
  { key: 'reconsideration.staff_min', name: '复议案件承办人员人数', value: 2, unit: 'count', basis: { law: '中华人民共和国行政复议法实施条例（2007）', article: '第三十二条', quote: '行政复议机构审理行政复议案件，应当由2名以上行政复议人员参加' } },
  { key: 'litigation.defence_days', name: '行政诉讼答辩期限', value: 15, unit: 'calendar_days', basis: { law: '中华人民共和国行政诉讼法', article: '第六十七条', quote: '被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状' } },
  { key: 'petition.acceptance_notice_days', name: '信访事项受理告知期限', value: 15, unit: 'calendar_days', basis: { law: PETITION, article: '第二十二条、第二十三条', quote: '应当自收到信访事项之日起15日内书面告知信访人' } },
  { key: 'petition.handling_days', name: '信访事项办理期限', value: 60, unit: 'calendar_days', basis: { law: PETITION, article: '第三十四条', quote: '应当自受理之日起60日内办结' } },
  { key: 'petition.extension_days', name: '信访事项延长期限', value: 30, unit: 'calendar_days', basis: { law: PETITION, article: '第三十四条', quote: '延长期限不得超过30日' } },
  { key: 'petition.review_days', name: '信访复查期限', value: 30, unit: 'calendar_days', basis: { law: PETITION, article: '第三十五条', quote: '应当自收到复查请求之日起30日内提出复查意见' } },
  { key: 'petition.recheck_days', name: '信访复核期限', value: 30, unit: 'calendar_days', basis: { law: PETITION, article: '第三十六条', quote: '应当自收到复核请求之日起30日内提出复核意见' } },
  { key: 'decision.comment_days', name: '重大行政决策公开征求意见期限', value: 30, unit: 'calendar_days', basis: { law: DECISION, article: '第十五条', quote: '公开征求意见的期限一般不少于30日' } },
  { key: 'decision.legality_review_working_days', name: '重大行政决策合法性审查时间', value: 7, unit: 'working_days', basis: { law: DECISION, article: '第二十六条', quote: '送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日' } },
  { key: 'npc.suggestion_months', name: '人大代表建议答复期限', value: 3, unit: 'months', basis: { law: '中华人民共和国全国人民代表大会和地方各级人民代表大会代表法', article: '第五十一条', quote: '应当自交办之日起三个月内答复' } },
  { key: 'npc.suggestion_complex_months', name: '人大代表建议答复期限（复杂）', value: 6, unit: 'months', basis: { law: '中华人民共和国全国人民代表大会和地方各级人民代表大会代表法', article: '第五十一条', quote: '涉及面广、处理难度大的，应当在六个月内答复' } },
  { key: 'rules.effective_after_days', name: '规章公布至施行间隔', value: 30, unit: 'calendar_days', basis: { law: '规章制定程序条例（2017年修订）', article: '第三十二条', quote: '规章应当自公布之日起30日后施行' } },
  { key: 'report.rule_of_law_annual_due', name: '法治政府建设年度报告公开日', value: '03-31', unit: 'date', basis: { law: '法治政府建设与责任落实督察工作规定（2019）', article: '第二十四条', quote: '每年4月1日之前通过报刊、政府网站等向社会公开' } },
];

/** Local rules from the seed documents: defaults for a jurisdiction, editable per region. */
export const localRuleParams: RuleParamSeed[] = [
  { key: 'enforcement.recusal_decision_working_days', name: '回避申请决定期限', value: 3, unit: 'working_days', basis: { law: SEED000, article: '五（四）3', quote: '当事人提出回避申请的，应当在3个工作日内作出决定' }, note: '行政处罚法第四十三条未规定期限；' + LOCAL_DEFAULT },
  { key: 'training.annual_hours', name: '行政执法人员年度培训学时', value: 40, unit: 'hours', basis: { law: SEED000, article: '一（三）1', quote: '每年参加法律知识培训不少于40学时' }, note: LOCAL_DEFAULT },
  { key: 'study.leader_sessions_per_year', name: '领导干部年度集体学法次数', value: 2, unit: 'count', basis: { law: SEED000, article: '一（一）', quote: '政府常务会议每年学法不少于2次' }, note: LOCAL_DEFAULT },
  { key: 'normative.comment_days', name: '规范性文件公开征求意见期限', value: 30, unit: 'calendar_days', basis: { law: SEED002, article: '措施16', quote: '向社会公开征求意见的期限一般不少于30日' }, note: LOCAL_DEFAULT },
  { key: 'rules.comment_days', name: '规章草案公开征求意见期限', value: 15, unit: 'calendar_days', basis: { law: SEED000, article: '二（一）5', quote: '征求意见的期限不少于15日' }, note: LOCAL_DEFAULT },
  { key: 'normative.filing_days', name: '规范性文件报送备案期限', value: 15, unit: 'calendar_days', basis: { law: SEED002, article: '措施18', quote: '自公布之日起15日内报送备案' }, note: LOCAL_DEFAULT },
  { key: 'normative.validity_years', name: '规范性文件有效期', value: 5, unit: 'years', basis: { law: SEED000, article: '二（二）', quote: '规范性文件有效期为5年' }, note: LOCAL_DEFAULT },
  { key: 'normative.validity_years_temporary', name: '暂行、试行规范性文件有效期', value: 2, unit: 'years', basis: { law: SEED000, article: '二（二）', quote: '标注"暂行"、"试行"的，有效期为2年' }, note: `${SEED002}为不超过3年；` + LOCAL_DEFAULT },
  { key: 'normative.cleanup_years', name: '规范性文件清理周期', value: 3, unit: 'years', basis: { law: SEED000, article: '二（三）', quote: '每隔3年进行一次全面清理' }, note: `${SEED001}为每2年；` + LOCAL_DEFAULT },
  { key: 'assessment.weight_min_percent_government', name: '依法行政考核在政府绩效考核中权重', value: 5, unit: 'percent', basis: { law: SEED000, article: '九', quote: '所占比重不低于5%' }, note: LOCAL_DEFAULT },
  { key: 'assessment.weight_min_percent_department', name: '依法行政考核在部门绩效考核中权重', value: 2, unit: 'percent', basis: { law: SEED000, article: '九', quote: '所占比重不低于2%' }, note: LOCAL_DEFAULT },
  { key: 'assessment.self_assessment_due', name: '年度自查自评截止日', value: '12-25', unit: 'date', basis: { law: SEED003, article: '六、（二）1.', quote: '每年12月25日前完成自查自评' }, note: LOCAL_DEFAULT },
  { key: 'accountability.preliminary_working_days', name: '内部问责初步审查期限', value: 10, unit: 'working_days', basis: { law: SEED003, article: '七、（二）', quote: '10个工作日内完成初步审查' }, note: LOCAL_DEFAULT },
  { key: 'accountability.investigation_working_days', name: '内部问责调查期限', value: 30, unit: 'working_days', basis: { law: SEED003, article: '七、（二）', quote: '30个工作日内调查终结' }, note: LOCAL_DEFAULT },
  { key: 'accountability.extension_working_days', name: '内部问责调查延长期限', value: 30, unit: 'working_days', basis: { law: SEED003, article: '七、（二）', quote: '可延长30个工作日' }, note: LOCAL_DEFAULT },
  { key: 'supervision.leader_assigned_working_days', name: '领导交办事项未定期限时的办理期限', value: 15, unit: 'working_days', basis: { law: SEED004, article: '（二）4', quote: '领导交办、批办事项，没有明确时限的，一般在15个工作日内办结' }, note: LOCAL_DEFAULT },
  { key: 'enforcement.casefile_reviews_per_year', name: '案卷评查次数（每年）', value: 1, unit: 'count', basis: { law: SEED001, article: '三（四）', quote: '每年至少组织一次行政执法案卷评查' }, note: LOCAL_DEFAULT },
];
