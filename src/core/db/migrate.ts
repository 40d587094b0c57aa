import type { Database } from './client.ts';

export interface Migration {
  /** Unique and stable, e.g. `core_001_init`; applied in the order given. */
  id: string;
  sql: string;
}

/**
 * Applies pending migrations, each in its own transaction. On PostgreSQL an advisory
 * lock makes concurrent starts of several app instances safe; PGlite has one client.
 */
export async function migrate(database: Database, migrations: readonly Migration[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const m of migrations) {
    if (ids.has(m.id)) throw new Error(`duplicate migration id ${m.id}`);
    ids.add(m.id);
  }
  const applied: string[] = [];
  await database.rawTransaction(async (exec) => {
    await exec('create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())');
  });
  for (const m of migrations) {
    const done = await database.rawTransaction(async (exec) => {
      if (database.kind === 'postgres') await exec('select pg_advisory_xact_lock(20260101)');
      const rows = await exec(`select 1 from schema_migrations where id = '${m.id.replace(/'/g, "''")}'`);
      if (rows.length) return false;
      await exec(m.sql);
      await exec(`insert into schema_migrations (id) values ('${m.id.replace(/'/g, "''")}')`);
      return true;
    });
    if (done) applied.push(m.id);
  }
  return applied;
}
