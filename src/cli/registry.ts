// Every command of the command-line tool by name. A new command is one file in commands/ and one line here.
import type { Command } from './command.js';

type Loader = () => Promise<{ command: Command }>;

export const commands: Record<string, Loader> = {
  migrate: () => import('./commands/migrate.js'),
  seed: () => import('./commands/seed.js'),
  invite: () => import('./commands/invite.js'),
  'grant-support': () => import('./commands/grant-support.js'),
  'revoke-support': () => import('./commands/revoke-support.js'),
  'payments confirm': () => import('./commands/payments.js'),
  'events list': () => import('./commands/events-list.js'),
  'events retry': () => import('./commands/events-retry.js'),
  'orders show': () => import('./commands/orders-show.js'),
  'api-token create': () => import('./commands/api-token-create.js'),
  'api-token list': () => import('./commands/api-token-list.js'),
  'api-token revoke': () => import('./commands/api-token-revoke.js'),
  'add-subscriber': () => import('./commands/add-subscriber.js'),
  'secrets reencrypt': () => import('./commands/secrets-reencrypt.js'),
  'retention run': () => import('./commands/retention.js'),
  help: () => import('./commands/help.js'),
};

/** The command named by the first one or two words of argv, and the rest of argv. */
export function resolve(argv: readonly string[]): { name: string; loader: Loader; rest: string[] } | undefined {
  const two = argv.slice(0, 2).join(' ');
  if (argv.length >= 2 && commands[two]) return { name: two, loader: commands[two]!, rest: argv.slice(2) };
  const one = argv[0];
  if (one !== undefined && commands[one]) return { name: one, loader: commands[one]!, rest: argv.slice(1) };
  return undefined;
}
