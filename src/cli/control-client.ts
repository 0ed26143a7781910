// The CLI's side of the control socket: while the embedded bot holds PGLITE_DIR, a command is sent to it
// and its answer printed as if run here. A bot still starting (migrating, seeding) is waited for.
import { createConnection } from 'node:net';
import { lockHolder } from '../db/embedded-lock.js';
import type { Output } from './context.js';
import { answerSchema, controlSocketPath } from './control-socket.js';
import { EXIT } from './run.js';

const WAIT_FOR_SOCKET_MS = 60_000;

type Attempt = { code: number } | { unreachable: NodeJS.ErrnoException };

export async function sendToRunningBot(
  dataDir: string,
  pid: number,
  argv: readonly string[],
  write: Output,
): Promise<number> {
  const path = controlSocketPath(dataDir);
  const deadline = Date.now() + WAIT_FOR_SOCKET_MS;
  let noted = false;
  for (;;) {
    const attempt = await sendOnce(path, argv, write);
    if ('code' in attempt) return attempt.code;
    if (lockHolder(dataDir) === undefined || Date.now() > deadline) {
      write.err(
        `the embedded database at ${dataDir} is open in process ${pid}, whose control socket ${path} does not answer (${attempt.unreachable.code}); stop that process or wait for it to start\n`,
      );
      return EXIT.failed;
    }
    if (!noted) {
      write.err(`the bot (process ${pid}) holds the embedded database; waiting for it to finish starting…\n`);
      noted = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function sendOnce(path: string, argv: readonly string[], write: Output): Promise<Attempt> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    let connected = false;
    let exit: number | undefined;
    let buffered = '';
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify({ argv })}\n`);
    });
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const answer = answerSchema.safeParse(JSON.parse(line));
        if (!answer.success) continue;
        if ('out' in answer.data) write.out(answer.data.out);
        else if ('err' in answer.data) write.err(answer.data.err);
        else exit = answer.data.exit;
      }
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected) resolve({ unreachable: error });
    });
    socket.once('close', () => {
      if (!connected) return;
      if (exit === undefined) write.err('the bot closed the control socket before the command finished\n');
      resolve({ code: exit ?? EXIT.failed });
    });
  });
}
