// `npm run cli -- <command> [flags]`: finds the command, checks its flags with zod, runs it, and exits with
// 0 (done), 1 (refused or failed), 2 (wrong arguments) or 3 (bad configuration).
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../config.js';
import { isDomainError } from '../domain/errors.js';
import { CliError, describeIssues, parseFlags, positionalAsFlag, UsageError } from './command.js';
import { createContext } from './context.js';
import { resolve } from './registry.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, config: 3 } as const;

/** Plain-language lines for refusals the tool's commands can meet. */
const REFUSALS: Record<string, string> = {
  'access.clientUnknown': 'the client does not exist',
  'access.telegramIdInvalid': 'a Telegram id is a positive whole number',
  'access.forbidden': 'not allowed',
};

export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
  write = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) },
): Promise<number> {
  const found = resolve(argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' ? ['help'] : argv);
  if (!found) {
    write.err(`Unknown command «${argv.join(' ')}». Run «npm run cli -- help» for the list.\n`);
    return EXIT.usage;
  }
  const { command } = await found.loader();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      write.err(`${e.message}\n`);
      return EXIT.config;
    }
    throw e;
  }
  const ctx = createContext(config, write);
  try {
    const parsed = command.flags.safeParse(parseFlags(positionalAsFlag(command, found.rest)));
    if (!parsed.success) throw new UsageError(describeIssues(parsed.error));
    await command.run(parsed.data, ctx);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError) {
      write.err(`${command.name}: ${e.message}\nUsage: npm run cli -- ${command.name} ${command.usage}\n`);
      return EXIT.usage;
    }
    if (e instanceof CliError) {
      write.err(`${command.name}: ${e.message}\n`);
      return EXIT.failed;
    }
    if (isDomainError(e)) {
      write.err(`${command.name}: refused — ${REFUSALS[e.code] ?? e.code}\n`);
      return EXIT.failed;
    }
    write.err(`${command.name} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failed;
  } finally {
    await ctx.close();
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
