// Entry of `npm run worker`: a background-work process beside the bot (server deployments). Config →
// database → job runner with every handler; stops cleanly on SIGTERM/SIGINT, giving back unstarted jobs.
// The embedded bot (PGlite) runs the same runner in-process instead: PGlite serves one process only.
import { Telegram } from 'telegraf';
import { TelegramNotifier } from './bot/notifier.js';
import { type Config, ConfigError, loadConfig, requireBotToken, secretsKey } from './config.js';
import { openDatabase } from './db/client.js';
import { clockStartingAt, systemClock } from './domain/clock.js';
import type { DomainDeps } from './domain/deps.js';
import { settingsFromConfig } from './domain/settings.js';
import { listJobHandlers } from './jobs/handlers/bulk.js';
import { jobHandlers } from './jobs/handlers/index.js';
import { JobRunner } from './jobs/runner.js';
import type { JobHandler } from './jobs/types.js';
import { createLogger } from './logger.js';
import { orderDeliveryFromConfig } from './orders/index.js';

/** Every handler once by kind (the shared list may already hold the list handlers). */
export function workerHandlers(config: Config, shared: JobHandler[]): JobHandler[] {
  const byKind = new Map<string, JobHandler>();
  for (const h of [...listJobHandlers(config), ...shared]) byKind.set(h.kind, h);
  return [...byKind.values()];
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
    requireBotToken(config);
    if (!config.DATABASE_URL) {
      throw new ConfigError([
        'DATABASE_URL: a separate worker needs a PostgreSQL server (the embedded database runs its worker inside the bot)',
      ]);
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.LOG_LEVEL).child({ process: 'worker' });
  const database = await openDatabase({ url: config.DATABASE_URL, max: 5 });
  const deps: DomainDeps = {
    db: database.db,
    clock: config.BOT_NOW ? clockStartingAt(new Date(config.BOT_NOW)) : systemClock,
    settings: settingsFromConfig(config),
    secretsKey: secretsKey(config),
  };
  const telegram = new Telegram(requireBotToken(config), { apiRoot: config.TELEGRAM_API_ROOT });
  const handlers = workerHandlers(config, jobHandlers(config));
  const runner = new JobRunner({ deps, notifier: new TelegramNotifier(telegram, logger), logger, handlers });
  const orderDelivery = orderDeliveryFromConfig(config, { db: database.db, clock: deps.clock, logger });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    try {
      await runner.stop();
      await orderDelivery.stop();
      await database.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  runner.start();
  orderDelivery.start();
  logger.info({ workerId: runner.workerId, kinds: handlers.map((h) => h.kind) }, 'worker started');
}

main().catch((error) => {
  process.stderr.write(`Portal Bot worker failed to start: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
