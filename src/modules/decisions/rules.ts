import type { RuleParamSeed } from '../../core/rules/types.ts';
import { DECISION, LOCAL_DEFAULT, SEED002 } from '../../core/rules/seeds.ts';

/**
 * The module's own rule parameters. The national periods of the 条例 (30-day public
 * comment, art. 15; 7 working days of legality review, art. 26) are core seeds already.
 */
export const decisionRuleParams: RuleParamSeed[] = [
  {
    key: 'decision.catalogue_publish_due',
    name: '年度重大行政决策事项目录（含听证目录）公布日',
    value: '03-31',
    unit: 'date',
    basis: { law: DECISION, article: '第三条第三款', quote: '决策机关可以根据本条第一款的规定，结合职责权限和本地实际，确定决策事项目录、标准，经同级党委同意后向社会公布，并根据实际情况调整' },
    note: `条例未规定公布日期；一季度内公布为各地通行做法（参照${SEED002}措施18"每年第一季度向社会公布"目录、措施22"建立听证目录"）；${LOCAL_DEFAULT}`,
  },
  {
    key: 'decision.min_expert_opinions',
    name: '重大行政决策专家论证：书面论证意见的最少份数',
    value: 1,
    unit: 'count',
    basis: { law: DECISION, article: '第十九条、第二十一条', quote: '对专业性、技术性较强的决策事项，决策承办单位应当组织专家、专业机构论证其必要性、可行性、科学性等' },
    note: `条例未规定份数；至少一份书面意见，各地可提高；${LOCAL_DEFAULT}`,
  },
  {
    key: 'decision.progress_report_months',
    name: '重大行政决策执行情况报告间隔',
    value: 6,
    unit: 'months',
    basis: { law: DECISION, article: '第三十五条', quote: '决策执行单位应当依法全面、及时、正确执行重大行政决策，并向决策机关报告决策执行情况' },
    note: `条例未规定报告间隔；参照${SEED002}措施27"跟踪决策执行情况和实施效果"，每半年报告一次；${LOCAL_DEFAULT}`,
  },
  {
    key: 'decision.evaluation_due_months',
    name: '重大行政决策后评估：公布后应当评估的月数',
    value: 24,
    unit: 'months',
    basis: { law: DECISION, article: '第三十六条', quote: '依法作出的重大行政决策，决策机关在决策过程中或者决策实施后，可以根据实际需要组织决策后评估' },
    note: `条例未规定评估时间；参照${SEED002}措施27"根据实际需要进行重大行政决策后评估"，以公布后满两年为应当评估的时点（用于考核"后评估完成率"）；${LOCAL_DEFAULT}`,
  },
  {
    key: 'decision.publish_expert_opinions',
    name: '重大行政决策公布时一并公开论证专家姓名和论证意见',
    value: true,
    unit: 'flag',
    basis: { law: SEED002, article: '措施23', quote: '选择论证专家要注重专业性、代表性、均衡性，支持其独立开展工作，逐步实行专家信息和论证意见公开' },
    note: `条例第二十一条未要求公开；${SEED002}措施23要求"逐步实行专家信息和论证意见公开"，默认公开，可按地区关闭；${LOCAL_DEFAULT}`,
  },
];
