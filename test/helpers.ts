import fs from 'node:fs';
import { expect } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { ModuleManifest } from '../src/core/registry.ts';
import type { Services } from '../src/core/services.ts';
import { DEMO_PASSWORD, loadDemo } from '../src/core/demo/demo.ts';

export type DbKind = 'pglite' | 'postgres';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether PostgreSQL answers. Without it the PostgreSQL suites are skipped with one clear
 * line — unless FAZHI_REQUIRE_PG=1 (set by .ci/run), which makes its absence a failure.
 */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (err) {
    if (process.env.FAZHI_REQUIRE_PG === '1') throw new Error(`PostgreSQL required (FAZHI_REQUIRE_PG=1) but not reachable at ${TEST_DATABASE_URL}: ${(err as Error).message}`);
    console.warn(`PostgreSQL not reachable at ${TEST_DATABASE_URL}: skipping the PostgreSQL suite (set TEST_DATABASE_URL to run it)`);
    return false;
  }
}

export const kinds: DbKind[] = (await postgresAvailable()) ? ['pglite', 'postgres'] : ['pglite'];

export interface TestEnv {
  kind: DbKind;
  app: FastifyInstance;
  /** http://127.0.0.1:<port> — the app listens on a real socket. */
  baseUrl: string;
  s: Services;
  dataDir: string;
  login(username: string, password?: string): Promise<Client>;
  anon: Client;
  close(): Promise<void>;
}

/** A response read in full: status, headers (lower-case names), text and bytes. */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  rawPayload: Buffer;
  json(): any;
}

/**
 * An HTTP client over a real loopback connection (Node's fetch), carrying the session
 * cookie and the CSRF token like the web app does. Headers passed explicitly win, so a
 * test can send a forged token.
 */
export class Client {
  constructor(
    private readonly baseUrl: string,
    public cookie = '',
    public csrf = '',
  ) {}
  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResponse> {
    const h: Record<string, string> = {};
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const raw = body === undefined || typeof body === 'string' || Buffer.isBuffer(body);
    if (!raw) h['content-type'] = 'application/json';
    Object.assign(h, headers);
    const res = await fetch(this.baseUrl + url, { method, headers: h, body: body === undefined ? undefined : raw ? (Buffer.isBuffer(body) ? new Uint8Array(body) : (body as string)) : JSON.stringify(body), redirect: 'manual' });
    const rawPayload = Buffer.from(await res.arrayBuffer());
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => (out[k] = v));
    const setCookie = res.headers.getSetCookie();
    if (setCookie.length) out['set-cookie'] = setCookie.join(', ');
    const text = rawPayload.toString('utf8');
    return { statusCode: res.status, headers: out, body: text, rawPayload, json: () => JSON.parse(text) };
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

export async function makeEnv(kind: DbKind, opts: { modules?: ModuleManifest[]; demo?: boolean; now?: () => Date; loginRateLimit?: number } = {}): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-'));
  const schema = kind === 'postgres' ? `t_${crypto.randomBytes(6).toString('hex')}` : undefined;
  const app = await buildApp({
    dataDir,
    databaseUrl: kind === 'postgres' ? TEST_DATABASE_URL : undefined,
    schema,
    modules: opts.modules,
    loginRateLimit: opts.loginRateLimit ?? 10_000,
    now: opts.now,
    logLevel: 'silent',
  });
  const s = app.services;
  if (opts.demo !== false) await loadDemo(s);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const anon = new Client(address);
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await anon.post('/api/auth/login', { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.headers['set-cookie'].split(';')[0];
    return new Client(address, cookie, res.json().csrfToken);
  };
  return {
    kind,
    app,
    baseUrl: address,
    s,
    dataDir,
    login,
    anon,
    async close() {
      await app.close();
      if (schema) {
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await c.connect();
        await c.query(`drop schema if exists "${schema}" cascade`);
        await c.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function orgId(s: Services, name: string): Promise<number> {
  return (await s.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}
export async function userId(s: Services, username: string): Promise<number> {
  return (await s.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** A 200 answer's body (the body in the failure message otherwise). */
export function ok(res: { statusCode: number; body: string }) {
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
}

/** A refusal with its status, stable code and, for a guard, the rule that refused; returns the problem. */
export function refused(res: { statusCode: number; body: string }, status: number, code?: string, rule?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const problem = JSON.parse(res.body);
  if (code) expect(problem.code).toBe(code);
  if (rule) expect(problem.rule).toBe(rule);
  return problem;
}
