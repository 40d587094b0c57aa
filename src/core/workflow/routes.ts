import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Id, withErrors } from '../http/schemas.ts';
import { describeInstance, executeTransition } from './engine.ts';

export const workflowRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  app.get(
    '/procedures',
    { config: { permission: 'authenticated' }, schema: { tags: ['procedures'], summary: '已注册的法定程序定义（状态、环节、守卫及其法律依据）', response: withErrors({ 200: Type.Array(Type.Object({ code: Type.String() }, { additionalProperties: true })) }) } },
    async () =>
      [...s.registry.procedures.values()].map((p) => ({
        code: p.code,
        module: p.module,
        name: p.name,
        states: p.states,
        initial: p.initial,
        transitions: p.transitions.map((t) => ({ code: t.code, name: t.name, from: t.from, to: t.to, permission: t.permission, guards: (t.guards ?? []).map((g) => ({ code: g.code, message: g.message, basis: g.basis })) })),
      })),
  );
  app.get(
    '/procedures/:id',
    { config: { permission: 'authenticated', resource: 'procedure_instance' }, schema: { tags: ['procedures'], summary: '办理事项：状态、历史、期限及当前用户可执行的环节（含不可执行的原因）', params: Type.Object({ id: Id }, { additionalProperties: false }), response: withErrors({ 200: Type.Object({ instance: Type.Any(), history: Type.Array(Type.Any()), transitions: Type.Array(Type.Any()) }, { additionalProperties: true }) }) } },
    async (req) => describeInstance(s, req.actor!, req.params.id),
  );
  app.post(
    '/procedures/:id/transitions/:code',
    {
      config: { permission: 'authenticated', resource: 'procedure_instance' },
      schema: {
        tags: ['procedures'],
        summary: '执行环节（乐观锁：须提交当前 version；被拒绝时返回拒绝的规则及法律依据）',
        params: Type.Object({ id: Id, code: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        body: Type.Object({ version: Type.Integer({ minimum: 1 }), note: Type.Optional(Type.String({ maxLength: 5000 })), data: Type.Optional(Type.Record(Type.String(), Type.Any())) }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ id: Type.Integer(), state: Type.String(), version: Type.Integer() }, { additionalProperties: true }) }),
      },
    },
    async (req) => executeTransition(s, req.actor!, req.params.id, req.params.code, req.body),
  );
};
