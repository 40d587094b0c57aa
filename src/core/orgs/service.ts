import { sql } from 'kysely';
import type { Services } from '../services.ts';
import type { Actor } from '../policy/actor.ts';
import type { OrgType } from '../db/tables.ts';
import { assertGlobal, assertOrgInScope, orgScopeFilter } from '../policy/scope.ts';
import { badInput, conflict, staleVersion } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { actorForAudit } from '../auth/audit-actor.ts';

export { ORG_TYPES } from './labels.ts';
const LEVELS = ['province', 'city', 'county', 'township'] as const;
type Level = (typeof LEVELS)[number];

export async function listRegions(s: Services) {
  return s.db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code', 'path']).orderBy('path').execute();
}

/** A region one level below its parent (GB/T 2260 code; 6 digits). */
export async function createRegion(s: Services, actor: Actor, input: { code: string; name: string; level: Level; parentCode?: string | null }) {
  assertGlobal(actor, 'region.manage');
  return s.tx(async (tx) => {
    if (await tx.selectFrom('regions').select('code').where('code', '=', input.code).executeTakeFirst()) {
      throw conflict('region_exists', { zh: `行政区划代码 ${input.code} 已存在`, en: `Region code ${input.code} already exists` }, 'code');
    }
    let path = `/${input.code}/`;
    if (input.parentCode) {
      const parent = await tx.selectFrom('regions').selectAll().where('code', '=', input.parentCode).executeTakeFirst();
      if (!parent) throw badInput('unknown_parent_region', 'parentCode', { zh: '上级行政区划不存在', en: 'The parent region does not exist' });
      if (LEVELS.indexOf(input.level) !== LEVELS.indexOf(parent.level) + 1) {
        throw badInput('region_level_mismatch', 'level', { zh: '行政区划层级须比上级低一级', en: 'A region must be exactly one level below its parent' });
      }
      path = parent.path + input.code + '/';
    } else if (input.level !== 'province') {
      throw badInput('region_parent_required', 'parentCode', { zh: '非省级行政区划须指定上级', en: 'Only a province may have no parent' });
    }
    const row = await tx.insertInto('regions').values({ code: input.code, name: input.name, level: input.level, parent_code: input.parentCode ?? null, path }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, actorForAudit(actor), { action: 'region.create', entityType: 'region', entityId: row.code, after: row });
    return row;
  });
}

export async function listOrgs(s: Services, actor: Actor) {
  return s.db
    .selectFrom('orgs as o')
    .innerJoin('regions as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.name', 'o.short_name', 'o.org_type', 'o.region_code', 'r.name as region_name', 'o.parent_id', 'o.path', 'o.assessment_category', 'o.credit_code', 'o.sort_order', 'o.active', 'o.version'])
    .where(orgScopeFilter(actor, 'org.read', sql.ref('o.id')))
    .orderBy('o.path')
    .execute();
}

export interface OrgInput {
  name: string;
  shortName?: string | null;
  orgType: OrgType;
  regionCode: string;
  parentId?: number | null;
  assessmentCategory?: string | null;
  creditCode?: string | null;
  sortOrder?: number;
}

async function checkRegion(s: Services, code: string) {
  const r = await s.db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
  if (!r) throw badInput('unknown_region', 'regionCode', { zh: `行政区划代码 ${code} 不存在`, en: `Region ${code} does not exist` });
}

export async function createOrg(s: Services, actor: Actor, input: OrgInput) {
  await checkRegion(s, input.regionCode);
  return s.tx(async (tx) => {
    let parentPath = '/';
    if (input.parentId) {
      await assertOrgInScope(tx, actor, 'org.manage', input.parentId, { zh: '上级机构', en: 'Parent organisation' });
      parentPath = (await tx.selectFrom('orgs').select('path').where('id', '=', input.parentId).executeTakeFirstOrThrow()).path;
    } else {
      assertGlobal(actor, 'org.manage');
    }
    const row = await tx
      .insertInto('orgs')
      .values({
        name: input.name,
        short_name: input.shortName ?? null,
        org_type: input.orgType,
        region_code: input.regionCode,
        parent_id: input.parentId ?? null,
        path: '/',
        assessment_category: input.assessmentCategory ?? null,
        credit_code: input.creditCode ?? null,
        sort_order: input.sortOrder ?? 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = await tx.updateTable('orgs').set({ path: `${parentPath}${row.id}/` }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, actorForAudit(actor), { action: 'org.create', entityType: 'org', entityId: row.id, orgId: row.id, after });
    return after;
  });
}

/** Moving an organisation re-roots its subtree; moving it under itself is refused. */
export async function updateOrg(s: Services, actor: Actor, id: number, input: Partial<OrgInput> & { version: number; active?: boolean }) {
  if (input.regionCode) await checkRegion(s, input.regionCode);
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'org.manage', id, { zh: '机构', en: 'Organisation' });
    const before = await tx.selectFrom('orgs').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (before.version !== input.version) throw staleVersion({ zh: '机构', en: 'Organisation' });
    let path = before.path;
    if (input.parentId !== undefined && input.parentId !== before.parent_id) {
      if (input.parentId === null) {
        assertGlobal(actor, 'org.manage');
        path = `/${id}/`;
      } else {
        await assertOrgInScope(tx, actor, 'org.manage', input.parentId, { zh: '上级机构', en: 'Parent organisation' });
        const parent = await tx.selectFrom('orgs').select('path').where('id', '=', input.parentId).executeTakeFirstOrThrow();
        if (parent.path.startsWith(before.path)) {
          throw badInput('org_cycle', 'parentId', { zh: '不能将机构移到其自身或下级机构之下（会形成循环）', en: 'An organisation cannot be moved under itself or its descendants (cycle)' });
        }
        path = `${parent.path}${id}/`;
      }
      await tx
        .updateTable('orgs')
        .set({ path: sql`${path} || substr(path, ${before.path.length + 1})` })
        .where('path', 'like', `${before.path}%`)
        .where('id', '<>', id)
        .execute();
    }
    const after = await tx
      .updateTable('orgs')
      .set({
        name: input.name ?? before.name,
        short_name: input.shortName !== undefined ? input.shortName : before.short_name,
        org_type: input.orgType ?? before.org_type,
        region_code: input.regionCode ?? before.region_code,
        parent_id: input.parentId !== undefined ? input.parentId : before.parent_id,
        path,
        assessment_category: input.assessmentCategory !== undefined ? input.assessmentCategory : before.assessment_category,
        credit_code: input.creditCode !== undefined ? input.creditCode : before.credit_code,
        sort_order: input.sortOrder ?? before.sort_order,
        active: input.active ?? before.active,
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actorForAudit(actor), { action: 'org.update', entityType: 'org', entityId: id, orgId: id, before, after });
    return after;
  });
}

/**
 * Deletes an organisation that owns nothing. Sub-organisations and users are named in the
 * refusal; any other row that refers to it (any module) is caught by its foreign key.
 */
export async function deleteOrg(s: Services, actor: Actor, id: number) {
  try {
    return await s.tx(async (tx) => {
      await assertOrgInScope(tx, actor, 'org.manage', id, { zh: '机构', en: 'Organisation' });
      const before = await tx.selectFrom('orgs').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      const children = Number((await tx.selectFrom('orgs').select((eb) => eb.fn.countAll().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow()).n);
      const users = Number((await tx.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', id).executeTakeFirstOrThrow()).n);
      if (children || users) {
        throw conflict('org_in_use', { zh: `该机构仍有 ${children} 个下级机构、${users} 个用户，不能删除；可改为停用`, en: `The organisation still has ${children} sub-organisations and ${users} users; deactivate it instead` }, 'id', { children, users });
      }
      await tx.deleteFrom('role_grants').where('org_id', '=', id).execute();
      await recordAudit(tx, actorForAudit(actor), { action: 'org.delete', entityType: 'org', entityId: id, orgId: id, before });
      await tx.deleteFrom('orgs').where('id', '=', id).execute();
      return { ok: true };
    });
  } catch (err: any) {
    if (err?.code === '23503') {
      throw conflict('org_in_use', { zh: '该机构仍拥有业务记录，不能删除；可改为停用', en: 'The organisation still owns records; deactivate it instead' }, 'id');
    }
    throw err;
  }
}
