import fs from 'node:fs';
import { defineModule, type ResourceDef } from '../../core/registry.ts';
import { SEED000, SEED001, SEED003 } from '../../core/rules/seeds.ts';
import { assessmentRoutes } from './routes.ts';
import { atx } from './schema.ts';
import { loadAssessmentDemo } from './demo.ts';
import { surveyRoutes } from './survey-routes.ts';
import { SATISFACTION_THRESHOLD, surveyFixture } from './surveys.ts';

type FixtureContext = Parameters<NonNullable<ResourceDef['fixture']>>[0];

let fixtureSeq = 0;
async function fixtureSystem({ tx, orgId, regionCode, mark }: FixtureContext) {
  const sys = await atx(tx).insertInto('assessment_systems').values({ org_id: orgId, region_code: regionCode, name: `${mark}指标体系${++fixtureSeq}`, year: 2026, source: 'fixture', total_points: 100 }).returning('id').executeTakeFirstOrThrow();
  const node = await atx(tx).insertInto('assessment_nodes').values({ system_id: sys.id, org_id: orgId, code: '一', level: 1, sort_order: 0, title: `${mark}指标`, points: 100, method: 'manual' }).returning('id').executeTakeFirstOrThrow();
  return { system: sys.id, node: node.id };
}

const migration = (name: string) => ({ id: `assessment_${name}`, sql: fs.readFileSync(new URL(`./migrations/assessment_${name}.sql`, import.meta.url), 'utf8') });

/** 指标考核: indicator systems (this increment); assessment rounds follow. */
export const assessmentModule = defineModule({
  id: 'assessment',
  name: { zh: '指标考核', en: 'Assessment' },
  migrations: [migration('001_systems'), migration('002_rounds'), migration('003_surveys'), migration('004_freeze')],
  permissions: [
    { code: 'assessment.read', name: '指标考核：查看指标体系与考核结果', roles: ['assessment_office', 'legal_affairs', 'leader'] },
    { code: 'assessment.manage', name: '指标考核：维护指标体系、组织考核', roles: ['assessment_office'] },
    { code: 'assessment.self', name: '指标考核：本单位自评', roles: ['legal_affairs', 'leader', 'staff'] },
  ],
  resources: [
    { type: 'assessment_system', table: 'assessment_systems', idColumn: 'id', orgColumn: 'org_id', readPermission: 'assessment.read', writePermission: 'assessment.manage', fixture: async (ctx) => String((await fixtureSystem(ctx)).system) },
    {
      type: 'assessment_round',
      table: 'assessment_rounds',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'assessment.read',
      writePermission: 'assessment.manage',
      fixture: async (ctx) => {
        const { system } = await fixtureSystem(ctx);
        const r = await atx(ctx.tx).insertInto('assessment_rounds').values({ org_id: ctx.orgId, region_code: ctx.regionCode, system_id: system, name: `${ctx.mark}考核`, year: 2026, period_from: '2026-01-01', period_to: '2026-12-31', self_due: '2026-12-25', review_due: '2027-01-31', cutoffs: JSON.stringify({ excellent: 90, good: 80, pass: 60 }) }).returning('id').executeTakeFirstOrThrow();
        await atx(ctx.tx).insertInto('assessment_round_orgs').values({ round_id: r.id, org_id: ctx.orgId }).execute();
        return String(r.id);
      },
    },
    { type: 'assessment_node', table: 'assessment_nodes', idColumn: 'id', orgColumn: 'org_id', readPermission: 'assessment.read', writePermission: 'assessment.manage', fixture: async (ctx) => String((await fixtureSystem(ctx)).node) },
    { type: 'assessment_survey', table: 'assessment_surveys', idColumn: 'id', orgColumn: 'org_id', readPermission: 'assessment.read', writePermission: 'assessment.manage', fixture: surveyFixture },
  ],
  ruleParams: [
    { key: SATISFACTION_THRESHOLD, name: '外部评价满意度要求（%）', value: 80, unit: 'percent', basis: { law: SEED000, article: '九、（三）2.', quote: '外部评价满意度不应低于80%' } },
    {
      key: 'assessment.grade_cutoffs',
      name: '考核等次分数线（优秀、良好、合格，得分率%）',
      value: [90, 80, 60],
      unit: 'list',
      basis: { law: SEED003, article: '六、（二）2.', quote: '按优秀、良好、合格和不合格4个档次，提出……考核档次的建议' },
      note: '分数线为本系统默认值，各地按考核办法设定',
    },
    {
      key: 'assessment.performance_weight_provincial_department',
      name: '法治政府建设考核结果在绩效考核中所占分值下限：省直部门（%）',
      value: 5,
      unit: 'percent',
      basis: { law: SEED000, article: '九、（三）1.', quote: '将考核结果纳入政府绩效考核指标体系，所占分值省直部门不低于考核总分数的5%' },
    },
    {
      key: 'assessment.performance_weight_city_county_government',
      name: '法治政府建设考核结果在绩效考核中所占分值下限：市（州）、县（市）政府（%）',
      value: 2,
      unit: 'percent',
      basis: { law: SEED000, article: '九、（三）1.', quote: '市(州)、县(市)政府不低于2%' },
    },
    {
      key: 'assessment.rectification_days',
      name: '考核不合格单位限期整改期限',
      value: 30,
      unit: 'calendar_days',
      basis: { law: SEED001, article: '四、（三）', quote: '对考核不合格，要予以通报，责令限期整改' },
      note: '"限期"未定天数；30日为本系统默认值，各地按考核办法设定',
    },
    {
      key: 'assessment.return_working_days',
      name: '退回补充自评材料的重新报送期限',
      value: 5,
      unit: 'working_days',
      basis: { law: SEED003, article: '六、（二）2.', quote: '对……报送的自查自评材料进行审查' },
      note: '审查中退回补充以一次为限；期限为本系统默认值，各地按考核办法设定',
    },
  ],
  publicPages: [
    { path: '/public/assessment', title: { zh: '法治政府建设考核结果', en: 'Assessment results' }, description: { zh: '已公布的年度考核得分、等次和排名', en: 'Published yearly scores, grades and ranks' }, api: '/api/public/assessment/results' },
    { path: '/public/assessment/surveys', title: { zh: '满意度调查', en: 'Satisfaction surveys' }, description: { zh: '参与法治政府建设外部评价满意度测评', en: 'Take part in the external satisfaction evaluation' }, api: '/api/public/assessment/surveys' },
  ],
  routes: async (app) => {
    await app.register(assessmentRoutes);
    await app.register(surveyRoutes);
  },
  demo: loadAssessmentDemo,
});
