// The seeds: deterministic demo data (seedDemo), bulk benchmark data (seedBulk) and the demo's identities.
export {
  type BulkSeedOptions,
  type BulkSeedResult,
  BULK_POOL_PREFIX,
  BULK_SUBSCRIBER_PREFIX,
  seedBulk,
} from './bulk.js';
export { type DemoSeedOptions, type DemoSeedResult, seedDemo } from './demo.js';
export * from './identities.js';
