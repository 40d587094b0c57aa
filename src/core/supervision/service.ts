import { sql, type SqlBool, type Expression } from 'kysely';
import type { Services } from '../services.ts';
import type { Actor } from '../policy/actor.ts';
import { assertOrgInScope, orgScopeFilter } from '../policy/scope.ts';
import { ruleValue } from '../rules/service.ts';
import { lightOf, lightThresholds, type LightStatus } from './status.ts';
import { recordAudit } from '../audit/audit.ts';
import { closeDeadline, startDeadline } from '../calendar/deadlines.ts';
import { badInput, conflict, DomainError, forbidden, notFound } from '../http/errors.ts';
import { SEED004 } from '../rules/seeds.ts';
import { actorForAudit } from '../auth/audit-actor.ts';

export interface DeadlineFilter {
  view: 'mine' | 'scope';
  orgId?: number;
  regionCode?: string;
  status?: LightStatus;
  module?: string;
  limit?: number;
  offset?: number;
}

async function thresholds(s: Services, actor: Actor) {
  const cal = await s.calendar.get();
  const n = await ruleValue<number>(s.db, 'supervision.yellow_working_days', actor.regionCode, s.today());
  return lightThresholds(cal, s.today(), n);
}

function lightSql(t: { today: string; yellowUntil: string }) {
  return sql<LightStatus>`case when d.due_date < ${t.today}::date then 'red' when d.due_date <= ${t.yellowUntil}::date then 'yellow' else 'normal' end`;
}

/**
 * Open deadlines of every module in one query: the caller's own (assigned to them, or to
 * their organisation when nobody is named) or all within their supervision scope.
 */
export async function listDeadlines(s: Services, actor: Actor, f: DeadlineFilter) {
  const t = await thresholds(s, actor);
  const where = (eb: any): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [eb('d.status', '<>', 'closed')];
    if (f.view === 'mine') {
      const orgId = actor.currentOrgId ?? actor.orgId;
      conds.push(eb.or([eb('d.assignee_user_id', '=', actor.userId), eb.and([eb('d.assignee_user_id', 'is', null), eb('d.org_id', '=', orgId)])]));
    } else {
      conds.push(orgScopeFilter(actor, 'supervision.read', sql.ref('d.org_id')));
      if (f.orgId) conds.push(sql<SqlBool>`d.org_id in (select id from orgs where path like (select path from orgs where id = ${f.orgId}) || '%')`);
      if (f.regionCode) conds.push(sql<SqlBool>`d.region_code in (select code from regions where path like (select path from regions where code = ${f.regionCode}) || '%')`);
    }
    if (f.module) conds.push(eb('d.module', '=', f.module));
    if (f.status === 'red') conds.push(eb('d.due_date', '<', t.today));
    if (f.status === 'yellow') conds.push(eb.and([eb('d.due_date', '>=', t.today), eb('d.due_date', '<=', t.yellowUntil)]));
    if (f.status === 'normal') conds.push(eb('d.due_date', '>', t.yellowUntil));
    return eb.and(conds);
  };
  const base = s.db.selectFrom('deadlines as d').where(where);
  const [items, counts, byModule] = await Promise.all([
    base
      .innerJoin('orgs as o', 'o.id', 'd.org_id')
      .leftJoin('users as u', 'u.id', 'd.assignee_user_id')
      .select([
        'd.id', 'd.module', 'd.kind', 'd.title', 'd.subject_type', 'd.subject_id', 'd.instance_id', 'd.org_id', 'o.name as org_name',
        'd.region_code', 'd.assignee_user_id', 'u.display_name as assignee_name', 'd.start_date', 'd.days', 'd.unit', 'd.due_date',
        'd.provisional', 'd.status', 'd.rule_key', 'd.extended_days', 'd.paused_days',
      ])
      .orderBy('d.due_date')
      .orderBy('d.id')
      .limit(Math.min(f.limit ?? 50, 500))
      .offset(f.offset ?? 0)
      .execute(),
    s.db
      .selectFrom('deadlines as d')
      .where(where)
      .select([
        sql<number>`count(*) filter (where d.due_date < ${t.today}::date)::int`.as('red'),
        sql<number>`count(*) filter (where d.due_date >= ${t.today}::date and d.due_date <= ${t.yellowUntil}::date)::int`.as('yellow'),
        sql<number>`count(*) filter (where d.due_date > ${t.yellowUntil}::date)::int`.as('normal'),
      ])
      .executeTakeFirstOrThrow(),
    s.db
      .selectFrom('deadlines as d')
      .where(where)
      .select(['d.module', lightSql(t).as('light'), sql<number>`count(*)::int`.as('n')])
      .groupBy(['d.module', sql`2`])
      .execute(),
  ]);
  const modules = new Map<string, Record<LightStatus, number>>();
  for (const r of byModule) {
    const m = modules.get(r.module) ?? { normal: 0, yellow: 0, red: 0 };
    m[r.light] = r.n;
    modules.set(r.module, m);
  }
  const cal = await s.calendar.get();
  return {
    today: t.today,
    yellowUntil: t.yellowUntil,
    counts: { ...counts, total: counts.red + counts.yellow + counts.normal },
    byModule: [...modules.entries()].map(([module, c]) => ({ module, ...c })),
    items: items.map((d) => ({
      ...d,
      light: lightOf(d.due_date, t),
      // Working days left (negative: overdue by that many working days).
      workingDaysLeft: d.due_date >= t.today ? cal.workingDaysBetween(t.today, d.due_date) : -cal.workingDaysBetween(d.due_date, t.today),
    })),
  };
}

export async function getDeadline(s: Services, actor: Actor, id: number) {
  const d = await s.db.selectFrom('deadlines').selectAll().where('id', '=', id).executeTakeFirst();
  const mine = d && (d.assignee_user_id === actor.userId || (d.assignee_user_id == null && d.org_id === (actor.currentOrgId ?? actor.orgId)));
  if (!d) throw notFound({ zh: '期限', en: 'Deadline' });
  if (!mine) await assertOrgInScope(s.db, actor, 'supervision.read', d.org_id, { zh: '期限', en: 'Deadline' });
  const events = await s.db.selectFrom('deadline_events').selectAll().where('deadline_id', '=', id).orderBy('id').execute();
  return { ...d, events };
}

const LEVEL_NAMES = { reminder: '提醒', notice: '督办通知', interview: '约谈', circular: '通报' } as const;
type Level = keyof typeof LEVEL_NAMES;
/** 约谈 and 通报 are the last steps of 督办: they follow a 督办通知 on the same deadline that did not work. */
export const needsPriorNotice = (level: Level) => level === 'interview' || level === 'circular';

/** 督办: escalates an open deadline to a responsible person, who must acknowledge it. */
export async function issueNotice(s: Services, actor: Actor, input: { deadlineId: number; toUserId: number; level: Level; message: string }) {
  return s.tx(async (tx) => {
    const d = await tx.selectFrom('deadlines').selectAll().where('id', '=', input.deadlineId).executeTakeFirst();
    if (!d) throw notFound({ zh: '期限', en: 'Deadline' }, 'deadlineId');
    await assertOrgInScope(tx, actor, 'supervision.notice', d.org_id, { zh: '期限', en: 'Deadline' });
    if (d.status === 'closed') throw conflict('deadline_closed', { zh: '该事项已办结，无需督办', en: 'The item is already closed' }, 'deadlineId');
    if (needsPriorNotice(input.level) && !(await tx.selectFrom('supervision_notices').select('id').where('deadline_id', '=', d.id).where('level', '=', 'notice').executeTakeFirst())) {
      throw new DomainError({ status: 409, code: 'guard_refused', title: '不能越级督办', detail: `${LEVEL_NAMES[input.level]}须在对该事项发出督办通知之后`, detail_en: 'An interview or circular follows a supervision notice on the same item', field: 'level', rule: 'escalation_skipped', basis: { law: SEED004, article: '21', quote: '市监察局、市政府督查室等部门加强跟踪、督查，督促各级各部门加强执行力建设，狠抓工作落实' } });
    }
    const to = await tx.selectFrom('users').select(['id', 'org_id', 'display_name', 'active']).where('id', '=', input.toUserId).executeTakeFirst();
    if (!to || !to.active) throw badInput('invalid_recipient', 'toUserId', { zh: '督办对象不存在或已停用', en: 'The recipient does not exist or is inactive' });
    await assertOrgInScope(tx, actor, 'supervision.notice', to.org_id, { zh: '督办对象', en: 'Recipient' });
    const auditActor = actorForAudit(actor);
    const notice = await tx
      .insertInto('supervision_notices')
      .values({ deadline_id: d.id, level: input.level, org_id: d.org_id, region_code: d.region_code, to_user_id: to.id, issued_by: actor.userId, message: input.message })
      .returningAll()
      .executeTakeFirstOrThrow();
    const ack = await startDeadline(s, tx, auditActor, {
      module: 'core',
      kind: 'core.notice_ack',
      title: `${LEVEL_NAMES[input.level]}签收反馈：${d.title}`,
      subjectType: 'supervision_notice',
      subjectId: notice.id,
      orgId: to.org_id,
      regionCode: d.region_code,
      assigneeUserId: to.id,
      startDate: s.today(),
      ruleKey: 'supervision.notice_ack_working_days',
    });
    const after = await tx.updateTable('supervision_notices').set({ ack_deadline_id: ack.id }).where('id', '=', notice.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, auditActor, { action: 'supervision.notice.issue', entityType: 'supervision_notice', entityId: notice.id, orgId: d.org_id, after });
    return after;
  });
}

export async function acknowledgeNotice(s: Services, actor: Actor, id: number, note: string) {
  return s.tx(async (tx) => {
    const n = await tx.selectFrom('supervision_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!n || n.to_user_id !== actor.userId) {
      if (n) throw forbidden({ zh: '只有督办对象本人可以签收', en: 'Only the recipient can acknowledge the notice' }, 'not_recipient');
      throw notFound({ zh: '督办通知', en: 'Notice' });
    }
    if (n.acknowledged_at) throw conflict('already_acknowledged', { zh: '该督办通知已签收', en: 'The notice was already acknowledged' });
    const auditActor = actorForAudit(actor);
    const after = await tx.updateTable('supervision_notices').set({ acknowledged_at: s.now(), ack_note: note, version: n.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (n.ack_deadline_id) await closeDeadline(s, tx, auditActor, n.ack_deadline_id, '已签收反馈');
    await recordAudit(tx, auditActor, { action: 'supervision.notice.acknowledge', entityType: 'supervision_notice', entityId: id, orgId: n.org_id, before: n, after });
    return after;
  });
}

export async function listNotices(s: Services, actor: Actor, f: { view: 'mine' | 'issued' | 'scope'; limit?: number; offset?: number }) {
  let q = s.db
    .selectFrom('supervision_notices as n')
    .innerJoin('deadlines as d', 'd.id', 'n.deadline_id')
    .innerJoin('users as t', 't.id', 'n.to_user_id')
    .innerJoin('users as i', 'i.id', 'n.issued_by')
    .select([
      'n.id', 'n.level', 'n.message', 'n.issued_at', 'n.acknowledged_at', 'n.ack_note', 'n.org_id', 'n.deadline_id', 'd.title as deadline_title',
      'd.due_date', 'd.module', 't.display_name as to_name', 'n.to_user_id', 'i.display_name as issued_by_name',
    ]);
  if (f.view === 'mine') q = q.where('n.to_user_id', '=', actor.userId);
  else if (f.view === 'issued') q = q.where('n.issued_by', '=', actor.userId);
  else q = q.where(orgScopeFilter(actor, 'supervision.read', sql.ref('n.org_id')));
  return q.orderBy('n.id', 'desc').limit(Math.min(f.limit ?? 50, 500)).offset(f.offset ?? 0).execute();
}
