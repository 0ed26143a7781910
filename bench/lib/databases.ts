// The bench databases on the machine's PostgreSQL: created, migrated and seeded once (seedBulk, the same
// code as `npm run cli -- seed --subscribers N --pool N`), then reused. A database counts as ready when
// its bench_meta row says so, or when the CLI's `seed.bulk` audit row shows the same counts (seeded by
// hand). Every run applies new migrations and re-ANALYZEs when one was added.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Database, openDatabase, rawRows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { seedBulk } from '../../src/db/seed/bulk.js';
import { systemClock } from '../../src/domain/clock.js';
import type { DomainDeps } from '../../src/domain/deps.js';
import { defaultSettings } from '../../src/domain/settings.js';
import { PG_ADMIN_URL, pgUrl, type Scale } from './env.js';

export interface BenchDatabase {
  scale: Scale;
  url: string;
  /** The one large client (100 000 subscribers at 1 000 000; 5 000 at 50 000). */
  clientId: number;
  /** Seconds spent seeding in this run (0 when reused). */
  seededSeconds: number;
  migrations: number;
}

interface Meta {
  subscribers: number;
  pool: number;
  clientId: number;
  migrations: number;
}

export function benchDeps(database: Database): DomainDeps {
  return { db: database.db, clock: systemClock, settings: defaultSettings, secretsKey: Buffer.alloc(32, 7) };
}

async function admin<T>(fn: (s: postgres.Sql) => Promise<T>): Promise<T> {
  const s = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    return await fn(s);
  } finally {
    await s.end();
  }
}

async function readMeta(database: Database): Promise<Meta | undefined> {
  await database.db.execute(sql`create table if not exists bench_meta (key text primary key, value jsonb not null)`);
  const [row] = await rawRows<{ value: Meta }>(database.db, sql`select value from bench_meta where key = 'ready'`);
  return row?.value;
}

async function writeMeta(database: Database, meta: Meta): Promise<void> {
  await database.db.execute(sql`create table if not exists bench_meta (key text primary key, value jsonb not null)`);
  await database.db.execute(
    sql`insert into bench_meta (key, value) values ('ready', ${JSON.stringify(meta)}::jsonb) on conflict (key) do update set value = excluded.value`,
  );
}

async function migrationCount(database: Database): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(row?.n ?? 0);
}

/** A database seeded by the CLI by hand: its seed.bulk audit row carries the counts. */
async function seededByCli(database: Database, scale: Scale): Promise<boolean> {
  const rows = await rawRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from audit_log where action = 'seed.bulk'
        and (after->>'subscribers')::int = ${scale.subscribers} and (after->>'pool')::int = ${scale.pool}`,
  );
  return Number(rows[0]?.n ?? 0) === 1;
}

async function largestClient(database: Database): Promise<number> {
  const [row] = await rawRows<{ client_id: number }>(
    database.db,
    sql`select client_id from subscribers group by client_id order by count(*) desc, client_id limit 1`,
  );
  return Number(row!.client_id);
}

async function recreate(name: string): Promise<void> {
  await admin(async (s) => {
    await s.unsafe(`drop database if exists "${name}" with (force)`);
    await s.unsafe(`create database "${name}"`);
  });
}

/** The database of `scale`, ready to bench; seeds it first when it is missing or was left half-seeded. */
export async function ensureBenchDatabase(scale: Scale, log: (line: string) => void): Promise<BenchDatabase> {
  const url = pgUrl(scale.database);
  const exists = await admin(
    async (s) => (await s`select 1 from pg_database where datname = ${scale.database}`).length > 0,
  );
  if (!exists) await recreate(scale.database);
  let database = await openDatabase({ url, max: 4 });
  try {
    await migrate(database);
    let meta = await readMeta(database);
    let seededSeconds = 0;
    if (!meta && !(await seededByCli(database, scale))) {
      log(
        `${scale.database}: not seeded yet — seeding ${scale.subscribers} subscribers (one client of ${scale.clientSubscribers}) and ${scale.pool} pool numbers once`,
      );
      await database.close();
      await recreate(scale.database);
      database = await openDatabase({ url, max: 4 });
      await migrate(database);
      const started = Date.now();
      let lastNote = 0;
      await seedBulk(benchDeps(database), {
        subscribers: scale.subscribers,
        pool: scale.pool,
        clientSubscribers: scale.clientSubscribers,
        concurrency: 2,
        onProgress: (stage, done, total) => {
          if (Date.now() - lastNote > 10_000 || done === total) {
            lastNote = Date.now();
            log(`  ${stage}: ${done} / ${total} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
          }
        },
      });
      seededSeconds = (Date.now() - started) / 1000;
    }
    const migrations = await migrationCount(database);
    if (!meta || meta.migrations !== migrations) {
      // Expression indexes (reverse(msisdn)) get their statistics only from ANALYZE.
      log(`${scale.database}: ANALYZE (new data or migrations)`);
      await database.db.execute(sql`vacuum analyze`);
      meta = {
        subscribers: scale.subscribers,
        pool: scale.pool,
        clientId: meta?.clientId ?? (await largestClient(database)),
        migrations,
      };
      await writeMeta(database, meta);
    }
    return { scale, url, clientId: meta.clientId, seededSeconds, migrations };
  } finally {
    await database.close();
  }
}
