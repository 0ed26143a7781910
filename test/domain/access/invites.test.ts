// R-AUTH-ADM: one-time administrator invites — who may issue them, hashed storage, expiry, single use
// (also under a race), distinct refusals, and the lockout after too many wrong codes.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rawRows } from '../../../src/db/client.js';
import { auditLog, invites, signInFailures, telegramRoles, telegramUsers } from '../../../src/db/schema/index.js';
import { issueInvite, redeemInvite } from '../../../src/domain/access/invites.js';
import type { Actor } from '../../../src/domain/actor.js';
import { sha256 } from '../../../src/domain/secrets.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00', { inviteTtlHours: 24 });
const CLI: Actor = { kind: 'system', name: 'cli' };
const MINUTE = 60_000;

let nextUser = 700_000;
const newUser = () => ({ telegramId: ++nextUser, firstName: 'Ольга', username: `olga${nextUser}`, languageCode: 'ru' });
const failuresOf = async (telegramId: number) =>
  (await deps.db.select().from(signInFailures).where(eq(signInFailures.telegramId, telegramId))).length;

describe('R-AUTH-ADM: who may issue an invite', () => {
  it('the command-line tool and an administrator of that same client may; anyone else is refused', async () => {
    const client = await makeClient(deps.db);
    const other = await makeClient(deps.db);
    const subscriber = await makeSubscriber(deps.db, { clientId: client.id });
    await expect(issueInvite(deps, CLI, client.id)).resolves.toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    await expect(issueInvite(deps, adminActor(client.id), client.id)).resolves.toMatch(/^[A-Za-z0-9_-]+$/);

    for (const actor of [
      adminActor(other.id),
      subscriberActor(subscriber),
      { kind: 'support', telegramId: 5 } as Actor,
      { kind: 'system', name: 'worker' } as Actor,
    ]) {
      await expect(issueInvite(deps, actor, client.id)).rejects.toMatchObject({ code: 'access.forbidden' });
    }
    await expect(issueInvite(deps, CLI, 99_999_999)).rejects.toMatchObject({ code: 'access.clientUnknown' });
  });

  it('stores only the SHA-256 of the code, expires after the configured hours, and audits without the code', async () => {
    const client = await makeClient(deps.db);
    const code = await issueInvite(deps, CLI, client.id);
    const [row] = await deps.db
      .select()
      .from(invites)
      .where(eq(invites.codeHash, sha256(code)));
    expect(row).toMatchObject({ clientId: client.id, createdBy: 'cli', usedAt: null });
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(24 * 60 * MINUTE);
    const leaks = await rawRows<{ n: number }>(
      deps.db,
      sql`select (select count(*) from invites where code_hash = ${code} or created_by like ${`%${code}%`})
               + (select count(*) from audit_log where coalesce(after::text, '') || coalesce(before::text, '') like ${`%${code}%`}) as n`,
    );
    expect(Number(leaks[0]!.n)).toBe(0);
    const audits = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access.invite.issue'), eq(auditLog.clientId, client.id)));
    expect(audits).toHaveLength(1);
  });
});

describe('R-AUTH-ADM: redeeming an invite', () => {
  it('makes the Telegram user an administrator of the invite’s client in one step, audited', async () => {
    const client = await makeClient(deps.db);
    const code = await issueInvite(deps, CLI, client.id);
    const user = newUser();
    await expect(redeemInvite(deps, user, code)).resolves.toEqual({ clientId: client.id });
    const [profile] = await deps.db.select().from(telegramUsers).where(eq(telegramUsers.telegramId, user.telegramId));
    expect(profile).toMatchObject({ firstName: 'Ольга', username: user.username, languageCode: 'ru' });
    const roles = await deps.db.select().from(telegramRoles).where(eq(telegramRoles.telegramId, user.telegramId));
    expect(roles).toEqual([expect.objectContaining({ role: 'admin', clientId: client.id, subscriberId: null })]);
    const [invite] = await deps.db
      .select()
      .from(invites)
      .where(eq(invites.codeHash, sha256(code)));
    expect(invite).toMatchObject({ usedByTelegramId: user.telegramId });
    expect(invite!.usedAt).not.toBeNull();
    const audits = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access.invite.redeem'), eq(auditLog.actorTelegramId, user.telegramId)));
    expect(audits).toHaveLength(1);
  });

  it('is single use: a second redeem is refused as used, by anyone', async () => {
    const client = await makeClient(deps.db);
    const code = await issueInvite(deps, CLI, client.id);
    const first = newUser();
    await redeemInvite(deps, first, code);
    await expect(redeemInvite(deps, first, code)).rejects.toMatchObject({ code: 'access.inviteUsed' });
    await expect(redeemInvite(deps, newUser(), code)).rejects.toMatchObject({ code: 'access.inviteUsed' });
  });

  it('two users redeeming the same code at once: exactly one succeeds', async () => {
    const client = await makeClient(deps.db);
    const code = await issueInvite(deps, CLI, client.id);
    const users = [newUser(), newUser(), newUser()];
    const results = await Promise.allSettled(users.map((u) => redeemInvite(deps, u, code)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'access.inviteUsed' });
    }
    const admins = await deps.db
      .select()
      .from(telegramRoles)
      .where(and(eq(telegramRoles.clientId, client.id), eq(telegramRoles.role, 'admin')));
    expect(admins).toHaveLength(1);
  });

  it('expires after settings.inviteTtlHours: accepted just before, refused as expired at the hour', async () => {
    const client = await makeClient(deps.db);
    deps.clock.set(minsk('2026-11-10T10:00'));
    const early = await issueInvite(deps, CLI, client.id);
    const late = await issueInvite(deps, CLI, client.id);
    deps.clock.set(minsk('2026-11-11T09:59'));
    await expect(redeemInvite(deps, newUser(), early)).resolves.toEqual({ clientId: client.id });
    deps.clock.set(minsk('2026-11-11T10:00'));
    await expect(redeemInvite(deps, newUser(), late)).rejects.toMatchObject({ code: 'access.inviteExpired' });
    deps.clock.set(minsk('2026-11-10T10:00'));
  });

  it('the hours come from the settings, not from the code', async () => {
    const short = { ...deps, settings: { ...deps.settings, inviteTtlHours: 2 } };
    const client = await makeClient(deps.db);
    deps.clock.set(minsk('2026-11-10T10:00'));
    const code = await issueInvite(short, CLI, client.id);
    deps.clock.set(minsk('2026-11-10T12:01'));
    await expect(redeemInvite(short, newUser(), code)).rejects.toMatchObject({ code: 'access.inviteExpired' });
    deps.clock.set(minsk('2026-11-10T10:00'));
  });

  it('an unknown or malformed code is refused as unknown, and every wrong code is recorded', async () => {
    const user = newUser();
    await expect(redeemInvite(deps, user, 'no-such-code-000000')).rejects.toMatchObject({
      code: 'access.inviteUnknown',
    });
    await expect(redeemInvite(deps, user, 'bad code with spaces')).rejects.toMatchObject({
      code: 'access.inviteUnknown',
    });
    await expect(redeemInvite(deps, user, 'x'.repeat(200))).rejects.toMatchObject({ code: 'access.inviteUnknown' });
    expect(await failuresOf(user.telegramId)).toBe(3);
    const client = await makeClient(deps.db);
    const used = await issueInvite(deps, CLI, client.id);
    await redeemInvite(deps, newUser(), used);
    await expect(redeemInvite(deps, user, used)).rejects.toMatchObject({ code: 'access.inviteUsed' });
    expect(await failuresOf(user.telegramId)).toBe(4);
  });
});

describe('R-AUTH-ADM: five wrong codes in ten minutes lock the user out for an hour', () => {
  it('the lockout refuses even a correct code, tells the minutes left, and ends after the hour', async () => {
    const client = await makeClient(deps.db);
    const start = minsk('2026-11-10T14:00');
    deps.clock.set(start);
    const user = newUser();
    for (let i = 0; i < 5; i++) {
      await expect(redeemInvite(deps, user, `wrong-code-${i}`)).rejects.toMatchObject({ code: 'access.inviteUnknown' });
      deps.clock.advance(2 * MINUTE);
    }
    // The fifth failure was at 14:08, so the lockout runs until 15:08.
    const code = await issueInvite(deps, CLI, client.id);
    await expect(redeemInvite(deps, user, code)).rejects.toMatchObject({
      code: 'access.lockedOut',
      params: { minutes: 58 },
    });
    deps.clock.set(new Date(start.getTime() + 67 * MINUTE));
    await expect(redeemInvite(deps, user, code)).rejects.toMatchObject({
      code: 'access.lockedOut',
      params: { minutes: 1 },
    });
    expect(await failuresOf(user.telegramId)).toBe(5); // attempts while locked out are not counted again
    deps.clock.set(new Date(start.getTime() + 68 * MINUTE));
    await expect(redeemInvite(deps, user, code)).resolves.toEqual({ clientId: client.id });
    deps.clock.set(minsk('2026-11-10T10:00'));
  });

  it('five wrong codes spread over more than ten minutes do not lock; the lockout is per Telegram user', async () => {
    const client = await makeClient(deps.db);
    deps.clock.set(minsk('2026-11-10T16:00'));
    const slow = newUser();
    for (let i = 0; i < 5; i++) {
      await expect(redeemInvite(deps, slow, `slow-wrong-${i}`)).rejects.toMatchObject({ code: 'access.inviteUnknown' });
      deps.clock.advance(3 * MINUTE);
    }
    await expect(redeemInvite(deps, slow, await issueInvite(deps, CLI, client.id))).resolves.toEqual({
      clientId: client.id,
    });

    const locked = newUser();
    for (let i = 0; i < 5; i++) await expect(redeemInvite(deps, locked, `fast-wrong-${i}`)).rejects.toBeTruthy();
    await expect(redeemInvite(deps, locked, 'anything')).rejects.toMatchObject({
      code: 'access.lockedOut',
      params: { minutes: 60 },
    });
    await expect(redeemInvite(deps, newUser(), await issueInvite(deps, CLI, client.id))).resolves.toEqual({
      clientId: client.id,
    });
    deps.clock.set(minsk('2026-11-10T10:00'));
  });

  it('the limits come from the settings', async () => {
    const strict = { ...deps, settings: { ...deps.settings, inviteMaxFailures: 2, inviteLockoutMinutes: 5 } };
    deps.clock.set(minsk('2026-11-10T18:00'));
    const user = newUser();
    await expect(redeemInvite(strict, user, 'one-wrong')).rejects.toMatchObject({ code: 'access.inviteUnknown' });
    await expect(redeemInvite(strict, user, 'two-wrong')).rejects.toMatchObject({ code: 'access.inviteUnknown' });
    await expect(redeemInvite(strict, user, 'three')).rejects.toMatchObject({
      code: 'access.lockedOut',
      params: { minutes: 5 },
    });
    deps.clock.set(minsk('2026-11-10T10:00'));
  });
});
