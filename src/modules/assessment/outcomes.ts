/**
 * 考核结果运用: what publication sets in motion (commendation, notification and rectification
 * with a supervised deadline, the consecutive-failure flag) and what it freezes.
 */
import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import { actorForAudit, auditBy as audit } from '../../core/auth/audit-actor.ts';
import { closeDeadline, startDeadline } from '../../core/calendar/deadlines.ts';
import { resolveRule } from '../../core/rules/service.ts';
import { adb, atx, type AssessmentRoundTable } from './schema.ts';
import { ROUND, sheetReader } from './access.ts';
import { consequencesOf, SOURCE_CONSEQUENCES } from './results-rules.ts';
import type { Grade } from './scoring.ts';
import type { RectificationIn } from './contract.ts';
import type { Selectable } from 'kysely';

type Round = Selectable<AssessmentRoundTable>;
const CONSEQUENCE = { zh: '考核结果运用事项', en: 'Consequence' };

/** The rule parameters a published round was graded under, with the row of each in force. */
export const FROZEN_PARAMS = ['assessment.grade_cutoffs', 'assessment.performance_weight_provincial_department', 'assessment.performance_weight_city_county_government', 'assessment.rectification_days', 'assessment.satisfaction_threshold'];

export async function frozenParams(tx: Tx, regionCode: string, date: string) {
  const out: Record<string, { id: number; value: unknown; jurisdiction: string; effectiveFrom: string; version: number }> = {};
  for (const key of FROZEN_PARAMS) {
    // A parameter a deployment has not seeded (e.g. surveys not yet in use) is simply not frozen.
    const row = await resolveRule(tx, key, regionCode, date).catch(() => null);
    if (row) out[key] = { id: row.id, value: row.value, jurisdiction: row.jurisdiction, effectiveFrom: row.effective_from, version: row.version };
  }
  return out;
}

/**
 * Records the consequences of each organisation's grade at publication; a rectification
 * starts its supervised deadline. The previous year's grade comes from the office's last
 * published round of year − 1 that assessed the same organisation.
 */
export async function recordConsequences(s: Services, tx: Tx, actor: Actor, round: Round, results: { orgId: number; grade: Grade | null }[]) {
  const previous = await atx(tx)
    .selectFrom('assessment_round_orgs as m')
    .innerJoin('assessment_rounds as r', 'r.id', 'm.round_id')
    .select(['m.org_id', 'm.grade'])
    .where('r.org_id', '=', round.org_id)
    .where('r.year', '=', round.year - 1)
    .where('r.status', '=', 'published')
    .where('m.org_id', 'in', results.length ? results.map((r) => r.orgId) : [0])
    .orderBy('r.published_on', 'asc')
    .execute();
  const lastGrade = new Map(previous.map((p) => [p.org_id, p.grade as Grade | null]));
  const orgs = new Map((await tx.selectFrom('orgs').select(['id', 'name', 'region_code']).where('id', 'in', results.length ? results.map((r) => r.orgId) : [0]).execute()).map((o) => [o.id, o]));
  const out: { orgId: number; kind: string }[] = [];
  for (const r of results) {
    for (const c of consequencesOf(r.grade, lastGrade.get(r.orgId))) {
      const org = orgs.get(r.orgId)!;
      const deadline =
        c.kind === 'rectification'
          ? await startDeadline(s, tx, actorForAudit(actor), { module: 'assessment', kind: 'assessment.rectification', title: `考核不合格限期整改：${org.name}（${round.name}）`, subjectType: 'assessment_round', subjectId: round.id, orgId: r.orgId, regionCode: org.region_code, startDate: s.today(), ruleKey: 'assessment.rectification_days' })
          : null;
      await atx(tx).insertInto('assessment_consequences').values({ round_id: round.id, org_id: r.orgId, kind: c.kind, basis: SOURCE_CONSEQUENCES, note: c.note, deadline_id: deadline?.id ?? null, status: c.kind === 'rectification' ? 'open' : 'done' }).execute();
      out.push({ orgId: r.orgId, kind: c.kind });
    }
  }
  return out;
}

/** The consequences of a round: the office sees all; an assessed organisation its own. */
export async function listConsequences(s: Services, actor: Actor, roundId: number) {
  const round = await adb(s.db).selectFrom('assessment_rounds').select(['id', 'org_id']).where('id', '=', roundId).executeTakeFirst();
  if (!round) throw notFound(ROUND);
  const reader = await sheetReader(s.db, actor, round);
  let q = adb(s.db)
    .selectFrom('assessment_consequences as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .leftJoin('deadlines as d', 'd.id', 'c.deadline_id')
    .select(['c.id', 'c.org_id', 'o.name as org_name', 'c.kind', 'c.basis', 'c.note', 'c.status', 'c.report', 'c.done_on', 'd.due_date', 'd.status as deadline_status'])
    .where('c.round_id', '=', roundId);
  if (reader === 'self') q = q.where(orgScopeFilter(actor, 'assessment.self', sql.ref('c.org_id')));
  return q.orderBy('c.org_id').orderBy('c.kind').execute();
}

/** The failed organisation reports its written rectification (书面整改意见); the deadline closes. */
export async function submitRectification(s: Services, actor: Actor, roundId: number, input: Static<typeof RectificationIn>) {
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'assessment.self', input.orgId, { zh: '被考核单位', en: 'Assessed organisation' });
    const c = await atx(tx).selectFrom('assessment_consequences').selectAll().where('round_id', '=', roundId).where('org_id', '=', input.orgId).where('kind', '=', 'rectification').forUpdate().executeTakeFirst();
    if (!c) throw notFound(CONSEQUENCE);
    if (c.status === 'done') throw conflict('rectification_done', { zh: '整改情况已报送', en: 'The rectification is already reported' });
    const after = await atx(tx).updateTable('assessment_consequences').set({ status: 'done', report: input.report, done_on: s.today() }).where('id', '=', c.id).returningAll().executeTakeFirstOrThrow();
    if (c.deadline_id) await closeDeadline(s, tx, actorForAudit(actor), c.deadline_id, '已报送书面整改意见');
    await audit(tx, actor, { action: 'assessment.rectification.report', entityType: 'assessment_round', entityId: roundId, orgId: input.orgId, before: c, after });
    return after;
  });
}
