import type { AuditActor } from '../audit/audit.ts';
import type { Actor } from '../policy/actor.ts';

export function actorForAudit(actor: Actor): AuditActor {
  return { userId: actor.userId, name: `${actor.displayName}(${actor.username})` };
}
