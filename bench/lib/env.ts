// Where the bench finds the machine's PostgreSQL and Redis, and the databases it owns there.
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function pgUrl(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The two bench databases: seeded once, reused by every later run. */
export const SCALES = {
  large: { database: 'portal_bench', subscribers: 1_000_000, clientSubscribers: 100_000, pool: 5_000_000 },
  small: { database: 'portal_bench_50k', subscribers: 50_000, clientSubscribers: 5_000, pool: 50_000 },
} as const;

export type ScaleName = keyof typeof SCALES;
export type Scale = (typeof SCALES)[ScaleName];

/** A fixed, valid-looking token: the loopback stand-in accepts any. */
export const BENCH_TOKEN = '123456:bench-token-bench-token-bench';
