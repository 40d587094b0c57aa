import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, notFound, staleVersion } from '../../core/http/errors.ts';
import { edb, etx } from './schema.ts';
import { audit, checkDate, checkOrder, orgRegion } from './common.ts';
import type { BenchmarksIn, PowerIn, PowerPatch, SubjectIn } from './contract.ts';

const POWER = { zh: '执法职权', en: 'Enforcement power' };

// ── 执法主体 ────────────────────────────────────────────────────────────────

export async function listSubjects(s: Services, actor: Actor) {
  return edb(s.db)
    .selectFrom('enforcement_subjects as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .leftJoin('orgs as b', 'b.id', 'e.entrusted_by_org_id')
    .selectAll('e')
    .select(['o.name as org_name', 'b.name as entrusted_by_name'])
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('e.org_id')))
    .orderBy('o.path')
    .execute();
}

/**
 * The government confirms and announces an enforcement subject (seed 000 §5(二)1); an
 * entrusted organisation carries the entrusting body, basis, scope and term (委托,
 * 行政处罚法 art. 20: 委托书应当载明委托的具体事项、权限、期限等内容).
 */
export async function saveSubject(s: Services, actor: Actor, input: Static<typeof SubjectIn>) {
  checkDate(input.announcedOn, 'announcedOn');
  checkDate(input.entrustmentUntil, 'entrustmentUntil');
  if (input.kind === 'entrusted' && !(input.entrustedByOrgId && input.entrustmentBasis && input.entrustmentScope && input.entrustmentUntil)) {
    throw badInput('entrustment_incomplete', 'entrustedByOrgId', { zh: '受委托组织须载明委托机关、委托依据、委托事项和权限、委托期限', en: 'An entrusted body needs the entrusting body, basis, scope and term' });
  }
  if (input.kind === 'entrusted' && input.entrustedByOrgId === input.orgId) throw badInput('entrustment_self', 'entrustedByOrgId', { zh: '不能委托给自身', en: 'A body cannot entrust itself' });
  checkOrder(input.announcedOn, input.entrustmentUntil, 'entrustmentUntil', { zh: '委托期限不能早于公告日期', en: 'The entrustment ends before it was announced' });
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'enforcement.subject.manage', input.orgId, { zh: '机构', en: 'Organisation' });
    if (input.entrustedByOrgId && !(await tx.selectFrom('orgs').select('id').where('id', '=', input.entrustedByOrgId).executeTakeFirst())) {
      throw badInput('unknown_org', 'entrustedByOrgId', { zh: '委托机关不存在', en: 'Unknown entrusting body' });
    }
    const t = etx(tx);
    const before = await t.selectFrom('enforcement_subjects').selectAll().where('org_id', '=', input.orgId).forUpdate().executeTakeFirst();
    const entrusted = input.kind === 'entrusted';
    const values = {
      kind: input.kind,
      legal_basis: input.legalBasis,
      domains: input.domains ?? [],
      doc_prefix: input.docPrefix,
      announced_on: input.announcedOn,
      announcement: input.announcement ?? null,
      entrusted_by_org_id: entrusted ? input.entrustedByOrgId ?? null : null,
      entrustment_basis: entrusted ? input.entrustmentBasis ?? null : null,
      entrustment_scope: entrusted ? input.entrustmentScope ?? null : null,
      entrustment_until: entrusted ? input.entrustmentUntil ?? null : null,
      active: input.active ?? true,
    };
    const row = before
      ? await t.updateTable('enforcement_subjects').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('org_id', '=', input.orgId).returningAll().executeTakeFirstOrThrow()
      : await t.insertInto('enforcement_subjects').values({ org_id: input.orgId, region_code: await orgRegion(tx, input.orgId), ...values }).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: before ? 'enforcement.subject.update' : 'enforcement.subject.create', entityType: 'enforcement_subject', entityId: input.orgId, orgId: input.orgId, before: before ?? null, after: row });
    return row;
  });
}

/** The subject an organisation enforces as, active today; refuses when it is none. */
export async function activeSubject(tx: Tx, orgId: number, today: string) {
  const subj = await etx(tx).selectFrom('enforcement_subjects').selectAll().where('org_id', '=', orgId).where('active', '=', true).executeTakeFirst();
  if (!subj || (subj.entrustment_until && subj.entrustment_until < today)) {
    throw conflict('not_enforcement_subject', { zh: '该机构不是经确认公告的行政执法主体（或委托已到期），不能实施行政执法', en: 'The organisation is not a confirmed enforcement subject (or its entrustment has ended)' }, 'orgId');
  }
  return subj;
}

// ── 权责清单 ────────────────────────────────────────────────────────────────

export async function listPowers(s: Services, actor: Actor, f: { orgId?: number; powerType?: string; q?: string }) {
  let q = edb(s.db)
    .selectFrom('enforcement_powers as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select(['o.name as org_name'])
    .select((eb) => eb.selectFrom('enforcement_benchmarks as b').select(eb.fn.countAll<number>().as('n')).whereRef('b.power_id', '=', 'p.id').as('benchmark_count'))
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('p.org_id')));
  if (f.orgId) q = q.where('p.org_id', '=', f.orgId);
  if (f.powerType) q = q.where('p.power_type', '=', f.powerType as never);
  if (f.q) q = q.where((eb) => eb.or([eb('p.name', 'ilike', `%${f.q}%`), eb('p.code', 'ilike', `%${f.q}%`)]));
  return q.orderBy('o.path').orderBy('p.code').limit(2000).execute();
}

export async function benchmarksOf(db: Parameters<typeof edb>[0] | Tx, powerId: number) {
  return edb(db as never).selectFrom('enforcement_benchmarks').select(['id', 'band', 'circumstances', 'fine_min', 'fine_max', 'other_penalties', 'sort_order']).where('power_id', '=', powerId).orderBy('sort_order').execute();
}

export async function getPower(s: Services, actor: Actor, id: number) {
  const p = await edb(s.db).selectFrom('enforcement_powers as p').innerJoin('orgs as o', 'o.id', 'p.org_id').selectAll('p').select(['o.name as org_name']).where('p.id', '=', id).executeTakeFirst();
  if (!p) throw notFound(POWER);
  await assertOrgInScope(s.db, actor, 'enforcement.read', p.org_id, POWER);
  return { ...p, benchmarks: await benchmarksOf(s.db, id) };
}

/** Writes one power inside a transaction (also used by the Excel import). */
export async function insertPower(tx: Tx, actor: Actor, input: Static<typeof PowerIn>) {
  const t = etx(tx);
  if (await t.selectFrom('enforcement_powers').select('id').where('org_id', '=', input.orgId).where('code', '=', input.code).executeTakeFirst()) {
    throw conflict('power_code_taken', { zh: `本主体已有编码为 ${input.code} 的职权`, en: `The subject already has a power coded ${input.code}` }, 'code');
  }
  const row = await t
    .insertInto('enforcement_powers')
    .values({
      org_id: input.orgId,
      region_code: await orgRegion(tx, input.orgId),
      code: input.code,
      name: input.name,
      power_type: input.powerType,
      legal_basis: input.legalBasis,
      internal_unit: input.internalUnit ?? null,
      responsibility_items: input.responsibilityItems ?? [],
      published: input.published ?? true,
      active: input.active ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(tx, actor, { action: 'enforcement.power.create', entityType: 'enforcement_power', entityId: row.id, orgId: row.org_id, after: row });
  return row;
}

/** Powers belong to a confirmed subject (a power without a subject cannot be exercised). */
export async function createPower(s: Services, actor: Actor, input: Static<typeof PowerIn>) {
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'enforcement.power.manage', input.orgId, { zh: '实施主体', en: 'Implementing subject' });
    await activeSubject(tx, input.orgId, s.today());
    return insertPower(tx, actor, input);
  });
}

export async function updatePower(s: Services, actor: Actor, id: number, input: Static<typeof PowerPatch>) {
  return s.tx(async (tx) => {
    const t = etx(tx);
    const p = await t.selectFrom('enforcement_powers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!p) throw notFound(POWER);
    await assertOrgInScope(tx, actor, 'enforcement.power.manage', p.org_id, POWER);
    if (p.version !== input.version) throw staleVersion(POWER);
    const after = await t
      .updateTable('enforcement_powers')
      .set({
        name: input.name ?? p.name,
        legal_basis: input.legalBasis ?? p.legal_basis,
        internal_unit: input.internalUnit === undefined ? p.internal_unit : input.internalUnit,
        responsibility_items: input.responsibilityItems ?? p.responsibility_items,
        published: input.published ?? p.published,
        active: input.active ?? p.active,
        version: p.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.power.update', entityType: 'enforcement_power', entityId: id, orgId: p.org_id, before: p, after });
    return after;
  });
}

/** Replaces the discretion benchmark of a penalty power (bands are versioned by the audit log). */
export async function saveBenchmarks(s: Services, actor: Actor, powerId: number, input: Static<typeof BenchmarksIn>) {
  input.bands.forEach((b, i) => {
    if (b.fineMin != null && b.fineMax != null && b.fineMax < b.fineMin) throw badInput('band_inverted', `bands.${i}.fineMax`, { zh: `第 ${i + 1} 档罚款上限低于下限`, en: `Band ${i + 1}: maximum below minimum` });
  });
  return s.tx(async (tx) => {
    const t = etx(tx);
    const p = await t.selectFrom('enforcement_powers').selectAll().where('id', '=', powerId).forUpdate().executeTakeFirst();
    if (!p) throw notFound(POWER);
    await assertOrgInScope(tx, actor, 'enforcement.power.manage', p.org_id, POWER);
    if (p.power_type !== 'penalty') throw conflict('not_penalty_power', { zh: '裁量基准只适用于行政处罚职权', en: 'Benchmarks apply to penalty powers only' }, 'powerId');
    const before = await benchmarksOf(tx, powerId);
    const used = await t.selectFrom('enforcement_cases').select('id').where('benchmark_id', 'in', before.length ? before.map((b) => b.id) : [0]).executeTakeFirst();
    if (used) throw conflict('benchmark_in_use', { zh: '已有案件引用该基准，不能改写；请停用本职权并新设职权及基准', en: 'Cases cite this benchmark; retire the power and create a new one instead' });
    await t.deleteFrom('enforcement_benchmarks').where('power_id', '=', powerId).execute();
    const rows = await t
      .insertInto('enforcement_benchmarks')
      .values(input.bands.map((b, i) => ({ power_id: powerId, org_id: p.org_id, region_code: p.region_code, band: b.band, circumstances: b.circumstances, fine_min: b.fineMin ?? null, fine_max: b.fineMax ?? null, other_penalties: b.otherPenalties ?? null, sort_order: i })))
      .returningAll()
      .execute();
    await audit(tx, actor, { action: 'enforcement.benchmark.replace', entityType: 'enforcement_power', entityId: powerId, orgId: p.org_id, before, after: rows });
    return { ...p, benchmarks: rows };
  });
}
