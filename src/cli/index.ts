// `npm run cli -- <command> [flags]`: loads the configuration (BOT_TOKEN is the bot's, never checked here),
// then runs the command against DATABASE_URL or the embedded database — or, while the embedded bot runs
// and holds PGLITE_DIR, sends it to that bot over its control socket. Exit codes: 0 done, 1 refused or
// failed, 2 wrong arguments, 3 bad configuration.
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { EmbeddedDatabaseLocked, lockHolder } from '../db/embedded-lock.js';
import type { Output } from './context.js';
import { sendToRunningBot } from './control-client.js';
import { EXIT, findCommand, runCommand, unknownCommand } from './run.js';

export { EXIT } from './run.js';

export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
  write: Output = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) },
): Promise<number> {
  const found = findCommand(argv);
  if (!found) return unknownCommand(argv, write);
  let config: Config;
  try {
    // No command needs the bot's token: a missing or mistyped one is the bot's business, not the CLI's.
    config = loadConfig({ ...env, BOT_TOKEN: undefined });
  } catch (e) {
    if (e instanceof ConfigError) {
      write.err(`${e.message}\n`);
      return EXIT.config;
    }
    throw e;
  }
  const embedded = !config.DATABASE_URL && found.name !== 'help';
  const holder = embedded ? lockHolder(config.PGLITE_DIR) : undefined;
  if (holder !== undefined) return sendToRunningBot(config.PGLITE_DIR, holder, argv, write);
  try {
    return await runCommand(argv, config, write);
  } catch (e) {
    // The bot took the embedded database between the look and the open.
    if (e instanceof EmbeddedDatabaseLocked && e.pid !== process.pid)
      return sendToRunningBot(config.PGLITE_DIR, e.pid, argv, write);
    write.err(`${found.name} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failed;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolvePath(process.argv[1])).href;
if (isEntry) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(EXIT.failed);
    },
  );
}
