// The client-side CPU of each statement a menu press sends, measured alone (process.cpuUsage over a few
// thousand sequential calls): how much of a press is drizzle building its SQL, against a prepared statement.
import { and, eq, ne, sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.js';
import { subscribers } from '../../src/db/schema/index.js';
import { loadIdentity } from '../../src/domain/access/identity.js';
import { systemClock } from '../../src/domain/clock.js';
import { subscriberInScope } from '../../src/domain/scope.js';
import { defaultSettings } from '../../src/domain/settings.js';
import { subscriberSummary } from '../../src/domain/subscribers/search.js';

export interface StatementCpu {
  label: string;
  cpuUs: number;
  wallUs: number;
}

export async function measureStatementCpu(
  url: string,
  clientId: number,
  telegramIds: number[],
  calls = 2000,
): Promise<StatementCpu[]> {
  const database = await openDatabase({ url, max: 2 });
  const deps = { db: database.db, clock: systemClock, settings: defaultSettings, secretsKey: Buffer.alloc(32, 7) };
  const actor = { kind: 'admin' as const, telegramId: 1, clientId };
  const [first] = await database.db
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(eq(subscribers.clientId, clientId))
    .limit(1);
  const base = first!.id;
  // What subscriberInScope sends, as a prepared statement: the same SQL built once.
  const scopePrepared = database.db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.id, sql.placeholder('id')), ne(subscribers.status, 'terminated')))
    .prepare('bench_scope');
  const results: StatementCpu[] = [];
  const time = async (label: string, fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 200; i++) await fn(i);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await fn(i);
    const c = process.cpuUsage(c0);
    results.push({ label, cpuUs: (c.user + c.system) / calls, wallUs: ((performance.now() - t0) * 1000) / calls });
  };
  try {
    await time('loadIdentity (identity middleware, query builder)', (i) =>
      loadIdentity(deps.db, telegramIds[i % telegramIds.length]!),
    );
    await time('subscriberInScope (dispatcher, query builder)', (i) =>
      subscriberInScope(deps.db, actor, base + (i % 1000)),
    );
    await time('the same select as a prepared statement', (i) => scopePrepared.execute({ id: base + (i % 1000) }));
    await time('subscriberSummary (the screen, prepared)', (i) => subscriberSummary(deps, actor, base + (i % 1000)));
    await time('select 1 (driver round trip alone)', () => deps.db.execute(sql`select 1`));
    return results;
  } finally {
    await database.close();
  }
}
