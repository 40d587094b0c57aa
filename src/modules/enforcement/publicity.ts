import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { badInput, conflict, DomainError, notFound } from '../../core/http/errors.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { redactParty } from '../../core/crypto/personal.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { edb, etx } from './schema.ts';
import { audit, checkOrder, checkPast } from './common.ts';
import { loadCase } from './cases.ts';
import { appendRecord } from './records.ts';
import { GUIDELINE_118, PENALTY_LAW } from './rules.ts';
import type { DecisionChangeIn } from './contract.ts';

const DECIDED = ['decided', 'served', 'enforcing', 'executed', 'closed'];

async function openDeadline(tx: Parameters<typeof closeDeadline>[1], instanceId: number | null, kind: string) {
  return tx.selectFrom('deadlines').select(['id', 'due_date']).where('instance_id', '=', instanceId).where('kind', '=', kind).where('status', '<>', 'closed').executeTakeFirst();
}

/**
 * 执法决定公示 (行政处罚法 art. 48; 国办发〔2018〕118号 (五)): a decision with social impact
 * is published within the parameter period; the portal shows the masked party only.
 */
export async function publishDecision(s: Services, actor: Actor, id: number) {
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.handle');
    if (!DECIDED.includes(c.status) || !c.decided_on) throw conflict('not_decided', { zh: '案件尚未作出决定，不能公示', en: 'The case is not decided' });
    if (!c.publicize) throw conflict('not_for_publicity', { zh: '该决定未列为依法公开的决定', en: 'The decision is not marked for publication' });
    if (await etx(tx).selectFrom('enforcement_publicity').select('case_id').where('case_id', '=', id).executeTakeFirst()) throw conflict('already_published', { zh: '该决定已公示', en: 'Already published' });
    const dl = await openDeadline(tx, c.instance_id, 'enforcement.publicity');
    const today = s.today();
    const due = dl?.due_date ?? today;
    // What is published is fixed now, with the party's identifiers masked from the record's own data.
    const public_title = redactParty(s.pii, c, c.title);
    const public_text = redactParty(s.pii, c, c.decision_text ?? '');
    const row = await etx(tx).insertInto('enforcement_publicity').values({ case_id: id, org_id: c.org_id, region_code: c.region_code, published_on: today, public_title, public_text, due_on: due, on_time: today <= due }).returningAll().executeTakeFirstOrThrow();
    if (dl) await closeDeadline(s, tx, actorForAudit(actor), dl.id, '已公示');
    await appendRecord(tx, actor.userId, c, { kind: 'publicity', title: '执法决定公示', happenedOn: today, content: { due, onTime: row.on_time } });
    await audit(tx, actor, { action: 'enforcement.publicity.publish', entityType: 'enforcement_case', entityId: id, orgId: c.org_id, after: row });
    return row;
  });
}

/**
 * A published decision that is changed, revoked or found unlawful must be withdrawn
 * within 3 working days (art. 48 ¶2, art. 85): recording the change starts that deadline.
 */
export async function recordDecisionChange(s: Services, actor: Actor, id: number, input: Static<typeof DecisionChangeIn>) {
  checkPast(input.changedOn, s.today(), 'changedOn');
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.decide');
    checkOrder(c.decided_on, input.changedOn, 'changedOn', { zh: '变更日期不能早于决定日期', en: 'The change precedes the decision' });
    const p = await etx(tx).selectFrom('enforcement_publicity').selectAll().where('case_id', '=', id).forUpdate().executeTakeFirst();
    if (!p) throw conflict('not_published', { zh: '该决定未公示，无需撤回', en: 'The decision was not published' });
    if (p.changed_on) throw conflict('change_recorded', { zh: '已登记决定变更情况', en: 'A change is already recorded' });
    const dl = await startDeadline(s, tx, actorForAudit(actor), { module: 'enforcement', kind: 'enforcement.publicity_withdraw', title: `撤回公示：${c.decision_no}`, subjectType: 'enforcement_case', subjectId: id, instanceId: c.instance_id, orgId: c.org_id, regionCode: c.region_code, startDate: input.changedOn, ruleKey: 'enforcement.publicity_withdraw_working_days' });
    const after = await etx(tx).updateTable('enforcement_publicity').set({ changed_on: input.changedOn, change_kind: input.kind, change_reason: input.reason, withdraw_due: dl.due_date }).where('case_id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendRecord(tx, actor.userId, c, { kind: 'decision_change', title: '决定变更、撤销或被确认违法', happenedOn: input.changedOn, content: input });
    await audit(tx, actor, { action: 'enforcement.decision.change', entityType: 'enforcement_case', entityId: id, orgId: c.org_id, before: p, after });
    return after;
  });
}

/** Withdraws the publication and states the reason publicly (art. 48 ¶2: 并公开说明理由). */
export async function withdrawPublicity(s: Services, actor: Actor, id: number, reason: string) {
  return s.tx(async (tx) => {
    const c = await loadCase(tx, actor, id, 'enforcement.case.handle');
    const p = await etx(tx).selectFrom('enforcement_publicity').selectAll().where('case_id', '=', id).forUpdate().executeTakeFirst();
    if (!p) throw conflict('not_published', { zh: '该决定未公示', en: 'The decision was not published' });
    if (p.withdrawn_on) throw conflict('already_withdrawn', { zh: '公示已撤回', en: 'Already withdrawn' });
    if (!p.changed_on) {
      throw new DomainError({ status: 409, code: 'no_change_recorded', title: '不能撤回', detail: '只有决定被变更、撤销或确认违法、无效后方可撤回公示，请先登记变更情况', detail_en: 'Withdraw only after recording that the decision was changed, revoked or found unlawful', rule: 'no_change_recorded', basis: { law: PENALTY_LAW, article: '第四十八条', quote: '公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由' } });
    }
    const today = s.today();
    const after = await etx(tx).updateTable('enforcement_publicity').set({ withdrawn_on: today, withdraw_on_time: !!p.withdraw_due && today <= p.withdraw_due, change_reason: reason }).where('case_id', '=', id).returningAll().executeTakeFirstOrThrow();
    const dl = await openDeadline(tx, c.instance_id, 'enforcement.publicity_withdraw');
    if (dl) await closeDeadline(s, tx, actorForAudit(actor), dl.id, '已撤回公示');
    await appendRecord(tx, actor.userId, c, { kind: 'publicity_withdraw', title: '撤回公示并说明理由', happenedOn: today, content: { reason, onTime: after.withdraw_on_time } });
    await audit(tx, actor, { action: 'enforcement.publicity.withdraw', entityType: 'enforcement_case', entityId: id, orgId: c.org_id, before: p, after });
    return after;
  });
}

// ── public portal: only published, masked data ───────────────────────────────

const PAGE = 20;

export async function publicDecisions(s: Services, f: { q?: string; orgId?: number; page?: number }) {
  let q = edb(s.db)
    .selectFrom('enforcement_publicity as pb')
    .innerJoin('enforcement_cases as c', 'c.id', 'pb.case_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoin('enforcement_powers as p', 'p.id', 'c.power_id')
    // Only masked columns are selected here, by construction.
    .select(['c.id', 'c.decision_no', 'pb.public_title as title', 'c.party_kind', 'c.party_name_masked', 'c.penalty_kind', 'c.fine_amount', 'c.decided_on', 'pb.published_on', 'o.name as org_name', 'p.name as power_name'])
    .where('pb.withdrawn_on', 'is', null);
  if (f.orgId) q = q.where('c.org_id', '=', f.orgId);
  if (f.q) q = q.where((eb) => eb.or([eb('pb.public_title', 'ilike', `%${f.q}%`), eb('c.decision_no', 'ilike', `%${f.q}%`), eb('c.party_name_masked', 'ilike', `%${f.q}%`)]));
  const page = f.page ?? 1;
  return q.orderBy('pb.published_on', 'desc').orderBy('c.id', 'desc').limit(PAGE).offset((page - 1) * PAGE).execute();
}

export async function publicDecision(s: Services, id: number) {
  const row = await edb(s.db)
    .selectFrom('enforcement_publicity as pb')
    .innerJoin('enforcement_cases as c', 'c.id', 'pb.case_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoin('enforcement_powers as p', 'p.id', 'c.power_id')
    .leftJoin('enforcement_benchmarks as b', 'b.id', 'c.benchmark_id')
    .select(['c.id', 'c.decision_no', 'pb.public_title as title', 'c.party_kind', 'c.party_name_masked', 'c.party_id_masked', 'c.party_address_masked', 'c.penalty_kind', 'c.fine_amount', 'c.other_penalties', 'c.decided_on', 'pb.public_text as decision_text', 'pb.published_on', 'o.name as org_name', 'p.name as power_name', 'p.legal_basis', 'b.band', 'b.circumstances'])
    .where('pb.case_id', '=', id)
    .where('pb.withdrawn_on', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound({ zh: '公示的执法决定', en: 'Published decision' });
  return row;
}

/** 事前公开: the subjects, their published powers and benchmarks. */
export async function publicSubjects(s: Services) {
  return edb(s.db)
    .selectFrom('enforcement_subjects as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .leftJoin('orgs as b', 'b.id', 'e.entrusted_by_org_id')
    .select(['e.org_id', 'o.name as org_name', 'e.kind', 'e.legal_basis', 'e.domains', 'e.announced_on', 'e.announcement', 'b.name as entrusted_by_name', 'e.entrustment_scope', 'e.entrustment_until'])
    .select((eb) => eb.selectFrom('enforcement_powers as p').select(eb.fn.countAll<number>().as('n')).whereRef('p.org_id', '=', 'e.org_id').where('p.published', '=', true).where('p.active', '=', true).as('power_count'))
    .select((eb) => eb.selectFrom('enforcement_officers as f').select(eb.fn.countAll<number>().as('n')).whereRef('f.org_id', '=', 'e.org_id').where('f.cert_status', '=', 'valid').as('officer_count'))
    .where('e.active', '=', true)
    .orderBy('o.path')
    .execute();
}

export async function publicPowers(s: Services, orgId: number) {
  const powers = await edb(s.db)
    .selectFrom('enforcement_powers as p')
    .innerJoin('enforcement_subjects as e', 'e.org_id', 'p.org_id')
    .select(['p.id', 'p.code', 'p.name', 'p.power_type', 'p.legal_basis', 'p.internal_unit', 'p.responsibility_items'])
    .where('p.org_id', '=', orgId)
    .where('p.published', '=', true)
    .where('p.active', '=', true)
    .where('e.active', '=', true)
    .orderBy('p.code')
    .execute();
  const bands = powers.length
    ? await edb(s.db).selectFrom('enforcement_benchmarks').select(['power_id', 'band', 'circumstances', 'fine_min', 'fine_max', 'other_penalties']).where('power_id', 'in', powers.map((p) => p.id)).orderBy('power_id').orderBy('sort_order').execute()
    : [];
  return powers.map((p) => ({ ...p, benchmarks: bands.filter((b) => b.power_id === p.id) }));
}

/** 事中公示: anyone can check an officer's certificate by its number. */
export async function publicOfficer(s: Services, certNo: string) {
  if (!/^[0-9A-Za-z-]{6,30}$/.test(certNo)) throw badInput('invalid_cert_no', 'certNo', { zh: '执法证号格式不正确', en: 'Malformed certificate number' });
  const o = await edb(s.db)
    .selectFrom('enforcement_officers as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .select(['e.name', 'e.cert_no', 'e.cert_issuer', 'e.cert_valid_from', 'e.cert_valid_until', 'e.cert_status', 'e.domains', 'o.name as org_name'])
    .where('e.cert_no', '=', certNo)
    .where('e.kind', '=', 'officer')
    .executeTakeFirst();
  if (!o) throw notFound({ zh: '执法证件', en: 'Certificate' }, 'certNo');
  const today = s.today();
  return { ...o, valid: o.cert_status === 'valid' && !!o.cert_valid_until && o.cert_valid_until >= today && (!o.cert_valid_from || o.cert_valid_from <= today), basis: GUIDELINE_118 };
}


/** 事前公开 of the procedure: its steps and the rule each step must satisfy, as enforced. */
export function publicProcedure(s: Services) {
  return ['enforcement.case', 'enforcement.simple'].map((code) => {
    const def = s.registry.procedures.get(code)!;
    return {
      code,
      name: def.name.zh,
      states: def.states.map((st) => ({ code: st.code, name: st.name.zh, final: !!st.final })),
      steps: def.transitions.filter((t) => !t.system).map((t) => ({ code: t.code, name: t.name.zh, from: t.from, to: t.to, conditions: (t.guards ?? []).map((g) => ({ rule: g.code, text: g.message.zh, basis: g.basis })) })),
    };
  });
}
