import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorFromToken, login, logout, SESSION_COOKIE } from './session.ts';
import { DomainError, forbidden, unauthenticated, badInput } from '../http/errors.ts';
import { withErrors } from '../http/schemas.ts';
import { meView, switchOrg } from './me.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session on every request, enforces each route's declared permission and
 * the CSRF token on state-changing requests, and serves /api/auth/*.
 */
export const authHooks = fp(async function authHooks(app: FastifyInstance, opts: { loginRateLimit: number }) {
  const s = app.services;
  app.decorateRequest('actor', undefined);

  app.addHook('onRequest', async (req) => {
    const cfg = req.routeOptions.config as { permission?: string; public?: boolean };
    if (!req.url.startsWith('/api')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await actorFromToken(s, token);
    if (cfg?.public) {
      // Public routes act without the session, so a forged cross-site form cannot use it.
      return;
    }
    if (!cfg?.permission) return; // unknown route: the 404 handler answers
    if (!req.actor) throw unauthenticated();
    if (UNSAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== req.actor.csrfToken) {
        throw new DomainError({ status: 403, code: 'csrf_failed', title: '请求校验失败', detail: '缺少或错误的 CSRF 令牌，请刷新页面后重试', detail_en: 'Missing or wrong CSRF token; reload the page and retry' });
      }
    }
    if (cfg.permission !== 'authenticated' && !req.actor.permissions.has(cfg.permission)) {
      throw forbidden({ zh: `缺少权限：${cfg.permission}`, en: `Missing permission ${cfg.permission}` });
    }
  });

  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const secureCookie = (req: { protocol: string }) => req.protocol === 'https';

  r.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '口令登录',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ user: Type.Any(), csrfToken: Type.String() }, { additionalProperties: true }) }),
      },
    },
    async (req, reply) => {
      const { token, csrf } = await login(s, req.body.username.trim(), req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookie(req), path: '/' });
      const actor = await actorFromToken(s, token);
      return { ...(await meView(s, actor!)), csrfToken: csrf };
    },
  );

  r.get(
    '/api/auth/me',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], summary: '当前用户、授权与可用菜单', response: withErrors({ 200: Type.Object({ user: Type.Any(), csrfToken: Type.String() }, { additionalProperties: true }) }) } },
    async (req) => meView(s, req.actor!),
  );

  r.post(
    '/api/auth/logout',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], summary: '退出登录', response: withErrors({ 200: Type.Object({ ok: Type.Boolean() }) }) } },
    async (req, reply) => {
      await logout(s, req.actor!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  r.post(
    '/api/auth/switch-org',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '切换当前机构（多个授权时）',
        body: Type.Object({ orgId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]) }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ user: Type.Any(), csrfToken: Type.String() }, { additionalProperties: true }) }),
      },
    },
    async (req) => {
      const orgId = req.body.orgId;
      if (orgId != null && !req.actor!.allGrants.some((g) => g.orgId === orgId)) {
        throw badInput('org_not_granted', 'orgId', { zh: '您在该机构没有授权', en: 'You hold no grant at that organisation' });
      }
      await switchOrg(s, req.actor!, orgId);
      const actor = await actorFromToken(s, req.cookies[SESSION_COOKIE]!);
      return meView(s, actor!);
    },
  );
}, { name: 'fazhi-auth' });
