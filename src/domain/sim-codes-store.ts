// Stored SIM codes as a whole: writing many at once (seeds, imports) and moving every stored code to the
// current key (`secrets reencrypt`). Each ciphertext is bound to its subscriber (src/domain/secrets.ts).
import { and, asc, gt, isNotNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { subscribers } from '../db/schema/index.js';
import type { DomainDeps } from './deps.js';
import { decryptSecret, encryptSecret, sealedVersion, subscriberBinding } from './secrets.js';
import { type SimCodes, sealSimCodes } from './subscriber-info.js';

/** Seals and stores the codes of many subscribers in one statement. */
export async function writeSimCodes(
  tx: Executor,
  key: Buffer,
  entries: { subscriberId: number; codes: SimCodes }[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({ id: e.subscriberId, sealed: sealSimCodes(e.codes, key, e.subscriberId) }));
  await tx.execute(sql`
    update ${subscribers} set sim_codes_encrypted = x.sealed
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id int, sealed text)
    where ${subscribers.id} = x.id`);
}

export interface ReencryptReport {
  /** Rows rewritten under the current key (from the old key, or from the unbound v1 format). */
  moved: number;
  /** Rows already sealed v2 under the current key. */
  current: number;
  /** Subscriber ids neither key opens: left as they are, listed for the operator. */
  unreadable: number[];
}

const BATCH = 500;

/**
 * Rewrites every stored SIM code sealed with `fromKey` (or unbound, v1, with either key) as v2 under the
 * current key, bound to its subscriber. Batches of 500 rows, each in its own transaction; safe to run again.
 */
export async function reencryptSimCodes(deps: DomainDeps, fromKey: Buffer): Promise<ReencryptReport> {
  const report: ReencryptReport = { moved: 0, current: 0, unreadable: [] };
  let after = 0;
  for (;;) {
    const moved = await deps.db.transaction(async (tx) => reencryptBatch(tx, deps.secretsKey, fromKey, after, report));
    if (moved === undefined) return report;
    after = moved;
  }
}

/** One batch after id `after`; returns the last id seen, or undefined when there was none. */
async function reencryptBatch(
  tx: Executor | Db,
  key: Buffer,
  fromKey: Buffer,
  after: number,
  report: ReencryptReport,
): Promise<number | undefined> {
  const rows = await tx
    .select({ id: subscribers.id, sealed: subscribers.simCodesEncrypted })
    .from(subscribers)
    .where(and(isNotNull(subscribers.simCodesEncrypted), gt(subscribers.id, after)))
    .orderBy(asc(subscribers.id))
    .limit(BATCH)
    .for('update');
  if (rows.length === 0) return undefined;
  const rewritten: { id: number; sealed: string }[] = [];
  for (const row of rows) {
    const sealed = row.sealed!;
    const binding = subscriberBinding(row.id);
    if (sealedVersion(sealed) === 'v2' && opens(sealed, key, binding)) {
      report.current++;
      continue;
    }
    const plain = tryOpen(sealed, fromKey, binding) ?? tryOpen(sealed, key, binding);
    if (plain === undefined) {
      report.unreadable.push(row.id);
      continue;
    }
    rewritten.push({ id: row.id, sealed: encryptSecret(plain, key, binding) });
  }
  if (rewritten.length > 0) {
    await tx.execute(sql`
      update ${subscribers} set sim_codes_encrypted = x.sealed
      from jsonb_to_recordset(${JSON.stringify(rewritten)}::jsonb) as x(id int, sealed text)
      where ${subscribers.id} = x.id`);
    report.moved += rewritten.length;
  }
  return rows.at(-1)!.id;
}

function tryOpen(sealed: string, key: Buffer, binding: string): string | undefined {
  try {
    return decryptSecret(sealed, key, binding);
  } catch {
    return undefined;
  }
}

const opens = (sealed: string, key: Buffer, binding: string) => tryOpen(sealed, key, binding) !== undefined;
