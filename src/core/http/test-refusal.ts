import { expect } from 'vitest';
import { DomainError } from './errors.ts';

/**
 * For tests: the refusal a promise rejects with, which must be a DomainError with a 4xx
 * status — a client error the caller can act on, never a crash.
 */
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => expect.unreachable('expected a refusal'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  const d = e as DomainError;
  expect(d.status).toBeGreaterThanOrEqual(400);
  expect(d.status).toBeLessThan(500);
  return d;
}
