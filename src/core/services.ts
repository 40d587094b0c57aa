import type { Database, Db, Tx } from './db/client.ts';
import type { CalendarService } from './calendar/service.ts';
import type { Sm4Box } from './crypto/sm.ts';
import type { ModuleManifest, PermissionDef, PublicPageDef, ResourceDef } from './registry.ts';
import type { ProcedureDefinition } from './workflow/types.ts';
import type { MetricDefinition } from './metrics/types.ts';

export interface Config {
  dataDir: string;
  filesDir: string;
  port: number;
  /** Serve the built web app from this folder when it exists. */
  webDist?: string;
  /** Trust X-Forwarded-* from a TLS-terminating proxy (cookies then get `Secure`). */
  trustProxy: boolean;
  logLevel: string;
}

export interface Registry {
  modules: ModuleManifest[];
  permissions: PermissionDef[];
  procedures: Map<string, ProcedureDefinition>;
  metrics: Map<string, MetricDefinition>;
  resources: Map<string, ResourceDef>;
  publicPages: (PublicPageDef & { module: string })[];
}

/** What services and routes share; built once per app by app.ts. */
export interface Services {
  database: Database;
  db: Db;
  config: Config;
  calendar: CalendarService;
  pii: Sm4Box;
  registry: Registry;
  /** The clock; tests may move it. */
  now(): Date;
  /** Today's date in China (YYYY-MM-DD). */
  today(): string;
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export function buildRegistry(modules: ModuleManifest[]): Registry {
  const permissions = new Map<string, PermissionDef>();
  const procedures = new Map<string, ProcedureDefinition>();
  const metrics = new Map<string, MetricDefinition>();
  const resources = new Map<string, ResourceDef>();
  const publicPages: Registry['publicPages'] = [];
  const unique = <T>(map: Map<string, T>, key: string, value: T, what: string) => {
    if (map.has(key)) throw new Error(`duplicate ${what} ${key}`);
    map.set(key, value);
  };
  for (const m of modules) {
    for (const p of m.permissions ?? []) unique(permissions, p.code, p, 'permission');
    for (const p of m.procedures ?? []) unique(procedures, p.code, p, 'procedure');
    for (const x of m.metrics ?? []) unique(metrics, x.code, x, 'metric');
    for (const r of m.resources ?? []) unique(resources, r.type, r, 'resource');
    for (const pg of m.publicPages ?? []) publicPages.push({ ...pg, module: m.id });
  }
  return { modules, permissions: [...permissions.values()], procedures, metrics, resources, publicPages };
}
