// Entry: config → app → polling (or webhook) → graceful shutdown on SIGTERM/SIGINT.
import { createApp } from './app.js';
import { registerCommands } from './bot/create-bot.js';
import { ConfigError, loadConfig } from './config.js';
import { catalogs } from './bot/texts/index.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
    if (!config.BOT_TOKEN) throw new ConfigError(['BOT_TOKEN: is required to run the bot (get one from @BotFather)']);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const app = await createApp(config);
  const { bot, logger } = app;
  if (!config.SUPPORT_CHAT_ID) logger.warn('SUPPORT_CHAT_ID is not set: tickets work in the bot, but no support group receives them');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      bot.stop(signal);
      await app.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  app.runner.start();
  await bot.launch({ allowedUpdates: ['message', 'callback_query', 'edited_message', 'my_chat_member'] }, () => {
    logger.info({ username: bot.botInfo?.username, mode: config.BOT_MODE }, 'bot started');
    registerCommands(bot, { ru: catalogs.ru.core.commands, en: catalogs.en.core.commands }).catch((error) =>
      logger.warn({ err: error }, 'setMyCommands failed'),
    );
  });
}

main().catch((error) => {
  process.stderr.write(`Portal Bot failed to start: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
