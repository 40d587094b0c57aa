import type { Tx } from '../../core/db/client.ts';
import { sm3 } from '../../core/crypto/sm.ts';
import { canonicalJson } from '../../core/audit/canonical.ts';
import { etx } from './schema.ts';

/**
 * 全过程记录 (seed 002 #29; 国办发〔2018〕118号 (二)): each act of a case is appended with
 * its date, officers and content, and an SM3 digest of exactly what was recorded, so the
 * exported case file can be checked against the record.
 */
export async function appendRecord(
  tx: Tx,
  userId: number | null,
  c: { id: number; org_id: number },
  r: { kind: string; title: string; happenedOn: string; content: Record<string, unknown>; officerIds?: number[]; attachmentId?: string | null },
) {
  const body = { caseId: c.id, kind: r.kind, title: r.title, happenedOn: r.happenedOn, content: r.content, officerIds: r.officerIds ?? [], attachmentId: r.attachmentId ?? null };
  return etx(tx)
    .insertInto('enforcement_records')
    .values({ case_id: c.id, org_id: c.org_id, kind: r.kind, title: r.title, happened_on: r.happenedOn, content: JSON.stringify(r.content), officer_ids: r.officerIds ?? [], attachment_id: r.attachmentId ?? null, digest: sm3(canonicalJson(body)), recorded_by: userId && userId > 0 ? userId : null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The next number of a kind for a subject and year; one statement, so it is gap-free under concurrency. */
export async function nextNumber(tx: Tx, orgId: number, kind: string, year: number): Promise<number> {
  const row = await etx(tx)
    .insertInto('enforcement_number_seq')
    .values({ org_id: orgId, kind, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'kind', 'year']).doUpdateSet((eb) => ({ last_seq: eb('enforcement_number_seq.last_seq', '+', 1) })))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}
