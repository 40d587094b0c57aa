import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Id, Paging, withErrors, Ok } from '../http/schemas.ts';
import { changeOwnPassword, createUser, listRoles, listUsers, resetPassword, saveRole, setGrants, updateUser } from './service.ts';

const Scope = Type.Union([Type.Literal('own'), Type.Literal('subtree'), Type.Literal('region'), Type.Literal('all')], { description: 'own=本机构; subtree=本机构及下级; region=本行政区域; all=全部' });
const GrantIn = Type.Object({ roleId: Id, orgId: Id, scope: Scope }, { additionalProperties: false });
const User = Type.Object({ id: Type.Integer(), username: Type.String(), display_name: Type.String(), org_id: Type.Integer(), phone_masked: Type.Union([Type.String(), Type.Null()]), id_number_masked: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: true });
const Username = Type.String({ pattern: '^[A-Za-z0-9_.-]{3,32}$', description: '3–32 位字母、数字、_ . -' });
const Password = Type.String({ minLength: 1, maxLength: 128 });
const Phone = Type.Union([Type.String({ maxLength: 20 }), Type.Null()]);
const IdNumber = Type.Union([Type.String({ maxLength: 18 }), Type.Null()]);
const Role = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), permissions: Type.Array(Type.String()), version: Type.Integer() }, { additionalProperties: true });

export const userRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  app.get('/users', { config: { permission: 'user.read' }, schema: { tags: ['users'], summary: '用户列表（数据范围内；个人信息脱敏）', querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), orgId: Type.Optional(Id), ...Paging }, { additionalProperties: false }), response: withErrors({ 200: Type.Array(User) }) } }, async (req) => listUsers(s, req.actor!, req.query));
  app.post(
    '/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: '新增用户（口令须符合口令策略）',
        body: Type.Object({ username: Username, displayName: Type.String({ minLength: 1, maxLength: 50 }), orgId: Id, password: Password, title: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])), phone: Type.Optional(Phone), idNumber: Type.Optional(IdNumber), grants: Type.Optional(Type.Array(GrantIn, { maxItems: 20 })) }, { additionalProperties: false }),
        response: withErrors({ 200: User }),
      },
    },
    async (req) => createUser(s, req.actor!, req.body),
  );
  app.patch(
    '/users/:id',
    {
      config: { permission: 'user.manage', resource: 'user' },
      schema: {
        tags: ['users'],
        summary: '修改用户（停用、解锁、调动）',
        params: IdParams,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }), displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), orgId: Type.Optional(Id), title: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])), active: Type.Optional(Type.Boolean()), phone: Type.Optional(Phone), idNumber: Type.Optional(IdNumber), unlock: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: withErrors({ 200: User }),
      },
    },
    async (req) => updateUser(s, req.actor!, req.params.id, req.body),
  );
  app.put('/users/:id/grants', { config: { permission: 'user.manage', resource: 'user' }, schema: { tags: ['users'], summary: '设置用户的角色授权与数据范围', params: IdParams, body: Type.Object({ grants: Type.Array(GrantIn, { maxItems: 20 }) }, { additionalProperties: false }), response: withErrors({ 200: Type.Array(Type.Object({}, { additionalProperties: true })) }) } }, async (req) => setGrants(s, req.actor!, req.params.id, req.body.grants));
  app.post('/users/:id/reset-password', { config: { permission: 'user.manage', resource: 'user' }, schema: { tags: ['users'], summary: '重置口令（下次登录须修改）', params: IdParams, body: Type.Object({ password: Password }, { additionalProperties: false }), response: withErrors({ 200: Ok }) } }, async (req) => resetPassword(s, req.actor!, req.params.id, req.body.password));
  app.post('/auth/password', { config: { permission: 'authenticated' }, schema: { tags: ['auth'], summary: '修改本人口令', body: Type.Object({ oldPassword: Password, newPassword: Password }, { additionalProperties: false }), response: withErrors({ 200: Ok }) } }, async (req) => changeOwnPassword(s, req.actor!, req.body.oldPassword, req.body.newPassword));
  app.get('/roles', { config: { permission: 'role.read' }, schema: { tags: ['users'], summary: '角色列表', response: withErrors({ 200: Type.Array(Role) }) } }, async () => listRoles(s));
  app.get('/permissions', { config: { permission: 'role.read' }, schema: { tags: ['users'], summary: '全部权限代码（由核心与各模块声明）', response: withErrors({ 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), global: Type.Optional(Type.Boolean()) })) }) } }, async () => s.registry.permissions.map((p) => ({ code: p.code, name: p.name, global: !!p.global })));
  const RoleBody = { name: Type.String({ minLength: 1, maxLength: 50 }), description: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])), permissions: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 }) };
  app.post('/roles', { config: { permission: 'role.manage' }, schema: { tags: ['users'], summary: '新增角色', body: Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$' }), ...RoleBody }, { additionalProperties: false }), response: withErrors({ 200: Role }) } }, async (req) => saveRole(s, req.actor!, req.body));
  app.patch('/roles/:id', { config: { permission: 'role.manage', resource: 'global' }, schema: { tags: ['users'], summary: '修改角色权限', params: IdParams, body: Type.Object({ ...RoleBody, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: withErrors({ 200: Role }) } }, async (req) => saveRole(s, req.actor!, { ...req.body, id: req.params.id }));
};
