import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { RegionCode, withErrors } from '../http/schemas.ts';
import { badInput, conflict } from '../http/errors.ts';
import { isValidIsoDate } from '../calendar/dates.ts';
import { grantsFor, hasGlobal } from '../policy/scope.ts';
import { forbidden } from '../http/errors.ts';
import { NATIONAL, regionPathOf, resolveRule } from './service.ts';
import { recordAudit } from '../audit/audit.ts';
import { actorForAudit } from '../auth/audit-actor.ts';
import type { Actor } from '../policy/actor.ts';
import type { Services } from '../services.ts';

const Rule = Type.Object(
  { id: Type.Integer(), key: Type.String(), name: Type.String(), value: Type.Any(), unit: Type.String(), jurisdiction: Type.String(), effective_from: Type.String(), effective_to: Type.Union([Type.String(), Type.Null()]), basis_law: Type.String(), basis_article: Type.Union([Type.String(), Type.Null()]), basis_quote: Type.Union([Type.String(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), version: Type.Integer() },
  { additionalProperties: true },
);

const NUMERIC = new Set(['working_days', 'calendar_days', 'months', 'years', 'hours', 'minutes', 'count', 'percent', 'bytes', 'yuan']);

/** The value must fit the unit: a period is a whole number ≥ 0, a date is MM-DD, a list is a list. */
export function valueProblem(unit: string, value: unknown): { zh: string; en: string } | undefined {
  if (NUMERIC.has(unit)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return { zh: '取值须为非负数', en: 'The value must be a non-negative number' };
    if (unit.endsWith('days') || unit === 'months' || unit === 'count') if (!Number.isInteger(value)) return { zh: '取值须为整数', en: 'The value must be an integer' };
    if (unit === 'percent' && value > 100) return { zh: '百分比不能超过 100', en: 'A percentage cannot exceed 100' };
  } else if (unit === 'date') {
    if (typeof value !== 'string' || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) return { zh: '取值须为 MM-DD 形式的日期', en: 'The value must be a date as MM-DD' };
  } else if (unit === 'list') {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { zh: '取值须为字符串列表', en: 'The value must be a list of strings' };
  } else if (unit === 'flag') {
    if (typeof value !== 'boolean') return { zh: '取值须为是/否', en: 'The value must be true or false' };
  }
  return undefined;
}

async function assertMayManage(s: Services, actor: Actor, jurisdiction: string) {
  if (hasGlobal(actor, 'rule.manage')) return;
  if (jurisdiction === NATIONAL) throw forbidden({ zh: '修改全国性参数需要全局范围的权限', en: 'National parameters need rule.manage with scope all' }, 'scope_global_required');
  const path = await regionPathOf(s.db, jurisdiction);
  const ok = path && grantsFor(actor, 'rule.manage').some((g) => g.scope === 'region' && path.startsWith(g.regionPath));
  if (!ok) throw forbidden({ zh: '该辖区不在您的规则维护范围内', en: 'That jurisdiction is outside your scope' }, 'out_of_scope');
}

export const ruleRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;

  app.get(
    '/rules',
    { config: { permission: 'rule.read' }, schema: { tags: ['rules'], summary: '规则参数（含各辖区、各版本及法律依据）', querystring: Type.Object({ key: Type.Optional(Type.String({ maxLength: 100 })), q: Type.Optional(Type.String({ maxLength: 50 })) }, { additionalProperties: false }), response: withErrors({ 200: Type.Array(Rule) }) } },
    async (req) => {
      let q = s.db.selectFrom('rule_params').selectAll();
      if (req.query.key) q = q.where('key', '=', req.query.key);
      if (req.query.q) q = q.where((eb) => eb.or([eb('key', 'ilike', `%${req.query.q}%`), eb('name', 'ilike', `%${req.query.q}%`), eb('basis_law', 'ilike', `%${req.query.q}%`)]));
      return q.orderBy('key').orderBy('jurisdiction').orderBy('effective_from').execute();
    },
  );

  app.get(
    '/rules/resolve',
    { config: { permission: 'rule.read' }, schema: { tags: ['rules'], summary: '某辖区某日生效的参数值（乡镇→县→市→省→全国逐级回退）', querystring: Type.Object({ key: Type.String({ maxLength: 100 }), region: Type.Optional(RegionCode), date: Type.Optional(Type.String({ maxLength: 10 })) }, { additionalProperties: false }), response: withErrors({ 200: Rule }) } },
    async (req) => {
      const date = req.query.date ?? s.today();
      if (!isValidIsoDate(date)) throw badInput('invalid_date', 'date', { zh: `日期无效：${date}`, en: `Invalid date ${date}` });
      return resolveRule(s.db, req.query.key, req.query.region ?? null, date);
    },
  );

  app.post(
    '/rules',
    {
      config: { permission: 'rule.manage' },
      schema: {
        tags: ['rules'],
        summary: '新增参数版本（自生效日起取代同辖区上一版本）',
        body: Type.Object(
          {
            key: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$', maxLength: 100 }),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            unit: Type.Optional(Type.String({ maxLength: 20 })),
            value: Type.Any(),
            jurisdiction: Type.Union([RegionCode, Type.Literal(NATIONAL)]),
            effectiveFrom: Type.String({ maxLength: 10 }),
            effectiveTo: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
            basisLaw: Type.String({ minLength: 2, maxLength: 200 }),
            basisArticle: Type.Optional(Type.String({ maxLength: 100 })),
            basisQuote: Type.Optional(Type.String({ maxLength: 500 })),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Rule }),
      },
    },
    async (req) => {
      const b = req.body;
      if (!isValidIsoDate(b.effectiveFrom)) throw badInput('invalid_date', 'effectiveFrom', { zh: `生效日期无效：${b.effectiveFrom}`, en: `Invalid date ${b.effectiveFrom}` });
      if (b.effectiveTo && (!isValidIsoDate(b.effectiveTo) || b.effectiveTo < b.effectiveFrom)) throw badInput('invalid_date', 'effectiveTo', { zh: '失效日期无效或早于生效日期', en: 'effectiveTo is invalid or before effectiveFrom' });
      if (b.jurisdiction !== NATIONAL && !(await regionPathOf(s.db, b.jurisdiction))) throw badInput('unknown_region', 'jurisdiction', { zh: '辖区行政区划不存在', en: 'Unknown jurisdiction' });
      await assertMayManage(s, req.actor!, b.jurisdiction);
      const existing = await s.db.selectFrom('rule_params').selectAll().where('key', '=', b.key).orderBy('effective_from', 'desc').execute();
      const name = b.name ?? existing[0]?.name;
      const unit = b.unit ?? existing[0]?.unit;
      if (!name || !unit) throw badInput('rule_definition_required', 'name', { zh: '新参数须填写名称与单位', en: 'A new parameter needs a name and a unit' });
      if (existing[0] && unit !== existing[0].unit) throw badInput('unit_mismatch', 'unit', { zh: `参数单位须与既有版本一致（${existing[0].unit}）`, en: `The unit must stay ${existing[0].unit}` });
      const problem = valueProblem(unit, b.value);
      if (problem) throw badInput('invalid_rule_value', 'value', problem);
      const same = existing.filter((r) => r.jurisdiction === b.jurisdiction);
      if (same.some((r) => r.effective_from === b.effectiveFrom)) throw conflict('rule_version_exists', { zh: '同一辖区同一生效日已有版本', en: 'A version with that start date exists for the jurisdiction' }, 'effectiveFrom');
      return s.tx(async (tx) => {
        // The open-ended version before the new one ends the day before it starts.
        const prev = same.filter((r) => r.effective_from < b.effectiveFrom && (r.effective_to == null || r.effective_to >= b.effectiveFrom)).at(0);
        if (prev) {
          const dayBefore = new Date(Date.parse(b.effectiveFrom) - 86_400_000).toISOString().slice(0, 10);
          await tx.updateTable('rule_params').set({ effective_to: dayBefore, version: prev.version + 1, updated_at: new Date() }).where('id', '=', prev.id).execute();
        }
        const row = await tx
          .insertInto('rule_params')
          .values({ key: b.key, name, unit, value: JSON.stringify(b.value), jurisdiction: b.jurisdiction, effective_from: b.effectiveFrom, effective_to: b.effectiveTo ?? null, basis_law: b.basisLaw, basis_article: b.basisArticle ?? null, basis_quote: b.basisQuote ?? null, note: b.note ?? null })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, actorForAudit(req.actor!), { action: 'rule.version', entityType: 'rule_param', entityId: row.id, before: prev ?? null, after: row });
        return row;
      });
    },
  );
};
