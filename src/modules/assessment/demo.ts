import type { DemoContext } from '../../core/registry.ts';
import { SYSTEM_ACTOR, recordAudit } from '../../core/audit/audit.ts';
import { atx } from './schema.ts';
import { templateSystem } from './systems.ts';
import type { ScoringRule } from './scoring.ts';
import { formatDayNumber, parseIsoDate } from '../../core/calendar/dates.ts';
import { sdb } from './survey-schema.ts';
import { normaliseQuestions, questionnaireProblems, type QuestionInput } from './survey-rules.ts';
import { answerTx, insertBatch } from './surveys.ts';

/** Leaves of the template that a module's metric already measures, found by their wording. */
const LINKS: [needle: string, metric: string, rule: ScoringRule][] = [
  ['不少于40学时', 'enforcement.training_compliance', { kind: 'threshold', target: 100 }],
  ['取得行政执法资格方能从事行政执法工作', 'enforcement.certified_officer_ratio', { kind: 'threshold', target: 100 }],
  ['重大行政执法事项未经', 'enforcement.legal_review_coverage', { kind: 'threshold', target: 100 }],
  ['行政执法案卷评查制度', 'enforcement.casefile_score_avg', { kind: 'linear', from: 60, to: 90 }],
  ['未经合法性审查', 'normative.legality_review_coverage', { kind: 'threshold', target: 100 }],
];

/** The demo city's draft indicator system for this year, from the seed-000 template. */
export async function loadAssessmentDemo({ services: s, tx, orgByName, userByName }: DemoContext) {
  const sys = await templateSystem(tx, { orgId: orgByName('演示市人民政府办公室'), year: Number(s.today().slice(0, 4)), categories: ['市直部门', '县（市、区）政府'], createdBy: userByName('assessor') });
  const linked: string[] = [];
  for (const [needle, metric, rule] of LINKS) {
    if (!s.registry.metrics.has(metric)) continue;
    const leaf = await atx(tx)
      .selectFrom('assessment_nodes as n')
      .select(['n.id', 'n.code'])
      .where('n.system_id', '=', sys.id)
      .where('n.text', 'like', `%${needle}%`)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('assessment_nodes as c').select('c.id').whereRef('c.parent_id', '=', 'n.id'))))
      .orderBy('n.id')
      .executeTakeFirst();
    if (!leaf) continue;
    await atx(tx).updateTable('assessment_nodes').set({ method: 'metric', metric_code: metric, rule: JSON.stringify(rule), data_source: '系统指标数据' }).where('id', '=', leaf.id).execute();
    linked.push(`${leaf.code}→${metric}`);
  }
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.assessment', entityType: 'assessment_system', entityId: sys.id, after: { system: sys.name, linked } });
  await loadSurveyDemo({ services: s, tx, orgByName, userByName });
}

const DEMO_QUESTIONS: QuestionInput[] = [
  { kind: 'single', text: '您对该单位依法行政工作的总体评价', required: true, options: ['满意', '基本满意', '不满意'], satisfied: ['满意', '基本满意'] },
  { kind: 'scale', text: '该单位行政执法是否规范、公正、文明（1 分最差，5 分最好）', required: true, satisfaction: true },
  { kind: 'multiple', text: '您认为该单位在哪些方面还需要改进', options: ['办事效率', '执法规范', '政务公开', '服务态度'] },
  { kind: 'text', text: '意见和建议' },
];

/** [organisation, overall option, rating, improvements, comment]: 市场监管 90%, 生态环境 62.5% (short of 80%), 城管 100%. */
const DEMO_ANSWERS: [string, number, number, number[]?, string?][] = [
  ['演示市市场监督管理局', 0, 5],
  ['演示市市场监督管理局', 0, 4, [0]],
  ['演示市市场监督管理局', 1, 5],
  ['演示市市场监督管理局', 1, 4, [3], '窗口办事比以前快多了'],
  ['演示市市场监督管理局', 2, 4, [0, 2]],
  ['演示市生态环境局', 0, 4],
  ['演示市生态环境局', 2, 2, [1], '同一事项一个月内检查了三次，希望统筹安排'],
  ['演示市生态环境局', 1, 4],
  ['演示市生态环境局', 0, 3, [2]],
  ['演示市城市管理综合行政执法局', 0, 5],
  ['演示市城市管理综合行政执法局', 1, 4, [3]],
  ['演示市城市管理综合行政执法局', 0, 4],
];

/** An open, public external-evaluation survey (seed 000 §9(二)) with answers from deputies and companies. */
async function loadSurveyDemo({ services: s, tx, orgByName, userByName }: DemoContext) {
  const problems = questionnaireProblems(DEMO_QUESTIONS, { complete: true });
  if (problems.length) throw new Error(`demo questionnaire: ${problems[0].en}`);
  const office = orgByName('演示市人民政府办公室');
  const assessor = userByName('assessor');
  const today = s.today();
  const targets = [...new Set(DEMO_ANSWERS.map(([org]) => org))].map(orgByName);
  const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', office).executeTakeFirstOrThrow()).region_code;
  const sv = await sdb(tx)
    .insertInto('assessment_surveys')
    .values({
      org_id: office,
      region_code: region,
      title: `${today.slice(0, 4)}年度法治政府建设外部评价满意度测评`,
      intro: '为了解社会各界对我市各部门依法行政工作的评价，现开展满意度测评。问卷匿名填写，每个答卷码只能使用一次。',
      opens_on: today,
      closes_on: formatDayNumber(parseIsoDate(today) + 30),
      status: 'open',
      public: true,
      questions: JSON.stringify(normaliseQuestions(DEMO_QUESTIONS)),
      opened_at: s.now(),
      created_by: assessor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sdb(tx).insertInto('assessment_survey_targets').values(targets.map((o) => ({ survey_id: sv.id, org_id: o }))).execute();
  await sdb(tx).insertInto('assessment_survey_batches').values({ survey_id: sv.id, respondent_group: 'resident', channel: 'portal', issued_by: assessor }).execute();
  const samr = orgByName('演示市市场监督管理局');
  const firms = await insertBatch(tx, sv.id, { group: 'enterprise', count: 8, orgId: samr, issuedBy: assessor });
  const deputies = await insertBatch(tx, sv.id, { group: 'npc_deputy', count: 10, issuedBy: assessor });
  for (const [org, overall, rating, improve, comment] of DEMO_ANSWERS) {
    const orgId = orgByName(org);
    const token = (orgId === samr ? firms : deputies).tokens.shift()!;
    const answers = { q1: overall, q2: rating, ...(improve ? { q3: improve } : {}), ...(comment ? { q4: comment } : {}) };
    await answerTx(tx, { token, orgId, answers }, today, SYSTEM_ACTOR);
  }
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.assessment.survey', entityType: 'assessment_survey', entityId: sv.id, orgId: office, after: { answers: DEMO_ANSWERS.length } });
}
