import { Type, type TSchema } from '@sinclair/typebox';

/** Shared TypeBox pieces for request and response schemas. */
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD', examples: ['2026-10-08'] });
export const RegionCode = Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 六位行政区划代码' });
export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const Text = Type.Object({ zh: Type.String(), en: Type.String() });
export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};
export const Problem = Type.Object(
  {
    type: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    title: Type.String(),
    detail: Type.String(),
    detail_en: Type.String(),
    field: Type.Optional(Type.String()),
    rule: Type.Optional(Type.String()),
  },
  { additionalProperties: true, $id: 'Problem' },
);
/** Common error responses attached to every route's schema for the OpenAPI document. */
export function withErrors<T extends Record<number, TSchema>>(ok: T) {
  return { ...ok, 400: Type.Ref('Problem'), 401: Type.Ref('Problem'), 403: Type.Ref('Problem'), 404: Type.Ref('Problem'), 409: Type.Ref('Problem') };
}
export const Ok = Type.Object({ ok: Type.Boolean() });
