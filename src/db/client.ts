// One Drizzle database over either a PostgreSQL server (postgres.js) or embedded PGlite.
// Both expose the same query builder; repositories take `Executor` so they work inside a transaction
// (PGlite hangs when the global client is used inside a transaction).
import { mkdirSync } from 'node:fs';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { acquireEmbeddedLock, type EmbeddedLock } from './embedded-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  driver: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite at `dataDir` is used. */
  url?: string;
  /** An on-disk embedded database is locked to this process (src/db/embedded-lock.ts) until close(). */
  dataDir?: string;
  /** Pool size for postgres.js. */
  max?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { TimeZone: 'UTC' },
    });
    const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const onDisk = options.dataDir !== undefined && !options.dataDir.startsWith('memory://');
  let lock: EmbeddedLock | undefined;
  if (onDisk) {
    mkdirSync(options.dataDir!, { recursive: true });
    lock = acquireEmbeddedLock(options.dataDir!);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(options.dataDir ?? 'memory://', { extensions: { pg_trgm } });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Runs raw SQL on either driver and returns its rows (postgres.js returns an array, PGlite `{ rows }`). */
export async function rawRows<T extends Record<string, unknown>>(ex: Executor, query: SQL | string): Promise<T[]> {
  const result = (await ex.execute(query as SQL)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
