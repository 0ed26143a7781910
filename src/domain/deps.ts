// What every domain service is given: the database, the clock and the configured limits.
import type { Db } from '../db/client.js';
import type { Clock } from './clock.js';
import type { Settings } from './settings.js';

export interface DomainDeps {
  db: Db;
  clock: Clock;
  settings: Settings;
  /** AES-256-GCM key for PIN/PUK at rest. */
  secretsKey: Buffer;
}
