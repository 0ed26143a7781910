// Runs one command: finds it, checks its flags with zod, runs it, and maps the outcome to an exit code —
// 0 (done), 1 (refused or failed), 2 (wrong arguments). The same in the CLI process and inside the running
// bot (a command sent over its control socket, src/cli/control-server.ts).
import type { Config } from '../config.js';
import { isDomainError } from '../domain/errors.js';
import { CliError, describeIssues, parseFlags, positionalAsFlag, UsageError } from './command.js';
import { type Attached, createContext, type Output } from './context.js';
import { resolve } from './registry.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, config: 3 } as const;

/** Plain-language lines for refusals the tool's commands can meet. */
const REFUSALS: Record<string, string> = {
  'access.clientUnknown': 'the client does not exist',
  'access.telegramIdInvalid': 'a Telegram id is a positive whole number',
  'access.forbidden': 'not allowed',
};

/** `help` for no arguments or --help/-h, then the command named by argv. */
export function findCommand(argv: readonly string[]) {
  return resolve(argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' ? ['help'] : argv);
}

export function unknownCommand(argv: readonly string[], write: Output): number {
  write.err(`Unknown command «${argv.join(' ')}». Run «npm run cli -- help» for the list.\n`);
  return EXIT.usage;
}

export async function runCommand(
  argv: readonly string[],
  config: Config,
  write: Output,
  attached?: Attached,
): Promise<number> {
  const found = findCommand(argv);
  if (!found) return unknownCommand(argv, write);
  const { command } = await found.loader();
  const ctx = createContext(config, write, attached);
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
    throw e;
  } finally {
    await ctx.close();
  }
}
