import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds, makeEnv, type TestEnv } from './helpers.ts';
import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from '../src/core/audit/audit.ts';

describe.each(kinds)('audit chain in transactions on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await makeEnv(kind, { demo: false });
  });
  afterAll(async () => env?.close());

  const head = async () => env.s.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();

  it('chains the entries of a transaction in the order they were recorded, at commit', async () => {
    const before = await head();
    await env.s.tx(async (tx) => {
      for (const n of [1, 2, 3]) await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.step', entityType: 'test', entityId: n });
    });
    const rows = await env.s.db.selectFrom('audit_log').select(['seq', 'entity_id', 'prev_hash', 'hash']).where('seq', '>', before.seq).orderBy('seq').execute();
    expect(rows.map((r) => r.entity_id)).toEqual(['1', '2', '3']);
    expect(rows[0].prev_hash).toBe(before.hash);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect((await head()).seq).toBe(before.seq + 3);
    expect((await verifyAuditChain(env.s.db)).ok).toBe(true);
  });

  it('leaves no entry and an unchanged head when the transaction rolls back', async () => {
    const before = await head();
    await expect(
      env.s.tx(async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.rolled_back', entityType: 'test' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await head()).toEqual(before);
    expect(await env.s.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.rolled_back').execute()).toEqual([]);
  });

  it('keeps one unbroken chain under concurrent transactions', async () => {
    const before = await head();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        env.s.tx(async (tx) => {
          await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.concurrent', entityType: 'test', entityId: i });
          await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.concurrent', entityType: 'test', entityId: i });
        }),
      ),
    );
    expect((await head()).seq).toBe(before.seq + 40);
    const result = await verifyAuditChain(env.s.db);
    expect(result).toMatchObject({ ok: true, headSeq: before.seq + 40 });
  });
});
