import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { RouteEntry } from './core/http/types.ts';
import { openDatabase, type Database } from './core/db/client.ts';
import { transactionScope } from './core/db/transaction-scope.ts';
import { beginAuditBuffer, flushAudit } from './core/audit/audit.ts';
import { migrate } from './core/db/migrate.ts';
import { CalendarService, todayInChina } from './core/calendar/service.ts';
import { buildRegistry, type Config, type Services } from './core/services.ts';
import { registerNotFound, registerProblemHandler } from './core/http/problem.ts';
import { Problem } from './core/http/schemas.ts';
import { validatorCompiler } from './core/http/validation.ts';
import { authHooks } from './core/auth/hooks.ts';
import { coreManifest } from './core/manifest.ts';
import { loadSecret } from './core/crypto/secret.ts';
import { Sm4Box } from './core/crypto/sm.ts';
import { validateDefinition } from './core/workflow/engine.ts';
import type { ModuleManifest } from './core/registry.ts';
import { modules as defaultModules } from './modules/index.ts';
import { ensureBaseData } from './core/bootstrap.ts';

export interface AppOptions {
  databaseUrl?: string;
  /** PostgreSQL schema (tests run each suite in a fresh one). */
  schema?: string;
  dataDir: string;
  modules?: ModuleManifest[];
  logLevel?: string;
  webDist?: string;
  trustProxy?: boolean;
  /** Login attempts per IP per minute. */
  loginRateLimit?: number;
  now?: () => Date;
}

export function allManifests(extra?: ModuleManifest[]): ModuleManifest[] {
  return [coreManifest, ...(extra ?? defaultModules)];
}

/** Opens the database, applies migrations and the base data every installation needs. */
export async function prepareServices(opts: AppOptions, database?: Database): Promise<Services> {
  const manifests = allManifests(opts.modules);
  const registry = buildRegistry(manifests);
  for (const def of registry.procedures.values()) {
    const errors = validateDefinition(def);
    if (errors.length) throw new Error(`procedure ${def.code}: ${errors.join('; ')}`);
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const db = database ?? (await openDatabase({ url: opts.databaseUrl, dataDir: opts.databaseUrl ? undefined : opts.dataDir, schema: opts.schema }));
  await migrate(db, manifests.flatMap((m) => m.migrations ?? []));
  const now = opts.now ?? (() => new Date());
  const config: Config = {
    dataDir: opts.dataDir,
    filesDir: path.join(opts.dataDir, 'files'),
    port: Number(process.env.PORT ?? 3000),
    webDist: opts.webDist,
    trustProxy: opts.trustProxy ?? false,
    logLevel: opts.logLevel ?? 'warn',
  };
  const services: Services = {
    database: db,
    db: db.db,
    config,
    calendar: new CalendarService(db.db),
    pii: new Sm4Box(loadSecret(opts.dataDir)),
    registry,
    now,
    today: () => todayInChina(now()),
    tx: (fn) =>
      db.db.transaction().execute(async (t) => {
        beginAuditBuffer(t);
        const result = await transactionScope.run(true, () => fn(t));
        await flushAudit(t);
        return result;
      }),
  };
  await ensureBaseData(services);
  return services;
}

/** Builds the Fastify app from the module registry (tests import this). */
export async function buildApp(opts: AppOptions, services?: Services): Promise<FastifyInstance> {
  const s = services ?? (await prepareServices(opts));
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'warn' },
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.decorate('services', s);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  registerProblemHandler(app);
  app.addSchema(Problem);

  // Every /api route must say who may call it; an undeclared route is a start-up error,
  // so a new module route can never be reachable by accident.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), public: true };
      return;
    }
    const c = route.config as RouteEntry['config'] | undefined;
    if (!c?.public && !c?.permission) throw new Error(`route ${route.method} ${route.url} declares neither a permission nor public`);
    if (route.url.includes(':id') && !c.resource) throw new Error(`route ${route.method} ${route.url} has :id but declares no resource`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url, config: c, schema: route.schema as RouteEntry['schema'] });
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects CSS-in-JS style tags
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: opts.trustProxy ? undefined : false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Fazhi 法治 API', version: '0.1.0', description: '法治政府建设一体化平台 API。错误以 application/problem+json 返回，含稳定的 code。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fazhi_sid' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authHooks, { loginRateLimit: opts.loginRateLimit ?? 10 });

  for (const m of s.registry.modules) {
    if (m.routes) await app.register(m.routes, { prefix: '/api' });
  }

  const spa = !!opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html'));
  if (spa) await app.register(fastifyStatic, { root: opts.webDist!, prefix: '/', wildcard: false, index: ['index.html'] });
  registerNotFound(app, spa);
  app.addHook('onClose', async () => {
    if (!services) await s.database.close();
  });
  return app;
}
