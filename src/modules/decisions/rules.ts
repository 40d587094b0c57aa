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
];
