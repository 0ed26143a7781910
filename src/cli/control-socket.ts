// The control socket of a running embedded bot: PGLITE_DIR/cli.sock, a Unix socket with mode 0600 (local
// and owner-only, like the database folder itself). One connection is one command: the CLI sends one JSON
// line {argv}; the bot answers with JSON lines {out} / {err} as the command writes, then {exit}.
import { resolve } from 'node:path';
import { z } from 'zod';

export const SOCKET_FILE = 'cli.sock';
/** A request larger than this is refused (argv is a few words). */
export const MAX_REQUEST_BYTES = 16 * 1024;

export function controlSocketPath(dataDir: string): string {
  return resolve(dataDir, SOCKET_FILE);
}

export const requestSchema = z.object({ argv: z.array(z.string().max(1000)).max(64) }).strict();

export const answerSchema = z.union([
  z.object({ out: z.string() }),
  z.object({ err: z.string() }),
  z.object({ exit: z.number().int() }),
]);
export type Answer = z.infer<typeof answerSchema>;
