import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, inScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, notFound, staleVersion } from '../../core/http/errors.ts';
import { SEED000 } from '../../core/rules/seeds.ts';
import { ddb, dtx } from './schema.ts';
import { audit, checkNotFuture, checkPeriod, contactFor, orgOf, sealPhone } from './common.ts';
import type { AdviserIn, AdviserPatch, EngagementIn, OpinionIn, SubjectQuery } from './contract.ts';

const ADVISER = { zh: '法律顾问', en: 'Legal adviser' };
const BASIS_ADVISER = { law: SEED000, article: '三（一）', quote: '设立法律顾问机构或专兼职人员，为行政决策提供法律咨询意见' };

const listColumns = ['a.id', 'a.org_id', 'o.name as org_name', 'a.name', 'a.kind', 'a.profession', 'a.affiliation', 'a.fields', 'a.term_start', 'a.term_end', 'a.contact_masked', 'a.active', 'a.version'] as const;

/** Advisers in scope (contact masked), with their current engagement if any. */
export async function listAdvisers(s: Services, actor: Actor, q: { orgId?: number }) {
  const today = s.today();
  let query = ddb(s.db)
    .selectFrom('decision_advisers as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(listColumns)
    .select(sql<string | null>`(select e.end_on::text from decision_adviser_engagements e where e.adviser_id = a.id and e.start_on <= ${today}::date and e.end_on >= ${today}::date order by e.end_on desc limit 1)`.as('engaged_until'))
    .select(sql<number>`(select count(*)::int from decision_adviser_opinions p where p.adviser_id = a.id)`.as('opinion_count'))
    .where(orgScopeFilter(actor, 'decisions.read', sql.ref('a.org_id')));
  if (q.orgId) query = query.where('a.org_id', '=', q.orgId);
  return query.orderBy('o.path').orderBy('a.kind').orderBy('a.name').limit(2000).execute();
}

export async function createAdviser(s: Services, actor: Actor, input: Static<typeof AdviserIn>) {
  checkPeriod(input.termStart, input.termEnd, 'termEnd');
  const contact = sealPhone(s.pii, input.contact, 'contact');
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'decisions.manage', input.orgId, { zh: '聘请机关', en: 'Body' });
    const org = await orgOf(tx, input.orgId, 'orgId');
    const row = await dtx(tx)
      .insertInto('decision_advisers')
      .values({ org_id: org.id, region_code: org.region_code, name: input.name.trim(), kind: input.kind, profession: input.profession, affiliation: input.affiliation.trim(), fields: input.fields ?? [], term_start: input.termStart ?? null, term_end: input.termEnd ?? null, ...contact, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.adviser.create', entityType: 'decision_adviser', entityId: row.id, orgId: org.id, after: row });
    return { ...row, contact_enc: undefined };
  });
}

async function lockAdviser(tx: Tx, actor: Actor, id: number) {
  const a = await dtx(tx).selectFrom('decision_advisers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!a) throw notFound(ADVISER);
  await assertOrgInScope(tx, actor, 'decisions.manage', a.org_id, ADVISER);
  return a;
}

export async function getAdviser(s: Services, actor: Actor, id: number) {
  const a = await ddb(s.db).selectFrom('decision_advisers as a').innerJoin('orgs as o', 'o.id', 'a.org_id').selectAll('a').select('o.name as org_name').where('a.id', '=', id).executeTakeFirst();
  if (!a) throw notFound(ADVISER);
  const facts = await assertOrgInScope(s.db, actor, 'decisions.read', a.org_id, ADVISER);
  const manage = inScope(actor, 'decisions.manage', facts);
  const [engagements, opinions] = await Promise.all([
    ddb(s.db).selectFrom('decision_adviser_engagements').select(['id', 'start_on', 'end_on', 'scope', 'at']).where('adviser_id', '=', id).orderBy('start_on', 'desc').execute(),
    ddb(s.db).selectFrom('decision_adviser_opinions').select(['id', 'subject_type', 'subject_id', 'subject_title', 'opinion', 'given_on', 'attachment_ids', 'at']).where('adviser_id', '=', id).orderBy('given_on', 'desc').execute(),
  ]);
  const { contact_enc: _sealed, ...rest } = a;
  return { ...rest, contact: contactFor(s.pii, a, manage), engagements, opinions, abilities: { edit: manage } };
}

export async function updateAdviser(s: Services, actor: Actor, id: number, input: Static<typeof AdviserPatch>) {
  const contact = input.contact === undefined ? {} : sealPhone(s.pii, input.contact, 'contact');
  return s.tx(async (tx) => {
    const a = await lockAdviser(tx, actor, id);
    if (a.version !== input.version) throw staleVersion(ADVISER);
    const termStart = input.termStart === undefined ? a.term_start : input.termStart;
    const termEnd = input.termEnd === undefined ? a.term_end : input.termEnd;
    checkPeriod(termStart, termEnd, 'termEnd');
    const after = await dtx(tx)
      .updateTable('decision_advisers')
      .set({ affiliation: input.affiliation?.trim() ?? a.affiliation, fields: input.fields ?? a.fields, term_start: termStart, term_end: termEnd, active: input.active ?? a.active, ...contact, version: a.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.adviser.update', entityType: 'decision_adviser', entityId: id, orgId: a.org_id, before: a, after });
    return { ...after, contact_enc: undefined };
  });
}

/** 聘请: a period and a scope of work. */
export async function addEngagement(s: Services, actor: Actor, id: number, input: Static<typeof EngagementIn>) {
  checkPeriod(input.startOn, input.endOn, 'endOn');
  return s.tx(async (tx) => {
    const a = await lockAdviser(tx, actor, id);
    const row = await dtx(tx).insertInto('decision_adviser_engagements').values({ adviser_id: id, org_id: a.org_id, start_on: input.startOn, end_on: input.endOn, scope: input.scope.trim(), recorded_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.adviser.engage', entityType: 'decision_adviser', entityId: id, orgId: a.org_id, after: row });
    return row;
  });
}

/**
 * An adviser's written opinion on a subject. It must come from an adviser serving on that
 * day: an external adviser under an engagement, an in-house one within the term.
 */
export async function recordOpinion(s: Services, actor: Actor, id: number, input: Static<typeof OpinionIn>) {
  checkNotFuture(input.givenOn, s.today(), 'givenOn');
  return s.tx(async (tx) => {
    const a = await lockAdviser(tx, actor, id);
    if (!a.active) throw conflict('adviser_inactive', { zh: `${a.name}已不再担任法律顾问`, en: 'The adviser is inactive' });
    const inTerm = (!a.term_start || a.term_start <= input.givenOn) && (!a.term_end || a.term_end >= input.givenOn);
    const engaged = await dtx(tx).selectFrom('decision_adviser_engagements').select('id').where('adviser_id', '=', id).where('start_on', '<=', input.givenOn).where('end_on', '>=', input.givenOn).executeTakeFirst();
    if (!inTerm || (a.kind === 'external' && !engaged)) {
      throw conflict('adviser_not_engaged', { zh: `${input.givenOn}${a.name}不在聘期内，不能登记其法律意见`, en: `The adviser was not engaged on ${input.givenOn}` }, 'givenOn', { basis: BASIS_ADVISER });
    }
    const ids = input.attachmentIds ?? [];
    if (ids.length) {
      const found = await tx.selectFrom('attachments').select('id').where('id', 'in', ids).where('owner_type', '=', 'decision_adviser').where('owner_id', '=', String(id)).execute();
      if (found.length !== ids.length) throw badInput('attachment_not_of_adviser', 'attachmentIds', { zh: '附件须先上传到该法律顾问记录', en: 'Upload the files to this adviser first' });
    }
    const row = await dtx(tx)
      .insertInto('decision_adviser_opinions')
      .values({ adviser_id: id, org_id: a.org_id, subject_type: input.subjectType, subject_id: input.subjectId, subject_title: input.subjectTitle.trim(), opinion: input.opinion.trim(), given_on: input.givenOn, attachment_ids: ids, recorded_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'decisions.adviser.opinion', entityType: 'decision_adviser', entityId: id, orgId: a.org_id, after: row });
    return row;
  });
}

/** The advisers' opinions on one subject, within the caller's scope. */
export async function listOpinions(s: Services, actor: Actor, q: Static<typeof SubjectQuery>) {
  return ddb(s.db)
    .selectFrom('decision_adviser_opinions as p')
    .innerJoin('decision_advisers as a', 'a.id', 'p.adviser_id')
    .select(['p.id', 'p.adviser_id', 'a.name as adviser_name', 'a.kind', 'a.affiliation', 'p.subject_type', 'p.subject_id', 'p.subject_title', 'p.opinion', 'p.given_on', 'p.attachment_ids'])
    .where('p.subject_type', '=', q.subjectType)
    .where('p.subject_id', '=', q.subjectId)
    .where(orgScopeFilter(actor, 'decisions.read', sql.ref('p.org_id')))
    .orderBy('p.given_on')
    .execute();
}
