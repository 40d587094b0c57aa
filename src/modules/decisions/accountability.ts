import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { AccountabilityQuery } from './decision-contract.ts';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import { entryHash, type AuditEntry } from '../../core/audit/audit.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, notFound } from '../../core/http/errors.ts';
import { ddb } from './schema.ts';
import { audit, checkNotFuture } from './common.ts';
import { DECISION_ENTITY, SUBJECT_TYPE } from './decisions.ts';
import { decisionProcedure } from './procedure.ts';
import { ACCOUNTABILITY_FORM_LABELS, type AccountabilityIn } from './accountability-contract.ts';
import { RISK_LEVEL_LABELS, type Attendee, type HeadDecision, type RiskLevel } from './decision-rules.ts';

const adb = (db: Db | Tx) => ddb(db as Db);

const ACCOUNTABILITY = 'decisions.accountability';

/**
 * 终身责任追究 (seed 000 §3(六); seed 002 #27): an action of the forms of seed 002 #40 against
 * a person responsible for the decision — a user of the platform or a named person with the
 * post held — recorded with its reason, date and deciding body, audited on the decision.
 */
export async function recordAccountability(s: Services, actor: Actor, id: number, input: Static<typeof AccountabilityIn>) {
  checkNotFuture(input.decidedOn, s.today(), 'decidedOn');
  return s.tx(async (tx) => {
    const t = adb(tx);
    const d = await t.selectFrom('decisions').select(['id', 'org_id', 'created_at']).where('id', '=', id).executeTakeFirst();
    if (!d) throw notFound(DECISION_ENTITY);
    await assertOrgInScope(tx, actor, ACCOUNTABILITY, d.org_id, DECISION_ENTITY);
    let name = input.personName?.trim();
    if (input.personUserId) {
      const u = await t.selectFrom('users').select('display_name').where('id', '=', input.personUserId).executeTakeFirst();
      if (!u) throw badInput('unknown_user', 'personUserId', { zh: '用户不存在', en: 'Unknown user' });
      name = u.display_name;
    }
    if (!name) throw badInput('person_required', 'personName', { zh: '须指明责任人（本系统用户或姓名）', en: 'Name the responsible person' });
    const started = new Date(d.created_at).toISOString().slice(0, 10);
    if (input.decidedOn < started) throw badInput('accountability_before_decision', 'decidedOn', { zh: `问责决定日期不能早于决策起动之日（${started}）`, en: 'The action precedes the decision' });
    const row = await t
      .insertInto('decision_accountability')
      .values({ decision_id: id, org_id: d.org_id, person_user_id: input.personUserId ?? null, person_name: name, person_post: input.personPost.trim(), form: input.form, reason: input.reason.trim(), decided_on: input.decidedOn, deciding_body: input.decidingBody.trim(), recorded_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: ACCOUNTABILITY, entityType: 'decision', entityId: id, orgId: d.org_id, after: row });
    return { ...row, form_label: ACCOUNTABILITY_FORM_LABELS[row.form] };
  });
}

/** 决策问责 in the caller's scope, newest first: one decision's, one body's, or all. */
export async function listAccountability(s: Services, actor: Actor, q: Static<typeof AccountabilityQuery>) {
  let query = adb(s.db)
    .selectFrom('decision_accountability as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.decision_id', 'd.title as decision_title', 'o.name as org_name', 'a.person_user_id', 'a.person_name', 'a.person_post', 'a.form', 'a.reason', 'a.decided_on', 'a.deciding_body', 'a.at'])
    .where(orgScopeFilter(actor, 'decisions.read', sql.ref('a.org_id')));
  if (q.decisionId) query = query.where('a.decision_id', '=', q.decisionId);
  if (q.orgId) query = query.where('a.org_id', '=', q.orgId);
  const rows = await query.orderBy('a.decided_on', 'desc').orderBy('a.id', 'desc').limit(1000).execute();
  return rows.map((r) => ({ ...r, form_label: ACCOUNTABILITY_FORM_LABELS[r.form] }));
}

// ── reverse trace (seed 002 #27: 责任倒查) ──

export interface TracePerson {
  /** user: a platform user who took a step; meeting, expert, adviser, hearing: named in the record. */
  kind: 'user' | 'meeting' | 'expert' | 'adviser' | 'hearing';
  userId?: number | null;
  name: string;
  role: string;
  step: string;
  on: string | null;
  /** What the person said or did: the view, the opinion, the note of the step. */
  what?: string | null;
}

interface TraceFacts {
  starter: { id: number; name: string } | null;
  startedOn: string;
  history: { transition: string; actor_id: number | null; actor_name: string | null; note: string | null; on: string }[];
  answerers: { id: number; name: string; n: number }[];
  draws: { drawn_by: number | null; drawer_name: string | null; on: string; experts: { name: string; field: string }[] }[];
  expertOpinions: { name: string; affiliation: string; opinion: string; given_on: string }[];
  adviserOpinion: { name: string; opinion: string; given_on: string } | null;
  hearing: { heldOn?: string; participants?: { name: string; sector: string }[] } | null;
  meeting: { heldOn?: string; attendees?: (Attendee & { opinion?: string })[]; headDecision?: HeadDecision; headReason?: string } | null;
  risk: { overallLevel?: RiskLevel; passed?: boolean } | null;
}

// 'import': a decision brought in at a later step (demo or historic data), its earlier steps not run here.
const TRANSITION_NAMES = new Map([...decisionProcedure.transitions.map((t) => [t.code, t.name.zh] as const), ['import', '导入已办理的环节'] as const]);
const ROLE_LABELS: Record<Attendee['role'], string> = { head: '行政首长', member: '会议组成人员', legal_head: '法制机构负责人（列席）', other: '列席人员' };
const VIEW_LABELS: Record<string, string> = { agree: '同意', disagree: '不同意', abstain: '弃权' };
const HEAD_LABELS: Record<HeadDecision, string> = { adopt: '决定通过', adopt_amended: '决定修改后通过', reject: '决定不予通过' };

/** Everyone involved in a decision, in the order of the procedure, from what the dossier recorded. */
export function tracePeople(f: TraceFacts): TracePerson[] {
  const out: TracePerson[] = [];
  if (f.starter) out.push({ kind: 'user', userId: f.starter.id, name: f.starter.name, role: '起动决策程序', step: 'start', on: f.startedOn });
  for (const h of f.history) {
    const what = h.transition === 'assess_risk' && f.risk ? `${f.risk.passed ? '评估通过' : '评估不通过'}（${RISK_LEVEL_LABELS[f.risk.overallLevel ?? 'low'] ?? ''}）` : h.note;
    out.push({ kind: 'user', userId: h.actor_id, name: h.actor_name ?? '系统', role: TRANSITION_NAMES.get(h.transition) ?? h.transition, step: h.transition, on: h.on, what });
  }
  for (const a of f.answerers) out.push({ kind: 'user', userId: a.id, name: a.name, role: '研究答复公众意见', step: 'comment_answer', on: null, what: `答复 ${a.n} 条` });
  for (const p of f.hearing?.participants ?? []) out.push({ kind: 'hearing', name: p.name, role: `听证参加人（${p.sector}）`, step: 'record_hearing', on: f.hearing?.heldOn ?? null });
  for (const d of f.draws) {
    out.push({ kind: 'user', userId: d.drawn_by, name: d.drawer_name ?? '系统', role: '抽取论证专家', step: 'expert_draw', on: d.on, what: d.experts.map((e) => e.name).join('、') });
  }
  for (const o of f.expertOpinions) out.push({ kind: 'expert', name: o.name, role: `论证专家（${o.affiliation}）`, step: 'record_expert_opinion', on: o.given_on, what: o.opinion });
  if (f.adviserOpinion) out.push({ kind: 'adviser', name: f.adviserOpinion.name, role: '法律顾问（合法性审查所附意见）', step: 'review', on: f.adviserOpinion.given_on, what: f.adviserOpinion.opinion });
  for (const a of f.meeting?.attendees ?? []) {
    const head = a.role === 'head' && f.meeting?.headDecision ? `${HEAD_LABELS[f.meeting.headDecision]}${f.meeting.headReason ? `；理由：${f.meeting.headReason}` : ''}` : null;
    const view = a.view ? [VIEW_LABELS[a.view], a.opinion].filter(Boolean).join('：') : null;
    out.push({ kind: 'meeting', name: a.name, role: ROLE_LABELS[a.role], step: 'decide', on: f.meeting?.heldOn ?? null, what: head ?? view });
  }
  return out;
}

/** An audit_log row as the database returns it. */
type AuditRow = Omit<AuditEntry, 'seq' | 'at'> & { seq: number | string; at: Date | string; prev_hash: string; hash: string };

/**
 * The chain's check of the decision's own entries: each entry still hashes to what was
 * chained (not edited) and links to the entry before it (that one not edited or removed).
 * The whole chain is verified by the core's audit routes; this checks the dossier cheaply.
 */
export function verifyEntries(rows: AuditRow[], predecessorHash: Map<number, string>) {
  for (const r of rows) {
    const seq = Number(r.seq);
    const entry: AuditEntry = { seq, at: new Date(r.at).toISOString(), actor_id: r.actor_id, actor_name: r.actor_name, action: r.action, entity_type: r.entity_type, entity_id: r.entity_id, org_id: r.org_id, before: r.before ?? null, after: r.after ?? null };
    const prev = seq === 1 ? '0'.repeat(64) : predecessorHash.get(seq - 1);
    if (prev !== r.prev_hash) return { ok: false, checked: rows.length, firstBad: { seq, reason: 'chain_broken' as const, detail: `第 ${seq} 条审计记录与前一条记录不相衔接（前一条被删除或篡改）` } };
    if (entryHash(r.prev_hash, entry) !== r.hash) return { ok: false, checked: rows.length, firstBad: { seq, reason: 'edited' as const, detail: `第 ${seq} 条审计记录内容已被篡改` } };
  }
  return { ok: true, checked: rows.length };
}

const day = (v: Date | string) => new Date(v).toISOString().slice(0, 10);

/**
 * 责任倒查: from a decision, every person and step involved — who decided what, on which
 * opinions, with which reviews — the accountability actions, and the decision's audit entries
 * with the check of their chain.
 */
export async function traceDecision(s: Services, actor: Actor, id: number) {
  const db = adb(s.db);
  const d = await db.selectFrom('decisions as d').innerJoin('orgs as u', 'u.id', 'd.undertaking_org_id').selectAll('d').select('u.name as undertaking_org_name').where('d.id', '=', id).executeTakeFirst();
  if (!d) throw notFound(DECISION_ENTITY);
  await assertOrgInScope(s.db, actor, 'decisions.read', d.org_id, DECISION_ENTITY);
  const subject = String(id);
  const [starter, history, answerers, draws, expertOpinions, adviserOpinion, accountability, deadlines, opinionIds] = await Promise.all([
    d.created_by ? db.selectFrom('users').select(['id', 'display_name as name']).where('id', '=', d.created_by).executeTakeFirst() : undefined,
    d.instance_id
      ? db.selectFrom('procedure_history as h').leftJoin('users as u', 'u.id', 'h.actor_id').select(['h.id', 'h.transition', 'h.from_state', 'h.to_state', 'h.actor_id', 'u.display_name as actor_name', 'h.note', 'h.at']).where('h.instance_id', '=', d.instance_id).orderBy('h.id').execute()
      : [],
    db.selectFrom('decision_comments as c').innerJoin('users as u', 'u.id', 'c.answered_by').select(['u.id', 'u.display_name as name']).select(sql<number>`count(*)::int`.as('n')).where('c.decision_id', '=', id).groupBy(['u.id', 'u.display_name']).execute(),
    db.selectFrom('decision_expert_draws as w').leftJoin('users as u', 'u.id', 'w.drawn_by').select(['w.id', 'w.drawn_by', 'u.display_name as drawer_name', 'w.at', 'w.drawn']).where('w.subject_type', '=', SUBJECT_TYPE).where('w.subject_id', '=', subject).orderBy('w.id').execute(),
    db.selectFrom('decision_expert_opinions as o').innerJoin('decision_experts as e', 'e.id', 'o.expert_id').select(['e.name', 'e.affiliation', 'o.opinion', 'o.given_on']).where('o.decision_id', '=', id).orderBy('o.id').execute(),
    d.adviser_opinion_id ? db.selectFrom('decision_adviser_opinions as p').innerJoin('decision_advisers as a', 'a.id', 'p.adviser_id').select(['a.name', 'p.opinion', 'p.given_on']).where('p.id', '=', d.adviser_opinion_id).executeTakeFirst() : undefined,
    db.selectFrom('decision_accountability').selectAll().where('decision_id', '=', id).orderBy('id').execute(),
    d.instance_id ? db.selectFrom('deadlines').select('id').where('instance_id', '=', d.instance_id).execute() : [],
    db.selectFrom('decision_adviser_opinions').select('id').where('subject_type', '=', SUBJECT_TYPE).where('subject_id', '=', subject).execute(),
  ]);
  const expertNames = new Map((await db.selectFrom('decision_experts').select(['id', 'name']).where('id', 'in', [0, ...draws.flatMap((w) => (w.drawn as { expertId: number }[]).map((e) => e.expertId))]).execute()).map((e) => [e.id, e.name]));

  const ids = (xs: { id: number }[]) => [...xs.map((x) => String(x.id)), '0'];
  const entries = (await sql<AuditRow>`select * from audit_log where (entity_type = 'decision' and entity_id = ${subject})
      or (entity_type = 'procedure_instance' and entity_id = ${String(d.instance_id ?? 0)})
      or (entity_type = 'decision_expert_draw' and entity_id = any(${ids(draws)}::text[]))
      or (entity_type = 'deadline' and entity_id = any(${ids(deadlines)}::text[]))
      or (entity_type = 'decision_adviser' and action = 'decisions.adviser.opinion' and (after ->> 'id') = any(${ids(opinionIds)}::text[]))
    order by seq`.execute(s.db)).rows;
  const before = entries.map((r) => Number(r.seq) - 1).filter((n) => n > 0);
  const preds = new Map((await sql<{ seq: number; hash: string }>`select seq, hash from audit_log where seq = any(${before}::bigint[])`.execute(s.db)).rows.map((r) => [Number(r.seq), r.hash]));

  const people = tracePeople({
    starter: starter ? { id: starter.id, name: starter.name } : null,
    startedOn: day(d.created_at),
    history: history.map((h) => ({ ...h, on: day(h.at) })),
    answerers,
    draws: draws.map((w) => ({ drawn_by: w.drawn_by, drawer_name: w.drawer_name, on: day(w.at), experts: (w.drawn as { expertId: number; field: string }[]).map((e) => ({ name: expertNames.get(e.expertId) ?? `#${e.expertId}`, field: e.field })) })),
    expertOpinions,
    adviserOpinion: adviserOpinion ?? null,
    hearing: d.hearing as TraceFacts['hearing'],
    meeting: d.meeting as TraceFacts['meeting'],
    risk: d.risk as TraceFacts['risk'],
  });
  return {
    decision: d,
    people,
    steps: history.map((h) => ({ ...h, name: TRANSITION_NAMES.get(h.transition) ?? h.transition })),
    accountability: accountability.map((a) => ({ ...a, form_label: ACCOUNTABILITY_FORM_LABELS[a.form] })),
    audit: entries.map((r) => ({ seq: Number(r.seq), at: r.at, actor_name: r.actor_name, action: r.action, entity_type: r.entity_type, entity_id: r.entity_id })),
    chain: verifyEntries(entries, preds),
  };
}
