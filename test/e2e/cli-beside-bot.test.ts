// Issue 25 item 2: the CLI beside a running embedded bot. The real entry point runs as a child process on
// embedded PGlite against the loopback Bot API stand-in; a second opener of PGLITE_DIR is refused by the
// lock file; `npm run cli -- invite` (a second child process) goes over the bot's control socket (mode
// 0600) and the code it prints signs an administrator in to that running bot (R-AUTH-ADM).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/db/embedded-lock.js';
import { openDatabase } from '../../src/db/client.js';
import { SOCKET_FILE } from '../../src/cli/control-socket.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const api = new FakeBotApi();
const dataDir = mkdtempSync(join(tmpdir(), 'portal-cli-'));
const pgliteDir = join(dataDir, 'pglite');
let bot: ChildProcess;
let output = '';

const from = { id: 5151, is_bot: false, first_name: 'Анна', language_code: 'ru' };
const chat = { id: 5151, type: 'private' };

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', ...args],
      {
        cwd: root,
        // A mistyped BOT_TOKEN: the CLI never needs it, so never checks it.
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          PGLITE_DIR: pgliteDir,
          BOT_TOKEN: 'oops',
          ...env,
        },
        timeout: 90_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  await api.start();
  bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      BOT_TOKEN: `${BOT_INFO.id}:CLI-E2E-TOKEN-abcdefghijklmnopqrstuvwxyz`,
      TELEGRAM_API_ROOT: api.url,
      PGLITE_DIR: pgliteDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      BOT_NOW: '2026-11-10T10:00:00+03:00',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bot.stdout!.on('data', (d) => (output += d));
  bot.stderr!.on('data', (d) => (output += d));
  await api
    .waitFor((calls) => calls.some((c) => c.method === 'getUpdates'), 150_000)
    .catch((e) => {
      throw new Error(`${e.message}\n${output}`);
    });
}, 180_000);

afterAll(async () => {
  if (bot && bot.exitCode === null && bot.signalCode === null) {
    bot.kill('SIGKILL');
    await new Promise((r) => bot.once('exit', r));
  }
  await api.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the CLI beside a running embedded bot', () => {
  it('a second opener of PGLITE_DIR is refused: the lock file names the bot’s process', async () => {
    expect(existsSync(join(pgliteDir, LOCK_FILE))).toBe(true);
    await expect(openDatabase({ dataDir: pgliteDir })).rejects.toMatchObject({
      name: 'EmbeddedDatabaseLocked',
      pid: bot.pid,
    });
  });

  it('the control socket is owner-only (0600)', () => {
    const socket = statSync(join(pgliteDir, SOCKET_FILE));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
  });

  it('`invite` runs in the bot and the printed code signs an administrator in to it', async () => {
    const run = await cli(['invite', '--client', '191234563']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const code = run.stdout.trimEnd().split('\n').at(-1)!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    // The bot logs the command's name, never its output.
    expect(output).toContain('CLI command over the control socket');
    expect(output).not.toContain(code);

    api.push({
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat,
        from,
        text: `/start ${code}`,
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    });
    await api.waitFor((calls) =>
      calls.some(
        (c) =>
          c.method === 'sendMessage' &&
          Number(c.payload.chat_id) === chat.id &&
          String(c.payload.text).includes('Главное меню администратора'),
      ),
    );
  }, 120_000);

  it('a refusal comes back with its message and exit code', async () => {
    const run = await cli(['invite', '--client', '999999999']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no client with УНП 999999999');
    expect(run.stdout).toBe('');
    const usage = await cli(['invite']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run cli -- invite --client <УНП>');
  }, 120_000);

  it('at start the bot set its profile (description and short description) in ru, en and the default', async () => {
    await api.waitFor((calls) => calls.filter((c) => c.method === 'setMyShortDescription').length === 3);
    for (const method of ['setMyDescription', 'setMyShortDescription']) {
      const languages = api.telegram.calls.filter((c) => c.method === method).map((c) => c.payload.language_code);
      expect(languages.sort()).toEqual(['en', 'ru', undefined]);
    }
    const en = api.telegram.calls.find((c) => c.method === 'setMyDescription' && c.payload.language_code === 'en')!;
    expect(en.payload.description).toContain('self-care portal');
  });

  it('on SIGTERM the bot removes its socket and lock; the CLI then opens the database itself', async () => {
    bot.kill('SIGTERM');
    expect(await new Promise((r) => bot.once('exit', r))).toBe(0);
    expect(existsSync(join(pgliteDir, SOCKET_FILE))).toBe(false);
    expect(existsSync(join(pgliteDir, LOCK_FILE))).toBe(false);
    const run = await cli(['invite', '--client', '191234563']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Payload:');
  }, 120_000);
});
