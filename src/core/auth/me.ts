import type { Services } from '../services.ts';
import type { Actor } from '../policy/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { actorForAudit } from './audit-actor.ts';

/** What the web app needs to draw itself: who, where, which grants and permissions. */
export async function meView(s: Services, actor: Actor) {
  const org = await s.db.selectFrom('orgs').select(['id', 'name']).where('id', '=', actor.orgId).executeTakeFirstOrThrow();
  const user = await s.db.selectFrom('users').select(['must_change_password', 'title']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, orgId: actor.orgId, orgName: org.name, regionCode: actor.regionCode, title: user.title, mustChangePassword: user.must_change_password },
    currentOrgId: actor.currentOrgId,
    grants: actor.allGrants.map((g) => ({ grantId: g.grantId, roleCode: g.roleCode, roleName: g.roleName, orgId: g.orgId, orgName: g.orgName, scope: g.scope, active: actor.grants.includes(g) })),
    permissions: [...actor.permissions].sort(),
    csrfToken: actor.csrfToken,
  };
}

export async function switchOrg(s: Services, actor: Actor, orgId: number | null) {
  await s.tx(async (tx) => {
    await tx.updateTable('sessions').set({ current_org_id: orgId }).where('id', '=', actor.sessionId).execute();
    await recordAudit(tx, actorForAudit(actor), { action: 'auth.switch_org', entityType: 'user', entityId: actor.userId, orgId: actor.orgId, before: { currentOrgId: actor.currentOrgId }, after: { currentOrgId: orgId } });
  });
}
