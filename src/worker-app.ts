// The composition of `npm run worker` (src/worker.ts is its entry): config → database → the Telegram
// client with the outgoing policy (retries, token scrubbing, 403 → blocked), the one throttle and the
// notifier → a job runner with every handler. Tests build the same worker against their own database.
import { type Config, requireBotToken, secretsKey } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { isBlockedBot, markBlockedBot } from './domain/access/sign-in.js';
import { type Clock, clockStartingAt, systemClock } from './domain/clock.js';
import type { DomainDeps } from './domain/deps.js';
import { settingsFromConfig } from './domain/settings.js';
import { listJobHandlers } from './jobs/handlers/bulk.js';
import { jobHandlers } from './jobs/handlers/index.js';
import { JobRunner } from './jobs/runner.js';
import type { JobHandler } from './jobs/types.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics/registry.js';
import type { OrderDelivery } from './orders/delivery.js';
import { orderDeliveryFromConfig } from './orders/index.js';
import { createTelegramClient, SendThrottle, TelegramNotifier } from './telegram/index.js';

/** Every handler once by kind (the shared list may already hold the list handlers). */
export function workerHandlers(config: Config, shared: JobHandler[]): JobHandler[] {
  const byKind = new Map<string, JobHandler>();
  for (const h of [...listJobHandlers(config), ...shared]) byKind.set(h.kind, h);
  return [...byKind.values()];
}

export interface Worker {
  deps: DomainDeps;
  runner: JobRunner;
  /** Sends order events to the operator (started beside the runner). */
  orderDelivery: OrderDelivery;
  logger: Logger;
  metrics: Metrics;
  close(): Promise<void>;
}

export interface WorkerOverrides {
  database?: Database;
  clock?: Clock;
  logger?: Logger;
  /** Waits between Bot API attempts (tests do not sleep). */
  sleep?: (ms: number) => Promise<void>;
}

export async function createWorker(config: Config, overrides: WorkerOverrides = {}): Promise<Worker> {
  const token = requireBotToken(config);
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL).child({ process: 'worker' });
  const database = overrides.database ?? (await openDatabase({ url: config.DATABASE_URL, max: 5 }));
  const deps: DomainDeps = {
    db: database.db,
    clock: overrides.clock ?? (config.BOT_NOW ? clockStartingAt(new Date(config.BOT_NOW)) : systemClock),
    settings: settingsFromConfig(config),
    secretsKey: secretsKey(config),
  };
  const metrics = createMetrics({ logger });
  const telegram = createTelegramClient(token, config.TELEGRAM_API_ROOT, {
    metrics,
    logger,
    onBlocked: (chatId) => markBlockedBot(database.db, chatId, true),
    ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
  });
  const notifier = new TelegramNotifier(telegram, logger, {
    throttle: new SendThrottle(),
    isBlocked: (chatId) => isBlockedBot(database.db, chatId),
  });
  const handlers = workerHandlers(config, jobHandlers(config));
  const runner = new JobRunner({
    deps,
    notifier,
    logger,
    handlers,
    metrics,
    maxClaims: config.JOB_MAX_ATTEMPTS,
    secrets: [token],
  });
  const orderDelivery = orderDeliveryFromConfig(config, {
    db: database.db,
    clock: deps.clock,
    logger,
    registry: metrics.registry,
  });
  return {
    deps,
    runner,
    orderDelivery,
    logger,
    metrics,
    close: async () => {
      await runner.stop();
      await orderDelivery.stop();
      if (!overrides.database) await database.close();
    },
  };
}
