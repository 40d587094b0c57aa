import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import { assertOrgInScope, inScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound, staleVersion } from '../../core/http/errors.ts';
import { sealValue } from '../../core/crypto/personal.ts';
import { isValidIdNumber, maskIdNumber } from '../../core/crypto/mask.ts';
import { SEED002 } from '../../core/rules/seeds.ts';
import { ddb, dtx } from './schema.ts';
import { audit, checkNotFuture, contactFor, orgOf, sealPhone } from './common.ts';
import { conflictWith, drawExperts, type DrawRequest, type DrawResult, type PoolExpert } from './expert-draw.ts';
import { EXPERT_FIELD_LABELS, type ExpertField } from './labels.ts';
import type { ConflictIn, DrawIn, ExpertIn, ExpertPatch, ManualAssignIn, PoolQuery, SubjectQuery } from './contract.ts';

const EXPERT = { zh: '专家', en: 'Expert' };
const DRAW = { zh: '专家抽取记录', en: 'Expert draw' };
const BASIS_SELECTION = { law: SEED002, article: '措施23', quote: '选择论证专家要注重专业性、代表性、均衡性，支持其独立开展工作' };

/** The pool in scope; contact masked, identity number never listed. */
export async function listExperts(s: Services, actor: Actor, q: Static<typeof PoolQuery>) {
  let query = ddb(s.db)
    .selectFrom('decision_experts as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .select(['e.id', 'e.org_id', 'o.name as org_name', 'e.name', 'e.fields', 'e.affiliation', 'e.title', 'e.contact_masked', 'e.active', 'e.version'])
    .select(sql<number>`(select count(*)::int from decision_expert_conflicts c where c.expert_id = e.id)`.as('conflict_count'))
    .select(sql<number>`(select count(*)::int from decision_expert_assignments x where x.expert_id = e.id)`.as('assignment_count'))
    .where(orgScopeFilter(actor, 'decisions.read', sql.ref('e.org_id')));
  if (q.orgId) query = query.where('e.org_id', '=', q.orgId);
  if (q.field) query = query.where(sql<boolean>`${q.field} = any(e.fields)`);
  if (q.active !== undefined) query = query.where('e.active', '=', q.active);
  return query.orderBy('o.path').orderBy('e.name').limit(5000).execute();
}

function sealIdNumber(s: Services, idNumber: string | null | undefined) {
  if (idNumber && !isValidIdNumber(idNumber.trim().toUpperCase())) throw badInput('invalid_id_number', 'idNumber', { zh: '居民身份号码无效', en: 'Invalid identity number' });
  const v = sealValue(s.pii, idNumber?.trim().toUpperCase(), maskIdNumber);
  return { id_number_enc: v.enc, id_number_masked: v.masked };
}

/** Without the ciphertexts: what an API answer may carry. */
const unsealed = <T extends { contact_enc: string | null; id_number_enc: string | null }>({ contact_enc: _c, id_number_enc: _i, ...rest }: T) => rest;

export async function createExpert(s: Services, actor: Actor, input: Static<typeof ExpertIn>) {
  const sealed = { ...sealPhone(s.pii, input.contact, 'contact'), ...sealIdNumber(s, input.idNumber) };
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'decisions.experts', input.orgId, { zh: '专家库所属机关', en: 'Pool owner' });
    const org = await orgOf(tx, input.orgId, 'orgId');
    const userId = await accountOf(tx, input.userId);
    const row = await dtx(tx)
      .insertInto('decision_experts')
      .values({ org_id: org.id, region_code: org.region_code, name: input.name.trim(), fields: input.fields, affiliation: input.affiliation.trim(), title: input.title?.trim() || null, ...sealed, active: input.active ?? true, user_id: userId ?? null, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.expert.create', entityType: 'decision_expert', entityId: row.id, orgId: org.id, after: row });
    return unsealed(row);
  });
}

/**
 * The expert's own account: an existing user, linked to one expert at most (a unique index;
 * checked first so the refusal is a clear 409, not a constraint error).
 */
async function accountOf(tx: Tx, userId: number | null | undefined, expertId?: number) {
  if (userId == null) return userId;
  const user = await tx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw badInput('unknown_user', 'userId', { zh: '没有该用户账号', en: 'No such user' });
  let taken = dtx(tx).selectFrom('decision_experts').select(['id', 'name']).where('user_id', '=', userId);
  if (expertId) taken = taken.where('id', '<>', expertId);
  const other = await taken.executeTakeFirst();
  if (other) throw conflict('expert_account_taken', { zh: `该账号已关联专家${other.name}`, en: 'The account is linked to another expert' }, 'userId');
  return userId;
}

async function lockExpert(tx: Tx, actor: Actor, id: number) {
  const e = await dtx(tx).selectFrom('decision_experts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!e) throw notFound(EXPERT);
  await assertOrgInScope(tx, actor, 'decisions.experts', e.org_id, EXPERT);
  return e;
}

export async function getExpert(s: Services, actor: Actor, id: number) {
  const e = await ddb(s.db).selectFrom('decision_experts as e').innerJoin('orgs as o', 'o.id', 'e.org_id').selectAll('e').select('o.name as org_name').where('e.id', '=', id).executeTakeFirst();
  if (!e) throw notFound(EXPERT);
  const facts = await assertOrgInScope(s.db, actor, 'decisions.read', e.org_id, EXPERT);
  const keeper = inScope(actor, 'decisions.experts', facts);
  const [conflicts, assignments] = await Promise.all([
    ddb(s.db).selectFrom('decision_expert_conflicts as c').leftJoin('orgs as o', 'o.id', 'c.conflict_org_id').select(['c.id', 'c.conflict_org_id', 'o.name as conflict_org_name', 'c.subject_type', 'c.subject_id', 'c.description', 'c.declared_on']).where('c.expert_id', '=', id).orderBy('c.id').execute(),
    ddb(s.db).selectFrom('decision_expert_assignments').select(['id', 'subject_type', 'subject_id', 'field', 'source', 'draw_id', 'reason', 'at']).where('expert_id', '=', id).orderBy('at', 'desc').execute(),
  ]);
  return {
    ...unsealed(e),
    contact: contactFor(s.pii, e, keeper),
    id_number: keeper && e.id_number_enc ? s.pii.decrypt(e.id_number_enc) : e.id_number_masked,
    conflicts,
    assignments,
    abilities: { edit: keeper },
  };
}

export async function updateExpert(s: Services, actor: Actor, id: number, input: Static<typeof ExpertPatch>) {
  const contact = input.contact === undefined ? {} : sealPhone(s.pii, input.contact, 'contact');
  return s.tx(async (tx) => {
    const e = await lockExpert(tx, actor, id);
    if (e.version !== input.version) throw staleVersion(EXPERT);
    const userId = input.userId === undefined ? e.user_id : await accountOf(tx, input.userId, id);
    const after = await dtx(tx)
      .updateTable('decision_experts')
      .set({ user_id: userId, fields: input.fields ?? e.fields, affiliation: input.affiliation?.trim() ?? e.affiliation, title: input.title === undefined ? e.title : input.title?.trim() || null, active: input.active ?? e.active, ...contact, version: e.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.expert.update', entityType: 'decision_expert', entityId: id, orgId: e.org_id, before: e, after });
    return unsealed(after);
  });
}

/** A declared conflict of interest: an organisation or a named subject the expert must not judge. */
export async function declareConflict(s: Services, actor: Actor, id: number, input: Static<typeof ConflictIn>) {
  checkNotFuture(input.declaredOn, s.today(), 'declaredOn');
  const subject = input.subjectType && input.subjectId;
  if (!input.conflictOrgId && !subject) throw badInput('conflict_target_missing', 'conflictOrgId', { zh: '须指明存在利害关系的机构，或具体事项（类型和编号）', en: 'Name the organisation or the subject (type and id)' });
  return s.tx(async (tx) => {
    const e = await lockExpert(tx, actor, id);
    if (input.conflictOrgId) await orgOf(tx, input.conflictOrgId, 'conflictOrgId');
    const row = await dtx(tx)
      .insertInto('decision_expert_conflicts')
      .values({ expert_id: id, org_id: e.org_id, conflict_org_id: input.conflictOrgId ?? null, subject_type: subject ? input.subjectType! : null, subject_id: subject ? input.subjectId! : null, description: input.description.trim(), declared_on: input.declaredOn, recorded_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.expert.conflict', entityType: 'decision_expert', entityId: id, orgId: e.org_id, after: row });
    return row;
  });
}

/** The pool of `orgId` as the drawing function sees it: no names, no contact. */
async function loadPool(tx: Tx, orgId: number): Promise<PoolExpert[]> {
  const [experts, conflicts] = await Promise.all([
    dtx(tx).selectFrom('decision_experts').select(['id', 'fields', 'affiliation', 'active']).where('org_id', '=', orgId).execute(),
    dtx(tx).selectFrom('decision_expert_conflicts as c').innerJoin('decision_experts as e', 'e.id', 'c.expert_id').select(['c.expert_id', 'c.conflict_org_id', 'c.subject_type', 'c.subject_id', 'c.description']).where('e.org_id', '=', orgId).orderBy('c.id').execute(),
  ]);
  return experts.map((e) => ({
    id: e.id,
    fields: e.fields as ExpertField[],
    affiliation: e.affiliation,
    active: e.active,
    conflicts: conflicts.filter((c) => c.expert_id === e.id).map((c) => ({ orgId: c.conflict_org_id, subjectType: c.subject_type, subjectId: c.subject_id, description: c.description })),
  }));
}

const assignedTo = async (tx: Tx, subjectType: string, subjectId: string) =>
  (await dtx(tx).selectFrom('decision_expert_assignments').select('expert_id').where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).execute()).map((r) => r.expert_id);

async function checkBodies(tx: Tx, input: { decidingOrgId?: number; undertakingOrgId?: number }) {
  if (input.decidingOrgId) await orgOf(tx, input.decidingOrgId, 'decidingOrgId');
  if (input.undertakingOrgId) await orgOf(tx, input.undertakingOrgId, 'undertakingOrgId');
}

/**
 * Draws experts for a subject from the pool of `orgId` and records the draw — request,
 * seed, the pool as it was, who was drawn and why everyone else was not — with the
 * assignments, in one transaction. A shortage refuses and writes nothing.
 */
export async function drawForSubject(s: Services, actor: Actor, input: Static<typeof DrawIn>) {
  const counts = Object.fromEntries(Object.entries(input.counts).filter(([, n]) => (n ?? 0) > 0)) as DrawRequest['counts'];
  if (!Object.keys(counts).length) throw badInput('counts_empty', 'counts', { zh: '请至少指定一个领域的抽取人数', en: 'Request at least one expert' });
  const seed = input.seed ?? crypto.randomBytes(8).toString('hex');
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'decisions.manage', input.orgId, { zh: '专家库所属机关', en: 'Pool owner' });
    const org = await orgOf(tx, input.orgId, 'orgId');
    await checkBodies(tx, input);
    const pool = await loadPool(tx, org.id);
    const request: DrawRequest = { counts, subjectType: input.subjectType, subjectId: input.subjectId, decidingOrgId: input.decidingOrgId ?? null, undertakingOrgId: input.undertakingOrgId ?? null, alreadyAssigned: await assignedTo(tx, input.subjectType, input.subjectId) };
    const result = drawExperts(pool, request, seed);
    const draw = await dtx(tx)
      .insertInto('decision_expert_draws')
      .values({
        org_id: org.id,
        region_code: org.region_code,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        subject_title: input.subjectTitle.trim(),
        deciding_org_id: request.decidingOrgId ?? null,
        undertaking_org_id: request.undertakingOrgId ?? null,
        counts: JSON.stringify(counts),
        seed,
        pool: JSON.stringify(pool),
        already_assigned: request.alreadyAssigned,
        drawn: JSON.stringify(result.drawn),
        excluded: JSON.stringify(result.excluded),
        drawn_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await dtx(tx)
      .insertInto('decision_expert_assignments')
      .values(result.drawn.map((d) => ({ org_id: org.id, subject_type: input.subjectType, subject_id: input.subjectId, expert_id: d.expertId, field: d.field, source: 'draw' as const, draw_id: draw.id, assigned_by: actor.userId })))
      .execute();
    await audit(tx, actor, { action: 'decisions.expert.draw', entityType: 'decision_expert_draw', entityId: draw.id, orgId: org.id, after: { subject: `${input.subjectType}:${input.subjectId}`, counts, seed, drawn: result.drawn, excluded: result.excluded } });
    return presentDraw(tx, draw);
  });
}

/** A draw with the names of those drawn and excluded (no contact data). */
async function presentDraw(db: Db, draw: { drawn: unknown; excluded: unknown } & Record<string, unknown>) {
  const drawn = draw.drawn as DrawResult['drawn'];
  const excluded = draw.excluded as DrawResult['excluded'];
  const ids = [...drawn.map((d) => d.expertId), ...excluded.map((e) => e.expertId)];
  const names = new Map(ids.length ? (await ddb(db).selectFrom('decision_experts').select(['id', 'name', 'title']).where('id', 'in', ids).execute()).map((r) => [r.id, r]) : []);
  const { pool: _pool, ...rest } = draw;
  return {
    ...rest,
    drawn: drawn.map((d) => ({ ...d, name: names.get(d.expertId)?.name, title: names.get(d.expertId)?.title, field_name: EXPERT_FIELD_LABELS[d.field] })),
    excluded: excluded.map((e) => ({ ...e, name: names.get(e.expertId)?.name })),
  };
}

async function loadDraw(s: Services, actor: Actor, id: number) {
  const d = await ddb(s.db).selectFrom('decision_expert_draws').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound(DRAW);
  await assertOrgInScope(s.db, actor, 'decisions.read', d.org_id, DRAW);
  return d;
}

export async function getDraw(s: Services, actor: Actor, id: number) {
  return presentDraw(s.db, await loadDraw(s, actor, id));
}

/** Re-runs a recorded draw on the pool as it was: the same seed must give the same experts. */
export async function verifyDraw(s: Services, actor: Actor, id: number) {
  const d = await loadDraw(s, actor, id);
  const request: DrawRequest = { counts: d.counts as DrawRequest['counts'], subjectType: d.subject_type, subjectId: d.subject_id, decidingOrgId: d.deciding_org_id, undertakingOrgId: d.undertaking_org_id, alreadyAssigned: d.already_assigned };
  const again = drawExperts(d.pool as PoolExpert[], request, d.seed);
  // jsonb does not keep key order: compare the facts, not the text.
  const key = (r: DrawResult) => JSON.stringify([r.drawn.map((x) => [x.expertId, x.field]), r.excluded.map((x) => [x.expertId, x.reason, x.detail ?? null])]);
  const reproduced = key(again) === key({ drawn: d.drawn, excluded: d.excluded } as DrawResult);
  return { id: d.id, seed: d.seed, reproduced, drawn: again.drawn };
}

export async function listDraws(s: Services, actor: Actor, q: Partial<Static<typeof SubjectQuery>>) {
  let query = ddb(s.db)
    .selectFrom('decision_expert_draws as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.org_id', 'o.name as org_name', 'd.subject_type', 'd.subject_id', 'd.subject_title', 'd.counts', 'd.seed', 'd.at'])
    .select(sql<number>`jsonb_array_length(d.drawn)`.as('drawn_count'))
    .where(orgScopeFilter(actor, 'decisions.read', sql.ref('d.org_id')));
  if (q.subjectType) query = query.where('d.subject_type', '=', q.subjectType);
  if (q.subjectId) query = query.where('d.subject_id', '=', q.subjectId);
  return query.orderBy('d.id', 'desc').limit(500).execute();
}

/** The experts of a subject, drawn or added, in the caller's scope. */
export async function listAssignments(s: Services, actor: Actor, q: Static<typeof SubjectQuery>) {
  return ddb(s.db)
    .selectFrom('decision_expert_assignments as x')
    .innerJoin('decision_experts as e', 'e.id', 'x.expert_id')
    .select(['x.id', 'x.expert_id', 'e.name', 'e.title', 'e.affiliation', 'x.field', 'x.source', 'x.draw_id', 'x.reason', 'x.at'])
    .where('x.subject_type', '=', q.subjectType)
    .where('x.subject_id', '=', q.subjectId)
    .where(orgScopeFilter(actor, 'decisions.read', sql.ref('x.org_id')))
    .orderBy('x.id')
    .execute();
}

/** Choosing an expert without the lot: refused for an expert with a declared conflict. */
export async function assignManually(s: Services, actor: Actor, input: Static<typeof ManualAssignIn>) {
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'decisions.manage', input.orgId, { zh: '专家库所属机关', en: 'Pool owner' });
    await checkBodies(tx, input);
    const e = await dtx(tx).selectFrom('decision_experts').selectAll().where('id', '=', input.expertId).where('org_id', '=', input.orgId).executeTakeFirst();
    if (!e) throw badInput('expert_not_in_pool', 'expertId', { zh: '该专家不在所选专家库中', en: 'The expert is not in this pool' });
    if (!e.active) throw conflict('expert_inactive', { zh: `${e.name}已停用，不能选定`, en: 'The expert is inactive' }, 'expertId');
    if (!e.fields.includes(input.field)) throw badInput('expert_field_mismatch', 'field', { zh: `${e.name}不属于${EXPERT_FIELD_LABELS[input.field]}领域`, en: `The expert is not in field ${input.field}` });
    const [pooled] = (await loadPool(tx, input.orgId)).filter((p) => p.id === e.id);
    const c = conflictWith(pooled, { subjectType: input.subjectType, subjectId: input.subjectId, decidingOrgId: input.decidingOrgId, undertakingOrgId: input.undertakingOrgId });
    if (c) {
      throw new DomainError({ status: 409, code: 'expert_conflict', title: '专家须回避', detail: `${e.name}已申报利害关系（${c.description}），不能选定参加该事项论证`, detail_en: 'The expert declared a conflict of interest with this subject or body', field: 'expertId', rule: 'expert_conflict', basis: BASIS_SELECTION });
    }
    if ((await assignedTo(tx, input.subjectType, input.subjectId)).includes(e.id)) throw conflict('expert_already_assigned', { zh: `${e.name}已参加该事项论证`, en: 'The expert is already assigned to this subject' }, 'expertId');
    const row = await dtx(tx)
      .insertInto('decision_expert_assignments')
      .values({ org_id: input.orgId, subject_type: input.subjectType, subject_id: input.subjectId, expert_id: e.id, field: input.field, source: 'manual', reason: input.reason.trim(), assigned_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.expert.assign', entityType: 'decision_expert', entityId: e.id, orgId: input.orgId, after: row });
    return row;
  });
}
