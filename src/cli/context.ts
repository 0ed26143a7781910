// The command-line tool's context: configuration, output streams, and the database with DomainDeps built
// the way the bot builds them (same settings, secrets key and BOT_NOW clock).
import type { Config } from '../config.js';
import { secretsKey } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { clockStartingAt, systemClock } from '../domain/clock.js';
import type { DomainDeps } from '../domain/deps.js';
import { settingsFromConfig } from '../domain/settings.js';
import type { CliContext } from './command.js';

export interface OwnedContext extends CliContext {
  close(): Promise<void>;
}

export function createContext(
  config: Config,
  write: { out: (s: string) => void; err: (s: string) => void },
): OwnedContext {
  let opened: Promise<{ database: Database; deps: DomainDeps }> | undefined;
  let migrated = false;
  const open = async (options: { migrate?: boolean } = {}) => {
    opened ??= (async () => {
      // Embedded PGlite is one process only: this works while the bot is stopped.
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
    })();
    const result = await opened;
    // The embedded database is always brought up to date, and seeds itself when empty exactly as the
    // bot's first start does: nobody else migrates it while the bot is down, and a newcomer may run
    // `invite` before ever starting the bot.
    if (!migrated && (options.migrate || result.database.driver === 'pglite')) {
      await migrate(result.database);
      migrated = true;
      if (result.database.driver === 'pglite') {
        const { seedDemo } = await import('../db/seed/index.js');
        if ((await seedDemo(result.deps)).seeded) write.err('embedded database was empty: demo data seeded\n');
      }
    }
    return result;
  };
  return {
    config,
    out: (line) => write.out(`${line}\n`),
    info: (line) => write.err(`${line}\n`),
    open,
    close: async () => {
      if (opened) await (await opened).database.close();
    },
  };
}
