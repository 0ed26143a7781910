// Issue 25 item 2: commands that do not need BOT_TOKEN never validate it; on a database that is not
// migrated a command says so in one line and names the command that fixes it (not a raw "Failed query").
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { createTestDatabase } from '../helpers/db.js';
import { TEST_SECRETS_KEY } from '../helpers/deps.js';
import { PG_ADMIN_URL, pgUrl } from '../helpers/pg.js';

const migrated = await createTestDatabase();
const empty = `portal_t_empty_${randomBytes(5).toString('hex')}`;
const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${empty}"`);
afterAll(async () => {
  await admin.unsafe(`drop database if exists "${empty}" with (force)`);
  await admin.end();
});

async function run(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    { NODE_ENV: 'test', SECRETS_KEY: TEST_SECRETS_KEY.toString('hex'), ...env },
    {
      out: (s) => {
        stdout += s;
      },
      err: (s) => {
        stderr += s;
      },
    },
  );
  return { code, stdout, stderr };
}

describe('the CLI and BOT_TOKEN', () => {
  it.each(['', 'not-a-token', '123:short'])('BOT_TOKEN=%j is not checked by help or grant-support', async (token) => {
    expect(await run(['help'], { BOT_TOKEN: token })).toMatchObject({ code: 0 });
    const granted = await run(['grant-support', '--telegram-id', '950001'], {
      BOT_TOKEN: token,
      DATABASE_URL: migrated.url,
    });
    expect(granted.stderr).toBe('');
    expect(granted.code).toBe(0);
  });
});

describe('a database that is not migrated', () => {
  it.each([
    [['invite', '--client', '191234563']],
    [['grant-support', '--telegram-id', '950002']],
    [['payments', 'confirm', '--client', '191234563', '--doc', '1']],
  ])('%j says so in one line naming «npm run cli -- migrate»', async (args) => {
    const result = await run(args, { DATABASE_URL: pgUrl(empty) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/not migrated \(\d+ of \d+ migrations pending\): run «npm run cli -- migrate»/);
    expect(result.stderr).not.toContain('Failed query');
  });

  it('migrate fixes it, and the command then works', async () => {
    expect(await run(['migrate'], { DATABASE_URL: pgUrl(empty) })).toMatchObject({ code: 0 });
    const after = await run(['grant-support', '--telegram-id', '950003'], { DATABASE_URL: pgUrl(empty) });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('now support staff');
  }, 60_000);
});
