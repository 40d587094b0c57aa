import type { Services } from './services.ts';
import { seedRuleParams } from './rules/service.ts';
import { BUILTIN_ROLES } from './permissions.ts';
import { chineseDaysExceptions, chineseDaysYears } from './calendar/seed.ts';
import { loadCalendarYears } from './calendar/service.ts';
import { recordAudit, SYSTEM_ACTOR } from './audit/audit.ts';
import type { PermissionDef } from './registry.ts';

/**
 * Base data every installation needs, applied idempotently on each start: rule parameters
 * declared by the core and the modules, the built-in roles with the permissions newly
 * declared for them, and the statutory calendar on first start.
 */
export async function ensureBaseData(s: Services) {
  await s.tx(async (tx) => {
    const seeds = s.registry.modules.flatMap((m) => m.ruleParams ?? []);
    const added = await seedRuleParams(tx, seeds);
    if (added) await recordAudit(tx, SYSTEM_ACTOR, { action: 'rule.seed', entityType: 'rule_param', after: { added } });

    for (const r of BUILTIN_ROLES) {
      await tx.insertInto('roles').values({ code: r.code, name: r.name, description: r.description, permissions: [], builtin: true }).onConflict((oc) => oc.column('code').doNothing()).execute();
    }
    // A permission is given to its default roles once; an administrator's later removal sticks.
    const meta = await tx.selectFrom('app_meta').select('value').where('key', '=', 'seeded_permissions').executeTakeFirst();
    const seeded = new Set<string>((meta?.value as string[]) ?? []);
    const fresh = s.registry.permissions.filter((p) => !seeded.has(p.code)) as (PermissionDef & { roles?: string[] })[];
    for (const p of fresh) {
      for (const role of p.roles ?? []) {
        const row = await tx.selectFrom('roles').select(['id', 'permissions']).where('code', '=', role).executeTakeFirst();
        if (row && !row.permissions.includes(p.code)) await tx.updateTable('roles').set({ permissions: [...row.permissions, p.code] }).where('id', '=', row.id).execute();
      }
      seeded.add(p.code);
    }
    if (fresh.length) {
      const value = JSON.stringify([...seeded].sort());
      await tx.insertInto('app_meta').values({ key: 'seeded_permissions', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute();
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'role.seed_permissions', entityType: 'role', after: fresh.map((p) => p.code) });
    }

    const years = await tx.selectFrom('calendar_years').select('year').limit(1).execute();
    if (!years.length) {
      const y = chineseDaysYears();
      await loadCalendarYears(tx, chineseDaysExceptions(), y, 'chinese-days');
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'calendar.seed', entityType: 'calendar', after: { years: `${y[0]}–${y.at(-1)}`, source: 'chinese-days' } });
    }
  });
}
