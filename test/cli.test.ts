import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/core/db/client.ts';
import { kinds, TEST_DATABASE_URL } from './helpers.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/fazhi.mjs');

/** Runs `fazhi …` as its own process; resolves with the exit code and output. */
async function fazhi(args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err: any) {
    return { code: err.code as number, stdout: String(err.stdout), stderr: String(err.stderr) };
  }
}

describe('the fazhi command on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-'));
  const env = { FAZHI_DATA_DIR: dataDir, DATABASE_URL: '' };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('answers --help for every command', async () => {
    for (const cmd of [[], ['start'], ['serve'], ['migrate'], ['demo'], ['audit', 'verify'], ['calendar', 'deadline'], ['calendar', 'import'], ['user', 'create'], ['jobs', 'list'], ['jobs', 'run']]) {
      const r = await fazhi([...cmd, '--help'], env);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: fazhi');
    }
  });

  // 2025: 9/28 is a 调休 workday, 10/1–10/8 are holidays, 10/11 is a 调休 workday.
  it('prints the deadline as one line of the same JSON as the API', async () => {
    const r = await fazhi(['calendar', 'deadline', '--from', '2025-09-26', '--days', '5', '--unit', 'working'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ from: '2025-09-26', days: 5, unit: 'working', due: '2025-10-10', provisional: false });
    const bad = await fazhi(['calendar', 'deadline', '--from', '2026-02-30', '--days', '5', '--unit', 'working'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('2026-02-30');
  });

  it('loads the demo once, refuses a second load, and creates a user under the password policy', async () => {
    expect((await fazhi(['demo'], env)).code).toBe(0);
    const again = await fazhi(['demo'], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('已有数据');
    const weak = await fazhi(['user', 'create', '--username', 'root2', '--name', '管理员', '--org', '1', '--password', 'short'], env);
    expect(weak.code).not.toBe(0);
    const ok = await fazhi(['user', 'create', '--username', 'root2', '--name', '管理员', '--org', '1', '--password', 'Prod#Admin-2026'], env);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('lists the periodic jobs and runs one by name', async () => {
    const list = await fazhi(['jobs', 'list'], env);
    expect(list.stdout).toContain('normative.expiry-scan\t10 0 * * *');
    const first = await fazhi(['jobs', 'run', 'normative.expiry-scan'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('job normative.expiry-scan done');
    const unknown = await fazhi(['jobs', 'run', 'nonexistent'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('normative.expiry-scan');
  });

  it('verifies the audit chain, then exits non-zero naming an edited entry', async () => {
    const good = await fazhi(['audit', 'verify'], env);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).ok).toBe(true);
    const db = await openDatabase({ dataDir });
    await db.db.updateTable('audit_log').set({ actor_name: '篡改者' }).where('seq', '=', 3).execute();
    await db.close();
    const bad = await fazhi(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).firstBad).toMatchObject({ seq: 3, reason: 'edited' });
    expect(bad.stderr).toContain('entry 3');
  });
});

describe.skipIf(!kinds.includes('postgres'))('the fazhi command on PostgreSQL', () => {
  const schema = `cli_${crypto.randomBytes(5).toString('hex')}`;
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const env = { DATABASE_URL: url, FAZHI_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-pg-')) };
  const admin = async (sqlText: string) => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(sqlText);
    await c.end();
  };
  afterAll(async () => {
    await admin(`drop schema if exists "${schema}" cascade`);
    fs.rmSync(env.FAZHI_DATA_DIR, { recursive: true, force: true });
  });

  it('migrates, loads the demo into the empty database and verifies the chain', async () => {
    await admin(`create schema "${schema}"`);
    const m = await fazhi(['migrate'], env);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toContain('postgres');
    expect((await fazhi(['migrate'], env)).code).toBe(0);
    expect((await fazhi(['demo'], env)).code).toBe(0);
    const v = await fazhi(['audit', 'verify'], env);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).checked).toBeGreaterThan(5);
  });
});
