import crypto from 'node:crypto';
import type { Services } from '../services.ts';
import { sm3 } from '../crypto/sm.ts';
import { ruleValue } from '../rules/service.ts';
import { activeGrants, permissionsOf, type Actor, type Grant } from '../policy/actor.ts';
import { DomainError } from '../http/errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.ts';
import { NATIONAL } from '../rules/service.ts';

export const SESSION_COOKIE = 'fazhi_sid';

export async function loadGrants(s: Services, userId: number): Promise<Grant[]> {
  const rows = await s.db
    .selectFrom('role_grants as g')
    .innerJoin('roles as r', 'r.id', 'g.role_id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .innerJoin('regions as rg', 'rg.code', 'o.region_code')
    .select(['g.id', 'r.code', 'r.name as role_name', 'r.permissions', 'g.org_id', 'o.name as org_name', 'o.path', 'o.region_code', 'rg.path as region_path', 'g.scope'])
    .where('g.user_id', '=', userId)
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({
    grantId: r.id,
    roleCode: r.code,
    roleName: r.role_name,
    orgId: r.org_id,
    orgName: r.org_name,
    orgPath: r.path,
    regionCode: r.region_code,
    regionPath: r.region_path,
    scope: r.scope,
    permissions: r.permissions,
  }));
}

// A dummy hash so an unknown user costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

const invalidLogin = () =>
  new DomainError({ status: 401, code: 'invalid_credentials', title: '登录失败', detail: '用户名或口令错误', detail_en: 'Wrong username or password' });

/** Password login with lockout after N failures for M minutes (rule parameters). */
export async function login(s: Services, username: string, password: string, meta: { ip?: string; userAgent?: string }) {
  const today = s.today();
  const user = await s.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const region = user?.region_code ?? NATIONAL;
  const [maxAttempts, lockMinutes, absoluteHours] = await Promise.all([
    ruleValue<number>(s.db, 'auth.lockout_attempts', region, today),
    ruleValue<number>(s.db, 'auth.lockout_minutes', region, today),
    ruleValue<number>(s.db, 'auth.session_absolute_hours', region, today),
  ]);
  const now = s.now();
  const note = (success: boolean, reason: string) =>
    s.db.insertInto('login_attempts').values({ username, ip: meta.ip ?? null, success, reason }).execute();
  if (!user || !user.active) {
    await verifyPassword(await (dummyHash ??= hashPassword('dummy-Password-1')), password);
    await note(false, user ? 'inactive' : 'unknown_user');
    throw invalidLogin();
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    await note(false, 'locked');
    throw new DomainError({
      status: 423,
      code: 'account_locked',
      title: '账户已锁定',
      detail: `连续登录失败次数过多，账户已锁定至 ${new Date(user.locked_until).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`,
      detail_en: `Too many failed logins; the account is locked until ${new Date(user.locked_until).toISOString()}`,
      basis: { law: 'GB/T 22239-2019', article: '8.1.4.1 b)', quote: '限制非法登录次数' },
    });
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failed = user.failed_attempts + 1;
    const lock = failed >= maxAttempts;
    await s.tx(async (tx) => {
      await tx
        .updateTable('users')
        .set({ failed_attempts: lock ? 0 : failed, locked_until: lock ? new Date(now.getTime() + lockMinutes * 60_000) : null })
        .where('id', '=', user.id)
        .execute();
      if (lock) await recordAudit(tx, SYSTEM_ACTOR, { action: 'auth.lockout', entityType: 'user', entityId: user.id, orgId: user.org_id, after: { username, minutes: lockMinutes } });
    });
    await note(false, 'wrong_password');
    throw invalidLogin();
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(24).toString('base64url');
  await s.tx(async (tx) => {
    await tx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
    await tx
      .insertInto('sessions')
      .values({
        id: sm3(token),
        user_id: user.id,
        csrf_token: csrf,
        expires_at: new Date(now.getTime() + absoluteHours * 3600_000),
        ip: meta.ip ?? null,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
        created_at: now,
        last_seen_at: now,
      })
      .execute();
    await recordAudit(tx, { userId: user.id, name: `${user.display_name}(${user.username})` }, { action: 'auth.login', entityType: 'user', entityId: user.id, orgId: user.org_id, after: { ip: meta.ip ?? null } });
  });
  await note(true, 'ok');
  return { token, csrf, userId: user.id };
}

/**
 * Resolves the actor of a session token; expires idle and absolute timeouts. Touches
 * last_seen_at at most once a minute so reads stay reads.
 */
export async function actorFromToken(s: Services, token: string): Promise<Actor | undefined> {
  const id = sm3(token);
  const row = await s.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.current_org_id', 's.expires_at', 's.last_seen_at', 'u.id as user_id', 'u.username', 'u.display_name', 'u.org_id', 'u.region_code', 'u.active'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = s.now();
  const idleMinutes = await ruleValue<number>(s.db, 'auth.session_idle_minutes', row.region_code, s.today());
  if (!row.active || new Date(row.expires_at) <= now || now.getTime() - new Date(row.last_seen_at).getTime() > idleMinutes * 60_000) {
    await s.db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await s.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const allGrants = await loadGrants(s, row.user_id);
  const grants = activeGrants(allGrants, row.current_org_id);
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    orgId: row.org_id,
    regionCode: row.region_code,
    sessionId: row.id,
    csrfToken: row.csrf_token,
    currentOrgId: row.current_org_id,
    allGrants,
    grants,
    permissions: permissionsOf(grants),
  };
}

export async function logout(s: Services, actor: Actor) {
  await s.tx(async (tx) => {
    await tx.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
    await recordAudit(tx, { userId: actor.userId, name: `${actor.displayName}(${actor.username})` }, { action: 'auth.logout', entityType: 'user', entityId: actor.userId, orgId: actor.orgId });
  });
}
