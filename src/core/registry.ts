import type { FastifyPluginAsync } from 'fastify';
import type { Migration } from './db/migrate.ts';
import type { RuleParamSeed } from './rules/types.ts';
import type { ProcedureDefinition } from './workflow/types.ts';
import type { MetricDefinition } from './metrics/types.ts';
import type { Db, Tx } from './db/client.ts';
import type { Services } from './services.ts';

export interface Text {
  zh: string;
  en: string;
}

export interface PermissionDef {
  code: string;
  name: string;
  /**
   * 'global' permissions change data that is not owned by an organisation (calendar,
   * national rule parameters, roles) and need a grant whose scope is 'all'.
   */
  global?: boolean;
  /** Built-in roles that receive the permission when it first appears. */
  roles?: string[];
}

/**
 * A table whose rows belong to an organisation. The policy layer uses it to resolve the
 * owner of a row (attachments, generic scope checks); the authorization test uses it to
 * find a row of a foreign organisation for every route parameter that names it.
 */
export interface ResourceDef {
  type: string;
  table: string;
  idColumn: string;
  orgColumn: string;
  readPermission: string;
  writePermission: string;
  /**
   * Creates one row owned by `orgId` whose text fields contain `mark`, returning its id.
   * The route-enumerating authorization test aims every `:id` route of the resource at
   * such a row of a third organisation, so a module's routes are covered automatically.
   */
  fixture?: (ctx: { services: Services; tx: Tx; orgId: number; regionCode: string; userId: number; mark: string }) => Promise<string>;
}

export interface PublicPageDef {
  path: string; // under /public
  title: Text;
  description: Text;
  /** The public API that feeds it, for the portal index. */
  api?: string;
}

export interface DemoContext {
  services: Services;
  tx: Tx;
  orgByName(name: string): number;
  userByName(username: string): number;
}

export interface JobDef {
  name: string;
  cron: string;
  run(services: Services): Promise<void>;
}

/** Everything a module contributes, as data (DESIGN.md §3; STYLE.md: Decidim manifests). */
export interface ModuleManifest {
  id: string;
  name: Text;
  migrations?: Migration[];
  permissions?: PermissionDef[];
  ruleParams?: RuleParamSeed[];
  resources?: ResourceDef[];
  procedures?: ProcedureDefinition[];
  metrics?: MetricDefinition[];
  publicPages?: PublicPageDef[];
  /** Fastify plugin registered under /api. */
  routes?: FastifyPluginAsync;
  demo?: (ctx: DemoContext) => Promise<void>;
  jobs?: JobDef[];
}

export function defineModule(m: ModuleManifest): ModuleManifest {
  return m;
}

export type { Db };
