// Domain dependencies for tests: a private database, a hand-moved clock in Europe/Minsk, SPEC's limits.
import { ManualClock } from '../../src/domain/clock.js';
import type { DomainDeps } from '../../src/domain/deps.js';
import { defaultSettings, type Settings } from '../../src/domain/settings.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TEST_SECRETS_KEY = Buffer.alloc(32, 9);

export interface TestDeps extends DomainDeps {
  clock: ManualClock;
  database: TestDatabase;
}

/** `now` is read in Europe/Minsk when it has no offset: '2026-11-10T10:00' means 10:00 in Minsk. */
export function minsk(local: string): Date {
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(local) ? local : `${local}+03:00`);
}

export async function createTestDeps(now = '2026-11-10T10:00', settings: Partial<Settings> = {}): Promise<TestDeps> {
  const database = await createTestDatabase();
  return {
    database,
    db: database.db,
    clock: new ManualClock(minsk(now)),
    settings: { ...defaultSettings, ...settings },
    secretsKey: TEST_SECRETS_KEY,
  };
}
