import type { DataScope } from '../db/tables.ts';

export interface Grant {
  grantId: number;
  roleCode: string;
  roleName: string;
  orgId: number;
  orgName: string;
  orgPath: string;
  regionCode: string;
  regionPath: string;
  scope: DataScope;
  permissions: string[];
}

/** The caller of a request, resolved from the session (ctx.actor). */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  orgId: number;
  regionCode: string;
  sessionId: string;
  csrfToken: string;
  /** When set (org switcher), only the grants anchored at this organisation apply. */
  currentOrgId: number | null;
  allGrants: Grant[];
  grants: Grant[];
  permissions: Set<string>;
}

export function activeGrants(all: Grant[], currentOrgId: number | null): Grant[] {
  if (currentOrgId == null) return all;
  const at = all.filter((g) => g.orgId === currentOrgId);
  return at.length ? at : all;
}

export function permissionsOf(grants: Grant[]): Set<string> {
  return new Set(grants.flatMap((g) => g.permissions));
}
