import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { auditBy as audit } from '../../core/auth/audit-actor.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput } from '../../core/http/errors.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { pdb, ptx } from './schema.ts';
import { meetingLight } from './meeting-rules.ts';
import { MEETING_KIND_LABELS, MEETING_RULES, type MeetingKind } from './labels.ts';
import type { MeetingIn, MeetingQuery } from './contract.ts';
import { checkNotFuture } from '../../core/http/checks.ts';

/** The organisations that owe the meetings: people's governments (seed 001 四(一): 市和县（市、区）人民政府). */
const OWING_TYPE = 'people_government';

/** 会议记录: a required meeting held, with its minutes; only a government owes and records them. */
export async function recordMeeting(s: Services, actor: Actor, input: Static<typeof MeetingIn>) {
  checkNotFuture(input.heldOn, s.today(), 'heldOn');
  return s.tx(async (tx) => {
    await assertOrgInScope(tx, actor, 'plans.manage', input.orgId, { zh: '召开会议的政府', en: 'Government' });
    const org = await tx.selectFrom('orgs').select(['region_code', 'org_type']).where('id', '=', input.orgId).executeTakeFirstOrThrow();
    if (org.org_type !== OWING_TYPE) throw badInput('not_a_government', 'orgId', { zh: '须由人民政府召开并记录', en: "A people's government holds these meetings" });
    const row = await ptx(tx)
      .insertInto('plan_meetings')
      .values({ org_id: input.orgId, region_code: org.region_code, kind: input.kind, held_on: input.heldOn, title: input.title.trim(), minutes: input.minutes.trim(), recorded_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'plans.meeting.record', entityType: 'plan_meeting', entityId: row.id, orgId: input.orgId, after: row });
    return row;
  });
}

/**
 * The year's obligations of each government in scope: held against the rule's minimum per
 * kind, with the light (yellow in the last quarter, red in December while short), and the
 * meetings themselves.
 */
export async function meetingObligations(s: Services, actor: Actor, q: Static<typeof MeetingQuery>) {
  const today = s.today();
  const year = q.year ?? Number(today.slice(0, 4));
  const govs = await pdb(s.db).selectFrom('orgs as o').select(['o.id', 'o.name', 'o.region_code']).where('o.org_type', '=', OWING_TYPE).where('o.active', '=', true).where(orgScopeFilter(actor, 'plans.read', sql.ref('o.id'))).orderBy('o.path').limit(500).execute();
  const meetings = govs.length
    ? await pdb(s.db).selectFrom('plan_meetings').select(['id', 'org_id', 'kind', 'held_on', 'title', 'minutes']).where('org_id', 'in', govs.map((g) => g.id)).where('held_on', '>=', `${year}-01-01`).where('held_on', '<=', `${year}-12-31`).orderBy('held_on').execute()
    : [];
  // Governments of one region share their rules: resolve each once.
  const rules = new Map<string, number>();
  const requiredIn = async (kind: MeetingKind, region: string) => {
    const key = `${kind}:${region}`;
    if (!rules.has(key)) rules.set(key, Number(await ruleValue(s.db, MEETING_RULES[kind], region, `${year}-12-31`)));
    return rules.get(key)!;
  };
  const rows = [];
  for (const g of govs) {
    const kinds = [];
    for (const kind of Object.keys(MEETING_RULES) as MeetingKind[]) {
      const required = await requiredIn(kind, g.region_code);
      const held = meetings.filter((m) => m.org_id === g.id && m.kind === kind);
      kinds.push({ kind, label: MEETING_KIND_LABELS[kind], required, held: held.length, met: held.length >= required, light: meetingLight(held.length, required, year, today), meetings: held });
    }
    rows.push({ org_id: g.id, org_name: g.name, kinds });
  }
  return { year, orgs: rows };
}
