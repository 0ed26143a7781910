// Entry: config → app → HTTP server (health, metrics; the webhook in webhook mode) → polling or webhook →
// graceful shutdown: on SIGTERM/SIGINT stop taking updates, finish those in flight and the job step in
// progress, close Redis and Postgres, exit 0 — or exit 1 on a second signal or after 10 s.
import type { Server } from 'node:http';
import { type App, createApp } from './app.js';
import { registerCommands } from './bot/create-bot.js';
import { registerProfile } from './bot/profile.js';
import { type ControlServer, startControlServer } from './cli/control-server.js';
import { catalogs } from './bot/texts/index.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createApiServer } from './api/app.js';
import { appHealthChecks, checkHealth } from './http/health.js';
import { createOpsServer, listen, stopAccepting } from './http/server.js';
import { registerWebhook, type WebhookRoute, webhookPath, webhookRoute } from './http/webhook.js';
import { createLogger, prettyLogs } from './logger.js';
import { InFlight } from './metrics/in-flight.js';

/** The update types the bot handles; Telegram sends no others (polling and webhook alike). */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'edited_message', 'my_chat_member'] as const;
/** Concurrent webhook connections Telegram may open to the whole deployment (its default is 40). */
const WEBHOOK_MAX_CONNECTIONS = 40;
const SHUTDOWN_DEADLINE_MS = 10_000;

function readConfig(): Config {
  try {
    const config = loadConfig();
    if (!config.BOT_TOKEN) throw new ConfigError(['BOT_TOKEN: is required to run the bot (get one from @BotFather)']);
    return config;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
}

/** Every update goes through here, so shutdown knows what is still running. */
function trackUpdates(app: App, inFlight: InFlight): void {
  const { bot } = app;
  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = (update, response) => inFlight.track(() => handle(update, response));
  // An error the boundary did not take (Telegraf's handler timeout) is logged and counted; Telegraf's
  // default would rethrow it and end polling.
  bot.catch((err, ctx) => {
    app.metrics.updateErrors.inc({ kind: 'uncaught' });
    app.logger.error({ err, update_id: ctx.update.update_id }, 'update failed outside the error boundary');
  });
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL, undefined, { pretty: prettyLogs(config.NODE_ENV) });
  const app = await createApp(config, { processMetrics: true, logger });
  const { bot } = app;
  if (!config.SUPPORT_CHAT_ID)
    logger.warn('SUPPORT_CHAT_ID is not set: tickets work in the bot, but no support group receives them');

  // The embedded database is this process's alone: the CLI sends its commands here (src/cli/control-server.ts).
  let control: ControlServer | undefined;
  if (app.database.driver === 'pglite' && !config.DATABASE_URL) {
    control = await startControlServer({
      dataDir: config.PGLITE_DIR,
      config,
      attached: { database: app.database, deps: app.deps },
      logger,
    }).catch((err) => {
      logger.warn({ err }, 'CLI control socket failed: the CLI cannot reach this bot');
      return undefined;
    });
  }

  const inFlight = new InFlight(app.metrics.updatesInFlight);
  trackUpdates(app, inFlight);
  let stopping = false;
  let webhook: WebhookRoute | undefined;
  if (config.BOT_MODE === 'webhook') {
    webhook = webhookRoute(bot, { path: webhookPath(config.WEBHOOK_URL!), secret: config.WEBHOOK_SECRET! });
  }
  const checks = appHealthChecks(app);
  const server = createOpsServer({
    health: () => checkHealth(checks),
    metrics: app.metrics.registry,
    webhook,
    logger,
    isStopping: () => stopping,
  });
  const port = await listen(server, config.PORT);
  logger.info({ port, mode: config.BOT_MODE }, 'http server listening');
  const apiServer = createApiServer({
    deps: app.deps,
    logger,
    health: () => checkHealth(checks),
    metrics: app.metrics.registry,
    isStopping: () => stopping,
  });
  const apiPort = await listen(apiServer, config.API_PORT, config.API_HOST);
  logger.info({ port: apiPort, host: config.API_HOST }, 'api server listening');

  let polling: Promise<void> | undefined;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, inFlight: inFlight.size }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({ inFlight: inFlight.size }, 'shutdown deadline passed: exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    force.unref();
    try {
      const apiClosed = stopAccepting(apiServer);
      await stopTakingUpdates(app, server, polling, inFlight);
      apiServer.closeAllConnections();
      await apiClosed;
      await control?.close();
      await app.runner.stop();
      await app.orderDelivery.stop();
      await app.redis?.quit().catch(() => undefined);
      await app.close();
      logger.info('stopped');
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  app.runner.start();
  app.orderDelivery.start();
  if (config.BOT_MODE === 'webhook') {
    bot.botInfo ??= await bot.telegram.getMe();
    await registerWebhook(bot.telegram, {
      url: config.WEBHOOK_URL!,
      secret: config.WEBHOOK_SECRET!,
      allowedUpdates: ALLOWED_UPDATES,
      maxConnections: WEBHOOK_MAX_CONNECTIONS,
    });
    started(app, config);
  } else {
    polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, () => started(app, config));
    await polling;
  }
}

function started(app: App, config: Config): void {
  app.logger.info({ username: app.bot.botInfo?.username, mode: config.BOT_MODE }, 'bot started');
  registerCommands(app.bot, { ru: catalogs.ru.core.commands, en: catalogs.en.core.commands }).catch((error) =>
    app.logger.warn({ err: error }, 'setMyCommands failed'),
  );
  registerProfile(app.bot.telegram, { ru: catalogs.ru.core.profile, en: catalogs.en.core.profile }).catch((error) =>
    app.logger.warn({ err: error }, 'setMyDescription failed'),
  );
}

/** No new updates (polling stops, the server refuses and closes); those already taken are finished. */
async function stopTakingUpdates(
  app: App,
  server: Server,
  polling: Promise<void> | undefined,
  inFlight: InFlight,
): Promise<void> {
  const closed = stopAccepting(server);
  if (polling) {
    let ended = false;
    const ending = polling
      .catch((err) => app.logger.warn({ err }, 'polling ended with an error'))
      .then(() => {
        ended = true;
      });
    // A signal during launch (getMe, deleteWebhook) comes before there is a poller to stop: retry until it exists.
    while (!ended) {
      try {
        app.bot.stop('shutdown');
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    // The polling loop ends after its current batch and confirms the offset of what it handled.
    await ending;
  }
  await inFlight.drained();
  server.closeAllConnections();
  await closed;
}

main().catch((error) => {
  process.stderr.write(`Portal Bot failed to start: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
