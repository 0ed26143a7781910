// R-IDEMP: a confirmation carries a one-time nonce. The first transaction that claims the key does
// the change; any later one (double press, redelivered update) gets the stored result instead.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { idempotencyKeys } from '../db/schema/index.js';

export type Once<T> = { fresh: true; result: T } | { fresh: false; result: T };

/**
 * Runs `change` only if `key` has never been claimed. Call inside the change's transaction: the claim
 * and the change commit or roll back together. A concurrent second claim waits on the row lock and
 * then sees the first result.
 */
export async function once<T>(tx: Executor, key: string, at: Date, change: () => Promise<T>): Promise<Once<T>> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ key, createdAt: at, result: sql`null` })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const [row] = await tx
      .select({ result: idempotencyKeys.result })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, key));
    return { fresh: false, result: row?.result as T };
  }
  const result = await change();
  await tx
    .update(idempotencyKeys)
    .set({ result: (result ?? null) as never })
    .where(eq(idempotencyKeys.key, key));
  return { fresh: true, result };
}
