import { describe, expect, it } from 'vitest';
import { hashPassword, passwordClasses, passwordProblem, verifyPassword } from './password.ts';

const policy = { minLength: 10, minClasses: 3 };

describe('password policy (GB/T 22239-2019 8.1.4.1 a)', () => {
  it('counts character classes', () => {
    expect(passwordClasses('abc')).toBe(1);
    expect(passwordClasses('abcDEF123!')).toBe(4);
  });
  it.each([
    ['Short1!', 'length'],
    ['alllowercaseletters', 'classes'],
    ['lowercase123456', 'classes'],
    ['Fazhi@2026demo', undefined],
    ['Abcdefgh12', undefined],
  ])('%s → %s', (pw, problem) => {
    const p = passwordProblem(pw, policy);
    if (!problem) expect(p).toBeUndefined();
    else expect(p?.en).toContain(problem === 'length' ? 'at least 10' : 'mix');
  });
  it('refuses a password containing the username', () => {
    expect(passwordProblem('Admin-2026-x', policy, 'admin')?.zh).toBe('口令不得包含用户名');
  });
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Fazhi@2026demo');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Fazhi@2026demo')).toBe(true);
    expect(await verifyPassword(h, 'fazhi@2026demo')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
