// Entry of `npm run worker`: a background-work process beside the bot (server deployments). Config →
// database → job runner with every handler; stops cleanly on SIGTERM/SIGINT, giving back unstarted jobs.
// The embedded bot (PGlite) runs the same runner in-process instead: PGlite serves one process only.
import { ConfigError, loadConfig, requireBotToken } from './config.js';
import { createWorker } from './worker-app.js';

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
  const worker = await createWorker(config);
  const { runner, logger } = worker;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    try {
      await worker.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  runner.start();
  worker.orderDelivery.start();
  logger.info({ workerId: runner.workerId }, 'worker started');
}

main().catch((error) => {
  process.stderr.write(`Portal Bot worker failed to start: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
