// R-RENAME: several renames of one number in a month — the last one applied in that month is the
// name on that month's bill. Billing asks here rather than reading the current display name.
import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { renames, subscribers } from '../../db/schema/index.js';
import { addMonths, type IsoDate, monthStart, startOfMinskDay } from '../time.js';

/** The subscriber's name as it stood at the end of the Minsk month containing `month`. */
export async function nameOnBill(ex: Executor, subscriberId: number, month: IsoDate): Promise<string | null> {
  const end = startOfMinskDay(addMonths(monthStart(month), 1));
  const [lastInOrBefore] = await ex
    .select({ name: renames.newName })
    .from(renames)
    .where(and(eq(renames.subscriberId, subscriberId), eq(renames.status, 'applied'), lt(renames.appliedAt, end)))
    .orderBy(desc(renames.appliedAt), desc(renames.requestedAt), desc(renames.id))
    .limit(1);
  if (lastInOrBefore) return lastInOrBefore.name;
  // No rename before the month ended: the name then is what the first later rename replaced.
  const [firstAfter] = await ex
    .select({ name: renames.oldName })
    .from(renames)
    .where(and(eq(renames.subscriberId, subscriberId), eq(renames.status, 'applied'), gte(renames.appliedAt, end)))
    .orderBy(asc(renames.appliedAt), asc(renames.requestedAt), asc(renames.id))
    .limit(1);
  if (firstAfter) return firstAfter.name;
  const [row] = await ex
    .select({ name: subscribers.displayName })
    .from(subscribers)
    .where(eq(subscribers.id, subscriberId));
  return row?.name ?? null;
}
