import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { actorForAudit, auditBy as audit } from '../../core/auth/audit-actor.ts';
import { assertOrgInScope, inScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound, staleVersion } from '../../core/http/errors.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { sealValue } from '../../core/crypto/personal.ts';
import { maskPersonName } from '../../core/crypto/mask.ts';
import { SEED004 } from '../../core/rules/seeds.ts';
import { pdb, ptx } from './schema.ts';
import type { CommitmentIn, CompletionIn, InquiryIn, OrgYearQuery, PublishOnIn, WhitePaperIn } from './contract.ts';
import { checkNotFuture } from '../../core/http/checks.ts';

const PAPER = { zh: '部门责任白皮书', en: 'Performance white paper' };
const BASIS_PAPER = { law: SEED004, article: '7', quote: '年初向社会公布部门职责、工作目标，年底将完成情况通过有关媒体向社会通报' };
const deadlineOf = (tx: Parameters<Parameters<Services['tx']>[0]>[0], id: number, kind: string) => tx.selectFrom('deadlines').select('id').where('subject_type', '=', 'white_paper').where('subject_id', '=', String(id)).where('kind', '=', kind).executeTakeFirst();

// ── 部门责任白皮书 (seed 004 #7) ──

/** A paper of duties and the year's targets; its publication (年初) and completion report (年底) are supervised days. */
export async function draftWhitePaper(s: Services, actor: Actor, input: Static<typeof WhitePaperIn>) {
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'plans.manage', input.orgId, { zh: '部门', en: 'Office' });
    const t = ptx(tx);
    if (await t.selectFrom('white_papers').select('id').where('org_id', '=', input.orgId).where('year', '=', input.year).executeTakeFirst()) throw conflict('white_paper_exists', { zh: `${input.year}年度白皮书已起草`, en: 'The paper of that year exists' }, 'year');
    const org = await tx.selectFrom('orgs').select('region_code').where('id', '=', input.orgId).executeTakeFirstOrThrow();
    const row = await t.insertInto('white_papers').values({ org_id: input.orgId, region_code: org.region_code, year: input.year, duties: input.duties.trim(), targets: JSON.stringify(input.targets.map((x) => x.trim())), created_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    const due = async (key: string, year: number) => `${year}-${await ruleValue<string>(tx, key, org.region_code, `${year}-01-01`)}`;
    const base = { module: 'plans', subjectType: 'white_paper', subjectId: row.id, orgId: input.orgId, regionCode: org.region_code };
    const publishDue = await due('plans.white_paper_publish_due', input.year);
    const completionDue = await due('plans.white_paper_completion_due', input.year + 1);
    const start = (d: string) => (s.today() < d ? s.today() : d);
    await startDeadline(s, tx, actorForAudit(actor), { ...base, kind: 'plans.white_paper_publish', title: `公布${input.year}年度部门责任白皮书`, startDate: start(publishDue), dueOn: publishDue });
    await startDeadline(s, tx, actorForAudit(actor), { ...base, kind: 'plans.white_paper_completion', title: `通报${input.year}年度白皮书完成情况`, startDate: start(completionDue), dueOn: completionDue });
    await audit(tx, actor, { action: 'plans.white_paper.draft', entityType: 'white_paper', entityId: row.id, orgId: input.orgId, after: row });
    return row;
  });
}

export async function listWhitePapers(s: Services, actor: Actor, q: Static<typeof OrgYearQuery>) {
  let query = pdb(s.db)
    .selectFrom('white_papers as w')
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .innerJoin('regions as rg', 'rg.code', 'o.region_code')
    .select(['w.id', 'w.org_id', 'o.name as org_name', 'o.path as org_path', 'rg.path as region_path', 'w.year', 'w.duties', 'w.targets', 'w.published_on', 'w.completion', 'w.completion_published_on', 'w.version'])
    .where(orgScopeFilter(actor, 'plans.read', sql.ref('w.org_id')));
  if (q.orgId) query = query.where('w.org_id', '=', q.orgId);
  if (q.year) query = query.where('w.year', '=', q.year);
  const rows = await query.orderBy('w.year', 'desc').orderBy('o.path').limit(500).execute();
  const today = s.today();
  // The org facts come with the rows: no query per paper.
  return rows.map(({ org_path, region_path, ...w }) => {
    const manage = inScope(actor, 'plans.manage', { id: w.org_id, path: org_path, regionPath: region_path });
    return { ...w, abilities: { publish: manage && !w.published_on, complete: manage && !!w.published_on && !w.completion_published_on && today >= `${w.year}-12-01` } };
  });
}

async function lockPaper(tx: Parameters<Parameters<Services['tx']>[0]>[0], actor: Actor, id: number, version: number) {
  const w = await ptx(tx).selectFrom('white_papers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!w) throw notFound(PAPER);
  await assertOrgInScope(tx, actor, 'plans.manage', w.org_id, PAPER);
  if (w.version !== version) throw staleVersion(PAPER);
  return w;
}

/** 年初公布: the duties and targets go public; no later than the year has begun. */
export async function publishWhitePaper(s: Services, actor: Actor, id: number, input: Static<typeof PublishOnIn>) {
  checkNotFuture(input.publishedOn, s.today(), 'publishedOn');
  return s.tx(async (tx) => {
    const w = await lockPaper(tx, actor, id, input.version);
    if (w.published_on) throw conflict('white_paper_published', { zh: '白皮书已公布', en: 'Already published' });
    if (input.publishedOn > `${w.year}-12-31`) throw badInput('dates_out_of_order', 'publishedOn', { zh: '白皮书须在当年公布', en: 'The paper is published within its year' });
    const after = await ptx(tx).updateTable('white_papers').set({ published_on: input.publishedOn, version: w.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const d = await deadlineOf(tx, id, 'plans.white_paper_publish');
    if (d) await closeDeadline(s, tx, actorForAudit(actor), d.id, `已于${input.publishedOn}公布`);
    await audit(tx, actor, { action: 'plans.white_paper.publish', entityType: 'white_paper', entityId: id, orgId: w.org_id, before: { published_on: null }, after: { published_on: after.published_on } });
    return after;
  });
}

/** 年底通报: each target's result, after publication and not before December of the year. */
export async function reportCompletion(s: Services, actor: Actor, id: number, input: Static<typeof CompletionIn>) {
  checkNotFuture(input.publishedOn, s.today(), 'publishedOn');
  return s.tx(async (tx) => {
    const w = await lockPaper(tx, actor, id, input.version);
    if (!w.published_on) throw new DomainError({ status: 409, code: 'guard_refused', title: '不能通报', detail: '白皮书尚未公布，不能通报完成情况', detail_en: 'The paper has not been published', rule: 'white_paper_unpublished', basis: BASIS_PAPER });
    if (w.completion_published_on) throw conflict('completion_published', { zh: '完成情况已通报', en: 'The completion has been published' });
    if (input.publishedOn < `${w.year}-12-01`) throw new DomainError({ status: 409, code: 'guard_refused', title: '不能通报', detail: `完成情况于年底（${w.year}年12月起）通报`, detail_en: 'The completion is published at the end of the year', field: 'publishedOn', rule: 'completion_before_year_end', basis: BASIS_PAPER });
    const targets = w.targets as string[];
    if (input.completion.length !== targets.length) throw badInput('completion_mismatch', 'completion', { zh: `须逐项通报${targets.length}项年度工作目标的完成情况`, en: `Report on each of the ${targets.length} targets` });
    const completion = targets.map((target, i) => ({ target, done: input.completion[i].done, result: input.completion[i].result.trim() }));
    const after = await ptx(tx).updateTable('white_papers').set({ completion: JSON.stringify(completion), completion_published_on: input.publishedOn, version: w.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const d = await deadlineOf(tx, id, 'plans.white_paper_completion');
    if (d) await closeDeadline(s, tx, actorForAudit(actor), d.id, `已于${input.publishedOn}通报完成情况`);
    await audit(tx, actor, { action: 'plans.white_paper.completion', entityType: 'white_paper', entityId: id, orgId: w.org_id, after: { completion, completion_published_on: input.publishedOn } });
    return after;
  });
}

/** The published papers for the portal. */
export async function publicWhitePapers(s: Services) {
  return pdb(s.db)
    .selectFrom('white_papers as w')
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .select(['w.id', 'o.name as org_name', 'w.year', 'w.duties', 'w.targets', 'w.published_on', 'w.completion', 'w.completion_published_on'])
    .where('w.published_on', 'is not', null)
    .orderBy('w.year', 'desc')
    .orderBy('o.path')
    .limit(500)
    .execute();
}

// ── 服务承诺 and 首问负责 (seed 004 #3) ──

export async function addCommitment(s: Services, actor: Actor, input: Static<typeof CommitmentIn>) {
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'plans.manage', input.orgId, { zh: '部门', en: 'Office' });
    const t = ptx(tx);
    if (await t.selectFrom('service_commitments').select('id').where('org_id', '=', input.orgId).where('service', '=', input.service.trim()).executeTakeFirst()) throw conflict('commitment_exists', { zh: '该服务事项已有承诺', en: 'The service already has a commitment' }, 'service');
    const org = await tx.selectFrom('orgs').select('region_code').where('id', '=', input.orgId).executeTakeFirstOrThrow();
    const row = await t.insertInto('service_commitments').values({ org_id: input.orgId, region_code: org.region_code, service: input.service.trim(), time_limit_days: input.timeLimitDays, day_unit: input.dayUnit, materials: input.materials.trim(), basis: input.basis?.trim() || null, created_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'plans.commitment.add', entityType: 'service_commitment', entityId: row.id, orgId: input.orgId, after: row });
    return row;
  });
}

const commitmentColumns = ['c.id', 'c.org_id', 'o.name as org_name', 'c.service', 'c.time_limit_days', 'c.day_unit', 'c.materials', 'c.basis'] as const;

export async function listCommitments(s: Services, actor: Actor, q: Static<typeof OrgYearQuery>) {
  let query = pdb(s.db).selectFrom('service_commitments as c').innerJoin('orgs as o', 'o.id', 'c.org_id').select([...commitmentColumns, 'c.active']).where(orgScopeFilter(actor, 'plans.read', sql.ref('c.org_id')));
  if (q.orgId) query = query.where('c.org_id', '=', q.orgId);
  return query.orderBy('o.path').orderBy('c.service').limit(2000).execute();
}

/** 服务承诺 on the portal: what each office promises and what to bring. */
export async function publicCommitments(s: Services) {
  return pdb(s.db).selectFrom('service_commitments as c').innerJoin('orgs as o', 'o.id', 'c.org_id').select([...commitmentColumns]).where('c.active', '=', true).orderBy('o.path').orderBy('c.service').limit(2000).execute();
}

/**
 * 首问: the first person to receive a request records it — handled to the end when it is the
 * office's, or referred with the competent office's name, address and contact.
 */
export async function recordInquiry(s: Services, actor: Actor, input: Static<typeof InquiryIn>) {
  checkNotFuture(input.receivedOn, s.today(), 'receivedOn');
  if (input.outcome === 'handled' && !input.result?.trim()) throw badInput('result_required', 'result', { zh: '属本单位职责的，须记录办理结果', en: 'Record the result' });
  if (input.outcome === 'referred' && (!input.referredOrgId || !input.referredContact?.trim())) throw badInput('referral_incomplete', 'referredContact', { zh: '不属本单位职责的，须准确告知承办部门的名称、地址和联系方式', en: 'Name the competent office with its address and contact' });
  if (input.outcome === 'referred' && input.referredOrgId === input.orgId) throw badInput('referred_to_self', 'referredOrgId', { zh: '不能告知到本单位', en: 'Cannot refer to the same office' });
  const requester = sealValue(s.pii, input.requester, maskPersonName);
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'plans.report', input.orgId, { zh: '首问单位', en: 'Office' });
    if (input.referredOrgId && !(await tx.selectFrom('orgs').select('id').where('id', '=', input.referredOrgId).executeTakeFirst())) throw badInput('unknown_org', 'referredOrgId', { zh: '承办部门不存在', en: 'Unknown office' });
    const org = await tx.selectFrom('orgs').select('region_code').where('id', '=', input.orgId).executeTakeFirstOrThrow();
    const row = await ptx(tx)
      .insertInto('first_inquiries')
      .values({ org_id: input.orgId, region_code: org.region_code, received_by: actor.userId, received_on: input.receivedOn, channel: input.channel, requester_enc: requester.enc, requester_masked: requester.masked, matter: input.matter.trim(), outcome: input.outcome, result: input.outcome === 'handled' ? input.result!.trim() : null, referred_org_id: input.outcome === 'referred' ? input.referredOrgId! : null, referred_contact: input.outcome === 'referred' ? input.referredContact!.trim() : null })
      .returning(['id', 'org_id', 'received_on', 'channel', 'requester_masked', 'matter', 'outcome', 'result', 'referred_org_id', 'referred_contact'])
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'plans.inquiry.record', entityType: 'first_inquiry', entityId: row.id, orgId: input.orgId, after: row });
    return row;
  });
}

/** The register in scope: the office's own, and the requests referred to it. */
export async function listInquiries(s: Services, actor: Actor, q: Static<typeof OrgYearQuery>) {
  let query = pdb(s.db)
    .selectFrom('first_inquiries as f')
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .innerJoin('users as u', 'u.id', 'f.received_by')
    .leftJoin('orgs as r', 'r.id', 'f.referred_org_id')
    .select(['f.id', 'f.org_id', 'o.name as org_name', 'u.display_name as received_by_name', 'f.received_on', 'f.channel', 'f.requester_masked', 'f.matter', 'f.outcome', 'f.result', 'f.referred_org_id', 'r.name as referred_org_name', 'f.referred_contact'])
    .where((eb) => eb.or([orgScopeFilter(actor, 'plans.read', sql.ref('f.org_id')), orgScopeFilter(actor, 'plans.read', sql.ref('f.referred_org_id'))]));
  if (q.orgId) query = query.where((eb) => eb.or([eb('f.org_id', '=', q.orgId!), eb('f.referred_org_id', '=', q.orgId!)]));
  if (q.year) query = query.where('f.received_on', '>=', `${q.year}-01-01`).where('f.received_on', '<=', `${q.year}-12-31`);
  return query.orderBy('f.received_on', 'desc').orderBy('f.id', 'desc').limit(1000).execute();
}
