import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Id, IdParams, Paging, RegionCode, withErrors } from '../http/schemas.ts';
import { acknowledgeNotice, getDeadline, issueNotice, listDeadlines, listNotices } from './service.ts';

const Light = Type.Union([Type.Literal('normal'), Type.Literal('yellow'), Type.Literal('red')]);
const Board = Type.Object(
  {
    today: Type.String(),
    yellowUntil: Type.String(),
    counts: Type.Object({ normal: Type.Integer(), yellow: Type.Integer(), red: Type.Integer(), total: Type.Integer() }),
    byModule: Type.Array(Type.Object({ module: Type.String(), normal: Type.Integer(), yellow: Type.Integer(), red: Type.Integer() })),
    items: Type.Array(Type.Object({ id: Type.Integer(), module: Type.String(), title: Type.String(), due_date: Type.String(), light: Light, workingDaysLeft: Type.Integer() }, { additionalProperties: true })),
  },
  { additionalProperties: false },
);
const Notice = Type.Object({ id: Type.Integer(), level: Type.String(), message: Type.String() }, { additionalProperties: true });

export const supervisionRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  app.get(
    '/supervision/my',
    { config: { permission: 'authenticated' }, schema: { tags: ['supervision'], summary: '我的待办：分配给本人或本机构的全部未办结期限（红黄绿灯，按紧急程度排序）', querystring: Type.Object({ status: Type.Optional(Light), module: Type.Optional(Type.String({ maxLength: 50 })), ...Paging }, { additionalProperties: false }), response: withErrors({ 200: Board }) } },
    async (req) => listDeadlines(s, req.actor!, { view: 'mine', ...req.query }),
  );
  app.get(
    '/supervision/deadlines',
    { config: { permission: 'supervision.read' }, schema: { tags: ['supervision'], summary: '电子监察：数据范围内全部未办结期限，可按机构（含下级）、区域、灯色筛选', querystring: Type.Object({ orgId: Type.Optional(Id), regionCode: Type.Optional(RegionCode), status: Type.Optional(Light), module: Type.Optional(Type.String({ maxLength: 50 })), ...Paging }, { additionalProperties: false }), response: withErrors({ 200: Board }) } },
    async (req) => listDeadlines(s, req.actor!, { view: 'scope', ...req.query }),
  );
  app.get('/supervision/deadlines/:id', { config: { permission: 'authenticated', resource: 'deadline' }, schema: { tags: ['supervision'], summary: '期限详情及暂停、恢复、延长、办结记录', params: IdParams, response: withErrors({ 200: Type.Object({ id: Type.Integer(), events: Type.Array(Type.Any()) }, { additionalProperties: true }) }) } }, async (req) => getDeadline(s, req.actor!, req.params.id));
  app.get('/supervision/notices', { config: { permission: 'authenticated' }, schema: { tags: ['supervision'], summary: '督办通知：收到的、发出的或数据范围内的', querystring: Type.Object({ view: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('issued'), Type.Literal('scope')])), ...Paging }, { additionalProperties: false }), response: withErrors({ 200: Type.Array(Notice) }) } }, async (req) => listNotices(s, req.actor!, { view: req.query.view ?? 'mine', limit: req.query.limit, offset: req.query.offset }));
  app.post(
    '/supervision/notices',
    { config: { permission: 'supervision.notice' }, schema: { tags: ['supervision'], summary: '发出督办（提醒 / 督办通知 / 约谈 / 通报），对象须签收反馈', body: Type.Object({ deadlineId: Id, toUserId: Id, level: Type.Union([Type.Literal('reminder'), Type.Literal('notice'), Type.Literal('interview'), Type.Literal('circular')], { description: '提醒 / 督办通知 / 约谈 / 通报（约谈、通报须在督办通知之后）' }), message: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false }), response: withErrors({ 200: Notice }) } },
    async (req) => issueNotice(s, req.actor!, req.body),
  );
  app.post('/supervision/notices/:id/ack', { config: { permission: 'authenticated', resource: 'supervision_notice' }, schema: { tags: ['supervision'], summary: '签收督办并反馈', params: IdParams, body: Type.Object({ note: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false }), response: withErrors({ 200: Notice }) } }, async (req) => acknowledgeNotice(s, req.actor!, req.params.id, req.body.note));
};
