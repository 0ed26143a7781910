// The command-line tool run as a child process against a test database: migrate, seed, invite (whose
// payload the bot's redeemInvite accepts, R-AUTH-ADM), grant/revoke support (R-AUTH-SUP), readable errors.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clients, telegramRoles } from '../../src/db/schema/index.js';
import { runCli } from '../../src/cli/index.js';
import { redeemInvite } from '../../src/domain/access/invites.js';
import { createTestDeps } from '../helpers/deps.js';

const deps = await createTestDeps();
const SECRETS_KEY = deps.secretsKey.toString('hex');
const root = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: deps.database.url, SECRETS_KEY, ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;

describe('CLI: migrate and seed', () => {
  it('migrate is idempotent on the server', async () => {
    const run = await cli(['migrate']);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('Migrations applied');
  }, 60_000);

  it('seed --demo writes the demo once; a second run says it is there', async () => {
    const first = await cli(['seed', '--demo'], { BOT_NOW: '2026-11-10T10:00:00+03:00' });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Demo data written in [\d.]+ s: 1259 subscribers/);
    const again = await cli(['seed', '--demo']);
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toContain('already there');
    expect(await deps.db.select().from(clients).where(eq(clients.unp, '191234563'))).toHaveLength(1);
  }, 120_000);

  it('seed --subscribers N --pool N adds bulk data', async () => {
    const run = await cli(['seed', '--subscribers', '600', '--pool', '2000']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Bulk data written in [\d.]+ s: 2 clients, 600 subscribers, 2000 pool numbers\./);
  }, 120_000);
});

describe('CLI: invite --client <УНП> (R-AUTH-ADM)', () => {
  it('prints the /start payload as its last line, only there, and the bot’s redeemInvite accepts it', async () => {
    const run = await cli(['invite', '--client', '191234563']);
    expect(run.code).toBe(0);
    const payload = lastLine(run.stdout);
    expect(payload).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const elsewhere = run.stdout.trimEnd().split('\n').slice(0, -1).join('\n') + run.stderr;
    expect(elsewhere).not.toContain(payload);
    const [client] = await deps.db.select().from(clients).where(eq(clients.unp, '191234563'));
    await expect(redeemInvite(deps, { telegramId: 930_001, firstName: 'Админ' }, payload)).resolves.toEqual({
      clientId: client!.id,
    });
    await expect(redeemInvite(deps, { telegramId: 930_002 }, payload)).rejects.toMatchObject({
      code: 'access.inviteUsed',
    });
  }, 60_000);

  it('an unknown УНП is refused with a readable message and exit code 1', async () => {
    const run = await cli(['invite', '--client', '999999999']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no client with УНП 999999999');
    expect(run.stdout).toBe('');
  }, 60_000);
});

describe('CLI: grant-support / revoke-support (R-AUTH-SUP)', () => {
  it('grants and revokes the support role', async () => {
    const support = () =>
      deps.db
        .select()
        .from(telegramRoles)
        .where(and(eq(telegramRoles.telegramId, 940_001), eq(telegramRoles.role, 'support')));
    const granted = await cli(['grant-support', '--telegram-id', '940001']);
    expect(granted).toMatchObject({ code: 0 });
    expect(granted.stdout).toContain('now support staff');
    expect(await support()).toHaveLength(1);
    const revoked = await cli(['revoke-support', '--telegram-id=940001']);
    expect(revoked.code).toBe(0);
    expect(await support()).toHaveLength(0);
  }, 60_000);
});

/** The same entry in-process, for the many argument checks (a child process per case is slow). */
async function cliInProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    { NODE_ENV: 'test', DATABASE_URL: deps.database.url, SECRETS_KEY, ...env },
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

describe('CLI: wrong arguments give a readable error and a non-zero exit', () => {
  it('as a child process: the usage and exit code 2', async () => {
    const run = await cli(['invite']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /invite: --client: give the client’s УНП[\s\S]*Usage: npm run cli -- invite --client <УНП>/,
    );
  }, 60_000);

  it.each([
    [['invite', '--client', '12'], 2, /an УНП is 9 characters/],
    [['invite', '--client', '191234563', '--force'], 2, /unknown flag --force/],
    [['seed'], 2, /say what to seed/],
    [['seed', '--demo', 'yes'], 2, /--demo takes no value/],
    [['seed', '--subscribers', 'many', '--pool', '10'], 2, /--subscribers: must be a whole number/],
    [['grant-support', '--telegram-id', '-5'], 2, /--telegram-id: a Telegram id is positive/],
    [['grant-support', 'oops'], 2, /unexpected argument «oops»/],
    [['frobnicate'], 2, /Unknown command «frobnicate»/],
  ])('%j exits %i', async (args, code, message) => {
    const run = await cliInProcess(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('a bad configuration is listed and exits 3', async () => {
    const run = await cliInProcess(['migrate'], { DATABASE_URL: 'mysql://nope', LOG_LEVEL: 'loud' });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(run.stderr).toContain('LOG_LEVEL');
  });

  it('help lists every command and exits 0', async () => {
    const run = await cliInProcess(['help']);
    expect(run.code).toBe(0);
    for (const name of ['migrate', 'seed --demo', 'invite --client', 'grant-support --telegram-id', 'revoke-support']) {
      expect(run.stdout).toContain(name);
    }
  });
});
