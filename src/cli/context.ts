// The command-line tool's context: configuration, output streams, and the database with DomainDeps built
// the way the bot builds them (same settings, secrets key and BOT_NOW clock). Inside the running bot
// (a command sent over its control socket) the context is attached to the bot's own database instead.
import type { Config } from '../config.js';
import { secretsKey } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { migrationState } from '../db/migration-state.js';
import { clockStartingAt, systemClock } from '../domain/clock.js';
import type { DomainDeps } from '../domain/deps.js';
import { settingsFromConfig } from '../domain/settings.js';
import { CliError, type CliContext } from './command.js';

export interface OwnedContext extends CliContext {
  close(): Promise<void>;
}

export interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The running bot's database, already migrated; the context never closes it. */
export interface Attached {
  database: Database;
  deps: DomainDeps;
}

export function createContext(config: Config, write: Output, attached?: Attached): OwnedContext {
  let opened: Promise<{ database: Database; deps: DomainDeps }> | undefined;
  let checked = false;
  const open = async (options: { migrate?: boolean } = {}) => {
    opened ??= attached ? Promise.resolve(attached) : openOwn(config);
    const result = await opened;
    if (checked) return result;
    checked = true;
    if (options.migrate || (!attached && result.database.driver === 'pglite')) {
      // The embedded database is always brought up to date, and seeds itself when empty exactly as the
      // bot's first start does: nobody else migrates it while the bot is down, and a newcomer may run
      // `invite` before ever starting the bot.
      await migrate(result.database);
      if (!attached && result.database.driver === 'pglite') {
        const { seedDemo } = await import('../db/seed/index.js');
        if ((await seedDemo(result.deps)).seeded) write.err('embedded database was empty: demo data seeded\n');
      }
    } else if (!attached) {
      const { pending, total } = await migrationState(result.database);
      if (pending > 0)
        throw new CliError(
          `the database is not migrated (${pending} of ${total} migrations pending): run «npm run cli -- migrate» first`,
        );
    }
    return result;
  };
  return {
    config,
    out: (line) => write.out(`${line}\n`),
    info: (line) => write.err(`${line}\n`),
    open,
    close: async () => {
      if (opened && !attached) await (await opened).database.close();
    },
  };
}

async function openOwn(config: Config): Promise<Attached> {
  const database = config.DATABASE_URL
    ? await openDatabase({ url: config.DATABASE_URL, max: 4 })
    : await openDatabase({ dataDir: config.PGLITE_DIR });
  const clock = config.BOT_NOW ? clockStartingAt(new Date(config.BOT_NOW)) : systemClock;
  const deps: DomainDeps = {
    db: database.db,
    clock,
    settings: settingsFromConfig(config),
    secretsKey: secretsKey(config),
  };
  return { database, deps };
}
