import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, notFound } from '../../core/http/errors.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { edb, etx } from './schema.ts';
import { audit, checkPast } from './common.ts';
import { defaultPoints, ERROR_SITUATIONS, pointsThresholdReached } from './oversight-rules.ts';
import type { ErrorIn } from './contract.ts';

const SITUATION_TEXT = Object.fromEntries(ERROR_SITUATIONS) as Record<string, string>;

/**
 * Records an enforcement error (执法过错) against an officer with the points it deducts
 * (计分制). When the year's deductions reach the parameter, the certificate is suspended
 * in the same transaction: the officer cannot be assigned again until it is restored.
 */
export async function recordError(s: Services, actor: Actor, input: Static<typeof ErrorIn>) {
  checkPast(input.foundOn, s.today(), 'foundOn');
  return s.tx(async (tx) => {
    const t = etx(tx);
    const o = await t.selectFrom('enforcement_officers').selectAll().where('id', '=', input.officerId).forUpdate().executeTakeFirst();
    if (!o) throw badInput('unknown_officer', 'officerId', { zh: '执法人员不存在', en: 'Unknown officer' });
    await assertOrgInScope(tx, actor, 'enforcement.supervise', o.org_id, { zh: '执法人员', en: 'Officer' });
    if (input.caseId) {
      const c = await t.selectFrom('enforcement_cases').select('org_id').where('id', '=', input.caseId).executeTakeFirst();
      if (!c || c.org_id !== o.org_id) throw badInput('case_other_org', 'caseId', { zh: '关联案件须为该执法人员所在主体的案件', en: 'The case must belong to the officer\'s subject' });
    }
    const perSituation = await ruleValue<number[]>(tx, 'enforcement.error_points', o.region_code, input.foundOn);
    const points = input.points ?? defaultPoints(input.situation, perSituation);
    const row = await t
      .insertInto('enforcement_errors')
      .values({ org_id: o.org_id, region_code: o.region_code, officer_id: o.id, case_id: input.caseId ?? null, situation: input.situation, description: input.description, found_on: input.foundOn, liability: input.liability, points, recorded_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.error.record', entityType: 'enforcement_officer', entityId: o.id, orgId: o.org_id, after: row });
    const year = Number(input.foundOn.slice(0, 4));
    const deducted = await pointsOf(tx, o.id, year);
    const threshold = await ruleValue<number>(tx, 'enforcement.points_threshold', o.region_code, input.foundOn);
    let suspended = false;
    if (pointsThresholdReached(deducted, threshold) && o.cert_status === 'valid') {
      const reason = `${year}年度执法过错扣分累计 ${deducted} 分，达到 ${threshold} 分，暂扣执法证件`;
      await t.updateTable('enforcement_officers').set({ cert_status: 'suspended', cert_status_reason: reason, version: o.version + 1, updated_at: new Date() }).where('id', '=', o.id).execute();
      await audit(tx, actor, { action: 'enforcement.certificate.suspended', entityType: 'enforcement_officer', entityId: o.id, orgId: o.org_id, before: { cert_status: o.cert_status }, after: { cert_status: 'suspended', reason, rule: 'enforcement.points_threshold' } });
      suspended = true;
    }
    return { ...row, situation_text: SITUATION_TEXT[row.situation], year_points: deducted, threshold, certificate_suspended: suspended };
  });
}

async function pointsOf(db: Parameters<typeof etx>[0], officerId: number, year: number) {
  const r = await etx(db).selectFrom('enforcement_errors').select(sql<number>`coalesce(sum(points), 0)::int`.as('p')).where('officer_id', '=', officerId).where(sql`extract(year from found_on)`, '=', year).executeTakeFirstOrThrow();
  return r.p;
}

export async function listErrors(s: Services, actor: Actor, f: { year?: number }) {
  let q = edb(s.db)
    .selectFrom('enforcement_errors as e')
    .innerJoin('enforcement_officers as o', 'o.id', 'e.officer_id')
    .innerJoin('orgs as g', 'g.id', 'e.org_id')
    .leftJoin('enforcement_cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.officer_id', 'o.name as officer_name', 'g.name as org_name', 'e.case_id', 'c.case_no', 'e.situation', 'e.description', 'e.found_on', 'e.liability', 'e.points'])
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('e.org_id')));
  if (f.year) q = q.where(sql`extract(year from e.found_on)`, '=', f.year);
  const rows = await q.orderBy('e.found_on', 'desc').limit(1000).execute();
  return rows.map((r) => ({ ...r, situation_text: SITUATION_TEXT[r.situation] }));
}

/** An officer's deductions this year against the threshold. */
export async function officerPoints(s: Services, actor: Actor, officerId: number, year: number) {
  const o = await edb(s.db).selectFrom('enforcement_officers').select(['id', 'org_id', 'region_code', 'name']).where('id', '=', officerId).executeTakeFirst();
  if (!o) throw notFound({ zh: '执法人员', en: 'Officer' });
  await assertOrgInScope(s.db, actor, 'enforcement.read', o.org_id, { zh: '执法人员', en: 'Officer' });
  const deducted = await pointsOf(s.db as never, o.id, year);
  const threshold = await ruleValue<number>(s.db, 'enforcement.points_threshold', o.region_code, s.today());
  return { officer_id: o.id, name: o.name, year, deducted, threshold, reached: pointsThresholdReached(deducted, threshold) };
}
