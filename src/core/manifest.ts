import fs from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { defineModule } from './registry.ts';
import { corePermissions } from './permissions.ts';
import { coreRuleParams, localRuleParams, nationalRuleParams } from './rules/seeds.ts';
import { coreMetrics } from './metrics/core-metrics.ts';
import { orgRoutes } from './orgs/routes.ts';
import { userRoutes } from './users/routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { ruleRoutes } from './rules/routes.ts';
import { supervisionRoutes } from './supervision/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { metricRoutes } from './metrics/routes.ts';
import { workflowRoutes } from './workflow/routes.ts';
import { portalRoutes } from './portal/routes.ts';

const migration = (name: string) => ({ id: `core_${name}`, sql: fs.readFileSync(new URL(`./db/migrations/core_${name}.sql`, import.meta.url), 'utf8') });

const coreRoutes: FastifyPluginAsync = async (app) => {
  for (const r of [portalRoutes, orgRoutes, userRoutes, calendarRoutes, ruleRoutes, supervisionRoutes, auditRoutes, attachmentRoutes, metricRoutes, workflowRoutes]) {
    await app.register(r);
  }
};

/** The core registers itself like any module: tables, permissions, rules, routes, metrics. */
export const coreManifest = defineModule({
  id: 'core',
  name: { zh: '平台核心', en: 'Core' },
  migrations: [migration('001_init'), migration('002_deadline_instance'), migration('003_notice_circular')],
  permissions: corePermissions,
  ruleParams: [...coreRuleParams, ...nationalRuleParams, ...localRuleParams],
  resources: [
    { type: 'org', table: 'orgs', idColumn: 'id', orgColumn: 'id', readPermission: 'org.read', writePermission: 'org.manage' },
    { type: 'user', table: 'users', idColumn: 'id', orgColumn: 'org_id', readPermission: 'user.read', writePermission: 'user.manage' },
    { type: 'deadline', table: 'deadlines', idColumn: 'id', orgColumn: 'org_id', readPermission: 'supervision.read', writePermission: 'supervision.notice' },
    { type: 'supervision_notice', table: 'supervision_notices', idColumn: 'id', orgColumn: 'org_id', readPermission: 'supervision.read', writePermission: 'supervision.notice' },
    { type: 'attachment', table: 'attachments', idColumn: 'id', orgColumn: 'org_id', readPermission: 'attachment.read', writePermission: 'attachment.upload' },
    { type: 'procedure_instance', table: 'procedure_instances', idColumn: 'id', orgColumn: 'org_id', readPermission: 'supervision.read', writePermission: 'attachment.upload' },
  ],
  metrics: coreMetrics,
  publicPages: [
    {
      path: '/public/deadline',
      title: { zh: '法定期限计算', en: 'Statutory deadline calculator' },
      description: { zh: '输入起算日和期间，按国务院节假日安排计算法定期限的最后一日', en: 'Compute the last day of a statutory period on the official holiday calendar' },
      api: '/api/calendar/deadline',
    },
  ],
  routes: coreRoutes,
});
