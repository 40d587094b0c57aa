import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The master secret for SM4 field encryption: FAZHI_SECRET, or a key file created on
 * first start under the data dir (mode 0600). Losing it makes encrypted identifiers
 * unreadable, so back it up with the database.
 */
export function loadSecret(dataDir: string): string {
  if (process.env.FAZHI_SECRET) return process.env.FAZHI_SECRET;
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(32).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}
