// Once per test run: make sure the migrated template database exists (each test file clones it).
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { PG_ADMIN_URL, pgUrl, templateName } from './pg.js';

export default async function setup(): Promise<void> {
  const name = templateName();
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    // One builder at a time across concurrent runs on this machine.
    await admin`select pg_advisory_lock(4242)`;
    const [exists] = await admin`select 1 from pg_database where datname = ${name} and datistemplate`;
    if (!exists) {
      await admin.unsafe(`drop database if exists "${name}"`);
      await admin.unsafe(`create database "${name}"`);
      const database = await openDatabase({ url: pgUrl(name), max: 1 });
      await database.db.execute(sql`create extension if not exists pg_trgm`);
      await migrate(database);
      await database.close();
      await admin.unsafe(`alter database "${name}" with is_template true`);
    }
    await admin`select pg_advisory_unlock(4242)`;
  } finally {
    await admin.end();
  }
}
