import fs from 'node:fs';
import { defineModule, type ResourceDef } from '../../core/registry.ts';
import { assessmentRoutes } from './routes.ts';
import { atx } from './schema.ts';
import { loadAssessmentDemo } from './demo.ts';

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
  migrations: [migration('001_systems')],
  permissions: [
    { code: 'assessment.read', name: '指标考核：查看指标体系与考核结果', roles: ['assessment_office', 'legal_affairs', 'leader'] },
    { code: 'assessment.manage', name: '指标考核：维护指标体系、组织考核', roles: ['assessment_office'] },
  ],
  resources: [
    { type: 'assessment_system', table: 'assessment_systems', idColumn: 'id', orgColumn: 'org_id', readPermission: 'assessment.read', writePermission: 'assessment.manage', fixture: async (ctx) => String((await fixtureSystem(ctx)).system) },
    { type: 'assessment_node', table: 'assessment_nodes', idColumn: 'id', orgColumn: 'org_id', readPermission: 'assessment.read', writePermission: 'assessment.manage', fixture: async (ctx) => String((await fixtureSystem(ctx)).node) },
  ],
  routes: assessmentRoutes,
  demo: loadAssessmentDemo,
});
