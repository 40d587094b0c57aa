import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kinds, makeEnv, orgId, type TestEnv } from './helpers.ts';
import { reviewModule, reviewProcedure } from './fixtures/review-module.ts';
import { createInstance, describeInstance, executeSystemTransition, executeTransition, validateDefinition } from '../src/core/workflow/engine.ts';
import { verifyAuditChain } from '../src/core/audit/audit.ts';
import { DomainError } from '../src/core/http/errors.ts';
import type { Actor, Grant } from '../src/core/policy/actor.ts';
import { modules } from '../src/modules/index.ts';

function actorWith(userId: number, org: { id: number; path: string }, permissions: string[]): Actor {
  const g: Grant = { grantId: 0, roleCode: 'r', roleName: 'r', orgId: org.id, orgName: '', orgPath: org.path, regionCode: '990100', regionPath: '/990000/990100/', scope: 'subtree', permissions };
  return { userId, username: 'u', displayName: 'u', orgId: org.id, regionCode: '990100', sessionId: '', csrfToken: '', currentOrgId: null, allGrants: [g], grants: [g], permissions: new Set(permissions) };
}

describe('procedure definitions', () => {
  it('accepts the test definition and rejects broken ones', () => {
    expect(validateDefinition(reviewProcedure)).toEqual([]);
    const broken = { ...reviewProcedure, transitions: [...reviewProcedure.transitions, { code: 'x', name: { zh: 'x', en: 'x' }, from: ['adopted'], to: 'nowhere', permission: 'p' }] };
    const errors = validateDefinition(broken);
    expect(errors.some((e) => e.includes('nowhere'))).toBe(true);
    expect(errors.some((e) => e.includes('final'))).toBe(true);
  });
});

describe.each(kinds)('procedure engine on %s', (kind) => {
  let env: TestEnv;
  let org: { id: number; path: string };
  let full: Actor;
  let drafter: Actor;
  beforeAll(async () => {
    env = await makeEnv(kind, { modules: [...modules, reviewModule] });
    const id = await orgId(env.s, '演示市司法局');
    org = await env.s.db.selectFrom('orgs').select(['id', 'path']).where('id', '=', id).executeTakeFirstOrThrow();
    const uid = (await env.s.db.selectFrom('users').select('id').where('username', '=', 'legal').executeTakeFirstOrThrow()).id;
    full = actorWith(uid, org, ['test.draft', 'test.review', 'test.decide']);
    drafter = actorWith(uid, org, ['test.draft']);
  });
  afterAll(async () => env?.close());

  const newInstance = (title: string) => env.s.tx((tx) => createInstance(env.s, tx, full, { procedure: 'test.review', subjectId: title, title, orgId: org.id, regionCode: '990100' }));

  it('runs a transition in one transaction: state, history, deadlines, audit', async () => {
    const inst = await newInstance('事项一');
    const d0 = await describeInstance(env.s, full, inst.id);
    expect(d0.deadlines.map((d) => d.kind)).toEqual(['test.drafting']);
    expect(d0.transitions.map((t) => t.code).sort()).toEqual(['adopt', 'submit', 'withdraw']);
    expect(d0.transitions.find((t) => t.code === 'adopt')).toMatchObject({ allowed: false, refusal: { code: 'legality_review_required', basis: { article: '第二十七条' } } });
    const after = await executeTransition(env.s, full, inst.id, 'submit', { version: inst.version });
    expect(after).toMatchObject({ state: 'review', version: 2 });
    const d1 = await describeInstance(env.s, full, inst.id);
    expect(d1.history).toHaveLength(1);
    const kinds1 = Object.fromEntries(d1.deadlines.map((d) => [d.kind, d.status]));
    expect(kinds1).toEqual({ 'test.drafting': 'closed', 'test.review': 'open' });
    const review = d1.deadlines.find((d) => d.kind === 'test.review')!;
    expect(review).toMatchObject({ days: 7, unit: 'working' });
  });

  it('refuses a guarded transition with the rule and its article, changing nothing', async () => {
    const inst = await newInstance('事项二');
    const err = await executeTransition(env.s, full, inst.id, 'adopt', { version: inst.version }).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ status: 409, code: 'guard_refused', rule: 'legality_review_required', basis: { law: '重大行政决策程序暂行条例' } });
    expect(err.detail).toContain('未经合法性审查');
    const d = await describeInstance(env.s, full, inst.id);
    expect(d.instance).toMatchObject({ state: 'draft', version: 1 });
    expect(d.history).toHaveLength(0);
  });

  it('lists a step whose guard judges only its input as allowed, and applies that guard on execution', async () => {
    const inst = await newInstance('事项（输入守卫）');
    const d = await describeInstance(env.s, full, inst.id);
    expect(d.transitions.find((t) => t.code === 'withdraw')).toMatchObject({ allowed: true });
    const err = await executeTransition(env.s, full, inst.id, 'withdraw', { version: 1, data: { reason: 'whim' } }).catch((e) => e);
    expect(err).toMatchObject({ status: 409, code: 'guard_refused', rule: 'reason_not_acceptable' });
    expect(await executeTransition(env.s, full, inst.id, 'withdraw', { version: 1, data: { reason: '重复立项' } })).toMatchObject({ state: 'withdrawn' });
  });

  it('keeps system steps from users and takes them once for the platform', async () => {
    const inst = await newInstance('事项（系统步骤）');
    const d = await describeInstance(env.s, full, inst.id);
    expect(d.transitions.map((t) => t.code)).not.toContain('lapse');
    expect(await executeTransition(env.s, full, inst.id, 'lapse', { version: 1 }).catch((e) => e)).toMatchObject({ status: 409, code: 'system_only' });
    const after = await env.s.tx((tx) => executeSystemTransition(env.s, tx, inst.id, 'lapse', '逾期'));
    expect(after).toMatchObject({ state: 'withdrawn' });
    expect(await env.s.tx((tx) => executeSystemTransition(env.s, tx, inst.id, 'lapse', '逾期'))).toBeNull();
    const h = await describeInstance(env.s, full, inst.id);
    expect(h.history.at(-1)).toMatchObject({ transition: 'lapse', actor_id: null, note: '逾期' });
    expect(h.deadlines.every((x) => x.status === 'closed')).toBe(true);
  });

  it('refuses a stale version with 409 stale_version', async () => {
    const inst = await newInstance('事项三');
    await executeTransition(env.s, full, inst.id, 'submit', { version: 1 });
    const err = await executeTransition(env.s, full, inst.id, 'withdraw', { version: 1 }).catch((e) => e);
    expect(err).toMatchObject({ status: 409, code: 'stale_version' });
  });

  it("checks a step's data against its schema and undoes the whole step when the module's effect refuses", async () => {
    const inst = await newInstance('事项（数据与效果）');
    const bad = await executeTransition(env.s, full, inst.id, 'withdraw', { version: 1, data: { colour: 'red' } }).catch((e) => e);
    expect(bad).toMatchObject({ status: 400, code: 'invalid_input', field: 'data.colour' });
    const seq = (await env.s.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq;
    const refused = await executeTransition(env.s, full, inst.id, 'withdraw', { version: 1, data: { reason: 'boom' } }).catch((e) => e);
    expect(refused).toMatchObject({ status: 409, code: 'effect_refused' });
    const row = await env.s.db.selectFrom('procedure_instances').select(['state', 'version']).where('id', '=', inst.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'draft', version: 1 });
    expect((await env.s.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq).toBe(seq);
    expect(await executeTransition(env.s, full, inst.id, 'withdraw', { version: 1, data: { reason: '不再需要' } })).toMatchObject({ state: 'withdrawn' });
  });

  it('requires a note where the procedure demands a written reason', async () => {
    const inst = await newInstance('事项四');
    await executeTransition(env.s, full, inst.id, 'submit', { version: 1 });
    const err = await executeTransition(env.s, full, inst.id, 'pass', { version: 2 }).catch((e) => e);
    expect(err).toMatchObject({ status: 400, code: 'note_required', field: 'note' });
  });

  it('refuses a caller without the permission (403) and one out of scope (404)', async () => {
    const inst = await newInstance('事项五');
    await executeTransition(env.s, full, inst.id, 'submit', { version: 1 });
    const e1 = await executeTransition(env.s, drafter, inst.id, 'pass', { version: 2, note: 'ok' }).catch((e) => e);
    expect(e1).toMatchObject({ status: 403 });
    const other = await env.s.db.selectFrom('orgs').select(['id', 'path']).where('name', '=', '平山县司法局').executeTakeFirstOrThrow();
    const outsider = actorWith(full.userId, other, ['test.draft', 'test.review', 'test.decide']);
    const e2 = await executeTransition(env.s, outsider, inst.id, 'pass', { version: 2, note: 'ok' }).catch((e) => e);
    expect(e2).toMatchObject({ status: 404 });
  });

  it('property: no random sequence of transitions leaves an undeclared state, and the audit chain stays valid', async () => {
    const states = new Set(reviewProcedure.states.map((s) => s.code));
    const finals = new Set(reviewProcedure.states.filter((s) => s.final).map((s) => s.code));
    const codes = reviewProcedure.transitions.map((t) => t.code).concat(['nonexistent']);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ code: fc.constantFrom(...codes), who: fc.constantFrom('full', 'drafter'), stale: fc.boolean(), note: fc.boolean() }), { maxLength: 10 }),
        async (steps) => {
          const inst = await newInstance(`随机${kind}${n++}`);
          let state = inst.state;
          let version = inst.version;
          let applied = 0;
          for (const st of steps) {
            const actor = st.who === 'full' ? full : drafter;
            const t = reviewProcedure.transitions.find((x) => x.code === st.code);
            const expectOk = !!t && t.from.includes(state) && !st.stale && actor.permissions.has(t.permission) && (!t.requireNote || st.note) && (t.code !== 'adopt' || state === 'decision') && !t.system;
            try {
              const r = await executeTransition(env.s, actor, inst.id, st.code, { version: st.stale ? version + 7 : version, note: st.note ? '意见' : undefined });
              expect(expectOk).toBe(true);
              state = r.state;
              version = r.version;
              applied++;
            } catch (e) {
              expect(e).toBeInstanceOf(DomainError);
              expect(expectOk).toBe(false);
            }
            expect(states.has(state)).toBe(true);
          }
          const d = await describeInstance(env.s, full, inst.id);
          expect(d.instance.state).toBe(state);
          expect(d.history).toHaveLength(applied);
          if (finals.has(state)) {
            expect(d.transitions).toHaveLength(0);
            expect(d.deadlines.every((x) => x.status === 'closed')).toBe(true);
          }
        },
      ),
      { numRuns: kind === 'pglite' ? 25 : 15 },
    );
    const chain = await verifyAuditChain(env.s.db);
    expect(chain.ok).toBe(true);
  });
});
