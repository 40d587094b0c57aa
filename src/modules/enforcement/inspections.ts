import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound } from '../../core/http/errors.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { SEED004 } from '../../core/rules/seeds.ts';
import { edb, etx } from './schema.ts';
import { audit, checkDate, checkOrder, checkPast, orgRegion } from './common.ts';
import { activeSubject } from './powers.ts';
import { assertEnoughOfficers } from './cases.ts';
import { PENALTY_LAW } from './rules.ts';
import type { InspectionApprovalIn, InspectionIn, InspectionResultIn } from './contract.ts';

const INSPECTION = { zh: '行政检查', en: 'Inspection' };

export async function listInspections(s: Services, actor: Actor, f: { status?: 'planned' | 'approved' | 'refused' | 'done' }) {
  let q = edb(s.db)
    .selectFrom('enforcement_inspections as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .leftJoin('enforcement_powers as p', 'p.id', 'i.power_id')
    .leftJoin('enforcement_cases as c', 'c.id', 'i.follow_up_case_id')
    .selectAll('i')
    .select(['o.name as org_name', 'p.name as power_name', 'c.case_no as follow_up_case_no'])
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('i.org_id')));
  if (f.status) q = q.where('i.status', '=', f.status);
  return q.orderBy('i.planned_on', 'desc').orderBy('i.id', 'desc').limit(500).execute();
}

/** Plans an inspection; where the local rule requires it, it waits for the leader's approval. */
export async function planInspection(s: Services, actor: Actor, input: Static<typeof InspectionIn>) {
  checkDate(input.plannedOn, 'plannedOn');
  return s.tx(async (tx) => {
    const orgId = input.orgId ?? actor.currentOrgId ?? actor.orgId;
    await assertOrgInScope(tx, actor, 'enforcement.case.handle', orgId, { zh: '执法主体', en: 'Enforcement subject' });
    await activeSubject(tx, orgId, s.today());
    if (input.powerId) {
      const p = await etx(tx).selectFrom('enforcement_powers').select(['org_id', 'power_type']).where('id', '=', input.powerId).executeTakeFirst();
      if (!p || p.org_id !== orgId || p.power_type !== 'inspection') throw badInput('not_inspection_power', 'powerId', { zh: '须为本主体权责清单中的行政检查事项', en: 'Choose an inspection power of the subject' });
    }
    const region = await orgRegion(tx, orgId);
    const required = await ruleValue<boolean>(tx, 'enforcement.inspection_approval_required', region, s.today());
    const row = await etx(tx)
      .insertInto('enforcement_inspections')
      .values({ org_id: orgId, region_code: region, power_id: input.powerId ?? null, target_name: input.targetName, matter: input.matter, planned_on: input.plannedOn, approval_required: !!required, status: required ? 'planned' : 'approved', created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.inspection.plan', entityType: 'enforcement_inspection', entityId: row.id, orgId, after: row });
    return row;
  });
}

async function loadInspection(tx: Parameters<typeof etx>[0], actor: Actor, id: number, permission: string) {
  const row = await etx(tx).selectFrom('enforcement_inspections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(INSPECTION);
  await assertOrgInScope(tx, actor, permission, row.org_id, INSPECTION);
  return row;
}

export async function approveInspection(s: Services, actor: Actor, id: number, input: Static<typeof InspectionApprovalIn>) {
  return s.tx(async (tx) => {
    const row = await loadInspection(tx, actor, id, 'enforcement.case.decide');
    if (row.status !== 'planned') throw conflict('inspection_not_planned', { zh: '该检查不在待审批状态', en: 'The inspection is not awaiting approval' });
    if (!input.approve) {
      const refused = await etx(tx).updateTable('enforcement_inspections').set({ status: 'refused', approved_by: actor.userId, approved_on: s.today(), approval_note: input.note, version: row.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(tx, actor, { action: 'enforcement.inspection.refuse', entityType: 'enforcement_inspection', entityId: id, orgId: row.org_id, before: row, after: refused });
      return refused;
    }
    const after = await etx(tx).updateTable('enforcement_inspections').set({ status: 'approved', approved_by: actor.userId, approved_on: s.today(), approval_note: input.note, version: row.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.inspection.approve', entityType: 'enforcement_inspection', entityId: id, orgId: row.org_id, before: row, after });
    return after;
  });
}

/** The result: two certified officers who showed their certificates (arts. 42, 55). */
export async function recordInspection(s: Services, actor: Actor, id: number, input: Static<typeof InspectionResultIn>) {
  checkPast(input.inspectedOn, s.today(), 'inspectedOn');
  return s.tx(async (tx) => {
    const row = await loadInspection(tx, actor, id, 'enforcement.case.handle');
    if (row.status === 'done') throw conflict('inspection_done', { zh: '检查结果已登记', en: 'The result is already recorded' });
    if (row.status !== 'approved') {
      throw new DomainError({ status: 409, code: 'inspection_not_approved', title: '不能检查', detail: '到企业检查须报经部门主管领导同意，未经同意不得检查', detail_en: 'The inspection needs the leader\'s approval first', rule: 'enforcement.inspection_approval_required', basis: { law: SEED004, article: '16', quote: '各行政执法机关及其工作人员到企业检查，须报经部门主管领导同意，未经同意不得随意到企业检查' } });
    }
    if (row.approved_on) checkOrder(row.approved_on, input.inspectedOn, 'inspectedOn', { zh: '检查日期不能早于批准日期', en: 'The inspection precedes its approval' });
    if (!input.certificatesShown) {
      throw new DomainError({ status: 409, code: 'certificates_not_shown', title: '程序不合法', detail: '执法人员进行检查时，应当主动出示执法证件', detail_en: 'Officers must show their certificates', field: 'certificatesShown', rule: 'certificates_not_shown', basis: { law: PENALTY_LAW, article: '第五十五条', quote: '执法人员在调查或者进行检查时，应当主动向当事人或者有关人员出示执法证件' } });
    }
    await assertEnoughOfficers(tx, row.org_id, row.region_code, input.officerIds, input.inspectedOn, 'officerIds');
    const after = await etx(tx).updateTable('enforcement_inspections').set({ inspected_on: input.inspectedOn, officer_ids: input.officerIds, findings: input.findings, outcome: input.outcome, status: 'done', version: row.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.inspection.record', entityType: 'enforcement_inspection', entityId: id, orgId: row.org_id, before: row, after });
    return after;
  });
}

/** A follow-up case filed from an inspection's findings is linked back to it. */
export async function linkFollowUp(s: Services, actor: Actor, id: number, caseId: number) {
  return s.tx(async (tx) => {
    const row = await loadInspection(tx, actor, id, 'enforcement.case.handle');
    if (row.outcome !== 'case') throw conflict('no_case_needed', { zh: '检查结论不是"发现违法需立案"', en: 'The inspection found nothing to file' });
    const c = await etx(tx).selectFrom('enforcement_cases').select(['org_id', 'filed_on']).where('id', '=', caseId).executeTakeFirst();
    if (!c || c.org_id !== row.org_id) throw badInput('case_other_org', 'caseId', { zh: '后续案件须为本主体立案的案件', en: 'The case must be filed by the same subject' });
    const after = await etx(tx).updateTable('enforcement_inspections').set({ follow_up_case_id: caseId, version: row.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.inspection.link', entityType: 'enforcement_inspection', entityId: id, orgId: row.org_id, before: row, after });
    return after;
  });
}
