// A private database per test file, cloned from the migrated template: tests never see each other's rows.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { PG_ADMIN_URL, pgUrl, templateName } from './pg.js';

export interface TestDatabase extends Database {
  name: string;
  url: string;
}

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

/** Creates the database now and drops it after the file's tests (call at the top level or in beforeAll). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `portal_t_${randomBytes(6).toString('hex')}`;
  await admin((sql) => sql.unsafe(`create database "${name}" template "${templateName()}"`));
  const url = pgUrl(name);
  const database = await openDatabase({ url, max: 5 });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await database.close();
    await admin((sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
  };
  afterAll(close);
  return { ...database, name, url, close };
}
