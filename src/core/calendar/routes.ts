import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { withErrors, Ok } from '../http/schemas.ts';
import { badInput } from '../http/errors.ts';
import { assertGlobal } from '../policy/scope.ts';
import { isValidIsoDate } from './dates.ts';
import { loadCalendarYears } from './service.ts';
import { parseCalendarFile } from './import-file.ts';
import { recordAudit } from '../audit/audit.ts';
import { actorForAudit } from '../auth/audit-actor.ts';
import { computeDeadline } from './lookup.ts';

const DateStr = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const Unit = Type.Union([Type.Literal('working'), Type.Literal('calendar'), Type.Literal('month')]);

function checkDate(value: string, field: string) {
  if (!isValidIsoDate(value)) throw badInput('invalid_date', field, { zh: `${field} 不是有效日期（YYYY-MM-DD）：${value}`, en: `${field} is not a valid date (YYYY-MM-DD): ${value}` });
}

export const calendarRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;

  app.get(
    '/calendar/deadline',
    {
      config: { public: true },
      schema: {
        tags: ['calendar'],
        summary: '法定期限计算（公开）：起算日不计入，期末遇休息日顺延',
        querystring: Type.Object({ from: DateStr, days: Type.Integer({ minimum: 0, maximum: 3650 }), unit: Unit }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ from: Type.String(), days: Type.Integer(), unit: Type.String(), due: Type.String(), provisional: Type.Boolean(), rolledForwardFrom: Type.Optional(Type.String()), basis: Type.String() }) }),
      },
    },
    async (req) => {
      checkDate(req.query.from, 'from');
      return computeDeadline(await s.calendar.get(), req.query.from, req.query.days, req.query.unit);
    },
  );

  app.get(
    '/calendar/days',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: '某年的节假日与调休上班日',
        querystring: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ year: Type.Integer(), loaded: Type.Boolean(), loadedYears: Type.Array(Type.Integer()), days: Type.Array(Type.Object({ date: Type.String(), kind: Type.String(), name: Type.Union([Type.String(), Type.Null()]), source: Type.String() })) }) }),
      },
    },
    async (req) => {
      const y = req.query.year;
      const [days, years] = await Promise.all([
        s.db.selectFrom('calendar_days').select(['day as date', 'kind', 'name', 'source']).where('day', '>=', `${y}-01-01`).where('day', '<=', `${y}-12-31`).orderBy('day').execute(),
        s.db.selectFrom('calendar_years').select('year').orderBy('year').execute(),
      ]);
      const loadedYears = years.map((r) => r.year);
      return { year: y, loaded: loadedYears.includes(y), loadedYears, days };
    },
  );

  app.put(
    '/calendar/days/:date',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: '标记某日为节假日（休）或调休上班日（班）',
        params: Type.Object({ date: DateStr }, { additionalProperties: false }),
        body: Type.Object({ kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]), name: Type.Optional(Type.String({ maxLength: 30 })) }, { additionalProperties: false }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (req) => {
      assertGlobal(req.actor!, 'calendar.manage');
      checkDate(req.params.date, 'date');
      await s.calendar.edit(() => s.tx(async (tx) => {
        const before = await tx.selectFrom('calendar_days').selectAll().where('day', '=', req.params.date).executeTakeFirst();
        const values = { day: req.params.date, kind: req.body.kind, name: req.body.name ?? null, source: 'manual' };
        await tx.insertInto('calendar_days').values(values).onConflict((oc) => oc.column('day').doUpdateSet({ kind: values.kind, name: values.name, source: 'manual', updated_at: new Date() })).execute();
        await recordAudit(tx, actorForAudit(req.actor!), { action: 'calendar.set_day', entityType: 'calendar_day', entityId: req.params.date, before: before ?? null, after: values });
      }));
      return { ok: true };
    },
  );

  app.delete(
    '/calendar/days/:date',
    { config: { permission: 'calendar.manage' }, schema: { tags: ['calendar'], summary: '恢复某日为普通日（按周末规则）', params: Type.Object({ date: DateStr }, { additionalProperties: false }), response: withErrors({ 200: Ok }) } },
    async (req) => {
      assertGlobal(req.actor!, 'calendar.manage');
      checkDate(req.params.date, 'date');
      await s.calendar.edit(() => s.tx(async (tx) => {
        const before = await tx.selectFrom('calendar_days').selectAll().where('day', '=', req.params.date).executeTakeFirst();
        await tx.deleteFrom('calendar_days').where('day', '=', req.params.date).execute();
        await recordAudit(tx, actorForAudit(req.actor!), { action: 'calendar.clear_day', entityType: 'calendar_day', entityId: req.params.date, before: before ?? null });
      }));
      return { ok: true };
    },
  );

  app.post(
    '/calendar/import',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: '导入国务院节假日安排（JSON、CSV 或 iCalendar 文本），替换文件所含年份',
        body: Type.Object({ filename: Type.Optional(Type.String({ maxLength: 200 })), content: Type.String({ minLength: 1, maxLength: 500_000 }) }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ years: Type.Array(Type.Integer()), days: Type.Integer() }) }),
      },
    },
    async (req) => {
      assertGlobal(req.actor!, 'calendar.manage');
      const parsed = parseCalendarFile(req.body.content, req.body.filename);
      if (parsed.errors.length) {
        const e = parsed.errors[0];
        throw badInput('calendar_file_invalid', 'content', { zh: `第 ${e.line} 行：${e.message}（共 ${parsed.errors.length} 处错误）`, en: `line ${e.line}: ${e.message_en} (${parsed.errors.length} errors)` }, { errors: parsed.errors });
      }
      if (!parsed.exceptions.length) throw badInput('calendar_file_empty', 'content', { zh: '文件中没有任何日期', en: 'The file contains no dates' });
      const years = [...new Set(parsed.exceptions.map((e) => Number(e.date.slice(0, 4))))].sort();
      await s.calendar.edit(() => s.tx(async (tx) => {
        await loadCalendarYears(tx, parsed.exceptions, years, `import:${req.body.filename ?? 'upload'}`);
        await recordAudit(tx, actorForAudit(req.actor!), { action: 'calendar.import', entityType: 'calendar', after: { years, days: parsed.exceptions.length, filename: req.body.filename ?? null } });
      }));
      return { years, days: parsed.exceptions.length };
    },
  );
};
