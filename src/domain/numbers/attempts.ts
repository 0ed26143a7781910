// R-NUM-ATTEMPTS: each «Подобрать номер» costs one attempt; N a day per subscriber, the day in Europe/Minsk.
import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { numberSearchAttempts } from '../../db/schema/index.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';

export async function attemptsLeft(
  ex: Executor,
  deps: Pick<DomainDeps, 'clock' | 'settings'>,
  subscriberId: number,
): Promise<number> {
  const [row] = await ex
    .select({ used: count() })
    .from(numberSearchAttempts)
    .where(and(eq(numberSearchAttempts.subscriberId, subscriberId), eq(numberSearchAttempts.day, today(deps.clock))));
  return Math.max(0, deps.settings.numberAttemptsPerDay - Number(row?.used ?? 0));
}
