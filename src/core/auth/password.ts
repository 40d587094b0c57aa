import { hash, verify, Algorithm } from '@node-rs/argon2';

/** Character classes of a password: upper, lower, digit, symbol. */
export function passwordClasses(pw: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
}

export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

/** Returns the Chinese/English reason a password fails the policy, or undefined. */
export function passwordProblem(pw: string, policy: PasswordPolicy, username?: string): { zh: string; en: string } | undefined {
  if ([...pw].length < policy.minLength) return { zh: `口令长度不得少于 ${policy.minLength} 位`, en: `The password must have at least ${policy.minLength} characters` };
  if (passwordClasses(pw) < policy.minClasses)
    return { zh: `口令须包含大写字母、小写字母、数字、符号中至少 ${policy.minClasses} 类`, en: `The password must mix at least ${policy.minClasses} of: upper case, lower case, digits, symbols` };
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return { zh: '口令不得包含用户名', en: 'The password must not contain the username' };
  return undefined;
}

// OWASP's argon2id baseline (19 MiB, t=2, p=1): strong and still quick on a modest server.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, OPTIONS);
}

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}
