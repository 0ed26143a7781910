// Search at scale: «Выбор абонента» by mask (searchSubscribers) within the large client, and «Подобрать
// номер» (searchNumbers: the whole domain call — scope, attempt, random-order offers, audit) by mask and
// category over the pool. Masks of every shape (trailing, leading, inner wildcards, `_`) with random
// digits; p50/p95 per shape; the EXPLAIN (ANALYZE, BUFFERS) of the statement each shape really sent.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Database } from '../src/db/client.js';
import { rawRows } from '../src/db/client.js';
import { prng } from '../src/db/seed/prng.js';
import type { Actor } from '../src/domain/actor.js';
import { systemClock } from '../src/domain/clock.js';
import type { DomainDeps } from '../src/domain/deps.js';
import { searchNumbers } from '../src/domain/numbers/index.js';
import { offerQuery } from '../src/domain/numbers/offer-query.js';
import { parseMask } from '../src/domain/phone.js';
import { defaultSettings } from '../src/domain/settings.js';
import { searchSubscribers } from '../src/domain/subscribers/search.js';
import { openCountedDatabase, statementCounter } from './lib/counted-db.js';
import type { BenchDatabase } from './lib/databases.js';
import { summary } from './lib/stats.js';

export interface Shape {
  name: string;
  /** `D` is a random digit. */
  template: string;
}

/** Bulk subscribers are +375 33…, the bulk pool +375 25…: the masks keep to those codes where fixed. */
export const SUBSCRIBER_SHAPES: Shape[] = [
  { name: 'trailing %', template: '33DD%' },
  { name: 'trailing % (long)', template: '33DDDDD%' },
  { name: 'leading %', template: '%DDDD' },
  { name: 'leading % (short)', template: '%DD' },
  { name: 'inner %…%', template: '%DDD%' },
  { name: 'inner %…% (long)', template: '%DDDDD%' },
  { name: 'both ends', template: '33%DD' },
  { name: '_ inside', template: '33_DDDDDD' },
  { name: '_ leading', template: '__DDDDDDD' },
  { name: '_ and %', template: '%D_D_D%' },
];

export const POOL_SHAPES: Shape[] = [
  { name: 'trailing %', template: '25DD%' },
  { name: 'trailing % (long)', template: '25DDDDD%' },
  { name: 'leading %', template: '%DDDD' },
  { name: 'leading % (short)', template: '%DD' },
  { name: 'inner %…%', template: '%DDD%' },
  { name: 'inner %…% (long)', template: '%DDDDD%' },
  { name: 'both ends', template: '25%DD' },
  { name: '_ inside', template: '25_DDDDDD' },
  { name: '_ leading', template: '__DDDDDDD' },
  { name: '_ and %', template: '%D_D_D%' },
];

export interface ShapeResult {
  shape: string;
  template: string;
  p50: number;
  p95: number;
  max: number;
  n: number;
  rowsAvg: number;
  plan: string;
  planMask: string;
}

export interface SearchResults {
  scale: string;
  subscribers: ShapeResult[];
  subscribersAll: ReturnType<typeof summary>;
  pool: ShapeResult[];
  poolAll: ReturnType<typeof summary>;
  /** The offer statement alone (no transaction, attempt or audit), for comparison. */
  poolQueryAll: ReturnType<typeof summary>;
  /** A one-row INSERT with its commit (fsync): the machine's floor for any durable write. */
  commitProbe: ReturnType<typeof summary>;
  /** The machine's 1-minute load average at the end (a shared machine's other work shows here). */
  loadAverage: number;
}

function fill(template: string, rnd: ReturnType<typeof prng>): string {
  return template.replace(/D/g, () => String(rnd.int(0, 9)));
}

interface Captured {
  text: string;
  parameters: unknown[];
}

async function explain(url: string, statement: Captured): Promise<string> {
  const s = postgres(url, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  try {
    // Inside a rolled-back transaction: the EXPLAIN ANALYZE of a write (none here) would not stick.
    const rows = await s
      .begin(async (tx) => {
        const r = await tx.unsafe(
          `explain (analyze, buffers, costs off, summary off) ${statement.text}`,
          statement.parameters as never[],
        );
        throw Object.assign(new Error('rollback'), { rows: r });
      })
      .catch((e: { rows?: { 'QUERY PLAN': string }[] }) => {
        if (!e.rows) throw e;
        return e.rows;
      });
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await s.end();
  }
}

export async function runSearch(
  bench: BenchDatabase,
  options: { perShape: number; poolPerShape: number; warmup: number; seed?: number },
): Promise<SearchResults> {
  const counter = statementCounter();
  const database: Database = openCountedDatabase(bench.url, counter, 4);
  const settings = { ...defaultSettings };
  const deps: DomainDeps = { db: database.db, clock: systemClock, settings, secretsKey: Buffer.alloc(32, 7) };
  const rnd = prng(options.seed ?? 11);
  let last: Captured | undefined;
  const capture = (match: RegExp) => {
    last = undefined;
    counter.onStatement = (text, parameters) => {
      if (match.test(text)) last = { text, parameters: [...parameters] };
    };
  };
  try {
    const admin: Actor = { kind: 'admin', telegramId: 1, clientId: bench.clientId };
    // Warm-up, untimed: the connections, the catalog and the pages each shape reads (a running bot's
    // caches are warm; the first read of a page from the OS cache costs tens of µs on this machine).
    const warm = prng(7);
    for (const shape of SUBSCRIBER_SHAPES) {
      for (let i = 0; i < options.warmup; i++)
        await searchSubscribers(deps, admin, { mask: fill(shape.template, warm) });
    }
    for (const shape of POOL_SHAPES) {
      for (let i = 0; i < options.warmup; i++) {
        const categoryId =
          i % 2 === 0
            ? null
            : (
                await rawRows<{ id: number }>(
                  database.db,
                  sql`select id from number_categories order by rank limit 1 offset ${i % 5}`,
                )
              )[0]!.id;
        await rawRows(
          database.db,
          offerQuery({
            like: parseMask(fill(shape.template, warm)).like,
            categoryId,
            subscriberId: 0,
            currentMsisdn: '375000000000',
            now: new Date(),
            start: warm.next(),
            limit: settings.numberOffers,
          }),
        );
      }
    }

    const subscribers: ShapeResult[] = [];
    const subAll: number[] = [];
    for (const shape of SUBSCRIBER_SHAPES) {
      const times: number[] = [];
      let rows = 0;
      let sample: Captured | undefined;
      let sampleMask = '';
      for (let i = 0; i < options.perShape; i++) {
        const mask = fill(shape.template, rnd);
        capture(/from "subscribers"/);
        const started = performance.now();
        const page = await searchSubscribers(deps, admin, { mask });
        const elapsed = performance.now() - started;
        times.push(elapsed);
        subAll.push(elapsed);
        rows += page.items.length;
        if (i === 0) {
          sample = last;
          sampleMask = mask;
        }
      }
      const s = summary(times);
      subscribers.push({
        shape: shape.name,
        template: shape.template,
        p50: s.p50,
        p95: s.p95,
        max: s.max,
        n: s.n,
        rowsAvg: rows / options.perShape,
        plan: sample ? await explain(bench.url, sample) : '(not captured)',
        planMask: sampleMask,
      });
    }

    // searchNumbers spends an attempt: rotate over subscribers of the large client, their attempts of
    // today cleared first (the limit is per subscriber and Minsk day).
    const searchers = await rawRows<{ id: number; msisdn: string }>(
      database.db,
      sql`select id, msisdn from subscribers where client_id = ${bench.clientId} and status = 'active' order by id desc limit 400`,
    );
    await database.db.execute(
      sql`delete from number_search_attempts where subscriber_id = any(${`{${searchers.map((s) => s.id).join(',')}}`}::int[])`,
    );
    const categories: (string | null)[] = [null, 'simple', 'bronze', 'silver', 'gold', 'platinum'];
    let searcher = 0;
    let used = 0;
    const nextActor = (): { actor: Actor; subscriberId: number } => {
      if (used === settings.numberAttemptsPerDay) {
        searcher++;
        used = 0;
      }
      used++;
      const s = searchers[searcher % searchers.length]!;
      return {
        actor: { kind: 'subscriber', telegramId: 1, clientId: bench.clientId, subscriberId: Number(s.id) },
        subscriberId: Number(s.id),
      };
    };
    const pool: ShapeResult[] = [];
    const poolAll: number[] = [];
    const queryAll: number[] = [];
    for (const shape of POOL_SHAPES) {
      const times: number[] = [];
      let rows = 0;
      let sample: Captured | undefined;
      let sampleMask = '';
      for (let i = 0; i < options.poolPerShape; i++) {
        const mask = fill(shape.template, rnd);
        const categoryCode = categories[i % categories.length]!;
        const { actor, subscriberId } = nextActor();
        let offerStatement: Captured | undefined;
        counter.onStatement = (text, parameters) => {
          if (/from number_pool/.test(text)) offerStatement = { text, parameters: [...parameters] };
        };
        const started = performance.now();
        const result = await searchNumbers(deps, actor, { subscriberId, mask, categoryCode });
        const elapsed = performance.now() - started;
        times.push(elapsed);
        poolAll.push(elapsed);
        rows += result.offers.length;
        if (offerStatement) {
          // The same statement once more on its own: the share of the query in the domain call.
          const q0 = performance.now();
          await database.db.execute(sql.raw(inline(offerStatement)));
          queryAll.push(performance.now() - q0);
        }
        if (i === 0) {
          sample = offerStatement;
          sampleMask = `${mask} (${categoryCode ?? 'Все'})`;
        }
      }
      const s = summary(times);
      pool.push({
        shape: shape.name,
        template: shape.template,
        p50: s.p50,
        p95: s.p95,
        max: s.max,
        n: s.n,
        rowsAvg: rows / options.poolPerShape,
        plan: sample ? await explain(bench.url, sample) : '(not captured)',
        planMask: sampleMask,
      });
    }
    // The durable-write floor of this machine, for reading the domain calls above.
    const commits: number[] = [];
    await database.db.execute(sql`create table if not exists bench_commit_probe (at timestamptz not null)`);
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await database.db.execute(
        sql`insert into bench_commit_probe (at) values (${new Date().toISOString()}::timestamptz)`,
      );
      commits.push(performance.now() - t0);
    }
    await database.db.execute(sql`truncate bench_commit_probe`);
    return {
      scale: bench.scale.database,
      subscribers,
      subscribersAll: summary(subAll),
      pool,
      poolAll: summary(poolAll),
      poolQueryAll: summary(queryAll),
      commitProbe: summary(commits),
      loadAverage: os.loadavg()[0]!,
    };
  } finally {
    counter.onStatement = undefined;
    await database.close();
  }
}

/** The statement with its parameters written in as literals (run once more outside the domain call). */
function inline(statement: Captured): string {
  return statement.text.replace(/\$(\d+)/g, (_, n) => {
    const v = statement.parameters[Number(n) - 1];
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number') return String(v);
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}
