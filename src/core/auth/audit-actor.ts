import { recordAudit, type AuditActor, type AuditInput } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import type { Actor } from '../policy/actor.ts';

export function actorForAudit(actor: Actor): AuditActor {
  return { userId: actor.userId, name: `${actor.displayName}(${actor.username})` };
}

/** Records a change made by a signed-in user in the audit chain. */
export const auditBy = (tx: Tx, actor: Actor, input: AuditInput) => recordAudit(tx, actorForAudit(actor), input);
