// The whole Drizzle schema, one file per aggregate.
export * from './access.js';
export * from './billing.js';
export * from './catalog.js';
export * from './clients.js';
export * from './jobs.js';
export * from './lists.js';
export * from './numbers.js';
export * from './subscribers.js';
export * from './tickets.js';
export * from './orders.js';
export * from './operator.js';
