import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/http/errors.ts';
import { conflictWith, drawExperts, seededRandom, type PoolExpert } from './expert-draw.ts';
import type { ExpertField } from './labels.ts';

const expert = (id: number, fields: ExpertField[], affiliation: string, over: Partial<PoolExpert> = {}): PoolExpert => ({ id, fields, affiliation, active: true, conflicts: [], ...over });
const subject = { subjectType: 'decision', subjectId: '7' };

const pool: PoolExpert[] = [
  expert(1, ['law'], '演示大学'),
  expert(2, ['law'], '演示大学'),
  expert(3, ['law'], '演示大学'),
  expert(4, ['law'], '明正律师事务所'),
  expert(5, ['economy'], '演示大学'),
  expert(6, ['economy', 'finance'], '市社科院'),
  expert(7, ['environment'], '环境科学研究院'),
  expert(8, ['environment'], '演示大学'),
  expert(9, ['engineering'], '设计院'),
  expert(10, ['law'], '市社科院', { active: false }),
  expert(11, ['law'], '明正律师事务所', { conflicts: [{ orgId: 501, description: '担任承办单位常年法律顾问' }] }),
  expert(12, ['economy'], '市社科院', { conflicts: [{ subjectType: 'decision', subjectId: '7', description: '其配偶为该项目投资方股东' }] }),
];
const request = { ...subject, counts: { law: 2, economy: 1, environment: 1 }, decidingOrgId: 500, undertakingOrgId: 501 };

describe('drawing experts (seed 002 #23; seed 003 篇6 §2(三))', () => {
  it('draws the requested number per field, each expert once', () => {
    const r = drawExperts(pool, request, 'seed-1');
    const count = (f: string) => r.drawn.filter((d) => d.field === f).length;
    expect([count('law'), count('economy'), count('environment')]).toEqual([2, 1, 1]);
    expect(new Set(r.drawn.map((d) => d.expertId)).size).toBe(4);
  });

  it('is reproducible with its seed, whatever the order of the pool', () => {
    const a = drawExperts(pool, request, 'seed-1');
    const b = drawExperts([...pool].reverse(), request, 'seed-1');
    expect(b).toEqual(a);
    const draws = new Set(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map((s) => JSON.stringify(drawExperts(pool, request, s).drawn.map((d) => d.expertId))));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('excludes conflicts with the deciding body, the undertaking unit or the subject, inactive and already drawn experts, saying why', () => {
    const r = drawExperts(pool, { ...request, alreadyAssigned: [1] }, 'x');
    const why = new Map(r.excluded.map((e) => [e.expertId, e]));
    expect(why.get(10)?.reason).toBe('inactive');
    expect(why.get(11)).toMatchObject({ reason: 'conflict', detail: '担任承办单位常年法律顾问' });
    expect(why.get(12)).toMatchObject({ reason: 'conflict', detail: '其配偶为该项目投资方股东' });
    expect(why.get(1)?.reason).toBe('already_drawn');
    expect(why.get(9)?.reason).toBe('not_requested');
    for (const id of [1, 10, 11, 12]) expect(r.drawn.map((d) => d.expertId)).not.toContain(id);
    // Everyone of the pool is either drawn or excluded with a reason.
    expect(r.drawn.length + r.excluded.length).toBe(pool.length);
    expect(r.excluded.filter((e) => e.reason === 'field_full').every((e) => e.detail)).toBe(true);
  });

  it('a conflict with another body or subject does not exclude', () => {
    expect(conflictWith(pool[10], { subjectType: 'decision', subjectId: '8', decidingOrgId: 500, undertakingOrgId: 502 })).toBeUndefined();
    expect(conflictWith(pool[11], { subjectType: 'decision', subjectId: '8' })).toBeUndefined();
  });

  it('balances affiliations within a field where possible', () => {
    // Law: three from 演示大学, one from 明正律师事务所 → two places go to one of each, for any seed.
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) {
      const law = drawExperts(pool, request, seed).drawn.filter((d) => d.field === 'law');
      expect(new Set(law.map((d) => d.affiliation)).size, seed).toBe(2);
    }
  });

  it('refuses when a field has too few candidates, naming the field', () => {
    let err: DomainError | undefined;
    try {
      drawExperts(pool, { ...request, counts: { law: 2, engineering: 2 } }, 'x');
    } catch (e) {
      err = e as DomainError;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect(err!.status).toBe(409);
    expect(err!.code).toBe('experts_not_enough');
    expect(err!.field).toBe('counts.engineering');
    expect(err!.detail).toContain('工程技术领域需要 2 名，仅有 1 名');
  });

  it('does not spend a multi-field expert where a single-field one serves', () => {
    // Finance has one candidate (6), who is also an economist: economy must go to 5.
    const r = drawExperts(pool, { ...subject, counts: { economy: 1, finance: 1 } }, 'z');
    expect(r.drawn).toEqual(expect.arrayContaining([{ expertId: 6, field: 'finance', affiliation: '市社科院' }, { expertId: 5, field: 'economy', affiliation: '演示大学' }]));
  });

  it('the generator depends on the seed only', () => {
    const a = seededRandom('abc');
    const b = seededRandom('abc');
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
