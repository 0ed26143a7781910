// /healthz: is each backing service reachable right now? Postgres answers `select 1`, Redis answers PING,
// each within a short deadline; one failing check makes the whole answer 503.
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db } from '../db/client.js';

export interface HealthCheck {
  name: string;
  run(): Promise<unknown>;
}

export interface CheckResult {
  ok: boolean;
  ms: number;
  /** An error code or class only: messages may carry hosts or credentials. */
  error?: string;
}

export interface HealthReport {
  ok: boolean;
  checks: Record<string, CheckResult>;
}

export function postgresCheck(db: Db): HealthCheck {
  return { name: 'postgres', run: () => db.execute(sql`select 1`) };
}

export function redisCheck(redis: Redis): HealthCheck {
  return { name: 'redis', run: () => redis.ping() };
}

class CheckTimeout extends Error {
  override readonly name = 'Timeout';
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new CheckTimeout()), timeoutMs);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const e = error as { code?: unknown; name?: string };
    return { ok: false, ms: Math.round(performance.now() - started), error: String(e?.code ?? e?.name ?? 'Error') };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once; a hung server counts as down after `timeoutMs`. */
export async function checkHealth(checks: HealthCheck[], timeoutMs = 2_000): Promise<HealthReport> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await runCheck(c, timeoutMs)] as const));
  return { ok: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
}

/** What the bot's process depends on: Postgres always, Redis when configured. */
export function appHealthChecks(app: { database: { db: Db }; redis?: Redis }): HealthCheck[] {
  return [postgresCheck(app.database.db), ...(app.redis ? [redisCheck(app.redis)] : [])];
}
