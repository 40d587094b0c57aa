import type { RuleParamSeed } from '../../core/rules/types.ts';
import { LOCAL_DEFAULT, SEED000, SEED001, SEED002, SEED004 } from '../../core/rules/seeds.ts';

/**
 * The module's own rule parameters. The periods of internal accountability (preliminary
 * review 10, investigation 30, extension 30 working days; seed 003 篇2 §7) and of leader-assigned
 * items (15 working days; seed 004 #4) are core seeds already.
 */
export const planRuleParams: RuleParamSeed[] = [
  {
    key: 'accountability.appeal_days',
    name: '对问责处理决定提出申诉（复核）的期限',
    value: 30,
    unit: 'calendar_days',
    basis: { law: '中华人民共和国公务员法（2018）', article: '第九十五条', quote: '公务员对涉及本人的下列人事处理不服的，可以自知道该人事处理之日起三十日内向原处理机关申请复核' },
    note: '处理决定作出后期满未申诉的，方可办结',
  },
  {
    key: 'plans.meetings_executive_briefings',
    name: '政府常务会议每年听取依法行政工作汇报的最少次数',
    value: 2,
    unit: 'count',
    basis: { law: SEED001, article: '四（一）', quote: '市和县（市、区）人民政府常务会议每年至少听取2次以上依法行政工作汇报' },
    note: `${SEED000}八（二）4同为2次；${SEED002}措施55为"至少每年听取1次"；${LOCAL_DEFAULT}`,
  },
  {
    key: 'plans.meetings_leading_group',
    name: '依法行政工作领导小组每年会议的最少次数',
    value: 1,
    unit: 'count',
    basis: { law: SEED001, article: '四（一）', quote: '市和县（市、区）人民政府每年至少召开……1次依法行政工作领导小组会议' },
    note: `${SEED000}八（二）1为领导协调机构"每年至少召开2次专门会议"；${LOCAL_DEFAULT}`,
  },
  {
    key: 'plans.meetings_work_conference',
    name: '每年召开依法行政工作会议的最少次数',
    value: 1,
    unit: 'count',
    basis: { law: SEED001, article: '四（一）', quote: '市和县（市、区）人民政府每年至少召开1次全市（县、区）依法行政工作会议' },
    note: LOCAL_DEFAULT,
  },
  {
    key: 'report.rule_of_law_submit_due',
    name: '法治政府建设年度报告报送日（向党委、人大常委会、上一级政府报告）',
    value: '03-31',
    unit: 'date',
    basis: { law: SEED002, article: '措施55', quote: '县级以上政府每年第一季度要向同级党委、人大常委会和上一级政府报告上一年度法治政府建设情况，政府部门每年第一季度要向本级政府和上一级政府有关部门报告' },
    note: '第一季度末；公开日见 report.rule_of_law_annual_due',
  },
  {
    key: 'plans.white_paper_publish_due',
    name: '部门责任白皮书（职责、年度工作目标）公布日',
    value: '02-28',
    unit: 'date',
    basis: { law: SEED004, article: '7', quote: '试行公共政策、部门责任白皮书制度，年初向社会公布部门职责、工作目标，年底将完成情况通过有关媒体向社会通报' },
    note: `"年初"取2月底；${LOCAL_DEFAULT}`,
  },
  {
    key: 'plans.white_paper_completion_due',
    name: '部门责任白皮书完成情况通报日（次年）',
    value: '01-31',
    unit: 'date',
    basis: { law: SEED004, article: '7', quote: '年底将完成情况通过有关媒体向社会通报' },
    note: `"年底"通报，最迟次年1月底；${LOCAL_DEFAULT}`,
  },
];
