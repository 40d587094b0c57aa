import fs from 'node:fs';
import { defineModule, type ResourceDef } from '../../core/registry.ts';
import { decisionRoutes } from './routes.ts';
import { dtx } from './schema.ts';
import { decisionRuleParams } from './rules.ts';
import { loadDecisionsDemo } from './demo.ts';
import { decisionProcedure } from './procedure.ts';
import { decisionMetrics } from './metrics.ts';

type FixtureContext = Parameters<NonNullable<ResourceDef['fixture']>>[0];

let fixtureSeq = 0;
async function fixtureCatalogue({ tx, orgId, regionCode, mark }: FixtureContext) {
  // A draft: the public routes must not show it.
  return (await dtx(tx).insertInto('decision_catalogues').values({ org_id: orgId, region_code: regionCode, year: 2050 + ++fixtureSeq, title: `${mark}目录`, due_on: '2050-03-31' }).returning('id').executeTakeFirstOrThrow()).id;
}

async function fixtureExpert({ tx, orgId, regionCode, mark }: FixtureContext) {
  return (await dtx(tx).insertInto('decision_experts').values({ org_id: orgId, region_code: regionCode, name: `${mark}专家`, fields: ['law'], affiliation: `${mark}大学`, contact_masked: '139****0000' }).returning('id').executeTakeFirstOrThrow()).id;
}

const migration = (name: string) => ({ id: `decisions_${name}`, sql: fs.readFileSync(new URL(`./migrations/decisions_${name}.sql`, import.meta.url), 'utf8') });

/**
 * 重大行政决策: the decision and hearing catalogues, legal advisers, the expert pool, the
 * decision procedure from start to post-evaluation, accountability and the reverse trace.
 */
export const decisionsModule = defineModule({
  id: 'decisions',
  name: { zh: '重大行政决策', en: 'Major administrative decisions' },
  migrations: [migration('001_init'), migration('002_procedure'), migration('003_accountability'), migration('004_expert_accounts')],
  permissions: [
    { code: 'decisions.read', name: '重大行政决策：查看', roles: ['legal_affairs', 'leader', 'assessment_office'] },
    { code: 'decisions.manage', name: '重大行政决策：编制公布决策事项目录、管理法律顾问、抽取论证专家', roles: ['legal_affairs'] },
    { code: 'decisions.experts', name: '重大行政决策：维护决策咨询论证专家库', roles: ['legal_affairs'] },
    { code: 'decisions.handle', name: '重大行政决策：承办（起动、方案、公众参与、专家论证、风险评估、执行情况、后评估）', roles: ['legal_affairs'] },
    { code: 'decisions.review', name: '重大行政决策：合法性审查', roles: ['legal_affairs'] },
    { code: 'decisions.decide', name: '重大行政决策：集体讨论决定、公布、暂停或停止执行', roles: ['leader'] },
    { code: 'decisions.expert_opinion', name: '重大行政决策：论证专家本人查看论证任务、提交书面论证意见', roles: ['expert'] },
    { code: 'decisions.accountability', name: '重大行政决策：登记决策责任追究（问责）', roles: ['legal_affairs', 'leader'] },
  ],
  ruleParams: decisionRuleParams,
  resources: [
    // Not open for comment and not published: the public routes must not show it.
    { type: 'decision', table: 'decisions', idColumn: 'id', orgColumn: 'org_id', readPermission: 'decisions.read', writePermission: 'decisions.handle', fixture: async (ctx) => String((await dtx(ctx.tx).insertInto('decisions').values({ org_id: ctx.orgId, region_code: ctx.regionCode, title: `${ctx.mark}决策`, deciding_body: `${ctx.mark}常务会议`, undertaking_org_id: ctx.orgId, no_catalogue_reason: `${ctx.mark}理由` }).returning('id').executeTakeFirstOrThrow()).id) },
    { type: 'decision_catalogue', table: 'decision_catalogues', idColumn: 'id', orgColumn: 'org_id', readPermission: 'decisions.read', writePermission: 'decisions.manage', fixture: async (ctx) => String(await fixtureCatalogue(ctx)) },
    {
      type: 'decision_catalogue_item',
      table: 'decision_catalogue_items',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'decisions.read',
      writePermission: 'decisions.manage',
      fixture: async (ctx) => {
        const catalogue_id = await fixtureCatalogue(ctx);
        return String((await dtx(ctx.tx).insertInto('decision_catalogue_items').values({ catalogue_id, org_id: ctx.orgId, title: `${ctx.mark}事项`, deciding_body: `${ctx.mark}常务会议`, undertaking_org_id: ctx.orgId }).returning('id').executeTakeFirstOrThrow()).id);
      },
    },
    { type: 'decision_adviser', table: 'decision_advisers', idColumn: 'id', orgColumn: 'org_id', readPermission: 'decisions.read', writePermission: 'decisions.manage', fixture: async (ctx) => String((await dtx(ctx.tx).insertInto('decision_advisers').values({ org_id: ctx.orgId, region_code: ctx.regionCode, name: `${ctx.mark}顾问`, kind: 'external', profession: 'lawyer', affiliation: `${ctx.mark}律所` }).returning('id').executeTakeFirstOrThrow()).id) },
    { type: 'decision_expert', table: 'decision_experts', idColumn: 'id', orgColumn: 'org_id', readPermission: 'decisions.read', writePermission: 'decisions.experts', fixture: async (ctx) => String(await fixtureExpert(ctx)) },
    {
      type: 'decision_expert_assignment',
      table: 'decision_expert_assignments',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'decisions.read',
      writePermission: 'decisions.manage',
      fixture: async (ctx) => {
        const expertId = await fixtureExpert(ctx);
        return String((await dtx(ctx.tx).insertInto('decision_expert_assignments').values({ org_id: ctx.orgId, subject_type: 'decision', subject_id: '999999', expert_id: expertId, field: 'law', source: 'manual', reason: `${ctx.mark}理由` }).returning('id').executeTakeFirstOrThrow()).id);
      },
    },
    {
      type: 'decision_expert_draw',
      table: 'decision_expert_draws',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'decisions.read',
      writePermission: 'decisions.manage',
      fixture: async (ctx) => {
        const expertId = await fixtureExpert(ctx);
        const drawn = [{ expertId, field: 'law', affiliation: `${ctx.mark}大学` }];
        return String((await dtx(ctx.tx).insertInto('decision_expert_draws').values({ org_id: ctx.orgId, region_code: ctx.regionCode, subject_type: 'decision', subject_id: `${ctx.mark}1`, subject_title: `${ctx.mark}事项`, counts: JSON.stringify({ law: 1 }), seed: `${ctx.mark}seed`, pool: JSON.stringify([]), drawn: JSON.stringify(drawn), excluded: '[]' }).returning('id').executeTakeFirstOrThrow()).id);
      },
    },
  ],
  publicPages: [
    { path: '/public/decisions/drafts', title: { zh: '重大行政决策草案征求意见', en: 'Draft decisions open for comment' }, description: { zh: '正在公开征求意见的重大行政决策草案、听证公告和听证参加人名单，可在线提出意见', en: 'Draft major decisions open for public comment, hearing notices and participants; comment online' }, api: '/api/public/decisions/drafts' },
    { path: '/public/decisions/published', title: { zh: '已公布的重大行政决策', en: 'Published major decisions' }, description: { zh: '重大行政决策及其说明、公众意见和听证意见采纳情况、专家论证意见', en: 'Published decisions with their explanation, adoption of public and hearing opinions, and expert opinions' }, api: '/api/public/decisions/published' },
    { path: '/public/decisions', title: { zh: '重大行政决策事项目录', en: 'Major decision catalogues' }, description: { zh: '各级政府公布的年度重大行政决策事项目录和听证目录', en: 'Yearly catalogues of major decisions and of the decisions that need a hearing' }, api: '/api/public/decisions/catalogues' },
    { path: '/public/decisions/hearings', title: { zh: '重大行政决策听证目录', en: 'Hearing catalogue' }, description: { zh: '列入听证目录、决策前须举行听证的事项', en: 'Decisions that will be preceded by a public hearing' }, api: '/api/public/decisions/hearings' },
  ],
  procedures: [decisionProcedure],
  metrics: decisionMetrics,
  routes: decisionRoutes,
  demo: loadDecisionsDemo,
});
