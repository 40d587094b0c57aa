import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db, Tx } from '../db/client.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { Actor, Grant } from './actor.ts';

/** The organisation facts a data-scope decision needs. */
export interface OrgFacts {
  id: number;
  path: string;
  regionPath: string;
}

export function grantsFor(actor: Actor, permission: string): Grant[] {
  return actor.grants.filter((g) => g.permissions.includes(permission));
}

export function hasPermission(actor: Actor, permission: string): boolean {
  return actor.permissions.has(permission);
}

/** Pure data-scope rule: own org / own org and below / own region (and below) / all. */
export function grantCovers(g: Grant, org: OrgFacts): boolean {
  switch (g.scope) {
    case 'all':
      return true;
    case 'own':
      return org.id === g.orgId;
    case 'subtree':
      return org.path.startsWith(g.orgPath);
    case 'region':
      return org.regionPath.startsWith(g.regionPath);
  }
}

export function inScope(actor: Actor, permission: string, org: OrgFacts): boolean {
  return grantsFor(actor, permission).some((g) => grantCovers(g, org));
}

export function hasGlobal(actor: Actor, permission: string): boolean {
  return grantsFor(actor, permission).some((g) => g.scope === 'all');
}

export function assertPermission(actor: Actor, permission: string) {
  if (!hasPermission(actor, permission)) {
    throw forbidden({ zh: `缺少权限：${permission}`, en: `Missing permission ${permission}` });
  }
}

/** Global data (calendar, national rules, roles) needs the permission with scope 'all'. */
export function assertGlobal(actor: Actor, permission: string) {
  if (!hasGlobal(actor, permission)) {
    throw forbidden(
      { zh: `该操作需要全局范围的权限：${permission}`, en: `This action needs ${permission} with scope 'all'` },
      'scope_global_required',
    );
  }
}

/**
 * SQL predicate "column holds an organisation id in the caller's scope for permission".
 * Every list query applies it, so no row outside the scope is ever read.
 */
export function orgScopeFilter(actor: Actor, permission: string, column: Expression<any>): Expression<SqlBool> {
  const grants = grantsFor(actor, permission);
  if (grants.some((g) => g.scope === 'all')) return sql<SqlBool>`true`;
  if (!grants.length) return sql<SqlBool>`false`;
  const own = grants.filter((g) => g.scope === 'own').map((g) => g.orgId);
  const subtree = grants.filter((g) => g.scope === 'subtree').map((g) => g.orgPath + '%');
  const region = grants.filter((g) => g.scope === 'region').map((g) => g.regionPath + '%');
  const parts = [];
  if (own.length) parts.push(sql`${column} = any(${own}::int[])`);
  if (subtree.length) parts.push(sql`${column} in (select id from orgs where path like any(${subtree}::text[]))`);
  if (region.length)
    parts.push(
      sql`${column} in (select o.id from orgs o join regions r on r.code = o.region_code where r.path like any(${region}::text[]))`,
    );
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export async function orgFacts(db: Db | Tx, orgId: number): Promise<OrgFacts | undefined> {
  const row = await db
    .selectFrom('orgs as o')
    .innerJoin('regions as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.path', 'r.path as region_path'])
    .where('o.id', '=', orgId)
    .executeTakeFirst();
  return row ? { id: row.id, path: row.path, regionPath: row.region_path } : undefined;
}

/**
 * Refuses access to a row owned by an organisation outside the caller's scope. Answers
 * 404 rather than 403 so the existence of foreign rows does not leak.
 */
export async function assertOrgInScope(db: Db | Tx, actor: Actor, permission: string, orgId: number, what: { zh: string; en: string }) {
  assertPermission(actor, permission);
  const facts = await orgFacts(db, orgId);
  if (!facts || !inScope(actor, permission, facts)) throw notFound(what);
  return facts;
}
