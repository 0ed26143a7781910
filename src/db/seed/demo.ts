// seedDemo: the deterministic demo data of issue 2 and SPEC §5 in one transaction. It does nothing when the
// demo client already exists, and dates everything relative to the clock's «today» in Europe/Minsk.
import { eq, sql } from 'drizzle-orm';
import { clients } from '../schema/index.js';
import type { Actor } from '../../domain/actor.js';
import { audit } from '../../domain/audit.js';
import type { DomainDeps } from '../../domain/deps.js';
import { addMonths, minskDate, monthStart, startOfMinskDay } from '../../domain/time.js';
import { ensureCatalog } from './catalog.js';
import { seedBilling } from './demo-billing.js';
import { seedDemoClients } from './demo-clients.js';
import { seedDemoFleet } from './demo-fleet.js';
import { seedDemoPool } from './demo-pool.js';
import { seedUsageAndCharges } from './demo-usage.js';
import * as id from './identities.js';
import { prng } from './prng.js';

/** Fixed seed of the demo's pseudo-random choices. */
const DEMO_SEED = 20_191_234;
/** Serialises concurrent seeders (two processes starting on one empty database). */
const SEED_LOCK = 191_234_563;

export interface DemoSeedResult {
  /** False when the demo client was already there and nothing was written. */
  seeded: boolean;
  subscribers: number;
  poolByCategory: Record<string, number>;
}

export interface DemoSeedOptions {
  actor?: Actor;
  /** Fewer pool numbers for quick runs; the demo itself uses DEMO_POOL_FREE. */
  poolSize?: number;
}

export async function seedDemo(deps: DomainDeps, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const now = deps.clock.now();
  const today = minskDate(now);
  const actor: Actor = options.actor ?? { kind: 'system', name: 'cli' };
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [existing] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.unp, id.DEMO_CLIENT_UNP));
    if (existing) return { seeded: false, subscribers: 0, poolByCategory: {} };

    const catalog = await ensureCatalog(tx);
    // A stream per part: names and the pool stay the same whatever «today» is; only dated rows move.
    const people = await seedDemoClients(tx, catalog, prng(DEMO_SEED), today, deps.secretsKey);
    const lines = await seedUsageAndCharges(tx, people.subscribers, prng(DEMO_SEED + 1), today, now);
    await seedBilling(
      tx,
      {
        demo: { id: people.demoClientId, unp: id.DEMO_CLIENT_UNP },
        second: { id: people.secondClientId, unp: id.DEMO_SECOND_CLIENT_UNP },
        subscribers: people.subscribers,
      },
      lines,
      today,
      now,
      deps.settings,
    );
    const fleetCreatedAt = startOfMinskDay(addMonths(monthStart(today), -12));
    const fleet = await seedDemoFleet(
      tx,
      people.demoClientId,
      catalog,
      prng(DEMO_SEED + 3),
      fleetCreatedAt,
      deps.secretsKey,
    );
    const taken = new Set(people.subscribers.map((s) => s.msisdn));
    for (let i = 0; i < fleet; i++) taken.add(String(Number(id.DEMO_FLEET_FIRST) + i));
    const poolByCategory = await seedDemoPool(
      tx,
      catalog.categories,
      taken,
      { free: options.poolSize ?? id.DEMO_POOL_FREE, quarantined: id.DEMO_POOL_QUARANTINE },
      prng(DEMO_SEED + 2),
      today,
    );
    await audit(tx, actor, now, {
      action: 'seed.demo',
      clientId: people.demoClientId,
      after: { subscribers: people.subscribers.length + fleet, pool: poolByCategory, today },
    });
    return { seeded: true, subscribers: people.subscribers.length + fleet, poolByCategory };
  });
}
