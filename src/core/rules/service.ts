import type { Db, Tx } from '../db/client.ts';
import { DomainError } from '../http/errors.ts';
import type { RuleParamTable } from '../db/tables.ts';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { RuleParamSeed } from './types.ts';

export const NATIONAL = '000000';

export type RuleParamRow = Selectable<RuleParamTable>;

/** Jurisdictions from the most specific to national: township → county → city → province → national. */
export function jurisdictionChain(regionPath: string | null | undefined): string[] {
  const codes = (regionPath ?? '').split('/').filter(Boolean).reverse();
  return [...codes, NATIONAL];
}

/** Picks the parameter in force: the most specific jurisdiction, then the latest start. */
export function pickInForce(rows: RuleParamRow[], chain: string[], date: string): RuleParamRow | undefined {
  const valid = rows.filter((r) => r.effective_from <= date && (r.effective_to == null || r.effective_to >= date) && chain.includes(r.jurisdiction));
  valid.sort((a, b) => chain.indexOf(a.jurisdiction) - chain.indexOf(b.jurisdiction) || (a.effective_from < b.effective_from ? 1 : -1));
  return valid[0];
}

export async function regionPathOf(db: Db | Tx, regionCode: string): Promise<string | undefined> {
  const r = await db.selectFrom('regions').select('path').where('code', '=', regionCode).executeTakeFirst();
  return r?.path;
}

/** The row of `key` in force for `regionCode` on `date` (YYYY-MM-DD). */
export async function resolveRule(db: Db | Tx, key: string, regionCode: string | null, date: string): Promise<RuleParamRow> {
  // One round trip: the region's path (its chain of jurisdictions) comes with the rows.
  const region = regionCode && regionCode !== NATIONAL ? regionCode : null;
  const { rows } = await sql<RuleParamRow & { region_path: string | null }>`
    with r as (select path from regions where code = ${region})
    select p.*, (select path from r) as region_path
    from rule_params p
    where p.key = ${key}
      and (p.jurisdiction = ${NATIONAL} or p.jurisdiction = any(string_to_array(trim(both '/' from (select path from r)), '/')))`.execute(db);
  const chain = jurisdictionChain(rows[0]?.region_path);
  const row = pickInForce(rows, chain, date);
  if (row) delete (row as { region_path?: unknown }).region_path;
  if (!row) {
    throw new DomainError({
      status: 422,
      code: 'rule_param_missing',
      title: '规则参数缺失',
      detail: `规则参数 ${key} 在 ${date} 对 ${regionCode ?? '全国'} 没有生效的取值，请系统管理员配置`,
      detail_en: `Rule parameter ${key} has no value in force for ${regionCode ?? 'national'} on ${date}`,
      field: key,
    });
  }
  return row;
}

export async function ruleValue<T = unknown>(db: Db | Tx, key: string, regionCode: string | null, date: string): Promise<T> {
  return (await resolveRule(db, key, regionCode, date)).value as T;
}

/** Inserts declared parameters that are not yet present (idempotent; never overwrites edits). */
export async function seedRuleParams(tx: Tx, seeds: RuleParamSeed[], defaultFrom = '2000-01-01'): Promise<number> {
  let added = 0;
  for (const s of seeds) {
    const jurisdiction = s.jurisdiction ?? NATIONAL;
    const from = s.effectiveFrom ?? defaultFrom;
    const exists = await tx
      .selectFrom('rule_params')
      .select('id')
      .where('key', '=', s.key)
      .where('jurisdiction', '=', jurisdiction)
      .where('effective_from', '=', from)
      .executeTakeFirst();
    if (exists) continue;
    await tx
      .insertInto('rule_params')
      .values({
        key: s.key,
        name: s.name,
        value: JSON.stringify(s.value),
        unit: s.unit,
        jurisdiction,
        effective_from: from,
        basis_law: s.basis.law,
        basis_article: s.basis.article ?? null,
        basis_quote: s.basis.quote ?? null,
        note: s.note ?? null,
      })
      .execute();
    added++;
  }
  return added;
}

/**
 * The value of rule `key` in force on `date` for the region in the SQL expression `regionCode`,
 * as a scalar subquery (jsonb scalar as text): what resolveRule picks — the most specific
 * jurisdiction of the region's chain, then the latest start — for use inside a query that
 * reads many rows of many regions (e.g. a metric's records). Null when none is in force.
 */
export function ruleValueSql(key: string, regionCode: RawBuilder<unknown>, date: string): RawBuilder<string | null> {
  const chain = sql`string_to_array(trim(both '/' from rg.path), '/')`;
  return sql<string | null>`(select p.value #>> '{}' from rule_params p left join regions rg on rg.code = ${regionCode}
    where p.key = ${key} and p.effective_from <= ${date}::date and (p.effective_to is null or p.effective_to >= ${date}::date)
      and (p.jurisdiction = ${NATIONAL} or p.jurisdiction = any(${chain}))
    order by array_position(${chain}, p.jurisdiction::text) desc nulls last, p.effective_from desc limit 1)`;
}
