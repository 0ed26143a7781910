// Inside the running embedded bot: serves CLI commands on PGLITE_DIR/cli.sock (mode 0600) against the
// bot's own database, which no second process may open (src/db/embedded-lock.ts). Only the command's
// name is logged: its output (an invite payload) goes to the caller alone.
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Attached } from './context.js';
import { type Answer, controlSocketPath, MAX_REQUEST_BYTES, requestSchema } from './control-socket.js';
import { EXIT, findCommand, runCommand } from './run.js';

export interface ControlServer {
  path: string;
  close(): Promise<void>;
}

export async function startControlServer(options: {
  dataDir: string;
  config: Config;
  attached: Attached;
  logger: Logger;
}): Promise<ControlServer> {
  const path = controlSocketPath(options.dataDir);
  // This process holds the database lock, so a socket file left here is a dead process's.
  rmSync(path, { force: true });
  const running = new Set<Promise<void>>();
  const server = createServer((socket) => {
    const done = serve(socket, options).finally(() => running.delete(done));
    running.add(done);
  });
  await listenOwnerOnly(server, path);
  options.logger.info({ socket: path }, 'CLI control socket listening');
  return {
    path,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled(running);
      rmSync(path, { force: true });
    },
  };
}

/** The socket is created under umask 0177, so it is never reachable by others, then set to 0600 again. */
async function listenOwnerOnly(server: Server, path: string): Promise<void> {
  const previous = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } finally {
    process.umask(previous);
  }
  chmodSync(path, 0o600);
}

async function serve(socket: Socket, options: { config: Config; attached: Attached; logger: Logger }): Promise<void> {
  const send = (answer: Answer) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(answer)}\n`);
  };
  try {
    const line = await readLine(socket);
    const request = requestSchema.safeParse(parseJson(line));
    if (!request.success) {
      send({ err: 'malformed request on the control socket\n' });
      send({ exit: EXIT.usage });
      return;
    }
    const { argv } = request.data;
    options.logger.info({ command: findCommand(argv)?.name ?? 'unknown' }, 'CLI command over the control socket');
    let code: number;
    try {
      code = await runCommand(
        argv,
        options.config,
        { out: (s) => send({ out: s }), err: (s) => send({ err: s }) },
        options.attached,
      );
    } catch (e) {
      const name = findCommand(argv)?.name ?? argv.join(' ');
      send({ err: `${name} failed: ${e instanceof Error ? e.message : String(e)}\n` });
      code = EXIT.failed;
    }
    send({ exit: code });
  } catch (error) {
    options.logger.warn({ err: error }, 'CLI control connection failed');
  } finally {
    socket.end();
  }
}

/** The first line of the connection, or undefined when it is too long or ends before a newline. */
function readLine(socket: Socket): Promise<string | undefined> {
  return new Promise((resolve) => {
    let buffered = '';
    const finish = (value: string | undefined) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onEnd);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline >= 0) finish(buffered.slice(0, newline));
      else if (buffered.length > MAX_REQUEST_BYTES) finish(undefined);
    };
    const onEnd = () => finish(undefined);
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onEnd);
  });
}

function parseJson(line: string | undefined): unknown {
  try {
    return line === undefined ? undefined : JSON.parse(line);
  } catch {
    return undefined;
  }
}
