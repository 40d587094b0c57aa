import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { withErrors } from '../http/schemas.ts';

const pkgVersion = '0.1.0';

export const portalRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['system'], summary: '健康检查', response: { 200: Type.Object({ status: Type.String(), db: Type.String(), version: Type.String(), time: Type.String() }) } } },
    async () => {
      await s.db.selectFrom('app_meta').select('key').limit(1).execute();
      return { status: 'ok', db: s.database.kind, version: pkgVersion, time: s.now().toISOString() };
    },
  );
  app.get(
    '/public/portal',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: '公众门户首页：各模块登记的公开栏目',
        response: withErrors({ 200: Type.Object({ title: Type.String(), sections: Type.Array(Type.Object({ module: Type.String(), path: Type.String(), title: Type.Object({ zh: Type.String(), en: Type.String() }), description: Type.Object({ zh: Type.String(), en: Type.String() }) }, { additionalProperties: true })), regions: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }) }),
      },
    },
    async () => {
      const meta = await s.db.selectFrom('app_meta').select('value').where('key', '=', 'portal_title').executeTakeFirst();
      const regions = await s.db.selectFrom('regions').select(['code', 'name']).where('level', 'in', ['province', 'city']).orderBy('code').execute();
      return { title: (meta?.value as string) ?? '法治政府建设公众服务平台', sections: s.registry.publicPages, regions };
    },
  );
};
