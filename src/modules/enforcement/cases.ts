import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound } from '../../core/http/errors.ts';
import { isValidIdNumber } from '../../core/crypto/mask.ts';
import { isValidCreditCode, openParty, sealParty, type PartyInput } from '../../core/crypto/personal.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { createInstance } from '../../core/workflow/engine.ts';
import { closeDeadline, extendDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { edb, etx } from './schema.ts';
import { audit, checkOrder, checkPast } from './common.ts';
import { activeSubject, benchmarksOf } from './powers.ts';
import { assertOfficersMayAct } from './officers.ts';
import { appendRecord, nextNumber } from './records.ts';
import { bandDeviationOk, simpleProcedureAllowed } from './penalty-rules.ts';
import { PENALTY_LAW } from './rules.ts';
import type { ActionIn, CaseIn, CollectiveIn, EvidenceIn, OfficersIn, RecusalDecisionIn, RecusalIn, SimpleCaseIn, StatementIn } from './contract.ts';

export const CASE = { zh: '执法案件', en: 'Enforcement case' };
const ART42 = { law: PENALTY_LAW, article: '第四十二条', quote: '行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有规定的除外' };

/** The party's identifier must carry a valid check character (GB 11643 / GB 32100). */
export function checkParty(p: PartyInput) {
  const id = p.idNumber?.trim();
  if (!id) return;
  if (p.kind === 'person' && !isValidIdNumber(id)) throw badInput('invalid_id_number', 'party.idNumber', { zh: '居民身份证号码校验码不正确（GB 11643）', en: 'The identity number fails its GB 11643 check digit' });
  if (p.kind === 'org' && !isValidCreditCode(id)) throw badInput('invalid_credit_code', 'party.idNumber', { zh: '统一社会信用代码校验码不正确（GB 32100）', en: 'The unified social credit code fails its GB 32100 check character' });
}

/** At least the required number of certified officers of the subject (art. 42). */
export async function assertEnoughOfficers(tx: Tx, orgId: number, regionCode: string, officerIds: number[], date: string, field: string) {
  await assertOfficersMayAct(tx, orgId, officerIds, date, field);
  const need = await ruleValue<number>(tx, 'enforcement.officers_per_action', regionCode, date);
  if (officerIds.length < need) {
    throw new DomainError({ status: 409, code: 'officers_insufficient', title: '执法人员不足', detail: `执法人员不得少于 ${need} 人且须持有有效执法证件（辅助人员不计入）`, detail_en: `At least ${need} certified officers are required (auxiliaries do not count)`, field, rule: 'enforcement.officers_per_action', basis: ART42 });
  }
}

async function penaltyPower(tx: Tx, actor: Actor, powerId: number) {
  const power = await etx(tx).selectFrom('enforcement_powers').selectAll().where('id', '=', powerId).executeTakeFirst();
  if (!power) throw badInput('unknown_power', 'powerId', { zh: '权责清单中没有该职权', en: 'No such power in the powers list' });
  const facts = await assertOrgInScope(tx, actor, 'enforcement.case.handle', power.org_id, { zh: '执法职权', en: 'Power' });
  if (!power.active) throw conflict('power_inactive', { zh: '该职权已停用，不能据以立案', en: 'The power is retired' }, 'powerId');
  if (power.power_type !== 'penalty') throw conflict('not_penalty_power', { zh: '立案须依据权责清单中的行政处罚职权', en: 'A penalty case needs a penalty power' }, 'powerId');
  return { power, facts };
}

async function insertCase(s: Services, tx: Tx, actor: Actor, v: { power: { id: number; org_id: number; region_code: string }; procedureKind: 'general' | 'simple'; title: string; source?: string | null; party: PartyInput; facts: string; filedOn: string; officerIds: number[]; majorReasons?: string[]; status: string; prefix: string; extra?: Record<string, unknown> }) {
  const year = Number(v.filedOn.slice(0, 4));
  const seq = await nextNumber(tx, v.power.org_id, 'case', year);
  const row = await etx(tx)
    .insertInto('enforcement_cases')
    .values({
      org_id: v.power.org_id,
      region_code: v.power.region_code,
      procedure_kind: v.procedureKind,
      case_no: `${v.prefix}${v.procedureKind === 'simple' ? '简罚' : '立'}〔${year}〕${seq}号`,
      power_id: v.power.id,
      title: v.title,
      source: v.source ?? null,
      ...sealParty(s.pii, v.party),
      facts: v.facts,
      filed_on: v.filedOn,
      status: v.status,
      major_reasons: v.majorReasons ?? [],
      created_by: actor.userId,
      ...(v.extra ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await etx(tx).insertInto('enforcement_case_officers').values(v.officerIds.map((o, i) => ({ case_id: row.id, officer_id: o, role: i === 0 ? ('lead' as const) : ('handler' as const) }))).execute();
  return row;
}

/** 立案: on a penalty power of the powers list, with at least two certified officers. */
export async function fileCase(s: Services, actor: Actor, input: Static<typeof CaseIn>) {
  checkParty(input.party);
  const filedOn = input.filedOn ?? s.today();
  checkPast(filedOn, s.today(), 'filedOn');
  return s.tx(async (tx) => {
    const { power } = await penaltyPower(tx, actor, input.powerId);
    const subject = await activeSubject(tx, power.org_id, s.today());
    await assertEnoughOfficers(tx, power.org_id, power.region_code, input.officerIds, filedOn, 'officerIds');
    const row = await insertCase(s, tx, actor, { power, procedureKind: 'general', title: input.title, source: input.source, party: input.party, facts: input.facts, filedOn, officerIds: input.officerIds, majorReasons: input.majorReasons, status: 'investigation', prefix: subject.doc_prefix });
    const inst = await createInstance(s, tx, actor, { procedure: 'enforcement.case', subjectId: row.id, title: `${row.case_no} ${input.title}`, orgId: row.org_id, regionCode: row.region_code });
    await etx(tx).updateTable('enforcement_cases').set({ instance_id: inst.id }).where('id', '=', row.id).execute();
    // Art. 60: the decision is due 90 days from filing, counted from the filing day itself.
    await startDeadline(s, tx, actorForAudit(actor), { module: 'enforcement', kind: 'enforcement.decision', title: `作出处罚决定：${row.case_no}`, subjectType: 'enforcement_case', subjectId: row.id, instanceId: inst.id, orgId: row.org_id, regionCode: row.region_code, assigneeUserId: actor.userId, startDate: filedOn, ruleKey: 'enforcement.decision_days' });
    await appendRecord(tx, actor.userId, row, { kind: 'filing', title: '立案审批', happenedOn: filedOn, content: { caseNo: row.case_no, powerId: power.id, source: input.source ?? null, facts: input.facts }, officerIds: input.officerIds });
    await audit(tx, actor, { action: 'enforcement.case.file', entityType: 'enforcement_case', entityId: row.id, orgId: row.org_id, after: { ...row, party_name_enc: undefined, party_id_enc: undefined, party_address_enc: undefined } });
    return { ...row, instance_id: inst.id };
  });
}

/**
 * 简易程序 (arts. 51–52): a warning or a small fine decided on the spot, with the decision
 * handed to the party there and then; payment follows within 15 days or on the spot (art. 68).
 */
export async function fileSimpleCase(s: Services, actor: Actor, input: Static<typeof SimpleCaseIn>) {
  checkParty(input.party);
  const decidedOn = input.decidedOn ?? s.today();
  checkPast(decidedOn, s.today(), 'decidedOn');
  const fine = input.penaltyKind === 'fine' ? input.fine ?? 0 : 0;
  if (input.penaltyKind === 'fine' && fine <= 0) throw badInput('fine_required', 'fine', { zh: '罚款数额须大于零', en: 'The fine must be positive' });
  return s.tx(async (tx) => {
    const { power } = await penaltyPower(tx, actor, input.powerId);
    const subject = await activeSubject(tx, power.org_id, s.today());
    await assertEnoughOfficers(tx, power.org_id, power.region_code, input.officerIds, decidedOn, 'officerIds');
    const [person, org] = await Promise.all([ruleValue<number>(tx, 'enforcement.simple_penalty_max_person', power.region_code, decidedOn), ruleValue<number>(tx, 'enforcement.simple_penalty_max_org', power.region_code, decidedOn)]);
    if (!simpleProcedureAllowed(input.party.kind, input.penaltyKind, fine, { person, org })) {
      throw new DomainError({ status: 409, code: 'simple_procedure_not_allowed', title: '不适用简易程序', detail: `当场处罚限于警告或对公民 ${person} 元以下、对法人或其他组织 ${org} 元以下罚款，请适用普通程序立案`, detail_en: `On-the-spot penalties are limited to a warning or a fine up to ${person} (person) / ${org} (organisation) yuan`, field: 'fine', rule: input.party.kind === 'person' ? 'enforcement.simple_penalty_max_person' : 'enforcement.simple_penalty_max_org', basis: { law: PENALTY_LAW, article: '第五十一条', quote: '违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定' } });
    }
    const band = (await benchmarksOf(tx, power.id)).find((b) => b.id === input.benchmarkId);
    if (!band) throw badInput('benchmark_not_of_power', 'benchmarkId', { zh: '所引用的裁量基准不属于该职权', en: 'The benchmark band is not of this power' });
    if (!bandDeviationOk(fine, band, input.deviationReason)) throw benchmarkRefusal();
    const year = Number(decidedOn.slice(0, 4));
    const decisionNo = `${subject.doc_prefix}简罚决字〔${year}〕${await nextNumber(tx, power.org_id, 'simple_decision', year)}号`;
    const cal = await s.calendar.get(tx);
    const paymentDue = fine > 0 ? cal.add(decidedOn, await ruleValue<number>(tx, 'enforcement.fine_payment_days', power.region_code, decidedOn), 'calendar').due : null;
    const row = await insertCase(s, tx, actor, {
      power, procedureKind: 'simple', title: input.title, party: input.party, facts: input.facts, filedOn: decidedOn, officerIds: input.officerIds, status: 'decided', prefix: subject.doc_prefix,
      extra: { penalty_kind: input.penaltyKind, fine_amount: fine, proposed_fine: fine, benchmark_id: band.id, band_deviation_reason: input.deviationReason ?? null, decision_no: decisionNo, decided_on: decidedOn, served_on: decidedOn, service_method: 'on_spot', notice_on: decidedOn, payment_due: paymentDue, decision_text: input.facts },
    });
    const inst = await createInstance(s, tx, actor, { procedure: 'enforcement.simple', subjectId: row.id, title: `${decisionNo} ${input.title}`, orgId: row.org_id, regionCode: row.region_code });
    await etx(tx).updateTable('enforcement_cases').set({ instance_id: inst.id }).where('id', '=', row.id).execute();
    if (paymentDue) {
      await startDeadline(s, tx, actorForAudit(actor), { module: 'enforcement', kind: 'enforcement.payment', title: `缴纳罚款：${decisionNo}`, subjectType: 'enforcement_case', subjectId: row.id, instanceId: inst.id, orgId: row.org_id, regionCode: row.region_code, startDate: decidedOn, ruleKey: 'enforcement.fine_payment_days' });
    }
    await appendRecord(tx, actor.userId, row, { kind: 'simple_decision', title: '当场行政处罚决定书', happenedOn: decidedOn, content: { decisionNo, place: input.place, penaltyKind: input.penaltyKind, fine, benchmark: band.band, facts: input.facts, rights: '当事人享有陈述、申辩权，已当场告知；不服本决定的，可以依法申请行政复议或者提起行政诉讼' }, officerIds: input.officerIds });
    await audit(tx, actor, { action: 'enforcement.case.simple', entityType: 'enforcement_case', entityId: row.id, orgId: row.org_id, after: { id: row.id, decision_no: decisionNo, fine } });
    return { ...row, instance_id: inst.id };
  });
}

export function benchmarkRefusal() {
  return new DomainError({ status: 409, code: 'guard_refused', title: '不能执行该操作', detail: '处罚超出所引用的裁量基准幅度，须说明理由（并经法制审核）', detail_en: 'The penalty lies outside the cited benchmark band; a reason is required (and legal review)', field: 'deviationReason', rule: 'benchmark_band', basis: { law: '楚雄州法治政府建设规划暨实施方案（2016—2020）', article: '措施29', quote: '行政执法决定书中要将行政裁量权基准作为适用的依据' } });
}

/** Loads a case within the caller's scope for `permission`, locking it for a change. */
export async function loadCase(tx: Tx, actor: Actor, id: number, permission: string) {
  const c = await etx(tx).selectFrom('enforcement_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!c) throw notFound(CASE);
  await assertOrgInScope(tx, actor, permission, c.org_id, CASE);
  return c;
}

const OPEN_STATES = ['investigation', 'notified', 'hearing', 'review', 'deciding'];
function assertOpen(c: { status: string }) {
  if (!OPEN_STATES.includes(c.status)) throw conflict('case_not_open', { zh: '案件已作出决定或已终结，不能再补充调查记录', en: 'The case is decided or ended' });
}

/** 调查取证: each act names at least two certified officers present who showed their certificates. */
export async function recordAction(s: Services, actor: Actor, id: number, input: Static<typeof ActionIn>) {
  checkPast(input.happenedOn, s.today(), 'happenedOn');
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.handle');
    assertOpen(c);
    checkOrder(c.filed_on, input.happenedOn, 'happenedOn', { zh: '调查日期不能早于立案日期', en: 'The act precedes the filing' });
    if (!input.certificatesShown) {
      throw new DomainError({ status: 409, code: 'certificates_not_shown', title: '程序不合法', detail: '执法人员实施调查或者检查时，应当主动向当事人或者有关人员出示执法证件', detail_en: 'Officers must show their certificates', field: 'certificatesShown', rule: 'certificates_not_shown', basis: { law: PENALTY_LAW, article: '第五十五条', quote: '执法人员在调查或者进行检查时，应当主动向当事人或者有关人员出示执法证件' } });
    }
    const recused = await etx(tx).selectFrom('enforcement_case_officers').select('officer_id').where('case_id', '=', id).where('recused', '=', true).execute();
    const r = recused.find((x) => input.officerIds.includes(x.officer_id));
    if (r) throw conflict('officer_recused', { zh: '已决定回避的执法人员不能参与本案调查', en: 'A recused officer cannot act in the case' }, 'officerIds');
    await assertEnoughOfficers(tx, c.org_id, c.region_code, input.officerIds, input.happenedOn, 'officerIds');
    const auxiliaries = await auxiliariesOf(tx, c.org_id, input.auxiliaryIds ?? []);
    const rec = await appendRecord(tx, actor.userId, c, { kind: `action.${input.kind}`, title: '调查取证', happenedOn: input.happenedOn, content: { kind: input.kind, place: input.place, summary: input.summary, certificatesShown: true, auxiliaries }, officerIds: input.officerIds });
    await audit(tx, actor, { action: 'enforcement.case.action', entityType: 'enforcement_case', entityId: id, orgId: c.org_id, after: rec });
    return rec;
  });
}

/** Auxiliaries present are recorded by name; they assist and never count as officers. */
async function auxiliariesOf(tx: Tx, orgId: number, ids: number[]) {
  if (!ids.length) return [];
  const rows = await etx(tx).selectFrom('enforcement_officers').select(['id', 'name', 'kind', 'org_id']).where('id', 'in', ids).execute();
  for (const id of ids) {
    const r = rows.find((x) => x.id === id);
    if (!r || r.kind !== 'auxiliary' || r.org_id !== orgId) throw badInput('not_auxiliary', 'auxiliaryIds', { zh: `编号 ${id} 不是本主体的执法辅助人员`, en: `${id} is not an auxiliary of the subject` });
  }
  return rows.map((r) => r.name);
}

export async function recordEvidence(s: Services, actor: Actor, id: number, input: Static<typeof EvidenceIn>) {
  checkPast(input.collectedOn, s.today(), 'collectedOn');
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.handle');
    assertOpen(c);
    checkOrder(c.filed_on, input.collectedOn, 'collectedOn', { zh: '取证日期不能早于立案日期', en: 'Evidence precedes the filing' });
    if (input.attachmentId) {
      const a = await tx.selectFrom('attachments').select(['owner_type', 'owner_id']).where('id', '=', input.attachmentId).executeTakeFirst();
      if (!a || a.owner_type !== 'enforcement_case' || a.owner_id !== String(id)) throw badInput('attachment_not_of_case', 'attachmentId', { zh: '附件须先上传到本案件', en: 'Upload the file to this case first' });
    }
    const rec = await appendRecord(tx, actor.userId, c, { kind: `evidence.${input.kind}`, title: '证据', happenedOn: input.collectedOn, content: { kind: input.kind, description: input.description }, attachmentId: input.attachmentId ?? null });
    await audit(tx, actor, { action: 'enforcement.case.evidence', entityType: 'enforcement_case', entityId: id, orgId: c.org_id, after: rec });
    return rec;
  });
}

/** Adds officers to a case (e.g. after a recusal); each must be certified and of the subject. */
export async function assignOfficers(s: Services, actor: Actor, id: number, input: Static<typeof OfficersIn>) {
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.handle');
    assertOpen(c);
    await assertOfficersMayAct(tx, c.org_id, input.officerIds, s.today(), 'officerIds');
    for (const o of input.officerIds) {
      await etx(tx).insertInto('enforcement_case_officers').values({ case_id: id, officer_id: o }).onConflict((oc) => oc.columns(['case_id', 'officer_id']).doNothing()).execute();
    }
    await audit(tx, actor, { action: 'enforcement.case.assign', entityType: 'enforcement_case', entityId: id, orgId: c.org_id, after: { officerIds: input.officerIds } });
    return { ok: true };
  });
}

/** 回避: a party's application is decided within 3 working days (seed 000 §5(四)3). */
export async function applyRecusal(s: Services, actor: Actor, id: number, input: Static<typeof RecusalIn>) {
  checkPast(input.appliedOn, s.today(), 'appliedOn');
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.handle');
    assertOpen(c);
    const assigned = await etx(tx).selectFrom('enforcement_case_officers').select('recused').where('case_id', '=', id).where('officer_id', '=', input.officerId).executeTakeFirst();
    if (!assigned) throw badInput('officer_not_on_case', 'officerId', { zh: '该执法人员未承办本案', en: 'The officer is not on the case' });
    if (assigned.recused) throw conflict('already_recused', { zh: '该执法人员已回避', en: 'The officer is already recused' }, 'officerId');
    const deadline = input.source === 'party'
      ? await startDeadline(s, tx, actorForAudit(actor), { module: 'enforcement', kind: 'enforcement.recusal', title: `回避申请决定：${c.case_no}`, subjectType: 'enforcement_case', subjectId: id, instanceId: c.instance_id, orgId: c.org_id, regionCode: c.region_code, startDate: input.appliedOn, ruleKey: 'enforcement.recusal_decision_working_days' })
      : null;
    const row = await etx(tx).insertInto('enforcement_recusals').values({ case_id: id, org_id: c.org_id, region_code: c.region_code, officer_id: input.officerId, source: input.source, reason: input.reason, applied_on: input.appliedOn, deadline_id: deadline?.id ?? null }).returningAll().executeTakeFirstOrThrow();
    await appendRecord(tx, actor.userId, c, { kind: 'recusal.apply', title: '回避申请', happenedOn: input.appliedOn, content: { officerId: input.officerId, source: input.source, reason: input.reason } });
    await audit(tx, actor, { action: 'enforcement.recusal.apply', entityType: 'enforcement_recusal', entityId: row.id, orgId: c.org_id, after: row });
    return { ...row, due_date: deadline?.due_date ?? null };
  });
}

export async function decideRecusal(s: Services, actor: Actor, recusalId: number, input: Static<typeof RecusalDecisionIn>) {
  const decidedOn = input.decidedOn ?? s.today();
  checkPast(decidedOn, s.today(), 'decidedOn');
  return s.tx(async (tx) => {
    const r = await etx(tx).selectFrom('enforcement_recusals').selectAll().where('id', '=', recusalId).forUpdate().executeTakeFirst();
    if (!r) throw notFound({ zh: '回避申请', en: 'Recusal' });
    await assertOrgInScope(tx, actor, 'enforcement.case.decide', r.org_id, { zh: '回避申请', en: 'Recusal' });
    if (r.outcome) throw conflict('recusal_decided', { zh: '该回避申请已作出决定', en: 'The recusal is already decided' });
    checkOrder(r.applied_on, decidedOn, 'decidedOn', { zh: '决定日期不能早于申请日期', en: 'The decision precedes the application' });
    const after = await etx(tx).updateTable('enforcement_recusals').set({ outcome: input.outcome, decided_on: decidedOn, decided_by: actor.userId, decision_reason: input.reason }).where('id', '=', recusalId).returningAll().executeTakeFirstOrThrow();
    if (input.outcome === 'recused') await etx(tx).updateTable('enforcement_case_officers').set({ recused: true }).where('case_id', '=', r.case_id).where('officer_id', '=', r.officer_id).execute();
    if (r.deadline_id) await closeDeadline(s, tx, actorForAudit(actor), r.deadline_id, input.outcome === 'recused' ? '决定回避' : '决定不予回避');
    const c = await etx(tx).selectFrom('enforcement_cases').select(['id', 'org_id']).where('id', '=', r.case_id).executeTakeFirstOrThrow();
    await appendRecord(tx, actor.userId, c, { kind: 'recusal.decide', title: '回避决定', happenedOn: decidedOn, content: { officerId: r.officer_id, outcome: input.outcome, reason: input.reason } });
    await audit(tx, actor, { action: 'enforcement.recusal.decide', entityType: 'enforcement_recusal', entityId: recusalId, orgId: r.org_id, before: r, after });
    return after;
  });
}

/** 陈述、申辩 (art. 45): recorded in the case file; an express waiver ends the waiting period. */
export async function recordStatement(s: Services, actor: Actor, id: number, input: Static<typeof StatementIn>) {
  checkPast(input.receivedOn, s.today(), 'receivedOn');
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.handle');
    if (c.status !== 'notified' && c.status !== 'hearing') throw conflict('not_notified', { zh: '告知后方可记录当事人的陈述申辩', en: 'Statements follow the advance notice' });
    checkOrder(c.notice_on, input.receivedOn, 'receivedOn', { zh: '陈述申辩日期不能早于告知日期', en: 'The statement precedes the notice' });
    if (input.waivesRights) await etx(tx).updateTable('enforcement_cases').set({ rights_waived: true, updated_at: new Date() }).where('id', '=', id).execute();
    const rec = await appendRecord(tx, actor.userId, c, { kind: 'statement', title: input.waivesRights ? '当事人放弃陈述申辩及听证' : '陈述申辩笔录', happenedOn: input.receivedOn, content: { content: input.content, waivesRights: !!input.waivesRights } });
    await audit(tx, actor, { action: 'enforcement.case.statement', entityType: 'enforcement_case', entityId: id, orgId: c.org_id, after: rec });
    return rec;
  });
}

/** 集体讨论 (art. 57 ¶2) by the subject's leaders, with minutes. */
export async function recordCollective(s: Services, actor: Actor, id: number, input: Static<typeof CollectiveIn>) {
  checkPast(input.meetingDate, s.today(), 'meetingDate');
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.decide');
    if (!['review', 'deciding'].includes(c.status)) throw conflict('not_ready_for_discussion', { zh: '案件调查终结并告知后方可集体讨论', en: 'Collective discussion follows the investigation and notice' });
    const rec = await appendRecord(tx, actor.userId, c, { kind: 'collective', title: '集体讨论记录', happenedOn: input.meetingDate, content: input });
    await audit(tx, actor, { action: 'enforcement.case.collective', entityType: 'enforcement_case', entityId: id, orgId: c.org_id, after: rec });
    return rec;
  });
}

/** The 90-day period extended once with the head's approval (the parameter's basis). */
export async function extendDecision(s: Services, actor: Actor, id: number, reason: string) {
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.decide');
    const d = await tx.selectFrom('deadlines').select(['id']).where('instance_id', '=', c.instance_id).where('kind', '=', 'enforcement.decision').where('status', '<>', 'closed').executeTakeFirst();
    if (!d) throw conflict('no_open_decision_deadline', { zh: '案件没有进行中的决定期限', en: 'The case has no open decision deadline' });
    const days = await ruleValue<number>(tx, 'enforcement.decision_extension_days', c.region_code, s.today());
    const after = await extendDeadline(s, tx, actorForAudit(actor), d.id, days, reason);
    await appendRecord(tx, actor.userId, c, { kind: 'extension', title: '延长办案期限审批', happenedOn: s.today(), content: { days, reason, due: after.due_date } });
    return after;
  });
}

// ── reading ───────────────────────────────────────────────────────────────

export async function listCases(s: Services, actor: Actor, f: { status?: string; q?: string; mine?: boolean; limit?: number; offset?: number }) {
  let q = edb(s.db)
    .selectFrom('enforcement_cases as c')
    .innerJoin('enforcement_powers as p', 'p.id', 'c.power_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .leftJoin('deadlines as d', (j) => j.onRef('d.instance_id', '=', 'c.instance_id').on('d.status', '<>', 'closed'))
    .select(['c.id', 'c.case_no', 'c.title', 'c.procedure_kind', 'c.status', 'c.party_kind', 'c.party_name_masked', 'c.filed_on', 'c.decided_on', 'c.fine_amount', 'c.instance_id', 'c.org_id', 'o.name as org_name', 'p.name as power_name'])
    .select((eb) => [eb.fn.min('d.due_date').as('next_due')])
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('c.org_id')))
    .groupBy(['c.id', 'o.name', 'p.name']);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.q) q = q.where((eb) => eb.or([eb('c.title', 'ilike', `%${f.q}%`), eb('c.case_no', 'ilike', `%${f.q}%`)]));
  if (f.mine) q = q.where('c.id', 'in', (eb) => eb.selectFrom('enforcement_case_officers as co').innerJoin('enforcement_officers as e', 'e.id', 'co.officer_id').select('co.case_id').where('e.user_id', '=', actor.userId));
  return q.orderBy('c.id', 'desc').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
}

export async function getCase(s: Services, actor: Actor, id: number) {
  const db = edb(s.db);
  const c = await db.selectFrom('enforcement_cases as c').innerJoin('enforcement_powers as p', 'p.id', 'c.power_id').innerJoin('orgs as o', 'o.id', 'c.org_id').selectAll('c').select(['p.name as power_name', 'p.code as power_code', 'p.legal_basis as power_basis', 'o.name as org_name']).where('c.id', '=', id).executeTakeFirst();
  if (!c) throw notFound(CASE);
  await assertOrgInScope(s.db, actor, 'enforcement.read', c.org_id, CASE);
  const [officers, records, recusals, reviews, payments, publicity, benchmarks] = await Promise.all([
    db.selectFrom('enforcement_case_officers as co').innerJoin('enforcement_officers as e', 'e.id', 'co.officer_id').select(['e.id', 'e.name', 'e.cert_no', 'e.cert_valid_until', 'e.cert_status', 'co.role', 'co.recused']).where('co.case_id', '=', id).orderBy('co.role').orderBy('e.id').execute(),
    db.selectFrom('enforcement_records').select(['id', 'kind', 'title', 'happened_on', 'content', 'officer_ids', 'attachment_id', 'digest', 'at']).where('case_id', '=', id).orderBy('id').execute(),
    db.selectFrom('enforcement_recusals as r').innerJoin('enforcement_officers as e', 'e.id', 'r.officer_id').leftJoin('deadlines as d', 'd.id', 'r.deadline_id').select(['r.id', 'r.officer_id', 'e.name as officer_name', 'r.source', 'r.reason', 'r.applied_on', 'd.due_date', 'r.outcome', 'r.decided_on', 'r.decision_reason']).where('r.case_id', '=', id).orderBy('r.id').execute(),
    db.selectFrom('enforcement_reviews as r').leftJoin('users as u', 'u.id', 'r.reviewer_id').select(['r.id', 'r.outcome', 'r.checklist', 'r.opinion', 'r.at', 'u.display_name as reviewer_name']).where('r.case_id', '=', id).orderBy('r.id').execute(),
    db.selectFrom('enforcement_payments').select(['id', 'channel', 'receipt_no', 'amount', 'surcharge', 'paid_on']).where('case_id', '=', id).orderBy('id').execute(),
    db.selectFrom('enforcement_publicity').selectAll().where('case_id', '=', id).executeTakeFirst(),
    benchmarksOf(s.db, c.power_id),
  ]);
  // The handling organisation sees the party in full; the row keeps only sealed values.
  const party = openParty(s.pii, c);
  const { party_name_enc, party_id_enc, party_address_enc, ...rest } = c;
  return { ...rest, party, officers, records, recusals, reviews, payments, publicity: publicity ?? null, benchmarks };
}

/** 法制审核 queue: cases waiting for the reviewer, oldest first. */
export async function reviewQueue(s: Services, actor: Actor) {
  return edb(s.db)
    .selectFrom('enforcement_cases as c')
    .innerJoin('enforcement_powers as p', 'p.id', 'c.power_id')
    .select(['c.id', 'c.case_no', 'c.title', 'c.party_name_masked', 'c.proposed_fine', 'c.major_reasons', 'c.instance_id', 'c.updated_at', 'p.name as power_name'])
    .where('c.status', '=', 'review')
    .where(orgScopeFilter(actor, 'enforcement.case.review', sql.ref('c.org_id')))
    .orderBy('c.updated_at')
    .limit(500)
    .execute();
}
