import type { Selectable } from 'kysely';
import type { Tx } from '../db/client.ts';
import type { ProcedureInstanceTable } from '../db/tables.ts';
import type { Services } from '../services.ts';
import type { Actor } from '../policy/actor.ts';
import { hasPermission, inScope, orgFacts, type OrgFacts } from '../policy/scope.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.ts';
import { actorForAudit } from '../auth/audit-actor.ts';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { badInput, conflict, DomainError, notFound, staleVersion } from '../http/errors.ts';
import { ruleValue } from '../rules/service.ts';
import { closeDeadline, pauseDeadline, resumeDeadline, startDeadline } from '../calendar/deadlines.ts';
import type { AllowedTransition, DeadlineStartDef, GuardContext, InstanceView, ProcedureDefinition, TransitionDef, TransitionInput } from './types.ts';

type InstanceRow = Selectable<ProcedureInstanceTable>;

function view(r: InstanceRow): InstanceView {
  return {
    id: r.id,
    procedure: r.procedure,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    title: r.title,
    state: r.state,
    orgId: r.org_id,
    regionCode: r.region_code,
    data: (r.data ?? {}) as Record<string, unknown>,
    version: r.version,
  };
}

/** Checks a definition once at registration: every state referenced exists, codes are unique. */
export function validateDefinition(def: ProcedureDefinition): string[] {
  const errors: string[] = [];
  const states = new Set(def.states.map((s) => s.code));
  if (!states.has(def.initial)) errors.push(`initial state ${def.initial} is not declared`);
  const codes = new Set<string>();
  for (const t of def.transitions) {
    if (codes.has(t.code)) errors.push(`duplicate transition ${t.code}`);
    codes.add(t.code);
    if (!states.has(t.to)) errors.push(`transition ${t.code} goes to undeclared state ${t.to}`);
    for (const f of t.from) if (!states.has(f)) errors.push(`transition ${t.code} starts from undeclared state ${f}`);
    for (const f of t.from) if (def.states.find((s) => s.code === f)?.final) errors.push(`transition ${t.code} leaves final state ${f}`);
  }
  return errors;
}

export function definitionOf(s: Services, code: string): ProcedureDefinition {
  const def = s.registry.procedures.get(code);
  if (!def) throw new Error(`unknown procedure ${code}`);
  return def;
}

async function startAll(s: Services, tx: Tx, actor: Actor, inst: InstanceRow, defs: DeadlineStartDef[] | undefined, auditActor: AuditActor = actorForAudit(actor)) {
  for (const d of defs ?? []) {
    await startDeadline(s, tx, auditActor, {
      module: s.registry.procedures.get(inst.procedure)!.module,
      kind: d.kind,
      title: `${d.title.zh}：${inst.title}`,
      subjectType: inst.subject_type,
      subjectId: inst.subject_id,
      instanceId: inst.id,
      orgId: inst.org_id,
      regionCode: inst.region_code,
      // The platform's own steps have no person to assign to.
      assigneeUserId: d.assignee === 'actor' && actor.userId > 0 ? actor.userId : null,
      startDate: s.today(),
      ruleKey: d.ruleKey,
    });
  }
}

/** Creates an instance in its initial state, inside the caller's transaction. */
export async function createInstance(
  s: Services,
  tx: Tx,
  actor: Actor,
  input: { procedure: string; subjectType?: string; subjectId: string | number; title: string; orgId: number; regionCode: string; data?: Record<string, unknown> },
) {
  const def = definitionOf(s, input.procedure);
  const inst = await tx
    .insertInto('procedure_instances')
    .values({
      procedure: def.code,
      module: def.module,
      subject_type: input.subjectType ?? def.subjectType,
      subject_id: String(input.subjectId),
      title: input.title,
      state: def.initial,
      org_id: input.orgId,
      region_code: input.regionCode,
      data: JSON.stringify(input.data ?? {}),
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await startAll(s, tx, actor, inst, def.startDeadlines);
  await recordAudit(tx, actorForAudit(actor), { action: 'procedure.create', entityType: 'procedure_instance', entityId: inst.id, orgId: inst.org_id, after: inst });
  return view(inst);
}

/** Evaluates one transition for the caller: permission, data scope, state, guards. */
async function evaluate(s: Services, tx: Tx, actor: Actor, def: ProcedureDefinition, inst: InstanceRow, t: TransitionDef, input: TransitionInput, facts: OrgFacts, listing = false): Promise<AllowedTransition['refusal'] | undefined> {
  if (!t.from.includes(inst.state)) {
    const st = def.states.find((x) => x.code === inst.state);
    return { code: 'wrong_state', detail: `当前状态"${st?.name.zh ?? inst.state}"不能执行"${t.name.zh}"`, detail_en: `"${t.name.en}" is not possible in state "${st?.name.en ?? inst.state}"` };
  }
  if (t.system) {
    return { code: 'system_only', detail: `"${t.name.zh}"由系统按规则自动执行`, detail_en: `"${t.name.en}" is taken by the platform on its rule` };
  }
  if (!hasPermission(actor, t.permission)) {
    return { code: 'forbidden', detail: `缺少权限：${t.permission}`, detail_en: `Missing permission ${t.permission}` };
  }
  if (!inScope(actor, t.permission, facts)) {
    return { code: 'out_of_scope', detail: '该事项不在您的数据范围内', detail_en: 'The item is outside your data scope' };
  }
  const ctx: GuardContext = {
    services: s,
    tx,
    actor,
    instance: view(inst),
    input,
    today: s.today(),
    rule: (key) => ruleValue(tx, key, inst.region_code, s.today()),
    attachmentCount: async (kind) => {
      let q = tx.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_type', '=', inst.subject_type).where('owner_id', '=', inst.subject_id);
      if (kind) q = q.where('filename', 'like', `${kind}%`);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
  };
  for (const g of t.guards ?? []) {
    if (listing && g.inputOnly) continue;
    if (!(await g.check(ctx))) {
      return { code: g.code, detail: g.message.zh, detail_en: g.message.en, basis: g.basis };
    }
  }
  return undefined;
}

async function loadInstance(tx: Tx, id: number, lock: boolean) {
  let q = tx.selectFrom('procedure_instances').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

async function assertCanSee(tx: Tx, actor: Actor, inst: InstanceRow | undefined, def: ProcedureDefinition | undefined): Promise<{ inst: InstanceRow; def: ProcedureDefinition; facts: OrgFacts }> {
  if (!inst || !def) throw notFound({ zh: '办理事项', en: 'Procedure instance' });
  const facts = await orgFacts(tx, inst.org_id);
  const perms = new Set(def.transitions.map((t) => t.permission));
  if (!facts || ![...perms].some((p) => inScope(actor, p, facts))) throw notFound({ zh: '办理事项', en: 'Procedure instance' });
  return { inst, def, facts };
}

/** History and the transitions the caller may take now (the UI draws its buttons from this). */
export async function describeInstance(s: Services, actor: Actor, id: number) {
  return s.tx(async (tx) => {
    const found = await loadInstance(tx, id, false);
    const { inst, def, facts } = await assertCanSee(tx, actor, found, found ? s.registry.procedures.get(found.procedure) : undefined);
    const history = await tx
      .selectFrom('procedure_history as h')
      .leftJoin('users as u', 'u.id', 'h.actor_id')
      .select(['h.id', 'h.transition', 'h.from_state', 'h.to_state', 'h.note', 'h.at', 'h.actor_id', 'u.display_name as actor_name'])
      .where('h.instance_id', '=', id)
      .orderBy('h.id')
      .execute();
    const transitions: AllowedTransition[] = [];
    for (const t of def.transitions.filter((x) => x.from.includes(inst.state) && !x.system)) {
      const refusal = await evaluate(s, tx, actor, def, inst, t, { version: inst.version }, facts, true);
      transitions.push({ code: t.code, name: t.name, to: t.to, allowed: !refusal, ...(refusal ? { refusal } : {}) });
    }
    const deadlines = await tx.selectFrom('deadlines').selectAll().where('instance_id', '=', id).orderBy('id').execute();
    return {
      instance: view(inst),
      procedure: { code: def.code, name: def.name, states: def.states },
      history,
      transitions,
      deadlines,
    };
  });
}

/**
 * Executes a transition as one transaction: lock, version check (optimistic locking),
 * guards, state change, history, deadlines, audit. A refusal changes nothing.
 */
export async function executeTransition(s: Services, actor: Actor, id: number, code: string, input: TransitionInput) {
  return s.tx(async (tx) => {
    const found = await loadInstance(tx, id, true);
    const { inst, def, facts } = await assertCanSee(tx, actor, found, found ? s.registry.procedures.get(found.procedure) : undefined);
    const t = def.transitions.find((x) => x.code === code);
    if (!t) throw badInput('unknown_transition', 'transition', { zh: `办理程序中没有"${code}"这一步`, en: `The procedure has no transition ${code}` });
    if (input.version !== inst.version) throw staleVersion({ zh: '办理事项', en: 'Procedure instance' });
    if (t.requireNote && !input.note?.trim()) throw badInput('note_required', 'note', { zh: `"${t.name.zh}"需要填写意见或理由`, en: `"${t.name.en}" requires a written note` });
    if (t.dataSchema) checkData(t.dataSchema, input.data ?? {});
    const refusal = await evaluate(s, tx, actor, def, inst, t, input, facts);
    if (refusal) {
      const status = refusal.code === 'forbidden' || refusal.code === 'out_of_scope' ? 403 : 409;
      throw new DomainError({
        status,
        code: refusal.code === 'wrong_state' || refusal.code === 'system_only' || status === 403 ? refusal.code : 'guard_refused',
        title: '不能执行该操作',
        detail: refusal.detail,
        detail_en: refusal.detail_en,
        rule: refusal.code,
        basis: refusal.basis,
        extra: { transition: t.code },
      });
    }
    return applyTransition(s, tx, actor, actorForAudit(actor), def, inst, t, input);
  });
}

/**
 * The changes of a transition that has passed its checks: state, history, the module's
 * effect, deadlines, audit — all in the caller's transaction.
 */
async function applyTransition(s: Services, tx: Tx, actor: Actor, auditActor: AuditActor, def: ProcedureDefinition, inst: InstanceRow, t: TransitionDef, input: TransitionInput) {
  const id = inst.id;
  const data = { ...(inst.data as object), ...(input.data ?? {}) };
  const after = await tx
    .updateTable('procedure_instances')
    .set({ state: t.to, version: inst.version + 1, data: JSON.stringify(data), updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', inst.version)
    .returningAll()
    .executeTakeFirst();
  if (!after) throw staleVersion({ zh: '办理事项', en: 'Procedure instance' });
  await tx
    .insertInto('procedure_history')
    .values({ instance_id: id, transition: t.code, from_state: inst.state, to_state: t.to, actor_id: auditActor.userId, note: input.note ?? null, data: JSON.stringify(input.data ?? {}) })
    .execute();
  if (t.effect) await t.effect({ services: s, tx, actor, instance: view(after), input });
  const open = await tx.selectFrom('deadlines').select(['id', 'kind', 'status']).where('instance_id', '=', id).where('status', '<>', 'closed').execute();
  const matches = (kinds: string[] | undefined, kind: string) => !!kinds && (kinds.includes('*') || kinds.includes(kind));
  for (const d of open) {
    if (matches(t.closeDeadlines, d.kind)) await closeDeadline(s, tx, auditActor, d.id, `${t.name.zh}`);
    else if (d.status === 'open' && matches(t.pauseDeadlines, d.kind)) await pauseDeadline(tx, auditActor, d.id, s.today(), t.name.zh);
    else if (d.status === 'paused' && matches(t.resumeDeadlines, d.kind)) await resumeDeadline(s, tx, auditActor, d.id, s.today(), t.name.zh);
  }
  await startAll(s, tx, actor, after, t.startDeadlines, auditActor);
  if (def.states.find((x) => x.code === t.to)?.final) {
    // A procedure that has ended leaves nothing to supervise.
    const still = await tx.selectFrom('deadlines').select('id').where('instance_id', '=', id).where('status', '<>', 'closed').execute();
    for (const d of still) await closeDeadline(s, tx, auditActor, d.id, `程序终结：${t.name.zh}`);
  }
  await recordAudit(tx, auditActor, {
    action: 'procedure.transition',
    entityType: 'procedure_instance',
    entityId: id,
    orgId: inst.org_id,
    before: { state: inst.state, version: inst.version },
    after: { state: t.to, version: after.version, transition: t.code, note: input.note ?? null },
  });
  return view(after);
}

/** The platform's own actor for system transitions: no grants, no permissions. */
const SYSTEM: Actor = { userId: 0, username: 'system', displayName: '系统', orgId: 0, regionCode: '000000', sessionId: '', csrfToken: '', currentOrgId: null, allGrants: [], grants: [], permissions: new Set() };

/**
 * A transition the platform takes on a rule (expiry, a scheduled scan), inside the caller's
 * transaction. Returns null when the instance is no longer in a state it applies to, so a
 * scan that runs twice changes nothing the second time.
 */
export async function executeSystemTransition(s: Services, tx: Tx, id: number, code: string, note: string, data?: Record<string, unknown>) {
  const inst = await loadInstance(tx, id, true);
  if (!inst) throw notFound({ zh: '办理事项', en: 'Procedure instance' });
  const def = definitionOf(s, inst.procedure);
  const t = def.transitions.find((x) => x.code === code);
  if (!t?.system) throw new Error(`${code} is not a system transition of ${def.code}`);
  if (!t.from.includes(inst.state)) return null;
  return applyTransition(s, tx, SYSTEM, SYSTEM_ACTOR, def, inst, t, { version: inst.version, note, data });
}

/** A step's data must fit its schema; the first error names the field. */
function checkData(schema: TSchema, data: unknown) {
  const first = Value.Errors(schema, data).First();
  if (!first) return;
  const field = `data${first.path.replace(/\//g, '.')}`;
  throw badInput('invalid_input', field, { zh: `字段 ${field} 不合法：${first.message}`, en: `${field}: ${first.message}` });
}

export function conflictIfInvalid(def: ProcedureDefinition) {
  const errors = validateDefinition(def);
  if (errors.length) throw conflict('invalid_procedure', { zh: `办理程序定义有误：${errors.join('; ')}`, en: errors.join('; ') });
}
