import { sql } from 'kysely';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../core/audit/audit.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, notFound } from '../../core/http/errors.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { executeSystemTransition } from '../../core/workflow/engine.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { parseIsoDate } from '../../core/calendar/dates.ts';
import { ndb, ntx, type CleanupDecision } from './schema.ts';
import { IN_FORCE } from './states.ts';
import { addCalendarDays } from './validity.ts';

const BATCH = 200;

/**
 * The daily validity scan (seed 000 §2(二)5: 有效期满自动失效). Documents past their last
 * day of validity expire through the procedure's system step; documents within a reminder
 * threshold (60 and 30 days by default) give the issuing body a reminder once, the first
 * one opening a deadline "评估是否继续实施" due on the last day of validity. Both parts are
 * idempotent: a second run on the same day changes nothing.
 */
export async function runExpiryScan(s: Services): Promise<{ expired: number; reminded: number }> {
  const today = s.today();
  const db = ndb(s.db);
  let expired = 0;
  for (;;) {
    const due = await db.selectFrom('normative_documents').select(['id', 'instance_id']).where('status', 'in', [...IN_FORCE]).where('expires_on', '<', today).orderBy('expires_on').orderBy('id').limit(BATCH).execute();
    if (!due.length) break;
    await s.tx(async (tx) => {
      for (const d of due) if (await executeSystemTransition(s, tx, d.instance_id!, 'expire', `有效期届满（${today}前）自动失效`)) expired++;
    });
    if (due.length < BATCH) break;
  }
  const thresholds = [...(await ruleValue<number[]>(s.db, 'normative.expiry_reminder_days', '000000', today))].sort((a, b) => b - a);
  let reminded = 0;
  for (const [i, days] of thresholds.entries()) {
    const until = addCalendarDays(today, days);
    for (;;) {
      const batch = await db
        .selectFrom('normative_documents as d')
        .select(['d.id', 'd.title', 'd.issuer_org_id', 'd.region_code', 'd.instance_id', 'd.expires_on', 'd.reg_number'])
        .where('d.status', 'in', [...IN_FORCE])
        .where('d.expires_on', '>=', today)
        .where('d.expires_on', '<=', until)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('normative_expiry_reminders as r').select('r.document_id').whereRef('r.document_id', '=', 'd.id').where('r.days_before', '=', days))))
        .orderBy('d.expires_on')
        .orderBy('d.id')
        .limit(BATCH)
        .execute();
      if (!batch.length) break;
      await s.tx(async (tx) => {
        for (const d of batch) {
          // The first reminder opens the evaluation deadline; a later one finds it open.
          const open = await tx.selectFrom('deadlines').select('id').where('subject_type', '=', 'normative_document').where('subject_id', '=', String(d.id)).where('kind', '=', 'normative.expiry').where('status', '<>', 'closed').executeTakeFirst();
          let deadlineId = open?.id ?? null;
          if (!open && i === 0) {
            const dl = await startDeadline(s, tx, SYSTEM_ACTOR, {
              module: 'normative',
              kind: 'normative.expiry',
              title: `有效期届满前评估是否继续实施：${d.title}（${d.expires_on}届满）`,
              subjectType: 'normative_document',
              subjectId: d.id,
              instanceId: d.instance_id,
              orgId: d.issuer_org_id,
              regionCode: d.region_code,
              startDate: today,
              period: { days: Math.max(0, parseIsoDate(d.expires_on!) - parseIsoDate(today)), unit: 'calendar' },
            });
            deadlineId = dl.id;
          }
          await ntx(tx).insertInto('normative_expiry_reminders').values({ document_id: d.id, days_before: days, reminded_on: today, deadline_id: deadlineId }).onConflict((oc) => oc.columns(['document_id', 'days_before']).doNothing()).execute();
          await recordAudit(tx, SYSTEM_ACTOR, { action: 'normative.expiry.remind', entityType: 'normative_document', entityId: d.id, orgId: d.issuer_org_id, after: { daysBefore: days, expiresOn: d.expires_on, regNumber: d.reg_number } });
          reminded++;
        }
      });
      if (batch.length < BATCH) break;
    }
  }
  return { expired, reminded };
}

/** Documents of the caller's bodies due to expire within `days` days (the 到期提醒 list). */
export async function expiringDocuments(s: Services, actor: Actor, days: number) {
  const today = s.today();
  return ndb(s.db)
    .selectFrom('normative_documents as d')
    .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
    .select(['d.id', 'd.title', 'd.reg_number', 'i.name as issuer_name', 'd.expires_on', 'd.status'])
    .select(sql<boolean>`exists (select 1 from normative_evaluations e where e.document_id = d.id)`.as('evaluated'))
    .where('d.status', 'in', [...IN_FORCE])
    .where('d.expires_on', '>=', today)
    .where('d.expires_on', '<=', addCalendarDays(today, days))
    .where(orgScopeFilter(actor, 'normative.read', sql.ref('d.issuer_org_id')))
    .orderBy('d.expires_on')
    .limit(500)
    .execute();
}

const DOC = { zh: '规范性文件', en: 'Normative document' };

/**
 * 施行后评估 (seed 002 #14; seed 003 篇5: after one year): the issuing body records its
 * conclusion. "continue" before expiry means re-issuing (a new draft that replaces this
 * one); the evaluation closes the expiry-evaluation deadline.
 */
export async function evaluateDocument(s: Services, actor: Actor, id: number, input: { conclusion: 'continue' | 'revise' | 'abolish'; report: string }) {
  if (!input.report.trim()) throw badInput('report_empty', 'report', { zh: '评估报告不能为空', en: 'The evaluation report is empty' });
  return s.tx(async (tx) => {
    const t = ntx(tx);
    const doc = await t.selectFrom('normative_documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!doc) throw notFound(DOC);
    await assertOrgInScope(tx, actor, 'normative.draft', doc.issuer_org_id, DOC);
    if (!IN_FORCE.includes(doc.status)) throw conflict('not_in_force', { zh: '只有现行有效的文件可以评估', en: 'Only a document in force is evaluated' });
    const row = await t.insertInto('normative_evaluations').values({ document_id: id, org_id: doc.issuer_org_id, conclusion: input.conclusion, report: input.report.trim(), evaluated_on: s.today(), evaluated_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    const open = await tx.selectFrom('deadlines').select('id').where('subject_type', '=', 'normative_document').where('subject_id', '=', String(id)).where('kind', '=', 'normative.expiry').where('status', '<>', 'closed').execute();
    for (const d of open) await closeDeadline(s, tx, actorForAudit(actor), d.id, '已完成评估');
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.evaluate', entityType: 'normative_document', entityId: id, orgId: doc.issuer_org_id, after: row });
    return row;
  });
}

// ── 清理 cleanup campaigns ──────────────────────────────────────────────────────

const CLEANUP = { zh: '清理', en: 'Cleanup' };

/**
 * A cleanup campaign of a body (seed 000 §2(二)5 every 3 years; seed 002 #19 dated
 * campaigns): every document in force issued by the body or the bodies under it becomes
 * an item to decide 保留 / 修改 / 废止 / 宣布失效; the campaign's due date is supervised.
 */
export async function createCleanup(s: Services, actor: Actor, input: { orgId: number; name: string; dueOn: string }) {
  const today = s.today();
  if (input.dueOn <= today) throw badInput('invalid_date', 'dueOn', { zh: '清理完成日期须晚于今天', en: 'The due date must be after today' });
  return s.tx(async (tx) => {
    const facts = await assertOrgInScope(tx, actor, 'normative.publish', input.orgId, { zh: '机构', en: 'Organisation' });
    const org = await tx.selectFrom('orgs').select(['region_code', 'path']).where('id', '=', input.orgId).executeTakeFirstOrThrow();
    const t = ntx(tx);
    const c = await t.insertInto('normative_cleanups').values({ org_id: input.orgId, region_code: org.region_code, name: input.name.trim(), due_on: input.dueOn, created_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    const docs = await t
      .selectFrom('normative_documents as d')
      .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
      .select('d.id')
      .where('d.status', 'in', [...IN_FORCE])
      .where('i.path', 'like', `${facts.path}%`)
      .execute();
    if (!docs.length) throw conflict('cleanup_nothing', { zh: '该机关及其下级没有现行有效的规范性文件，无需清理', en: 'No document in force to clean up' });
    await t.insertInto('normative_cleanup_items').values(docs.map((d) => ({ cleanup_id: c.id, document_id: d.id }))).execute();
    await startDeadline(s, tx, actorForAudit(actor), {
      module: 'normative',
      kind: 'normative.cleanup',
      title: `规范性文件清理：${c.name}`,
      subjectType: 'normative_cleanup',
      subjectId: c.id,
      orgId: input.orgId,
      regionCode: org.region_code,
      startDate: today,
      period: { days: parseIsoDate(input.dueOn) - parseIsoDate(today), unit: 'calendar' },
    });
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.cleanup.create', entityType: 'normative_cleanup', entityId: c.id, orgId: input.orgId, after: { ...c, items: docs.length } });
    return { ...c, items: docs.length };
  });
}

export async function listCleanups(s: Services, actor: Actor) {
  return ndb(s.db)
    .selectFrom('normative_cleanups as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.name', 'c.org_id', 'o.name as org_name', 'c.due_on', 'c.status', 'c.published_on'])
    .select(sql<number>`(select count(*)::int from normative_cleanup_items i where i.cleanup_id = c.id)`.as('items'))
    .select(sql<number>`(select count(*)::int from normative_cleanup_items i where i.cleanup_id = c.id and i.decision is not null)`.as('decided'))
    .where(orgScopeFilter(actor, 'normative.read', sql.ref('c.org_id')))
    .orderBy('c.id', 'desc')
    .execute();
}

async function cleanupItems(s: Services, id: number) {
  return ndb(s.db)
    .selectFrom('normative_cleanup_items as it')
    .innerJoin('normative_documents as d', 'd.id', 'it.document_id')
    .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
    .select(['it.document_id', 'd.title', 'd.reg_number', 'i.name as issuer_name', 'd.status', 'd.expires_on', 'it.decision', 'it.reason', 'it.decided_at'])
    .where('it.cleanup_id', '=', id)
    .orderBy('d.reg_year')
    .orderBy('d.reg_seq')
    .execute();
}

export async function getCleanup(s: Services, actor: Actor, id: number) {
  const c = await ndb(s.db).selectFrom('normative_cleanups as c').innerJoin('orgs as o', 'o.id', 'c.org_id').selectAll('c').select('o.name as org_name').where('c.id', '=', id).executeTakeFirst();
  if (!c) throw notFound(CLEANUP);
  await assertOrgInScope(s.db, actor, 'normative.read', c.org_id, CLEANUP);
  return { ...c, items: await cleanupItems(s, id) };
}

export async function decideCleanupItem(s: Services, actor: Actor, id: number, documentId: number, input: { decision: CleanupDecision; reason?: string }) {
  if (input.decision !== 'keep' && !input.reason?.trim()) throw badInput('reason_required', 'reason', { zh: '修改、废止或宣布失效的，须说明理由', en: 'A reason is required unless the document is kept' });
  return s.tx(async (tx) => {
    const t = ntx(tx);
    const c = await t.selectFrom('normative_cleanups').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw notFound(CLEANUP);
    await assertOrgInScope(tx, actor, 'normative.publish', c.org_id, CLEANUP);
    if (c.status !== 'open') throw conflict('cleanup_published', { zh: '清理结果已公布，不能修改', en: 'The results are published' });
    const item = await t.selectFrom('normative_cleanup_items').selectAll().where('cleanup_id', '=', id).where('document_id', '=', documentId).executeTakeFirst();
    if (!item) throw notFound({ zh: '清理范围内的文件', en: 'Document of this cleanup' }, 'documentId');
    const after = await t.updateTable('normative_cleanup_items').set({ decision: input.decision, reason: input.reason?.trim() || null, decided_by: actor.userId, decided_at: s.now() }).where('cleanup_id', '=', id).where('document_id', '=', documentId).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.cleanup.decide', entityType: 'normative_cleanup', entityId: id, orgId: c.org_id, before: item, after });
    return after;
  });
}

/**
 * Publishes the results (清理结果向社会公布): every item must be decided; 废止 and 宣布失效
 * take the documents out of force through the procedure's system steps.
 */
export async function publishCleanup(s: Services, actor: Actor, id: number) {
  return s.tx(async (tx) => {
    const t = ntx(tx);
    const c = await t.selectFrom('normative_cleanups').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw notFound(CLEANUP);
    await assertOrgInScope(tx, actor, 'normative.publish', c.org_id, CLEANUP);
    if (c.status !== 'open') throw conflict('cleanup_published', { zh: '清理结果已公布', en: 'Already published' });
    const items = await t.selectFrom('normative_cleanup_items as it').innerJoin('normative_documents as d', 'd.id', 'it.document_id').select(['it.document_id', 'it.decision', 'it.reason', 'd.instance_id']).where('it.cleanup_id', '=', id).execute();
    const undecided = items.filter((i) => !i.decision).length;
    if (undecided) throw conflict('cleanup_incomplete', { zh: `尚有 ${undecided} 件文件未作出清理决定`, en: `${undecided} documents are undecided` });
    for (const i of items) {
      if (i.decision === 'abolish') await executeSystemTransition(s, tx, i.instance_id!, 'cleanup_abolish', `${c.name}：决定废止。${i.reason ?? ''}`);
      if (i.decision === 'declare_invalid') await executeSystemTransition(s, tx, i.instance_id!, 'cleanup_invalid', `${c.name}：宣布失效。${i.reason ?? ''}`);
    }
    const after = await t.updateTable('normative_cleanups').set({ status: 'published', published_on: s.today() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const open = await tx.selectFrom('deadlines').select('id').where('subject_type', '=', 'normative_cleanup').where('subject_id', '=', String(id)).where('status', '<>', 'closed').execute();
    for (const d of open) await closeDeadline(s, tx, actorForAudit(actor), d.id, '清理结果已公布');
    await recordAudit(tx, actorForAudit(actor), { action: 'normative.cleanup.publish', entityType: 'normative_cleanup', entityId: id, orgId: c.org_id, before: { status: c.status }, after: { status: after.status, items: items.length } });
    return after;
  });
}

/** Published cleanup results, for the portal. */
export async function publicCleanups(s: Services) {
  const list = await ndb(s.db)
    .selectFrom('normative_cleanups as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.name', 'o.name as org_name', 'c.published_on'])
    .where('c.status', '=', 'published')
    .orderBy('c.published_on', 'desc')
    .limit(50)
    .execute();
  return Promise.all(list.map(async (c) => ({ ...c, items: (await cleanupItems(s, c.id)).map(({ decided_at, ...rest }) => rest) })));
}

