import type { Insertable } from 'kysely';
import type { Services } from '../../core/services.ts';
import type { Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { createInstance } from '../../core/workflow/engine.ts';
import { ntx, type NormativeDocumentTable } from './schema.ts';
import { searchVector } from './text-search.ts';

/**
 * A document that already stands at some point of its life (an office's register, the demo
 * city): its row with the search text, and its procedure instance put in that state with
 * one history entry saying where it came from — not steps it never took here.
 */
export async function registerExistingDocument(s: Services, tx: Tx, actor: Actor, values: Insertable<NormativeDocumentTable> & { status: string }, history: { note: string; by: number | null }) {
  const t = ntx(tx);
  const doc = await t
    .insertInto('normative_documents')
    .values({ ...values, search_vector: searchVector(values.title, values.body) } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
  const inst = await createInstance(s, tx, actor, { procedure: 'normative.document', subjectId: doc.id, title: doc.title, orgId: doc.org_id, regionCode: doc.region_code });
  if (values.status !== inst.state) {
    await tx.updateTable('procedure_instances').set({ state: values.status }).where('id', '=', inst.id).execute();
    await tx.insertInto('procedure_history').values({ instance_id: inst.id, transition: 'import', from_state: inst.state, to_state: values.status, actor_id: history.by, note: history.note, data: '{}' }).execute();
  }
  await t.updateTable('normative_documents').set({ instance_id: inst.id }).where('id', '=', doc.id).execute();
  return { ...doc, instance_id: inst.id };
}
