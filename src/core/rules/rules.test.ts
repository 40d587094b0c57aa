import { describe, expect, it } from 'vitest';
import { jurisdictionChain, pickInForce, type RuleParamRow } from './service.ts';
import { valueProblem } from './routes.ts';
import { coreRuleParams, localRuleParams, nationalRuleParams } from './seeds.ts';

const row = (jurisdiction: string, from: string, to: string | null, value: number) => ({ id: 1, key: 'k', name: 'k', value, unit: 'count', jurisdiction, effective_from: from, effective_to: to, basis_law: 'x', basis_article: null, basis_quote: null, note: null, version: 1, created_at: new Date(), updated_at: new Date() }) as RuleParamRow;

describe('rule parameters', () => {
  it('falls back township → county → city → province → national', () => {
    expect(jurisdictionChain('/990000/990100/990102/990171/')).toEqual(['990171', '990102', '990100', '990000', '000000']);
    expect(jurisdictionChain(undefined)).toEqual(['000000']);
  });
  it('picks the most specific jurisdiction in force on the date', () => {
    const chain = jurisdictionChain('/990000/990100/990102/');
    const rows = [row('000000', '2000-01-01', null, 30), row('990100', '2026-01-01', null, 15), row('990102', '2020-01-01', '2025-12-31', 20)];
    expect(pickInForce(rows, chain, '2025-06-01')?.value).toBe(20);
    expect(pickInForce(rows, chain, '2026-06-01')?.value).toBe(15);
    expect(pickInForce(rows, jurisdictionChain('/990000/990200/'), '2026-06-01')?.value).toBe(30);
    expect(pickInForce(rows, chain, '1999-01-01')).toBeUndefined();
  });
  it('checks values against their unit', () => {
    expect(valueProblem('working_days', 20)).toBeUndefined();
    expect(valueProblem('working_days', 2.5)).toBeDefined();
    expect(valueProblem('percent', 120)).toBeDefined();
    expect(valueProblem('date', '03-31')).toBeUndefined();
    expect(valueProblem('date', '13-01')).toBeDefined();
    expect(valueProblem('list', ['a'])).toBeUndefined();
  });
  it('every seeded parameter has a unique key and a legal basis', () => {
    const all = [...coreRuleParams, ...nationalRuleParams, ...localRuleParams];
    expect(new Set(all.map((r) => r.key)).size).toBe(all.length);
    for (const r of all) {
      expect(r.basis.law.length, r.key).toBeGreaterThan(3);
      expect(valueProblem(r.unit, r.value), r.key).toBeUndefined();
    }
  });
});
