// `api-token create|list|revoke` (R-API-AUTH: printed once as the last line, stored hashed) and
// `add-subscriber` (through the API's domain code), run as the real command-line tool.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiTokens, subscribers } from '../../src/db/schema/index.js';
import { signInByContact } from '../../src/domain/access/sign-in.js';
import { putAccount, putClient } from '../../src/domain/operator/clients.js';
import { verifyApiToken } from '../../src/domain/operator/tokens.js';
import { sha256 } from '../../src/domain/secrets.js';
import { createTestDeps } from '../helpers/deps.js';
import { makeTariff } from '../helpers/fixtures.js';

const deps = await createTestDeps();
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          DATABASE_URL: deps.database.url,
          SECRETS_KEY: deps.secretsKey.toString('hex'),
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;

describe('R-API-AUTH: api-token create, list, revoke', () => {
  it('prints the token once as the last line; only its hash is stored; list never shows it; revoke ends it', async () => {
    const run = await cli(['api-token', 'create', '--name', 'billing', '--scope', 'provision,read']);
    expect(run.code).toBe(0);
    const token = lastLine(run.stdout);
    expect(token).toMatch(/^pbt_[\w-]{40,}$/);
    const [row] = await deps.db.select().from(apiTokens).where(eq(apiTokens.name, 'billing'));
    expect(row!.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await verifyApiToken(deps, token)).toEqual({ tokenName: 'billing', scopes: ['provision', 'read'] });
    const list = await cli(['api-token', 'list']);
    expect(list.stdout).toContain('billing\tprovision,read');
    expect(list.stdout).not.toContain(token);
    expect((await cli(['api-token', 'create', '--name', 'x', '--scope', 'admin'])).code).toBe(2);
    expect((await cli(['api-token', 'revoke', '--name', 'billing'])).code).toBe(0);
    expect(await verifyApiToken(deps, token)).toBeUndefined();
    expect((await cli(['api-token', 'revoke', '--name', 'billing'])).code).toBe(1);
  });
});

describe('add-subscriber: a newcomer adds their own number and signs in with it', () => {
  it('adds the subscriber through the same domain code, and the contact signs in', async () => {
    const actor = { kind: 'system', name: 'cli' } as const;
    await putClient(deps, actor, '191234563', {
      name: 'ООО «Демо»',
      paymentForm: 'credit',
      creditLimit: 10000,
      status: 'active',
      contract: { number: 'Д-1', date: '2024-01-01' },
      billDelivery: { method: 'portal' },
      bankAccounts: [],
    });
    await putAccount(deps, actor, '191234563', 'LS-1', { name: 'Основной' });
    await makeTariff(deps.db, { code: 'start' });
    const run = await cli([
      'add-subscriber',
      '--client',
      '191234563',
      '--msisdn',
      '+375 33 555-12-34',
      '--name',
      'Иванов Иван',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('+375 33 555-12-34');
    const [row] = await deps.db.select().from(subscribers).where(eq(subscribers.msisdn, '375335551234'));
    expect(row).toMatchObject({ fullName: 'Иванов Иван', balance: 1000, status: 'active' });
    const signed = await signInByContact(
      deps,
      { telegramId: 4242, firstName: 'Иван' },
      { userId: 4242, phoneNumber: '375335551234' },
    );
    expect(signed.subscriberId).toBe(row!.id);
    // Run again: the same number, nothing new.
    const again = await cli([
      'add-subscriber',
      '--client',
      '191234563',
      '--msisdn',
      '80335551234',
      '--name',
      'Иванов Иван',
    ]);
    expect(again.stdout).toContain('Already there');
    expect(
      (await cli(['add-subscriber', '--client', '190000005', '--msisdn', '+375335551234', '--name', 'X'])).code,
    ).toBe(1);
  });
});
