import type { Tx } from '../../core/db/client.ts';
import { badInput } from '../../core/http/errors.ts';
import { isValidIsoDate } from '../../core/calendar/dates.ts';
import { checkNotFuture } from '../../core/http/checks.ts';

/** A date field that must be a real calendar day (the schema checks only its shape). */
export function checkDate(value: string | null | undefined, field: string) {
  if (value && !isValidIsoDate(value)) throw badInput('invalid_date', field, { zh: `日期无效：${value}`, en: `Invalid date ${value}` });
}

/** Dates that must not run backwards (e.g. valid-from before valid-until). */
export function checkOrder(earlier: string | null | undefined, later: string | null | undefined, field: string, what: { zh: string; en: string }) {
  if (earlier && later && later < earlier) throw badInput('dates_out_of_order', field, what);
}

/** A date of an act that has happened: not in the future. */
export function checkPast(value: string, today: string, field: string) {
  checkDate(value, field);
  checkNotFuture(value, today, field);
}

export { auditBy as audit } from '../../core/auth/audit-actor.ts';

export const orgRegion = async (tx: Tx, orgId: number) => (await tx.selectFrom('orgs').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow()).region_code;
