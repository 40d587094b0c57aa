import type { RuleParamSeed } from '../../core/rules/types.ts';
import { SEED000, SEED001, SEED002 } from '../../core/rules/seeds.ts';

const SEED003_5 = '《健全行政执法机制》范文篇5';
const NO_NATIONAL = '国家未规定统一期限；本系统默认值，各地按本地规范性文件备案审查规定设定';

/**
 * The module's own rule parameters (the comment, filing and validity periods are core
 * seeds shared with the indicator system). Each carries the text it applies.
 */
export const normativeRuleParams: RuleParamSeed[] = [
  {
    key: 'normative.consultation_working_days',
    name: '规范性文件征求相关部门意见回复期限',
    value: 7,
    unit: 'working_days',
    basis: { law: SEED001, article: '三（三）2', quote: '制发规范性文件涉及其他部门职责的，应当充分听取相关部门的意见，相关部门要认真研究，按照规定期限及时回复意见' },
    note: NO_NATIONAL,
  },
  {
    key: 'normative.correction_days',
    name: '备案审查责令纠正期限',
    value: 30,
    unit: 'calendar_days',
    basis: { law: SEED002, article: '措施18', quote: '做到有件必备、有错必纠……认为确属违法的，应当及时监督纠正或者报请有权机关依法予以撤销并向社会公布' },
    note: NO_NATIONAL,
  },
  {
    key: 'normative.suggestion_answer_days',
    name: '规范性文件审查建议办理答复期限',
    value: 60,
    unit: 'calendar_days',
    basis: { law: SEED002, article: '措施18', quote: '积极受理公民、法人或者其他组织提出的规章或者规范性文件的审查建议' },
    note: NO_NATIONAL,
  },
  {
    key: 'normative.evaluation_after_years',
    name: '规范性文件施行后评估时点（施行满）',
    value: 1,
    unit: 'years',
    basis: { law: SEED003_5, article: '（二）', quote: '建立健全规范性文件实施情况进行定期清理和评估制度，对实施满1年的规范性文件开展估计、组织清理' },
  },
  {
    key: 'normative.expiry_reminder_days',
    name: '有效期届满前提醒（日）',
    value: [60, 30],
    unit: 'list',
    basis: { law: SEED000, article: '二（二）5', quote: '规范性文件有效期满自动失效，确需继续实施的，应重新制定发布' },
    note: '提醒天数为本系统默认值，使制定机关在届满前完成评估并重新制定发布',
  },
];
