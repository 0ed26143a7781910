// What a command of the command-line tool is: a name, a usage line, a zod schema over its flags, and run().
import type { z } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { DomainDeps } from '../domain/deps.js';

export interface CliContext {
  config: Config;
  /** A line on stdout: what the command produced. */
  out(line: string): void;
  /** A line on stderr: progress and notes, so stdout stays the result alone. */
  info(line: string): void;
  /** Opens the configured database once (server or embedded) and builds the domain's dependencies. */
  open(options?: { migrate?: boolean }): Promise<{ database: Database; deps: DomainDeps }>;
}

export interface Command<S extends z.ZodType = z.ZodType> {
  /** One word, or two for a group: `payments confirm`. */
  name: string;
  summary: string;
  /** Flags as the user types them, e.g. `--client <УНП>`. */
  usage: string;
  flags: S;
  /** A flag that may also be given as the first bare argument: `orders show 42` is `--id 42`. */
  positional?: string;
  run(flags: z.infer<S>, ctx: CliContext): Promise<void>;
}

export function defineCommand<S extends z.ZodType>(command: Command<S>): Command<S> {
  return command;
}

/** Wrong arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A refusal the user can act on (unknown client, …): printed as is, exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}

/** The command's positional argument, if it has one and it is given, as its flag. */
export function positionalAsFlag(command: Pick<Command, 'positional'>, argv: readonly string[]): string[] {
  const [first, ...rest] = argv;
  if (!command.positional || first === undefined || first.startsWith('--')) return [...argv];
  return [`--${command.positional}`, first, ...rest];
}

/** `--name value`, `--name=value` and bare `--flag` (true) into `{ name: 'value', flag: true }`; kebab-case becomes camelCase. */
export function parseFlags(argv: readonly string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument «${arg}» (flags look like --name value)`);
    const key = m[1]!.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (key in flags) throw new UsageError(`--${m[1]} is given twice`);
    const next = argv[i + 1];
    if (m[2] !== undefined) flags[key] = m[2];
    else if (next !== undefined && !next.startsWith('--')) flags[key] = argv[++i]!;
    else flags[key] = true;
  }
  return flags;
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** zod's issues as one readable line per flag. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys')
        return `unknown flag ${issue.keys.map((k) => `--${kebab(k)}`).join(', ')}`;
      const path = issue.path.map((p) => `--${kebab(String(p))}`).join(' ');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
