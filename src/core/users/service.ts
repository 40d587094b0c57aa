import { sql } from 'kysely';
import type { Services } from '../services.ts';
import type { Actor } from '../policy/actor.ts';
import type { DataScope } from '../db/tables.ts';
import type { Tx } from '../db/client.ts';
import { assertGlobal, assertOrgInScope, grantsFor, hasGlobal, orgScopeFilter } from '../policy/scope.ts';
import { badInput, conflict, forbidden, notFound, staleVersion } from '../http/errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit.ts';
import { actorForAudit } from '../auth/audit-actor.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import { ruleValue } from '../rules/service.ts';
import { isValidIdNumber, isValidMobile, maskIdNumber, maskPhone } from '../crypto/mask.ts';

export interface GrantInput {
  roleId: number;
  orgId: number;
  scope: DataScope;
}

/** Reads the rules through `tx`: on PGlite a query outside the open transaction would wait for it forever. */
export async function checkPassword(s: Services, tx: Tx, password: string, username: string, regionCode: string | null) {
  const minLength = await ruleValue<number>(tx, 'auth.password_min_length', regionCode, s.today());
  const minClasses = await ruleValue<number>(tx, 'auth.password_min_classes', regionCode, s.today());
  const problem = passwordProblem(password, { minLength, minClasses }, username);
  if (problem) {
    throw badInput('weak_password', 'password', problem, { basis: { law: 'GB/T 22239-2019', article: '8.1.4.1 a)', quote: '身份鉴别信息具有复杂度要求并定期更换' } });
  }
}

function piiFields(s: Services, input: { phone?: string | null; idNumber?: string | null }) {
  const out: { phone_enc?: string | null; id_number_enc?: string | null } = {};
  if (input.phone !== undefined) {
    if (input.phone && !isValidMobile(input.phone)) throw badInput('invalid_phone', 'phone', { zh: '电话号码格式不正确', en: 'Invalid phone number' });
    out.phone_enc = input.phone ? s.pii.encrypt(input.phone) : null;
  }
  if (input.idNumber !== undefined) {
    if (input.idNumber && !isValidIdNumber(input.idNumber)) throw badInput('invalid_id_number', 'idNumber', { zh: '居民身份证号码不正确（GB 11643 校验位不符）', en: 'Invalid resident ID number (GB 11643 check digit)' });
    out.id_number_enc = input.idNumber ? s.pii.encrypt(input.idNumber) : null;
  }
  return out;
}

/** Personal identifiers leave the server masked only. */
function present(s: Services, u: { phone_enc: string | null; id_number_enc: string | null } & Record<string, any>) {
  const { phone_enc, id_number_enc, password_hash, ...rest } = u;
  return {
    ...rest,
    phone_masked: phone_enc ? maskPhone(s.pii.decrypt(phone_enc)) : null,
    id_number_masked: id_number_enc ? maskIdNumber(s.pii.decrypt(id_number_enc)) : null,
  };
}

/**
 * Grants an administrator may give: at organisations in their scope, with a scope no
 * wider than their own, and roles whose permissions they hold themselves (no escalation).
 */
async function checkGrants(s: Services, tx: Tx, actor: Actor, grants: GrantInput[]) {
  const superAdmin = hasGlobal(actor, 'user.manage');
  for (const [i, g] of grants.entries()) {
    await assertOrgInScope(tx, actor, 'user.manage', g.orgId, { zh: '授权机构', en: 'Grant organisation' });
    const role = await tx.selectFrom('roles').select(['id', 'permissions', 'name']).where('id', '=', g.roleId).executeTakeFirst();
    if (!role) throw badInput('unknown_role', `grants.${i}.roleId`, { zh: '角色不存在', en: 'Unknown role' });
    if (!superAdmin) {
      const missing = role.permissions.filter((p) => !actor.permissions.has(p));
      if (missing.length) throw forbidden({ zh: `不能授予超出本人权限的角色"${role.name}"（${missing.join('、')}）`, en: `Cannot grant role ${role.name}: it exceeds your own permissions (${missing.join(', ')})` }, 'grant_escalation');
      const widest = grantsFor(actor, 'user.manage').map((x) => x.scope);
      const order: DataScope[] = ['own', 'subtree', 'region', 'all'];
      if (order.indexOf(g.scope) > Math.max(...widest.map((w) => order.indexOf(w)))) {
        throw forbidden({ zh: '不能授予比本人更宽的数据范围', en: 'Cannot grant a wider data scope than your own' }, 'grant_escalation');
      }
    }
  }
}

export async function listUsers(s: Services, actor: Actor, f: { q?: string; orgId?: number; limit?: number; offset?: number }) {
  let q = s.db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'o.name as org_name', 'u.region_code', 'u.title', 'u.active', 'u.locked_until', 'u.must_change_password', 'u.phone_enc', 'u.id_number_enc', 'u.version', 'u.created_at'])
    .where(orgScopeFilter(actor, 'user.read', sql.ref('u.org_id')));
  if (f.q) q = q.where((eb) => eb.or([eb('u.username', 'ilike', `%${f.q}%`), eb('u.display_name', 'ilike', `%${f.q}%`)]));
  if (f.orgId) q = q.where('u.org_id', '=', f.orgId);
  const rows = await q.orderBy('u.id').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
  const ids = rows.map((r) => r.id);
  const grants = ids.length
    ? await s.db
        .selectFrom('role_grants as g')
        .innerJoin('roles as r', 'r.id', 'g.role_id')
        .innerJoin('orgs as o', 'o.id', 'g.org_id')
        .select(['g.id', 'g.user_id', 'g.role_id', 'r.name as role_name', 'g.org_id', 'o.name as org_name', 'g.scope'])
        .where('g.user_id', 'in', ids)
        .execute()
    : [];
  return rows.map((r) => ({ ...present(s, r), grants: grants.filter((g) => g.user_id === r.id) }));
}

export interface UserInput {
  username: string;
  displayName: string;
  orgId: number;
  password: string;
  title?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  grants?: GrantInput[];
  mustChangePassword?: boolean;
}

export async function createUserTx(s: Services, tx: Tx, auditActor: AuditActor, input: UserInput) {
  const org = await tx.selectFrom('orgs').select(['id', 'region_code']).where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw badInput('unknown_org', 'orgId', { zh: '所属机构不存在', en: 'Unknown organisation' });
  if (await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()) {
    throw conflict('username_taken', { zh: `用户名 ${input.username} 已被使用`, en: `Username ${input.username} is taken` }, 'username');
  }
  await checkPassword(s, tx, input.password, input.username, org.region_code);
  const row = await tx
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      org_id: org.id,
      region_code: org.region_code,
      password_hash: await hashPassword(input.password),
      must_change_password: input.mustChangePassword ?? false,
      title: input.title ?? null,
      ...piiFields(s, input),
    } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const g of input.grants ?? []) {
    await tx.insertInto('role_grants').values({ user_id: row.id, role_id: g.roleId, org_id: g.orgId, scope: g.scope }).execute();
  }
  await recordAudit(tx, auditActor, { action: 'user.create', entityType: 'user', entityId: row.id, orgId: row.org_id, after: { ...row, grants: input.grants ?? [] } });
  return row;
}

export async function createUser(s: Services, actor: Actor, input: UserInput) {
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'user.manage', input.orgId, { zh: '所属机构', en: 'Organisation' });
    await checkGrants(s, tx, actor, input.grants ?? []);
    const row = await createUserTx(s, tx, actorForAudit(actor), { ...input, mustChangePassword: input.mustChangePassword ?? true });
    return present(s, row);
  });
}

async function lockUser(tx: Tx, actor: Actor, id: number) {
  const u = await tx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!u) throw notFound({ zh: '用户', en: 'User' });
  await assertOrgInScope(tx, actor, 'user.manage', u.org_id, { zh: '用户', en: 'User' });
  return u;
}

export async function updateUser(s: Services, actor: Actor, id: number, input: { version: number; displayName?: string; orgId?: number; title?: string | null; active?: boolean; phone?: string | null; idNumber?: string | null; unlock?: boolean }) {
  return s.tx(async (tx) => {
    const before = await lockUser(tx, actor, id);
    if (before.version !== input.version) throw staleVersion({ zh: '用户', en: 'User' });
    let region = before.region_code;
    if (input.orgId && input.orgId !== before.org_id) {
      await assertOrgInScope(tx, actor, 'user.manage', input.orgId, { zh: '所属机构', en: 'Organisation' });
      region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', input.orgId).executeTakeFirstOrThrow()).region_code;
    }
    if (id === actor.userId && input.active === false) throw badInput('cannot_deactivate_self', 'active', { zh: '不能停用自己的账户', en: 'You cannot deactivate your own account' });
    const after = await tx
      .updateTable('users')
      .set({
        display_name: input.displayName ?? before.display_name,
        org_id: input.orgId ?? before.org_id,
        region_code: region,
        title: input.title !== undefined ? input.title : before.title,
        active: input.active ?? before.active,
        ...(input.unlock ? { locked_until: null, failed_attempts: 0 } : {}),
        ...piiFields(s, input),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.active === false) await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(tx, actorForAudit(actor), { action: 'user.update', entityType: 'user', entityId: id, orgId: after.org_id, before, after });
    return present(s, after);
  });
}

export async function setGrants(s: Services, actor: Actor, id: number, grants: GrantInput[]) {
  return s.tx(async (tx) => {
    const u = await lockUser(tx, actor, id);
    const before = await tx.selectFrom('role_grants').selectAll().where('user_id', '=', id).execute();
    // Grants the caller could not give are kept; only those in reach are replaced.
    const untouchable = [];
    for (const g of before) {
      try {
        await checkGrants(s, tx, actor, [{ roleId: g.role_id, orgId: g.org_id, scope: g.scope }]);
      } catch {
        untouchable.push(g);
      }
    }
    await checkGrants(s, tx, actor, grants);
    await tx.deleteFrom('role_grants').where('user_id', '=', id).where('id', 'not in', untouchable.length ? untouchable.map((g) => g.id) : [0]).execute();
    for (const g of grants) {
      await tx.insertInto('role_grants').values({ user_id: id, role_id: g.roleId, org_id: g.orgId, scope: g.scope }).onConflict((oc) => oc.columns(['user_id', 'role_id', 'org_id']).doUpdateSet({ scope: g.scope })).execute();
    }
    const after = await tx.selectFrom('role_grants').selectAll().where('user_id', '=', id).execute();
    await tx.updateTable('users').set({ version: u.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(tx, actorForAudit(actor), { action: 'user.grants', entityType: 'user', entityId: id, orgId: u.org_id, before, after });
    return after;
  });
}

export async function resetPassword(s: Services, actor: Actor, id: number, password: string) {
  return s.tx(async (tx) => {
    const u = await lockUser(tx, actor, id);
    await checkPassword(s, tx, password, u.username, u.region_code);
    await tx.updateTable('users').set({ password_hash: await hashPassword(password), password_changed_at: new Date(), must_change_password: true, failed_attempts: 0, locked_until: null, version: u.version + 1 }).where('id', '=', id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(tx, actorForAudit(actor), { action: 'user.reset_password', entityType: 'user', entityId: id, orgId: u.org_id });
    return { ok: true };
  });
}

export async function changeOwnPassword(s: Services, actor: Actor, oldPassword: string, newPassword: string) {
  return s.tx(async (tx) => {
    const u = await tx.selectFrom('users').selectAll().where('id', '=', actor.userId).forUpdate().executeTakeFirstOrThrow();
    if (!(await verifyPassword(u.password_hash, oldPassword))) throw badInput('wrong_password', 'oldPassword', { zh: '原口令不正确', en: 'The current password is wrong' });
    if (oldPassword === newPassword) throw badInput('password_reused', 'newPassword', { zh: '新口令不能与原口令相同', en: 'The new password must differ from the old one' });
    await checkPassword(s, tx, newPassword, u.username, u.region_code);
    await tx.updateTable('users').set({ password_hash: await hashPassword(newPassword), password_changed_at: new Date(), must_change_password: false, version: u.version + 1 }).where('id', '=', u.id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', u.id).where('id', '<>', actor.sessionId).execute();
    await recordAudit(tx, actorForAudit(actor), { action: 'user.change_password', entityType: 'user', entityId: u.id, orgId: u.org_id });
    return { ok: true };
  });
}

export async function listRoles(s: Services) {
  return s.db.selectFrom('roles').select(['id', 'code', 'name', 'description', 'permissions', 'builtin', 'version']).orderBy('id').execute();
}

export async function saveRole(s: Services, actor: Actor, input: { id?: number; code?: string; name: string; description?: string | null; permissions: string[]; version?: number }) {
  assertGlobal(actor, 'role.manage');
  const known = new Set(s.registry.permissions.map((p) => p.code));
  const unknown = input.permissions.filter((p) => !known.has(p));
  if (unknown.length) throw badInput('unknown_permission', 'permissions', { zh: `未知的权限代码：${unknown.join('、')}`, en: `Unknown permission codes: ${unknown.join(', ')}` });
  return s.tx(async (tx) => {
    if (input.id == null) {
      if (!input.code) throw badInput('code_required', 'code', { zh: '新角色须填写代码', en: 'A new role needs a code' });
      if (await tx.selectFrom('roles').select('id').where('code', '=', input.code).executeTakeFirst()) throw conflict('role_exists', { zh: `角色代码 ${input.code} 已存在`, en: `Role ${input.code} exists` }, 'code');
      const row = await tx.insertInto('roles').values({ code: input.code, name: input.name, description: input.description ?? null, permissions: input.permissions }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(tx, actorForAudit(actor), { action: 'role.create', entityType: 'role', entityId: row.id, after: row });
      return row;
    }
    const before = await tx.selectFrom('roles').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!before) throw notFound({ zh: '角色', en: 'Role' });
    if (before.version !== input.version) throw staleVersion({ zh: '角色', en: 'Role' });
    const after = await tx.updateTable('roles').set({ name: input.name, description: input.description ?? null, permissions: input.permissions, version: before.version + 1, updated_at: new Date() }).where('id', '=', input.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, actorForAudit(actor), { action: 'role.update', entityType: 'role', entityId: after.id, before, after });
    return after;
  });
}
