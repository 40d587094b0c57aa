import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './tables.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  db: Db;
  /**
   * One transaction on a raw connection that accepts multi-statement scripts
   * (migrations); `exec` returns the rows of the last statement.
   */
  rawTransaction<T>(fn: (exec: (script: string) => Promise<any[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Dates are calendar days in law, not instants: keep `date` columns as 'YYYY-MM-DD'
// strings so no time zone can move a deadline by a day. int8 counts fit in a double.
const DATE_OID = 1082;
const INT8_OID = 20;

export async function openDatabase(opts: { url?: string; dataDir?: string; schema?: string }): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.schema);
  return openPglite(opts.dataDir);
}

async function openPglite(dataDir?: string): Promise<Database> {
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pgdata');
    fs.mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create({
    dataDir: dir,
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    rawTransaction(fn) {
      // The connection queue of the dialect is bypassed only here, before the app
      // serves any request (migrations run at start-up).
      return pglite.transaction((tx) =>
        fn(async (script) => {
          const results = await tx.exec(script);
          return results.at(-1)?.rows ?? [];
        }),
      );
    },
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: any) {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  };
  const poolConfig: pg.PoolConfig = { connectionString: url, types, max: Number(process.env.FAZHI_DB_POOL ?? 20) };
  if (schema) {
    // Tests run each suite in its own schema; search_path is set per connection.
    poolConfig.options = `-c search_path=${schema}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema if not exists "${schema}"`);
    await admin.end();
  }
  const pool = new pg.Pool(poolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async rawTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(async (script) => {
          const res: any = await client.query(script);
          return (Array.isArray(res) ? res.at(-1)?.rows : res.rows) ?? [];
        });
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback');
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
