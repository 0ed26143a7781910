// The demo client's corporate fleet: 1 200 more numbers on their own personal account, on mixed
// tariffs (some forbid some services), so renames and service actions by list can be tried with real
// lists of hundreds of numbers as the demo administrator (R-RENAME, R-BULK).
import { personalAccounts, subscribers } from '../schema/index.js';
import type { Executor } from '../client.js';
import { and, eq } from 'drizzle-orm';
import { writeSimCodes } from '../../domain/sim-codes-store.js';
import { insertBatches } from './batch.js';
import type { CatalogIds } from './catalog.js';
import { DEMO_FLEET_ACCOUNT, DEMO_FLEET_FIRST, DEMO_FLEET_SIZE } from './identities.js';
import { randomFullName } from './names.js';
import type { Prng } from './prng.js';

const FLEET_TARIFFS = ['biz_mini', 'biz_start', 'biz_optimal', 'biz_optimal', 'biz_max', 'biz_data'];

export async function seedDemoFleet(
  tx: Executor,
  clientId: number,
  catalog: CatalogIds,
  rnd: Prng,
  createdAt: Date,
  secretsKey: Buffer,
): Promise<number> {
  const [account] = await tx
    .insert(personalAccounts)
    .values({ clientId, number: DEMO_FLEET_ACCOUNT, name: 'Корпоративный парк SIM' })
    .returning({ id: personalAccounts.id });
  const first = Number(DEMO_FLEET_FIRST);
  const rows = Array.from({ length: DEMO_FLEET_SIZE }, (_, i) => {
    const fullName = randomFullName(rnd);
    const codes = { pin1: rnd.digits(4), puk1: rnd.digits(8), pin2: rnd.digits(4), puk2: rnd.digits(8) };
    return {
      clientId,
      personalAccountId: account!.id,
      msisdn: String(first + i),
      fullName,
      displayName: fullName,
      tariffPlanId: catalog.tariffs[rnd.pick(FLEET_TARIFFS)]!,
      balance: rnd.int(10, 300) * 100,
      status: 'active' as const,
      cugName: null,
      createdAt,
      codes,
    };
  });
  await insertBatches(
    tx,
    subscribers,
    rows.map(({ codes: _, ...row }) => row),
  );
  // Sealed once the ids are known: each ciphertext is bound to its subscriber (R-SUB-INFO).
  const ids = await tx
    .select({ id: subscribers.id, msisdn: subscribers.msisdn })
    .from(subscribers)
    .where(and(eq(subscribers.personalAccountId, account!.id), eq(subscribers.clientId, clientId)));
  const codesOf = new Map(rows.map((r) => [r.msisdn, r.codes]));
  await writeSimCodes(
    tx,
    secretsKey,
    ids.map((r) => ({ subscriberId: r.id, codes: codesOf.get(r.msisdn)! })),
  );
  return rows.length;
}
