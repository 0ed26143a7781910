// How many of the migrations in drizzle/ a database still lacks, read the way drizzle's migrator decides:
// a migration is pending when it is newer than the last one recorded in drizzle.__drizzle_migrations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, rawRows } from './client.js';
import { migrationsFolder } from './migrate.js';

export interface MigrationState {
  total: number;
  pending: number;
}

export async function migrationState(database: Database): Promise<MigrationState> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const [table] = await rawRows<{ present: string | null }>(
    database.db,
    `select to_regclass('drizzle.__drizzle_migrations')::text as present`,
  );
  let last = -1;
  if (table?.present) {
    const [row] = await rawRows<{ last: string | number | null }>(
      database.db,
      'select max(created_at) as last from drizzle.__drizzle_migrations',
    );
    last = row?.last === null || row?.last === undefined ? -1 : Number(row.last);
  }
  return { total: journal.entries.length, pending: journal.entries.filter((e) => e.when > last).length };
}
