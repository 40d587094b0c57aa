import { sql, type Updateable } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, inScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound, staleVersion } from '../../core/http/errors.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { ddb, dtx, type XDB } from './schema.ts';
import { audit, BASIS_CATALOGUE, checkNotFuture, checkPeriod, orgOf } from './common.ts';
import type { AmendmentKind } from './labels.ts';
import type { CatalogueIn, CatalogueQuery, ItemIn, ItemPatch, PublishIn, PublicCatalogueQuery } from './contract.ts';

const CATALOGUE = { zh: '决策事项目录', en: 'Decision catalogue' };
const ITEM = { zh: '目录事项', en: 'Catalogue item' };

/** Catalogues in scope with their counts of items and of hearing items. */
export async function listCatalogues(s: Services, actor: Actor, q: Static<typeof CatalogueQuery>) {
  let query = ddb(s.db)
    .selectFrom('decision_catalogues as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.org_id', 'o.name as org_name', 'c.year', 'c.title', 'c.status', 'c.due_on', 'c.published_on', 'c.version'])
    .select(sql<number>`(select count(*)::int from decision_catalogue_items i where i.catalogue_id = c.id and i.removed_on is null)`.as('item_count'))
    .select(sql<number>`(select count(*)::int from decision_catalogue_items i where i.catalogue_id = c.id and i.removed_on is null and i.hearing_required)`.as('hearing_count'))
    .where(orgScopeFilter(actor, 'decisions.read', sql.ref('c.org_id')));
  if (q.orgId) query = query.where('c.org_id', '=', q.orgId);
  if (q.year) query = query.where('c.year', '=', q.year);
  return query.orderBy('c.year', 'desc').orderBy('o.path').limit(1000).execute();
}

/** A yearly catalogue of a government, with its publication as a supervised deadline. */
export async function createCatalogue(s: Services, actor: Actor, input: Static<typeof CatalogueIn>) {
  const today = s.today();
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'decisions.manage', input.orgId, { zh: '决策机关', en: 'Deciding government' });
    const org = await orgOf(tx, input.orgId, 'orgId');
    const exists = await dtx(tx).selectFrom('decision_catalogues').select('id').where('org_id', '=', input.orgId).where('year', '=', input.year).executeTakeFirst();
    if (exists) throw conflict('catalogue_exists', { zh: `${org.name}${input.year}年度的决策事项目录已存在`, en: `The ${input.year} catalogue of this body exists` }, 'year', { catalogueId: exists.id });
    const due = `${input.year}-${await ruleValue<string>(tx, 'decision.catalogue_publish_due', org.region_code, today)}`;
    const row = await dtx(tx)
      .insertInto('decision_catalogues')
      .values({ org_id: org.id, region_code: org.region_code, year: input.year, title: input.title?.trim() || `${org.name}${input.year}年度重大行政决策事项目录`, due_on: due, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    const d = await startDeadline(s, tx, actorForAudit(actor), { module: 'decisions', kind: 'decisions.catalogue_publish', title: `公布决策事项目录：${row.title}`, subjectType: 'decision_catalogue', subjectId: row.id, orgId: org.id, regionCode: org.region_code, startDate: today, dueOn: due });
    const after = await dtx(tx).updateTable('decision_catalogues').set({ deadline_id: d.id }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.catalogue.create', entityType: 'decision_catalogue', entityId: row.id, orgId: org.id, after });
    return after;
  });
}

export async function getCatalogue(s: Services, actor: Actor, id: number) {
  const c = await ddb(s.db).selectFrom('decision_catalogues as c').innerJoin('orgs as o', 'o.id', 'c.org_id').selectAll('c').select('o.name as org_name').where('c.id', '=', id).executeTakeFirst();
  if (!c) throw notFound(CATALOGUE);
  const facts = await assertOrgInScope(s.db, actor, 'decisions.read', c.org_id, CATALOGUE);
  const [items, amendments, deadline] = await Promise.all([
    ddb(s.db).selectFrom('decision_catalogue_items as i').innerJoin('orgs as u', 'u.id', 'i.undertaking_org_id').selectAll('i').select('u.name as undertaking_org_name').where('i.catalogue_id', '=', id).orderBy('i.sort_order').orderBy('i.id').execute(),
    ddb(s.db).selectFrom('decision_catalogue_amendments as a').innerJoin('decision_catalogue_items as i', 'i.id', 'a.item_id').select(['a.id', 'a.item_id', 'i.title as item_title', 'a.kind', 'a.reason', 'a.before', 'a.after', 'a.amended_on', 'a.at']).where('a.catalogue_id', '=', id).orderBy('a.id').execute(),
    c.deadline_id ? s.db.selectFrom('deadlines').select(['id', 'due_date', 'status', 'closed_at']).where('id', '=', c.deadline_id).executeTakeFirst() : undefined,
  ]);
  const manage = inScope(actor, 'decisions.manage', facts);
  return { ...c, on_time: c.published_on ? c.published_on <= c.due_on : null, items, amendments, deadline: deadline ?? null, abilities: { edit: manage, publish: manage && c.status === 'draft', amend: manage && c.status === 'published' } };
}

async function lockCatalogue(tx: Tx, actor: Actor, id: number) {
  const c = await dtx(tx).selectFrom('decision_catalogues').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!c) throw notFound(CATALOGUE);
  await assertOrgInScope(tx, actor, 'decisions.manage', c.org_id, CATALOGUE);
  return c;
}

/**
 * A published catalogue is frozen: a change must say why, and is then kept as an
 * amendment (条例 art. 3 ¶3: 根据实际情况调整). Answers whether the change is one.
 */
function amendmentNeeded(c: { status: string }, reason: string | undefined): boolean {
  if (c.status !== 'published') return false;
  if (!reason?.trim()) {
    throw new DomainError({ status: 409, code: 'catalogue_published', title: '目录已公布', detail: '决策事项目录已向社会公布，不能直接修改；调整目录须说明理由，作为目录修订记录并公布', detail_en: 'The catalogue is published; a change needs a reason and is recorded as an amendment', field: 'amendmentReason', rule: 'catalogue_published', basis: BASIS_CATALOGUE });
  }
  return true;
}

async function recordAmendment(s: Services, tx: Tx, actor: Actor, c: { id: number; org_id: number }, itemId: number, kind: AmendmentKind, reason: string, before: unknown, after: unknown) {
  const row = await dtx(tx)
    .insertInto('decision_catalogue_amendments')
    .values({ catalogue_id: c.id, org_id: c.org_id, item_id: itemId, kind, reason: reason.trim(), before: before == null ? null : JSON.stringify(before), after: after == null ? null : JSON.stringify(after), amended_on: s.today(), amended_by: actor.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(tx, actor, { action: `decisions.catalogue.amend.${kind}`, entityType: 'decision_catalogue', entityId: c.id, orgId: c.org_id, after: row });
}

/** Same title twice in one catalogue is refused (a clear 409, not the index's error). */
async function refuseDuplicate(tx: Tx, catalogueId: number, title: string, exceptId?: number) {
  let q = dtx(tx).selectFrom('decision_catalogue_items').select('id').where('catalogue_id', '=', catalogueId).where('removed_on', 'is', null).where('title', '=', title);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const dup = await q.executeTakeFirst();
  if (dup) throw conflict('duplicate_catalogue_item', { zh: `目录中已有同名事项：${title}`, en: `The catalogue already lists "${title}"` }, 'title', { itemId: dup.id });
}

/** The undertaking unit is the government itself or one of its bodies. */
async function checkUndertaking(tx: Tx, catalogueOrgId: number, undertakingOrgId: number) {
  const [gov, unit] = await Promise.all([orgOf(tx, catalogueOrgId, 'orgId'), orgOf(tx, undertakingOrgId, 'undertakingOrgId')]);
  if (!unit.path.startsWith(gov.path)) throw badInput('undertaking_not_subordinate', 'undertakingOrgId', { zh: `承办单位须为${gov.name}或其所属部门、下级机关`, en: 'The undertaking unit must be the government or one of its bodies' });
}

type ItemValues = Updateable<XDB['decision_catalogue_items']>;
function itemValues(input: Partial<Static<typeof ItemIn>>): ItemValues {
  const v: ItemValues = {};
  if (input.title !== undefined) v.title = input.title.trim();
  if (input.decidingBody !== undefined) v.deciding_body = input.decidingBody.trim();
  if (input.undertakingOrgId !== undefined) v.undertaking_org_id = input.undertakingOrgId;
  if (input.plannedStart !== undefined) v.planned_start = input.plannedStart;
  if (input.plannedEnd !== undefined) v.planned_end = input.plannedEnd;
  if (input.hearingRequired !== undefined) v.hearing_required = input.hearingRequired;
  if (input.legalBasis !== undefined) v.legal_basis = input.legalBasis?.trim() || null;
  if (input.notes !== undefined) v.notes = input.notes?.trim() || null;
  return v;
}

export async function addItem(s: Services, actor: Actor, catalogueId: number, input: Static<typeof ItemIn>) {
  checkPeriod(input.plannedStart, input.plannedEnd, 'plannedEnd');
  return s.tx(async (tx) => {
    const c = await lockCatalogue(tx, actor, catalogueId);
    const amend = amendmentNeeded(c, input.amendmentReason);
    const values = itemValues(input);
    await refuseDuplicate(tx, c.id, values.title!);
    await checkUndertaking(tx, c.org_id, input.undertakingOrgId);
    const order = await dtx(tx).selectFrom('decision_catalogue_items').select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('n')).where('catalogue_id', '=', c.id).executeTakeFirstOrThrow();
    const row = await dtx(tx)
      .insertInto('decision_catalogue_items')
      .values({ ...values, catalogue_id: c.id, org_id: c.org_id, title: values.title!, deciding_body: values.deciding_body!, undertaking_org_id: input.undertakingOrgId, sort_order: order.n })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.catalogue_item.create', entityType: 'decision_catalogue_item', entityId: row.id, orgId: c.org_id, after: row });
    if (amend) await recordAmendment(s, tx, actor, c, row.id, 'add', input.amendmentReason!, null, row);
    return row;
  });
}

async function lockItem(tx: Tx, actor: Actor, id: number) {
  const item = await dtx(tx).selectFrom('decision_catalogue_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!item) throw notFound(ITEM);
  const c = await lockCatalogue(tx, actor, item.catalogue_id);
  if (item.removed_on) throw conflict('item_removed', { zh: '该事项已移出目录', en: 'The item was removed from the catalogue' });
  return { item, c };
}

export async function updateItem(s: Services, actor: Actor, id: number, input: Static<typeof ItemPatch>) {
  return s.tx(async (tx) => {
    const { item, c } = await lockItem(tx, actor, id);
    if (item.version !== input.version) throw staleVersion(ITEM);
    const amend = amendmentNeeded(c, input.amendmentReason);
    const values = itemValues(input);
    checkPeriod(values.planned_start === undefined ? item.planned_start : values.planned_start, values.planned_end === undefined ? item.planned_end : values.planned_end, 'plannedEnd');
    if (values.title) await refuseDuplicate(tx, c.id, values.title, id);
    if (values.undertaking_org_id) await checkUndertaking(tx, c.org_id, values.undertaking_org_id);
    const after = await dtx(tx).updateTable('decision_catalogue_items').set({ ...values, version: item.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.catalogue_item.update', entityType: 'decision_catalogue_item', entityId: id, orgId: c.org_id, before: item, after });
    if (amend) await recordAmendment(s, tx, actor, c, id, 'change', input.amendmentReason!, item, after);
    return after;
  });
}

/** From a draft the item is deleted; from a published catalogue it is moved out, with the reason kept. */
export async function removeItem(s: Services, actor: Actor, id: number, reason: string | undefined) {
  return s.tx(async (tx) => {
    const { item, c } = await lockItem(tx, actor, id);
    if (!amendmentNeeded(c, reason)) {
      await dtx(tx).deleteFrom('decision_catalogue_items').where('id', '=', id).execute();
      await audit(tx, actor, { action: 'decisions.catalogue_item.delete', entityType: 'decision_catalogue_item', entityId: id, orgId: c.org_id, before: item });
      return { ok: true };
    }
    const after = await dtx(tx).updateTable('decision_catalogue_items').set({ removed_on: s.today(), version: item.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAmendment(s, tx, actor, c, id, 'remove', reason!, item, after);
    return { ok: true };
  });
}

/** Publishing freezes the catalogue and its hearing catalogue, and closes the deadline. */
export async function publishCatalogue(s: Services, actor: Actor, id: number, input: Static<typeof PublishIn>) {
  const today = s.today();
  const on = input.publishedOn ?? today;
  checkNotFuture(on, today, 'publishedOn');
  return s.tx(async (tx) => {
    const c = await lockCatalogue(tx, actor, id);
    if (c.version !== input.version) throw staleVersion(CATALOGUE);
    if (c.status === 'published') throw conflict('catalogue_published', { zh: '目录已公布', en: 'The catalogue is already published' });
    if (Number(on.slice(0, 4)) < c.year - 1 || Number(on.slice(0, 4)) > c.year) throw badInput('publication_year', 'publishedOn', { zh: `${c.year}年度目录的公布日期应在${c.year - 1}年或${c.year}年内`, en: `A ${c.year} catalogue is published in ${c.year - 1} or ${c.year}` });
    const n = await dtx(tx).selectFrom('decision_catalogue_items').select(sql<number>`count(*)::int`.as('n')).where('catalogue_id', '=', id).where('removed_on', 'is', null).executeTakeFirstOrThrow();
    if (!n.n) throw conflict('catalogue_empty', { zh: '目录中没有事项，不能公布', en: 'An empty catalogue cannot be published' });
    const after = await dtx(tx).updateTable('decision_catalogues').set({ status: 'published', published_on: on, version: c.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (c.deadline_id) await closeDeadline(s, tx, actorForAudit(actor), c.deadline_id, `目录已于${on}公布`);
    await audit(tx, actor, { action: 'decisions.catalogue.publish', entityType: 'decision_catalogue', entityId: id, orgId: c.org_id, before: { status: c.status }, after: { status: 'published', published_on: on, on_time: on <= c.due_on } });
    return { ...after, on_time: on <= c.due_on };
  });
}

// ── public portal: published catalogues only; no personal data is held here ──

const publicItemColumns = ['i.id', 'i.title', 'i.deciding_body', 'u.name as undertaking_org_name', 'i.planned_start', 'i.planned_end', 'i.hearing_required', 'i.legal_basis', 'i.notes'] as const;

export async function publicCatalogues(s: Services, q: Static<typeof PublicCatalogueQuery>) {
  let query = ddb(s.db)
    .selectFrom('decision_catalogues as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.org_id', 'o.name as org_name', 'c.year', 'c.title', 'c.published_on'])
    .select(sql<number>`(select count(*)::int from decision_catalogue_items i where i.catalogue_id = c.id and i.removed_on is null)`.as('item_count'))
    .select(sql<number>`(select count(*)::int from decision_catalogue_items i where i.catalogue_id = c.id and i.removed_on is null and i.hearing_required)`.as('hearing_count'))
    .where('c.status', '=', 'published');
  if (q.year) query = query.where('c.year', '=', q.year);
  if (q.orgId) query = query.where('c.org_id', '=', q.orgId);
  return query.orderBy('c.year', 'desc').orderBy('o.path').limit(500).execute();
}

export async function publicCatalogue(s: Services, id: number) {
  const c = await ddb(s.db).selectFrom('decision_catalogues as c').innerJoin('orgs as o', 'o.id', 'c.org_id').select(['c.id', 'c.org_id', 'o.name as org_name', 'c.year', 'c.title', 'c.published_on']).where('c.id', '=', id).where('c.status', '=', 'published').executeTakeFirst();
  if (!c) throw notFound(CATALOGUE);
  const items = await ddb(s.db).selectFrom('decision_catalogue_items as i').innerJoin('orgs as u', 'u.id', 'i.undertaking_org_id').select(publicItemColumns).where('i.catalogue_id', '=', id).where('i.removed_on', 'is', null).orderBy('i.sort_order').orderBy('i.id').execute();
  const amendments = await ddb(s.db).selectFrom('decision_catalogue_amendments as a').innerJoin('decision_catalogue_items as i', 'i.id', 'a.item_id').select(['a.kind', 'i.title as item_title', 'a.reason', 'a.amended_on']).where('a.catalogue_id', '=', id).orderBy('a.id').execute();
  return { ...c, items, hearing_items: items.filter((i) => i.hearing_required), amendments };
}

/** 听证目录: the items flagged for a hearing in the published catalogues. */
export async function publicHearings(s: Services, q: Static<typeof PublicCatalogueQuery>) {
  let query = ddb(s.db)
    .selectFrom('decision_catalogue_items as i')
    .innerJoin('decision_catalogues as c', 'c.id', 'i.catalogue_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoin('orgs as u', 'u.id', 'i.undertaking_org_id')
    .select(publicItemColumns)
    .select(['c.id as catalogue_id', 'c.year', 'o.name as org_name'])
    .where('c.status', '=', 'published')
    .where('i.removed_on', 'is', null)
    .where('i.hearing_required', '=', true);
  if (q.year) query = query.where('c.year', '=', q.year);
  if (q.orgId) query = query.where('c.org_id', '=', q.orgId);
  return query.orderBy('c.year', 'desc').orderBy('o.path').orderBy('i.sort_order').limit(2000).execute();
}
