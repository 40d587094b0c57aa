import fs from 'node:fs';
import { defineModule, type ResourceDef } from '../../core/registry.ts';
import { planRoutes } from './routes.ts';
import { ptx } from './schema.ts';
import { planMetrics } from './metrics.ts';
import { loadPlansDemo } from './demo.ts';
import { accountabilityProcedure } from './accountability-procedure.ts';
import { planRuleParams } from './rules.ts';

type FixtureContext = Parameters<NonNullable<ResourceDef['fixture']>>[0];

/** A draft plan of the organisation with one measure (a draft: the portal must not show it). */
async function fixturePlan({ tx, orgId, regionCode, mark }: FixtureContext) {
  const t = ptx(tx);
  const plan = await t.insertInto('plans').values({ org_id: orgId, region_code: regionCode, kind: 'plan', title: `${mark}规划`, start_year: 2026, end_year: 2030, default_due_on: '2030-12-31', source: 'manual', measure_count: 1 }).returning('id').executeTakeFirstOrThrow();
  const node = await t.insertInto('plan_nodes').values({ plan_id: plan.id, org_id: orgId, parent_id: null, kind: 'measure', number: '1', title: `${mark}措施`, body: `${mark}措施`, sort_order: 1, source_line: 1 }).returning('id').executeTakeFirstOrThrow();
  return { planId: plan.id, nodeId: node.id };
}

const migration = (name: string) => ({ id: `plans_${name}`, sql: fs.readFileSync(new URL(`./migrations/plans_${name}.sql`, import.meta.url), 'utf8') });

/**
 * 规划任务督办: plans and their measures, tasks, progress and acceptance; leader-assigned items;
 * accountability cases; required meetings; the annual report; white papers, service commitments
 * and first inquiries.
 */
export const plansModule = defineModule({
  id: 'plans',
  name: { zh: '规划任务督办', en: 'Plans, tasks and supervision' },
  migrations: [migration('001_init'), migration('002_accountability'), migration('003_meetings'), migration('004_reports'), migration('005_service')],
  permissions: [
    { code: 'plans.read', name: '规划任务：查看规划、任务、交办事项和首问登记', roles: ['legal_affairs', 'leader', 'assessment_office', 'staff', 'enforcement_officer'] },
    { code: 'plans.manage', name: '规划任务：导入和印发规划、分解任务、检查验收', roles: ['legal_affairs'] },
    { code: 'plans.report', name: '规划任务：报告本单位承担任务的进展和完成情况，首问登记', roles: ['legal_affairs', 'staff', 'enforcement_officer'] },
    { code: 'plans.assign', name: '规划任务：领导交办、批办事项', roles: ['leader'] },
    { code: 'plans.accountability', name: '规划任务：问责立案、调查、处理决定和申诉复核', roles: ['legal_affairs', 'leader'] },
    { code: 'plans.answer', name: '规划任务：办结交办事项并向交办领导报告', roles: ['legal_affairs', 'staff'] },
  ],
  resources: [
    { type: 'plan', table: 'plans', idColumn: 'id', orgColumn: 'org_id', readPermission: 'plans.read', writePermission: 'plans.manage', fixture: async (ctx) => String((await fixturePlan(ctx)).planId) },
    {
      type: 'plan_task',
      table: 'plan_tasks',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'plans.read',
      writePermission: 'plans.report',
      fixture: async (ctx) => {
        const { planId, nodeId } = await fixturePlan(ctx);
        return String((await ptx(ctx.tx).insertInto('plan_tasks').values({ plan_id: planId, node_id: nodeId, org_id: ctx.orgId, region_code: ctx.regionCode, title: `${ctx.mark}任务`, co_org_ids: [], responsible_name: `${ctx.mark}责任人`, deliverable: `${ctx.mark}成果`, due_on: '2030-06-30' }).returning('id').executeTakeFirstOrThrow()).id);
      },
    },
    {
      type: 'accountability_case',
      table: 'accountability_cases',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'plans.read',
      writePermission: 'plans.accountability',
      fixture: async (ctx) => String((await ptx(ctx.tx).insertInto('accountability_cases').values({ org_id: ctx.orgId, region_code: ctx.regionCode, subject_org_id: ctx.orgId, person_user_id: ctx.userId, person_name: `${ctx.mark}责任人`, trigger: 'other', summary: `${ctx.mark}问责事由`, filed_on: '2026-06-01' }).returning('id').executeTakeFirstOrThrow()).id),
    },
    {
      type: 'annual_report',
      table: 'annual_reports',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'plans.read',
      writePermission: 'plans.manage',
      // A draft: the portal must not show it.
      fixture: async (ctx) => String((await ptx(ctx.tx).insertInto('annual_reports').values({ org_id: ctx.orgId, region_code: ctx.regionCode, year: 2025, title: `${ctx.mark}年度报告`, overview: `${ctx.mark}总体情况`, figures: '[]', submit_due_on: '2026-03-31', publish_due_on: '2026-03-31' }).returning('id').executeTakeFirstOrThrow()).id),
    },
    {
      type: 'white_paper',
      table: 'white_papers',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'plans.read',
      writePermission: 'plans.manage',
      // Not published: the portal must not show it.
      fixture: async (ctx) => String((await ptx(ctx.tx).insertInto('white_papers').values({ org_id: ctx.orgId, region_code: ctx.regionCode, year: 2026, duties: `${ctx.mark}职责`, targets: JSON.stringify([`${ctx.mark}目标`]) }).returning('id').executeTakeFirstOrThrow()).id),
    },
    {
      type: 'assigned_item',
      table: 'assigned_items',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'plans.read',
      writePermission: 'plans.answer',
      fixture: async (ctx) => String((await ptx(ctx.tx).insertInto('assigned_items').values({ org_id: ctx.orgId, region_code: ctx.regionCode, title: `${ctx.mark}交办`, content: `${ctx.mark}内容`, leader_user_id: ctx.userId, assigned_on: '2026-06-01', due_on: '2026-06-22', due_given: false }).returning('id').executeTakeFirstOrThrow()).id),
    },
  ],
  procedures: [accountabilityProcedure],
  ruleParams: planRuleParams,
  publicPages: [
    { path: '/public/plans', title: { zh: '法治政府建设规划', en: 'Rule-of-law plans' }, description: { zh: '已印发的法治政府建设规划、实施方案和年度工作要点', en: 'Published rule-of-law plans, implementation schemes and yearly work points' }, api: '/api/public/plans' },
    { path: '/public/plans/white-papers', title: { zh: '部门责任白皮书', en: 'Performance white papers' }, description: { zh: '各部门年初公布的职责和年度工作目标，年底通报的完成情况', en: "Offices' duties and yearly targets, and their completion at the year's end" }, api: '/api/public/plans/white-papers' },
    { path: '/public/plans/commitments', title: { zh: '服务承诺', en: 'Service commitments' }, description: { zh: '各部门面向社会的服务事项、承诺办结时限和一次性告知的材料', en: 'Services offered by each office, the time promised and the documents to bring' }, api: '/api/public/plans/commitments' },
    { path: '/public/plans/reports', title: { zh: '法治政府建设年度报告', en: 'Annual rule-of-law reports' }, description: { zh: '各级政府及部门向社会公开的上一年度法治政府建设情况报告', en: "Governments' and departments' published reports on the past year's rule-of-law work" }, api: '/api/public/plans/reports' },
  ],
  metrics: planMetrics,
  routes: planRoutes,
  demo: loadPlansDemo,
});
