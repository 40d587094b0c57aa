import type { Tx } from '../db/client.ts';
import type { DeadlineUnit } from '../db/tables.ts';
import { conflict, DomainError } from '../http/errors.ts';
import type { Services } from '../services.ts';
import { recordAudit, type AuditActor } from '../audit/audit.ts';
import { resolveRule } from '../rules/service.ts';
import type { StatutoryCalendar } from './calendar.ts';

/** Maps a rule parameter's unit to the calendar's counting unit. */
export function deadlineUnitOf(ruleUnit: string): DeadlineUnit {
  if (ruleUnit === 'working_days') return 'working';
  if (ruleUnit === 'calendar_days') return 'calendar';
  if (ruleUnit === 'months') return 'month';
  throw new Error(`rule unit ${ruleUnit} is not a period`);
}

export interface StartDeadlineInput {
  module: string;
  kind: string;
  title: string;
  subjectType: string;
  subjectId: string | number;
  instanceId?: number | null;
  orgId: number;
  regionCode: string;
  assigneeUserId?: number | null;
  /** The triggering day; not counted (民法典 art. 201). */
  startDate: string;
  /** Either a rule parameter key (preferred: the period then carries its legal basis) … */
  ruleKey?: string;
  /** … or an explicit period (e.g. a deadline set by a leader) … */
  period?: { days: number; unit: DeadlineUnit };
  /**
   * … or a day fixed by a timetable (e.g. 自评材料12月25日前报送), kept as it is: it is a
   * date, not a period, so the rest-day rule for periods (民法典 art. 203) does not move it.
   */
  dueOn?: string;
}

export async function startDeadline(s: Services, tx: Tx, actor: AuditActor, input: StartDeadlineInput) {
  let days: number;
  let unit: DeadlineUnit;
  if (input.ruleKey) {
    const rule = await resolveRule(tx, input.ruleKey, input.regionCode, input.startDate);
    days = Number(rule.value);
    unit = deadlineUnitOf(rule.unit);
  } else if (input.period) {
    ({ days, unit } = input.period);
  } else if (input.dueOn) {
    days = Math.round((Date.parse(`${input.dueOn}T00:00:00Z`) - Date.parse(`${input.startDate}T00:00:00Z`)) / 86_400_000);
    unit = 'calendar';
  } else {
    throw new Error('a deadline needs a rule key, a period or a due day');
  }
  const cal = await s.calendar.get(tx);
  const r = input.dueOn && !input.ruleKey && !input.period ? { due: input.dueOn, provisional: false } : cal.add(input.startDate, days, unit);
  const row = await tx
    .insertInto('deadlines')
    .values({
      module: input.module,
      kind: input.kind,
      title: input.title,
      subject_type: input.subjectType,
      subject_id: String(input.subjectId),
      instance_id: input.instanceId ?? null,
      org_id: input.orgId,
      region_code: input.regionCode,
      assignee_user_id: input.assigneeUserId ?? null,
      rule_key: input.ruleKey ?? null,
      start_date: input.startDate,
      days,
      unit,
      due_date: r.due,
      provisional: r.provisional,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.insertInto('deadline_events').values({ deadline_id: row.id, event: 'start', on_date: input.startDate, due_after: r.due, actor_id: actor.userId }).execute();
  await recordAudit(tx, actor, { action: 'deadline.start', entityType: 'deadline', entityId: row.id, orgId: row.org_id, after: row });
  return row;
}

async function lockDeadline(tx: Tx, id: number) {
  const d = await tx.selectFrom('deadlines').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!d) throw new DomainError({ status: 404, code: 'not_found', title: '未找到', detail: '期限记录不存在', detail_en: 'Deadline not found' });
  return d;
}

/**
 * Pauses the clock (补正, third-party consultation, 中止): the paused time is not counted
 * (政府信息公开条例 arts. 30, 33 ¶3).
 */
export async function pauseDeadline(tx: Tx, actor: AuditActor, id: number, onDate: string, reason: string) {
  const d = await lockDeadline(tx, id);
  if (d.status !== 'open') throw conflict('deadline_not_open', { zh: '期限未处于计时状态，不能暂停', en: 'The deadline is not running' });
  const after = await tx.updateTable('deadlines').set({ status: 'paused', paused_since: onDate, version: d.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await tx.insertInto('deadline_events').values({ deadline_id: id, event: 'pause', on_date: onDate, due_before: d.due_date, reason, actor_id: actor.userId }).execute();
  await recordAudit(tx, actor, { action: 'deadline.pause', entityType: 'deadline', entityId: id, orgId: d.org_id, before: d, after });
  return after;
}

/** Shift of the due date after a pause from `since` to `resumeOn`, in the period's unit. */
export function resumedDue(cal: StatutoryCalendar, unit: DeadlineUnit, due: string, since: string, resumeOn: string) {
  if (unit === 'working') {
    const k = Math.max(0, cal.workingDaysBetween(since, resumeOn));
    return { ...cal.addWorkingDays(due, k), paused: k };
  }
  const k = Math.max(0, Math.round((Date.parse(resumeOn) - Date.parse(since)) / 86_400_000));
  return { ...cal.addCalendarDays(due, k), paused: k };
}

export async function resumeDeadline(s: Services, tx: Tx, actor: AuditActor, id: number, onDate: string, reason?: string) {
  const d = await lockDeadline(tx, id);
  if (d.status !== 'paused' || !d.paused_since) throw conflict('deadline_not_paused', { zh: '期限未暂停，不能恢复', en: 'The deadline is not paused' });
  const cal = await s.calendar.get(tx);
  const r = resumedDue(cal, d.unit, d.due_date, d.paused_since, onDate);
  const after = await tx
    .updateTable('deadlines')
    .set({ status: 'open', paused_since: null, paused_days: d.paused_days + r.paused, due_date: r.due, provisional: r.provisional, version: d.version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.insertInto('deadline_events').values({ deadline_id: id, event: 'resume', on_date: onDate, due_before: d.due_date, due_after: r.due, reason: reason ?? null, actor_id: actor.userId }).execute();
  await recordAudit(tx, actor, { action: 'deadline.resume', entityType: 'deadline', entityId: id, orgId: d.org_id, before: d, after });
  return after;
}

/** One extension with approval (e.g. 政府信息公开条例 art. 33: ≤ 20 working days, once). */
export async function extendDeadline(s: Services, tx: Tx, actor: AuditActor, id: number, days: number, reason: string) {
  const d = await lockDeadline(tx, id);
  if (d.status === 'closed') throw conflict('deadline_closed', { zh: '期限已办结，不能延长', en: 'The deadline is closed' });
  if (d.extended_days > 0) throw conflict('deadline_already_extended', { zh: '期限只能延长一次', en: 'A deadline can be extended only once' });
  const cal = await s.calendar.get(tx);
  const r = cal.add(d.due_date, days, d.unit);
  const after = await tx.updateTable('deadlines').set({ due_date: r.due, provisional: r.provisional, extended_days: days, version: d.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await tx.insertInto('deadline_events').values({ deadline_id: id, event: 'extend', on_date: s.today(), due_before: d.due_date, due_after: r.due, reason, actor_id: actor.userId }).execute();
  await recordAudit(tx, actor, { action: 'deadline.extend', entityType: 'deadline', entityId: id, orgId: d.org_id, before: d, after });
  return after;
}

export async function closeDeadline(s: Services, tx: Tx, actor: AuditActor, id: number, reason: string) {
  const d = await lockDeadline(tx, id);
  if (d.status === 'closed') return d;
  const after = await tx.updateTable('deadlines').set({ status: 'closed', closed_at: s.now(), close_reason: reason, paused_since: null, version: d.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await tx.insertInto('deadline_events').values({ deadline_id: id, event: 'close', on_date: s.today(), due_before: d.due_date, reason, actor_id: actor.userId }).execute();
  await recordAudit(tx, actor, { action: 'deadline.close', entityType: 'deadline', entityId: id, orgId: d.org_id, before: d, after });
  return after;
}
