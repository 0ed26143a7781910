// The composition root: config → database (server or embedded) → Redis (when configured) → domain
// deps → bot → the outgoing Telegram side (policy, throttle, notifier, support relay; built once here)
// → job runner. Tests build the same app with their own database, clock and Bot API root.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Telegraf, Telegram } from 'telegraf';
import { allSections, showHome } from '../scenes/index.js';
import { type Config, requireBotToken, secretsKey } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import type { BotContext, BotServices } from './bot/context.js';
import { createBot } from './bot/create-bot.js';
import { type Clock, clockStartingAt, systemClock } from './domain/clock.js';
import type { DomainDeps } from './domain/deps.js';
import { settingsFromConfig } from './domain/settings.js';
import { jobHandlers, scheduleRecurringJobs } from './jobs/handlers/index.js';
import { JobRunner } from './jobs/runner.js';
import { jobBacklog } from './jobs/queue.js';
import { metricsMiddleware } from './metrics/middleware.js';
import { createMetrics, type Metrics } from './metrics/registry.js';
import type { Notifier } from './jobs/types.js';
import { createLogger, type Logger } from './logger.js';
import { createRedis, redisReady } from './session/index.js';
import { isBlockedBot, markBlockedBot } from './domain/access/sign-in.js';
import { SupportRelay } from './support/relay.js';
import { installApiPolicy, SendThrottle, TelegramNotifier } from './telegram/index.js';
import type { OrderDelivery } from './orders/delivery.js';
import { orderDeliveryFromConfig } from './orders/index.js';
import { mintNonce, nonceIssuedTo, nonceKey } from './bot/nonces.js';

export interface App {
  config: Config;
  database: Database;
  deps: DomainDeps;
  redis?: Redis;
  bot: Telegraf<BotContext>;
  notifier: Notifier;
  runner: JobRunner;
  logger: Logger;
  /** Order events to the operator's webhook (issue 19); started and stopped beside the runner. */
  orderDelivery: OrderDelivery;
  metrics: Metrics;
  close(): Promise<void>;
}

export interface AppOverrides {
  database?: Database;
  clock?: Clock;
  logger?: Logger;
  redis?: Redis | null;
  /** Seeds the demo data into an empty database (the embedded default does). */
  seedDemo?: boolean;
  /** Node's process metrics on /metrics (the real process turns them on). */
  processMetrics?: boolean;
  /** The pace of proactive sends (tests that are not about pacing pass an unlimited one). */
  throttle?: SendThrottle;
  /** How long a support message waits for a topic another caller is creating. */
  supportPendingWaitMs?: number;
}

export function clockFromConfig(config: Config): Clock {
  return config.BOT_NOW ? clockStartingAt(new Date(config.BOT_NOW)) : systemClock;
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const token = requireBotToken(config);
  const database = overrides.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.PGLITE_DIR }));
  if (!overrides.database) {
    await migrate(database);
    logger.info({ driver: database.driver }, 'database migrated');
  }
  const clock = overrides.clock ?? clockFromConfig(config);
  const deps: DomainDeps = {
    db: database.db,
    clock,
    settings: settingsFromConfig(config),
    secretsKey: secretsKey(config),
  };
  if (overrides.seedDemo ?? database.driver === 'pglite') {
    const { seedDemo } = await import('./db/seed/index.js');
    const result = await seedDemo(deps);
    if (result.seeded)
      logger.info({ subscribers: result.subscribers, pool: result.poolByCategory }, 'demo data seeded');
  }
  let redis: Redis | undefined;
  if (overrides.redis !== undefined) redis = overrides.redis ?? undefined;
  else if (config.REDIS_URL) {
    redis = createRedis(config.REDIS_URL, logger);
    await redisReady(redis);
  }
  const placeholderNotifier: { current?: Notifier } = {};
  const confirmationKey = nonceKey(deps.secretsKey);
  const services: BotServices = {
    deps,
    config,
    logger,
    notifier: {
      sendText: (...a) => placeholderNotifier.current!.sendText(...a),
      editText: (...a) => placeholderNotifier.current!.editText(...a),
      sendDocument: (...a) => placeholderNotifier.current!.sendDocument(...a),
      deleteMessage: (...a) => placeholderNotifier.current!.deleteMessage(...a),
    },
    nonce: (telegramId) => mintNonce(confirmationKey, telegramId),
    nonceIssuedTo: (nonce, telegramId) => nonceIssuedTo(confirmationKey, nonce, telegramId),
  };
  const metrics = createMetrics({
    jobBacklog: () => jobBacklog(database.db),
    processMetrics: overrides.processMetrics,
    logger,
  });
  // A 403 from a private chat on any call (reply, edit, notice, relay) marks the user as having blocked the bot.
  const onBlocked = (chatId: number) => markBlockedBot(database.db, chatId, true);
  const apiPolicy = (telegram: Telegram) => void installApiPolicy(telegram, { metrics, logger, onBlocked });
  const bot = createBot({
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    services,
    sections: allSections,
    showHome,
    redis,
    redisPrefix: config.REDIS_PREFIX,
    supportChatId: config.SUPPORT_CHAT_ID,
    metrics: metricsMiddleware(metrics),
    apiPolicy,
  });
  apiPolicy(bot.telegram);
  const throttle = overrides.throttle ?? new SendThrottle();
  const notifier = new TelegramNotifier(bot.telegram, logger, {
    throttle,
    isBlocked: (chatId) => isBlockedBot(database.db, chatId),
  });
  placeholderNotifier.current = notifier;
  if (config.SUPPORT_CHAT_ID) {
    services.support = new SupportRelay({
      telegram: bot.telegram,
      deps,
      chatId: config.SUPPORT_CHAT_ID,
      logger,
      throttle,
      signStaff: config.SUPPORT_SIGN_STAFF,
      ...(overrides.supportPendingWaitMs ? { pendingWaitMs: overrides.supportPendingWaitMs } : {}),
    });
  }
  const runner = new JobRunner({
    deps,
    notifier,
    logger,
    metrics,
    maxClaims: config.JOB_MAX_ATTEMPTS,
    secrets: [token],
    handlers: jobHandlers(config),
  });
  await scheduleRecurringJobs(deps);
  const orderDelivery = orderDeliveryFromConfig(config, { db: database.db, clock, logger, registry: metrics.registry });
  return {
    config,
    database,
    deps,
    redis,
    bot,
    notifier,
    runner,
    logger,
    orderDelivery,
    metrics,
    close: async () => {
      await runner.stop();
      await orderDelivery.stop();
      if (redis) redis.disconnect();
      if (!overrides.database) await database.close();
    },
  };
}
