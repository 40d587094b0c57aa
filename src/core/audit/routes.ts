import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Paging, withErrors } from '../http/schemas.ts';
import { assertGlobal, hasGlobal, orgScopeFilter } from '../policy/scope.ts';
import { verifyAuditChain } from './audit.ts';
import { badInput } from '../http/errors.ts';
import { isValidIsoDate } from '../calendar/dates.ts';

const Entry = Type.Object({ seq: Type.Integer(), at: Type.String(), action: Type.String(), entity_type: Type.String(), hash: Type.String() }, { additionalProperties: true });

export const auditRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志（数据范围内；可按操作、对象、操作人、时间筛选）',
        querystring: Type.Object({ action: Type.Optional(Type.String({ maxLength: 100 })), entityType: Type.Optional(Type.String({ maxLength: 50 })), entityId: Type.Optional(Type.String({ maxLength: 50 })), actor: Type.Optional(Type.String({ maxLength: 50 })), from: Type.Optional(Type.String({ maxLength: 10 })), to: Type.Optional(Type.String({ maxLength: 10 })), ...Paging }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ total: Type.Integer(), items: Type.Array(Entry) }) }),
      },
    },
    async (req) => {
      const f = req.query;
      for (const k of ['from', 'to'] as const) if (f[k] && !isValidIsoDate(f[k]!)) throw badInput('invalid_date', k, { zh: `日期无效：${f[k]}`, en: `Invalid date ${f[k]}` });
      const actor = req.actor!;
      let q = s.db.selectFrom('audit_log');
      // Entries of no organisation (system, global settings) are for auditors of scope 'all'.
      q = hasGlobal(actor, 'audit.read') ? q : q.where(orgScopeFilter(actor, 'audit.read', sql.ref('org_id')));
      if (f.action) q = q.where('action', 'like', `${f.action}%`);
      if (f.entityType) q = q.where('entity_type', '=', f.entityType);
      if (f.entityId) q = q.where('entity_id', '=', f.entityId);
      if (f.actor) q = q.where('actor_name', 'ilike', `%${f.actor}%`);
      if (f.from) q = q.where('at', '>=', new Date(`${f.from}T00:00:00+08:00`));
      if (f.to) q = q.where('at', '<', new Date(Date.parse(`${f.to}T00:00:00+08:00`) + 86_400_000));
      const [items, total] = await Promise.all([
        q.selectAll().orderBy('seq', 'desc').limit(f.limit ?? 50).offset(f.offset ?? 0).execute(),
        q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { total: total.n, items: items.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
    },
  );
  app.post(
    '/audit/verify',
    { config: { permission: 'audit.verify' }, schema: { tags: ['audit'], summary: '校验 SM3 哈希链，报告第一条被篡改或删除的记录', response: withErrors({ 200: Type.Object({ ok: Type.Boolean(), checked: Type.Integer(), headSeq: Type.Integer(), firstBad: Type.Optional(Type.Object({}, { additionalProperties: true })) }) }) } },
    async (req) => {
      assertGlobal(req.actor!, 'audit.verify');
      return verifyAuditChain(s.db);
    },
  );
};
