import { describe, expect, it } from 'vitest';
import { grantCovers, hasGlobal, inScope } from './scope.ts';
import { activeGrants, permissionsOf, type Actor, type Grant } from './actor.ts';

const grant = (over: Partial<Grant>): Grant => ({ grantId: 1, roleCode: 'r', roleName: 'r', orgId: 5, orgName: '', orgPath: '/1/5/', regionCode: '990100', regionPath: '/990000/990100/', scope: 'own', permissions: ['x.read'], ...over });
const org = (id: number, path: string, regionPath: string) => ({ id, path, regionPath });

describe('data scope', () => {
  const self = org(5, '/1/5/', '/990000/990100/');
  const child = org(9, '/1/5/9/', '/990000/990100/990102/');
  const sibling = org(6, '/1/6/', '/990000/990100/');
  const otherCity = org(20, '/20/', '/990000/990200/');
  it.each([
    ['own', self, true],
    ['own', child, false],
    ['subtree', self, true],
    ['subtree', child, true],
    ['subtree', sibling, false],
    ['region', sibling, true],
    ['region', child, true],
    ['region', otherCity, false],
    ['all', otherCity, true],
  ] as const)('%s covers %o → %s', (scope, target, expected) => {
    expect(grantCovers(grant({ scope }), target)).toBe(expected);
  });

  it('a subtree prefix does not match a sibling whose id shares digits', () => {
    expect(grantCovers(grant({ scope: 'subtree', orgPath: '/1/5/' }), org(55, '/1/55/', '/990000/990100/'))).toBe(false);
  });

  it('applies only grants that carry the permission', () => {
    const actor = { grants: [grant({ scope: 'all', permissions: ['a'] }), grant({ scope: 'own', permissions: ['b'] })] } as Actor;
    expect(inScope(actor, 'b', otherCity)).toBe(false);
    expect(inScope(actor, 'a', otherCity)).toBe(true);
    expect(hasGlobal(actor, 'a')).toBe(true);
    expect(hasGlobal(actor, 'b')).toBe(false);
  });

  it('the org switcher narrows to the grants at the chosen organisation', () => {
    const all = [grant({ orgId: 5, permissions: ['a'] }), grant({ orgId: 7, permissions: ['b'] })];
    expect(permissionsOf(activeGrants(all, 7))).toEqual(new Set(['b']));
    expect(permissionsOf(activeGrants(all, null))).toEqual(new Set(['a', 'b']));
    expect(activeGrants(all, 99)).toEqual(all);
  });
});
