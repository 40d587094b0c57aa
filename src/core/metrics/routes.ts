import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Id, withErrors } from '../http/schemas.ts';
import { assertOrgInScope } from '../policy/scope.ts';
import { badInput, notFound } from '../http/errors.ts';
import { isValidIsoDate } from '../calendar/dates.ts';

export const metricRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  app.get(
    '/metrics',
    { config: { permission: 'metric.read' }, schema: { tags: ['metrics'], summary: '已注册的考核指标数据项（由各模块注册）', response: withErrors({ 200: Type.Array(Type.Object({ code: Type.String(), module: Type.String(), name: Type.Object({ zh: Type.String(), en: Type.String() }), unit: Type.String(), description: Type.Object({ zh: Type.String(), en: Type.String() }), higherIsBetter: Type.Boolean(), recordType: Type.String(), recordPath: Type.Optional(Type.String()) })) }) } },
    // The definitions without their functions: what a metric is and where its records open.
    async () => [...s.registry.metrics.values()].map(({ compute: _c, records: _r, ...m }) => m),
  );
  app.get(
    '/metrics/:code/value',
    {
      config: { permission: 'metric.read' },
      schema: {
        tags: ['metrics'],
        summary: '计算某机构（含下级）某期间的指标值',
        params: Type.Object({ code: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        querystring: Type.Object({ orgId: Id, from: Type.String({ maxLength: 10 }), to: Type.String({ maxLength: 10 }) }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ code: Type.String(), orgId: Type.Integer(), from: Type.String(), to: Type.String(), value: Type.Union([Type.Number(), Type.Null()]), numerator: Type.Optional(Type.Number()), denominator: Type.Optional(Type.Number()) }) }),
      },
    },
    async (req) => {
      const m = s.registry.metrics.get(req.params.code);
      if (!m) throw notFound({ zh: `指标 ${req.params.code}`, en: `Metric ${req.params.code}` }, 'code');
      const { orgId, from, to } = req.query;
      for (const [k, v] of [['from', from], ['to', to]] as const) if (!isValidIsoDate(v)) throw badInput('invalid_date', k, { zh: `日期无效：${v}`, en: `Invalid date ${v}` });
      if (to < from) throw badInput('invalid_period', 'to', { zh: '截止日期早于起始日期', en: 'to is before from' });
      const facts = await assertOrgInScope(s.db, req.actor!, 'metric.read', orgId, { zh: '机构', en: 'Organisation' });
      const ids = (await s.db.selectFrom('orgs').select('id').where('path', 'like', `${facts.path}%`).execute()).map((r) => r.id);
      const v = await m.compute(s.db, { orgIds: ids, from, to });
      return { code: m.code, orgId, from, to, ...v };
    },
  );
};
