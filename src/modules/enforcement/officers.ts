import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound } from '../../core/http/errors.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { SEED000 } from '../../core/rules/seeds.ts';
import { edb, etx } from './schema.ts';
import { audit, checkDate, checkOrder, checkPast, orgRegion } from './common.ts';
import { OFFICER_REFUSAL_TEXT, officerRefusal, trainingStatus } from './officer-rules.ts';
import type { CertificateIn, CertificateStatusIn, OfficerIn, TrainingIn } from './contract.ts';

const OFFICER = { zh: '执法人员', en: 'Officer' };
const QUALIFICATION = { law: SEED000, article: '五（二）3', quote: '行政执法人员要经过培训和严格的考试，取得行政执法资格方能从事行政执法工作，严禁无执法资格人员上岗执法' };

/** Officers in scope with their training hours for `year` against the requirement. */
export async function listOfficers(s: Services, actor: Actor, f: { orgId?: number; year?: number }) {
  const today = s.today();
  const year = f.year ?? Number(today.slice(0, 4));
  let q = edb(s.db)
    .selectFrom('enforcement_officers as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .select(['e.id', 'e.org_id', 'o.name as org_name', 'e.region_code', 'e.name', 'e.kind', 'e.user_id', 'e.domains', 'e.trained_on', 'e.exam_passed_on', 'e.cert_no', 'e.cert_issuer', 'e.cert_valid_from', 'e.cert_valid_until', 'e.cert_status', 'e.cert_status_reason', 'e.version'])
    .select((eb) => eb.selectFrom('enforcement_training as t').select(sql<string>`coalesce(sum(t.hours), 0)`.as('h')).whereRef('t.officer_id', '=', 'e.id').where('t.year', '=', year).as('hours'))
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('e.org_id')));
  if (f.orgId) q = q.where('e.org_id', '=', f.orgId);
  const rows = await q.orderBy('o.path').orderBy('e.name').limit(5000).execute();
  // The training rules are read once per region, not once per officer.
  const rules = new Map<string, Promise<[number, string]>>();
  const rulesOf = (region: string) => {
    if (!rules.has(region)) rules.set(region, Promise.all([ruleValue<number>(s.db, 'training.annual_hours', region, today), ruleValue<string>(s.db, 'enforcement.training_warning_from', region, today)]));
    return rules.get(region)!;
  };
  const out = [];
  for (const r of rows) {
    const [required, warningFrom] = await rulesOf(r.region_code);
    const hours = Number(r.hours ?? 0);
    out.push({ ...r, year, hours, required_hours: required, training_status: r.kind === 'officer' ? trainingStatus(hours, required, year, today, warningFrom) : null, can_enforce: !officerRefusal(r, r.org_id, today) });
  }
  return out;
}

async function loadOfficer(tx: Tx, actor: Actor, id: number, permission: string) {
  const o = await etx(tx).selectFrom('enforcement_officers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!o) throw notFound(OFFICER);
  await assertOrgInScope(tx, actor, permission, o.org_id, OFFICER);
  return o;
}

export async function getOfficer(s: Services, actor: Actor, id: number) {
  const o = await edb(s.db).selectFrom('enforcement_officers as e').innerJoin('orgs as org', 'org.id', 'e.org_id').selectAll('e').select('org.name as org_name').where('e.id', '=', id).executeTakeFirst();
  if (!o) throw notFound(OFFICER);
  await assertOrgInScope(s.db, actor, 'enforcement.read', o.org_id, OFFICER);
  const training = await edb(s.db).selectFrom('enforcement_training').select(['id', 'year', 'course', 'hours', 'held_on']).where('officer_id', '=', id).orderBy('held_on', 'desc').execute();
  return { ...o, training, can_enforce: !officerRefusal(o, o.org_id, s.today()) };
}

export async function createOfficer(s: Services, actor: Actor, input: Static<typeof OfficerIn>) {
  checkPast(input.trainedOn ?? s.today(), s.today(), 'trainedOn');
  checkPast(input.examPassedOn ?? s.today(), s.today(), 'examPassedOn');
  checkOrder(input.trainedOn, input.examPassedOn, 'examPassedOn', { zh: '考试日期不能早于培训日期', en: 'The exam cannot precede the training' });
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'enforcement.officer.manage', input.orgId, { zh: '所在单位', en: 'Organisation' });
    if (input.userId) {
      const u = await tx.selectFrom('users').select('org_id').where('id', '=', input.userId).executeTakeFirst();
      if (!u || u.org_id !== input.orgId) throw badInput('user_other_org', 'userId', { zh: '关联的用户须属于同一单位', en: 'The linked user must belong to the same organisation' });
    }
    const row = await etx(tx)
      .insertInto('enforcement_officers')
      .values({ org_id: input.orgId, region_code: await orgRegion(tx, input.orgId), user_id: input.userId ?? null, name: input.name, kind: input.kind, domains: input.domains ?? [], trained_on: input.trainedOn ?? null, exam_passed_on: input.examPassedOn ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.officer.create', entityType: 'enforcement_officer', entityId: row.id, orgId: row.org_id, after: row });
    return row;
  });
}

/** A certificate only after training and the exam, never to an auxiliary (seed 000 §5(二)3). */
export async function issueCertificate(s: Services, actor: Actor, id: number, input: Static<typeof CertificateIn>) {
  checkDate(input.validFrom, 'validFrom');
  checkDate(input.validUntil, 'validUntil');
  checkOrder(input.validFrom, input.validUntil, 'validUntil', { zh: '有效期截止日不能早于起始日', en: 'Validity ends before it starts' });
  return s.tx(async (tx) => {
    const o = await loadOfficer(tx, actor, id, 'enforcement.officer.manage');
    if (o.kind === 'auxiliary') throw new DomainError({ status: 409, code: 'auxiliary_no_certificate', title: '不能发证', detail: '执法辅助人员不能领取行政执法证件', detail_en: 'Auxiliaries receive no enforcement certificate', rule: 'auxiliary_no_certificate', basis: QUALIFICATION });
    if (!o.trained_on || !o.exam_passed_on) throw new DomainError({ status: 409, code: 'qualification_missing', title: '不能发证', detail: '须经培训并考试合格后方能核发行政执法证件', detail_en: 'A certificate needs completed training and a passed exam', field: 'examPassedOn', rule: 'qualification_missing', basis: QUALIFICATION });
    if (input.validFrom < o.exam_passed_on) throw badInput('dates_out_of_order', 'validFrom', { zh: '证件生效日不能早于考试合格日', en: 'The certificate cannot start before the exam was passed' });
    const years = await ruleValue<number>(tx, 'enforcement.certificate_years', o.region_code, s.today());
    const until = input.validUntil ?? `${Number(input.validFrom.slice(0, 4)) + years}${input.validFrom.slice(4)}`;
    const taken = await etx(tx).selectFrom('enforcement_officers').select('id').where('cert_no', '=', input.certNo).where('id', '<>', id).executeTakeFirst();
    if (taken) throw conflict('cert_no_taken', { zh: `执法证号 ${input.certNo} 已被使用`, en: `Certificate number ${input.certNo} is taken` }, 'certNo');
    const after = await etx(tx)
      .updateTable('enforcement_officers')
      .set({ cert_no: input.certNo, cert_issuer: input.issuer, cert_valid_from: input.validFrom, cert_valid_until: until, cert_status: 'valid', cert_status_reason: null, version: o.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.certificate.issue', entityType: 'enforcement_officer', entityId: id, orgId: o.org_id, before: o, after });
    return after;
  });
}

/** Suspend, revoke or restore a certificate, always with a reason. */
export async function setCertificateStatus(s: Services, actor: Actor, id: number, input: Static<typeof CertificateStatusIn>) {
  return s.tx(async (tx) => {
    const o = await loadOfficer(tx, actor, id, 'enforcement.officer.manage');
    if (!o.cert_no) throw conflict('no_certificate', { zh: '该人员尚未领取执法证件', en: 'The officer holds no certificate' });
    if (o.cert_status === 'revoked') throw conflict('certificate_revoked', { zh: '已注销的证件不能恢复，须重新考试发证', en: 'A revoked certificate cannot be restored' });
    const after = await etx(tx).updateTable('enforcement_officers').set({ cert_status: input.status, cert_status_reason: input.reason, version: o.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: `enforcement.certificate.${input.status}`, entityType: 'enforcement_officer', entityId: id, orgId: o.org_id, before: { cert_status: o.cert_status }, after: { cert_status: input.status, reason: input.reason } });
    return after;
  });
}

export async function recordTraining(s: Services, actor: Actor, id: number, input: Static<typeof TrainingIn>) {
  checkPast(input.heldOn, s.today(), 'heldOn');
  return s.tx(async (tx) => {
    const o = await loadOfficer(tx, actor, id, 'enforcement.training.record');
    const row = await etx(tx).insertInto('enforcement_training').values({ officer_id: id, org_id: o.org_id, year: Number(input.heldOn.slice(0, 4)), course: input.course, hours: input.hours, held_on: input.heldOn, recorded_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.training.record', entityType: 'enforcement_officer', entityId: id, orgId: o.org_id, after: row });
    return row;
  });
}

/**
 * The officers for an act of `orgId` on `date`: each must be certified and of the subject;
 * refuses naming the first who is not, and the law (行政处罚法 art. 42, seed 000 §5(二)3).
 */
export async function assertOfficersMayAct(tx: Tx, orgId: number, officerIds: number[], date: string, field: string) {
  const rows = officerIds.length ? await etx(tx).selectFrom('enforcement_officers').selectAll().where('id', 'in', officerIds).execute() : [];
  for (const id of officerIds) {
    const o = rows.find((r) => r.id === id);
    if (!o) throw badInput('unknown_officer', field, { zh: `执法人员不存在：${id}`, en: `Unknown officer ${id}` });
    const refusal = officerRefusal(o, orgId, date);
    if (refusal) {
      throw new DomainError({ status: 409, code: 'officer_not_qualified', title: '不能指派', detail: `${o.name}${OFFICER_REFUSAL_TEXT[refusal].zh}，不能从事行政执法`, detail_en: `${o.name} ${OFFICER_REFUSAL_TEXT[refusal].en}`, field, rule: refusal, basis: QUALIFICATION, extra: { officerId: id } });
    }
  }
  return rows;
}
