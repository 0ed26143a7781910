// seedBulk: benchmark data — N subscribers spread over generated clients (one client of 100 000 when N
// is large enough) and M free pool numbers. Subscribers are generated server-side with generate_series;
// pool numbers are classified in-process by the stored category patterns and shipped as arrays, because
// PostgreSQL's back-reference regexes cost ~45 µs a number (minutes at 5 000 000) against ~1 µs here.
import { sql } from 'drizzle-orm';
import { type Executor, rawRows } from '../client.js';
import { clients } from '../schema/index.js';
import type { Actor } from '../../domain/actor.js';
import { audit } from '../../domain/audit.js';
import type { DomainDeps } from '../../domain/deps.js';
import { classifyNumber, compileRules } from '../../domain/numbers/categories.js';
import { ensureCatalog } from './catalog.js';
import { unpCheckDigit } from './check-digits.js';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './names.js';
import { prng } from './prng.js';

/** Operator codes of bulk data: subscribers and pool never share a code with each other or with the demo. */
export const BULK_SUBSCRIBER_PREFIX = '37533';
export const BULK_POOL_PREFIX = '37525';
const NUMBERS_PER_CODE = 10_000_000;
/** Numbers are spread over the 7-digit space by i → (i·STRIDE + OFFSET) mod 10^7, a bijection (STRIDE is coprime to 10). */
const STRIDE = 7_919;
const OFFSET = 1_234_567;
const SMALL_CLIENT = 500;
const ACCOUNT_SIZE = 1_000;
const SUBSCRIBERS_PER_STATEMENT = 100_000;
const POOL_PER_STATEMENT = 50_000;

export interface BulkSeedOptions {
  subscribers: number;
  pool: number;
  /** Size of the one large client, made when `subscribers` reaches it (default 100 000); the rest go to clients of 500. */
  clientSubscribers?: number;
  /** Parallel statements for the pool (a server has cores to spare; PGlite runs one at a time). */
  concurrency?: number;
  onProgress?: (stage: 'subscribers' | 'pool', done: number, total: number) => void;
  actor?: Actor;
}

export interface BulkSeedResult {
  clients: number;
  subscribers: number;
  pool: number;
}

const pgArray = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

export function clientSizes(subscribers: number, big = 100_000): number[] {
  const sizes: number[] = [];
  let rest = subscribers;
  if (rest >= big && big > 0) {
    sizes.push(big);
    rest -= big;
  }
  while (rest > 0) {
    sizes.push(Math.min(SMALL_CLIENT, rest));
    rest -= SMALL_CLIENT;
  }
  return sizes;
}

async function countWithPrefix(db: Executor, table: 'subscribers' | 'number_pool', prefix: string): Promise<number> {
  const [row] = await rawRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from ${sql.identifier(table)} where msisdn like ${`${prefix}%`}`,
  );
  return Number(row?.n ?? 0);
}

/** Valid УНП for new bulk clients: bodies 6xxxxxxx after the largest one already used. */
async function nextUnps(db: Executor, count: number): Promise<string[]> {
  const [row] = await rawRows<{ max: string | null }>(db, sql`select max(unp) as max from clients where unp like '6%'`);
  let body = row?.max ? Number(row.max.slice(0, 8)) + 1 : 60_000_000;
  const unps: string[] = [];
  while (unps.length < count) {
    const check = unpCheckDigit(String(body));
    if (check !== undefined) unps.push(`${body}${check}`);
    body++;
  }
  return unps;
}

async function seedClients(deps: DomainDeps, sizes: number[]) {
  const unps = await nextUnps(deps.db, sizes.length);
  const now = deps.clock.now();
  const made: { id: number; unp: string; size: number }[] = [];
  for (let i = 0; i < sizes.length; i += 1000) {
    const rows = unps.slice(i, i + 1000).map((unp, k) => ({
      name: `ООО "Бизнес-клиент ${unp.slice(0, 8)}"`,
      unp,
      paymentForm: (k % 3 === 0 ? 'advance' : 'credit') as 'advance' | 'credit',
      creditLimit: k % 3 === 0 ? 0 : 20_000,
      balance: 10_000 + ((k * STRIDE) % 500_000),
      contractNumber: `КД-Б/${unp}`,
      contractDate: '2022-01-10',
      billDeliveryMethod: 'email' as const,
      billDeliveryAddress: `billing-${unp}@example.by`,
      createdAt: now,
    }));
    const inserted = await deps.db.insert(clients).values(rows).returning({ id: clients.id, unp: clients.unp });
    for (const [k, c] of inserted.entries()) made.push({ ...c, size: sizes[i + k]! });
  }
  return made;
}

async function seedAccounts(db: Executor, made: { id: number; unp: string; size: number }[]) {
  const accounts: { id: number; clientId: number; size: number }[] = [];
  for (let i = 0; i < made.length; i += 1000) {
    const part = made.slice(i, i + 1000);
    const rows = await rawRows<{ id: number; client_id: number; k: number }>(
      db,
      sql`insert into personal_accounts (client_id, number, name)
          select c.cid, c.unp || lpad(k::text, 3, '0'), 'Лицевой счет ' || k
          from unnest(${pgArray(part.map((c) => c.id))}::int[], ${pgArray(part.map((c) => c.unp))}::text[], ${pgArray(part.map((c) => Math.ceil(c.size / ACCOUNT_SIZE)))}::int[]) as c(cid, unp, n),
               generate_series(1, c.n) as k
          returning id, client_id, (right(number, 3))::int as k`,
    );
    const sizeOf = new Map(part.map((c) => [c.id, c.size]));
    for (const r of rows) {
      const clientSize = sizeOf.get(Number(r.client_id))!;
      const size = Math.min(ACCOUNT_SIZE, clientSize - (Number(r.k) - 1) * ACCOUNT_SIZE);
      accounts.push({ id: Number(r.id), clientId: Number(r.client_id), size });
    }
  }
  return accounts.sort((a, b) => a.id - b.id);
}

async function seedSubscribers(
  deps: DomainDeps,
  accounts: { id: number; clientId: number; size: number }[],
  tariffIds: number[],
  onProgress?: BulkSeedOptions['onProgress'],
) {
  const total = accounts.reduce((s, a) => s + a.size, 0);
  const start = await countWithPrefix(deps.db, 'subscribers', BULK_SUBSCRIBER_PREFIX);
  if (start + total > NUMBERS_PER_CODE)
    throw new Error(`bulk subscribers would exceed the ${NUMBERS_PER_CODE} numbers of +${BULK_SUBSCRIBER_PREFIX}`);
  const names = JSON.stringify({ s: SURNAMES, m: MALE_NAMES, f: FEMALE_NAMES, t: tariffIds });
  let offset = start;
  let done = 0;
  for (let i = 0; i < accounts.length; ) {
    const part: typeof accounts = [];
    let size = 0;
    while (i < accounts.length && (part.length === 0 || size + accounts[i]!.size <= SUBSCRIBERS_PER_STATEMENT)) {
      size += accounts[i]!.size;
      part.push(accounts[i++]!);
    }
    const offsets: number[] = [];
    for (const a of part) {
      offsets.push(offset);
      offset += a.size;
    }
    await deps.db.execute(sql`
      insert into subscribers (client_id, personal_account_id, msisdn, full_name, display_name, tariff_plan_id, balance, status, created_at)
      select a.cid, a.aid, x.msisdn, x.full_name, x.full_name,
             (n.j -> 't' ->> (g % jsonb_array_length(n.j -> 't'))::int)::int,
             500 + (g * ${STRIDE}) % 60000,
             (case when g % 200 = 0 then 'blocked' else 'active' end)::subscriber_status,
             ${deps.clock.now().toISOString()}::timestamptz
      from (select ${names}::jsonb as j) as n,
           unnest(${pgArray(part.map((a) => a.id))}::int[], ${pgArray(part.map((a) => a.clientId))}::int[], ${pgArray(part.map((a) => a.size))}::int[], ${pgArray(offsets)}::bigint[]) as a(aid, cid, cnt, off),
           lateral generate_series(a.off, a.off + a.cnt - 1) as g,
           lateral (select
             ${BULK_SUBSCRIBER_PREFIX} || lpad(((g * ${STRIDE} + ${OFFSET}) % ${NUMBERS_PER_CODE})::text, 7, '0') as msisdn,
             case when g % 7 in (1, 4, 6)
               then (n.j -> 's' -> ((g * 7 + g / 1000) % ${SURNAMES.length})::int ->> 1) || ' ' || (n.j -> 'f' ->> ((g * 13 + g / 38) % ${FEMALE_NAMES.length})::int) || ' ' || (n.j -> 'm' -> ((g * 31 + g / 400) % ${MALE_NAMES.length})::int ->> 2)
               else (n.j -> 's' -> ((g * 7 + g / 1000) % ${SURNAMES.length})::int ->> 0) || ' ' || (n.j -> 'm' -> ((g * 13 + g / 38) % ${MALE_NAMES.length})::int ->> 0) || ' ' || (n.j -> 'm' -> ((g * 31 + g / 400) % ${MALE_NAMES.length})::int ->> 1)
             end as full_name) as x
      -- Sorted, the number indexes take each statement's rows in one ordered pass.
      order by x.msisdn
      on conflict do nothing`);
    done += size;
    onProgress?.('subscribers', done, total);
  }
  return total;
}

async function loadRules(db: Executor) {
  const rows = await rawRows<{ id: number; code: string; rank: number; pattern: string }>(
    db,
    sql`select c.id, c.code, c.rank, p.pattern from number_categories c join number_category_patterns p on p.category_id = c.id order by c.rank desc, p.position`,
  );
  const byCode = new Map<
    string,
    { code: string; rank: number; patterns: { pattern: string; description: string }[] }
  >();
  const ids = new Map<string, number>();
  for (const r of rows) {
    if (!byCode.has(r.code)) byCode.set(r.code, { code: r.code, rank: Number(r.rank), patterns: [] });
    byCode.get(r.code)!.patterns.push({ pattern: r.pattern, description: '' });
    ids.set(r.code, Number(r.id));
  }
  return { compiled: compileRules([...byCode.values()]), ids };
}

async function seedPool(
  deps: DomainDeps,
  count: number,
  concurrency: number,
  onProgress?: BulkSeedOptions['onProgress'],
) {
  const start = await countWithPrefix(deps.db, 'number_pool', BULK_POOL_PREFIX);
  if (start + count > NUMBERS_PER_CODE)
    throw new Error(`bulk pool would exceed the ${NUMBERS_PER_CODE} numbers of +${BULK_POOL_PREFIX}`);
  const { compiled, ids } = await loadRules(deps.db);
  const chunks: number[] = [];
  for (let from = start; from < start + count; from += POOL_PER_STATEMENT) chunks.push(from);
  let done = 0;
  const insertChunk = async (from: number) => {
    const n = Math.min(POOL_PER_STATEMENT, start + count - from);
    const rnd = prng(from + 1);
    const rows: { msisdn: string; key: number }[] = [];
    for (let i = from; i < from + n; i++) {
      rows.push({
        msisdn: BULK_POOL_PREFIX + String((i * STRIDE + OFFSET) % NUMBERS_PER_CODE).padStart(7, '0'),
        key: rnd.next(),
      });
    }
    // In key order the primary-key and prefix indexes are walked once per chunk instead of at random.
    rows.sort((a, b) => (a.msisdn < b.msisdn ? -1 : 1));
    const msisdns = rows.map((r) => r.msisdn);
    const categories = rows.map((r) => ids.get(classifyNumber(r.msisdn, compiled))!);
    const keys = rows.map((r) => r.key);
    await deps.db.execute(sql`
      insert into number_pool (msisdn, category_id, status, random_key)
      select m, c, 'free'::pool_status, k from unnest(${pgArray(msisdns)}::text[], ${pgArray(categories)}::int[], ${pgArray(keys)}::float8[]) as t(m, c, k)
      on conflict do nothing`);
    done += n;
    onProgress?.('pool', done, count);
  };
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) await insertChunk(chunks[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return count;
}

export async function seedBulk(deps: DomainDeps, options: BulkSeedOptions): Promise<BulkSeedResult> {
  const catalog = await deps.db.transaction((tx) => ensureCatalog(tx));
  const tariffIds = Object.entries(catalog.tariffs)
    .filter(([code]) => code !== 'corp_archive')
    .map(([, tariffId]) => tariffId);
  const sizes = clientSizes(options.subscribers, options.clientSubscribers ?? 100_000);
  const made = sizes.length > 0 ? await seedClients(deps, sizes) : [];
  const accounts = made.length > 0 ? await seedAccounts(deps.db, made) : [];
  const subscribers = accounts.length > 0 ? await seedSubscribers(deps, accounts, tariffIds, options.onProgress) : 0;
  const pool = options.pool > 0 ? await seedPool(deps, options.pool, options.concurrency ?? 1, options.onProgress) : 0;
  await audit(deps.db, options.actor ?? { kind: 'system', name: 'cli' }, deps.clock.now(), {
    action: 'seed.bulk',
    after: { clients: made.length, subscribers, pool },
  });
  return { clients: made.length, subscribers, pool };
}
