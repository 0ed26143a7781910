// Finding 5 of issue 22 (secrets key): a server database never runs on the development key; SIM codes are
// sealed in a versioned format bound to their subscriber; `secrets reencrypt` moves every code to the
// current key and old (v1) ciphertexts stay readable until it has.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { loadConfig } from '../../src/config.js';
import { subscribers } from '../../src/db/schema/index.js';
import { createCipheriv, randomBytes } from 'node:crypto';
import { decryptSecret, sealedVersion, subscriberBinding } from '../../src/domain/secrets.js';
import { writeSimCodes } from '../../src/domain/sim-codes-store.js';
import { revealSimCodes } from '../../src/domain/subscriber-info.js';
import { createTestDeps } from '../helpers/deps.js';
import { makeSubscriber, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps();
const codes = { pin1: '1111', puk1: '22222222', pin2: '3333', puk2: '44444444' };
const OLD_KEY = Buffer.alloc(32, 3);

/** The format written before issue 22: v1, no additional data. */
function sealV1(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

async function stored(id: number): Promise<string> {
  const [row] = await deps.db
    .select({ sealed: subscribers.simCodesEncrypted })
    .from(subscribers)
    .where(eq(subscribers.id, id));
  return row!.sealed!;
}

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { NODE_ENV: 'test', DATABASE_URL: deps.database.url, SECRETS_KEY: deps.secretsKey.toString('hex'), ...env },
    { out: (s) => void out.push(s), err: (s) => void err.push(s) },
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('Finding 5 (secrets key): a server database needs a real SECRETS_KEY', () => {
  it('DATABASE_URL without SECRETS_KEY is refused by the config the bot, the worker and the CLI parse', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db' })).toThrow(/SECRETS_KEY.*DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://x@127.0.0.1/db' })).toThrow(/SECRETS_KEY/);
    // The embedded database may run on the development key.
    expect(loadConfig({}).SECRETS_KEY).toBeUndefined();
  });

  it('the CLI exits with the configuration code and writes nothing', async () => {
    const run = await cli(['migrate'], { SECRETS_KEY: '' });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('SECRETS_KEY: is required when DATABASE_URL is set');
  });
});

describe('Finding 5 (secrets key): ciphertexts versioned and bound to their subscriber', () => {
  it('codes copied onto another subscriber’s row do not open there', async () => {
    const a = await makeSubscriber(deps.db);
    const b = await makeSubscriber(deps.db, { clientId: a.clientId });
    await writeSimCodes(deps.db, deps.secretsKey, [{ subscriberId: a.id, codes }]);
    const sealed = await stored(a.id);
    expect(sealedVersion(sealed)).toBe('v2');
    await deps.db.update(subscribers).set({ simCodesEncrypted: sealed }).where(eq(subscribers.id, b.id));
    await expect(revealSimCodes(deps, subscriberActor(a), a.id)).resolves.toEqual(codes);
    await expect(revealSimCodes(deps, subscriberActor(b), b.id)).rejects.toThrow();
    await deps.db.update(subscribers).set({ simCodesEncrypted: null }).where(eq(subscribers.id, b.id));
  });

  it('an old v1 ciphertext is still read', async () => {
    const s = await makeSubscriber(deps.db, { simCodesEncrypted: sealV1(JSON.stringify(codes), deps.secretsKey) });
    await expect(revealSimCodes(deps, subscriberActor(s), s.id)).resolves.toEqual(codes);
  });
});

describe('Finding 5 (secrets key): `secrets reencrypt --from-key-file` moves every stored code', () => {
  it('old-key v1 and v2 rows end v2 under the current key; a second run moves nothing; the key is never printed', async () => {
    const v1 = await makeSubscriber(deps.db, { simCodesEncrypted: sealV1(JSON.stringify(codes), OLD_KEY) });
    const v2 = await makeSubscriber(deps.db);
    await writeSimCodes(deps.db, OLD_KEY, [{ subscriberId: v2.id, codes }]);
    const legacyCurrent = await makeSubscriber(deps.db, {
      simCodesEncrypted: sealV1(JSON.stringify(codes), deps.secretsKey),
    });
    // Before: the current key opens neither old-key row.
    await expect(revealSimCodes(deps, subscriberActor(v1), v1.id)).rejects.toThrow();
    await expect(revealSimCodes(deps, subscriberActor(v2), v2.id)).rejects.toThrow();

    const dir = await mkdtemp(join(tmpdir(), 'portal-key-'));
    const file = join(dir, 'old.key');
    await writeFile(file, `${OLD_KEY.toString('base64')}\n`);
    const run = await cli(['secrets', 'reencrypt', '--from-key-file', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/moved to the current key: [3-9]\d*;/);
    expect(run.stdout + run.stderr).not.toContain(OLD_KEY.toString('base64'));
    expect(run.stdout + run.stderr).not.toContain(OLD_KEY.toString('hex'));

    for (const s of [v1, v2, legacyCurrent]) {
      const sealed = await stored(s.id);
      expect(sealedVersion(sealed)).toBe('v2');
      expect(JSON.parse(decryptSecret(sealed, deps.secretsKey, subscriberBinding(s.id)))).toEqual(codes);
      await expect(revealSimCodes(deps, subscriberActor(s), s.id)).resolves.toEqual(codes);
    }
    const again = await cli(['secrets', 'reencrypt', '--from-key-file', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('moved to the current key: 0;');
  });

  it('a row neither key opens is reported (exit 1) and left as it was', async () => {
    const s = await makeSubscriber(deps.db, { simCodesEncrypted: sealV1('{}', Buffer.alloc(32, 5)) });
    const before = await stored(s.id);
    const dir = await mkdtemp(join(tmpdir(), 'portal-key-'));
    await writeFile(join(dir, 'old.key'), OLD_KEY.toString('hex'));
    const run = await cli(['secrets', 'reencrypt', '--from-key-file', join(dir, 'old.key')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`unreadable subscriber ids: ${s.id}`);
    expect(await stored(s.id)).toBe(before);
    await deps.db.update(subscribers).set({ simCodesEncrypted: null }).where(eq(subscribers.id, s.id));
  });

  it('a key file that is not a key is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-key-'));
    await writeFile(join(dir, 'bad.key'), 'short');
    const run = await cli(['secrets', 'reencrypt', '--from-key-file', join(dir, 'bad.key')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('must hold 32 bytes');
  });
});
