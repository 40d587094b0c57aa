import type { Db, Tx } from '../../core/db/client.ts';
import { ndb } from './schema.ts';
import { IN_FORCE } from './states.ts';

/**
 * The only file other modules may import (STYLE.md convention 2). A normative document may
 * be cited as the basis of an administrative act only while it is published and in force
 * on the date of the act (seed 002 #19: 未经公布并列入继续有效目录的……不得作为行政管理的依据).
 */
export async function citableDocument(db: Db | Tx, ref: { id: number } | { regNumber: string }, onDate: string) {
  let q = ndb(db as Db)
    .selectFrom('normative_documents')
    .select(['id', 'title', 'reg_number', 'issuer_org_id', 'effective_on', 'expires_on', 'status'])
    .where('status', 'in', [...IN_FORCE])
    .where('effective_on', '<=', onDate)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', onDate)]));
  q = 'id' in ref ? q.where('id', '=', ref.id) : q.where('reg_number', '=', ref.regNumber);
  return (await q.executeTakeFirst()) ?? null;
}
