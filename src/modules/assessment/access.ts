import { sql } from 'kysely';
import type { Actor } from '../../core/policy/actor.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { notFound } from '../../core/http/errors.ts';
import { adb } from './schema.ts';

export const ROUND = { zh: '考核', en: 'Assessment round' };

/**
 * Who is reading a round's sheets: the organising office sees every organisation's; an
 * assessed organisation sees only its own — `orgId` when given, else it must be one of the
 * round's. Anyone else is told the round does not exist.
 */
export async function sheetReader(db: Db | Tx, actor: Actor, round: { id: number; org_id: number }, orgId?: number): Promise<'office' | 'self'> {
  try {
    await assertOrgInScope(db, actor, 'assessment.read', round.org_id, ROUND);
    return 'office';
  } catch {
    if (orgId != null) await assertOrgInScope(db, actor, 'assessment.self', orgId, ROUND);
    else {
      const member = await adb(db as Db).selectFrom('assessment_round_orgs').select('org_id').where('round_id', '=', round.id).where(orgScopeFilter(actor, 'assessment.self', sql.ref('org_id'))).limit(1).executeTakeFirst();
      if (!member) throw notFound(ROUND);
    }
    return 'self';
  }
}
