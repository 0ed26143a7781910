// R-AUTH-SUP: the support role is granted and revoked by the command-line tool only.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, telegramRoles, telegramUsers } from '../../../src/db/schema/index.js';
import { grantSupport, revokeSupport } from '../../../src/domain/access/support.js';
import type { Actor } from '../../../src/domain/actor.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, linkAdmin, makeClient } from '../../helpers/fixtures.js';

const deps = await createTestDeps();

const supportRoles = (telegramId: number) =>
  deps.db
    .select()
    .from(telegramRoles)
    .where(and(eq(telegramRoles.telegramId, telegramId), eq(telegramRoles.role, 'support')));

describe('R-AUTH-SUP: support staff are granted the role by the command-line tool', () => {
  it('grants the role to a user who never wrote to the bot, once, audited', async () => {
    await expect(grantSupport(deps, 810_001)).resolves.toEqual({ granted: true });
    await expect(grantSupport(deps, 810_001)).resolves.toEqual({ granted: false });
    expect(await supportRoles(810_001)).toHaveLength(1);
    expect(await deps.db.select().from(telegramUsers).where(eq(telegramUsers.telegramId, 810_001))).toHaveLength(1);
    const audits = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'access.support.grant'));
    expect(audits).toEqual([expect.objectContaining({ actorKind: 'cli', after: { telegramId: 810_001 } })]);
  });

  it('keeps the user’s other roles: an administrator can also be support staff', async () => {
    const client = await makeClient(deps.db);
    await linkAdmin(deps.db, 810_002, client.id);
    await grantSupport(deps, 810_002);
    const roles = await deps.db.select().from(telegramRoles).where(eq(telegramRoles.telegramId, 810_002));
    expect(roles.map((r) => r.role).sort()).toEqual(['admin', 'support']);
    await revokeSupport(deps, 810_002);
    const left = await deps.db.select().from(telegramRoles).where(eq(telegramRoles.telegramId, 810_002));
    expect(left.map((r) => r.role)).toEqual(['admin']);
  });

  it('revokes the role; revoking someone without it changes nothing', async () => {
    await grantSupport(deps, 810_003);
    await expect(revokeSupport(deps, 810_003)).resolves.toEqual({ revoked: true });
    await expect(revokeSupport(deps, 810_003)).resolves.toEqual({ revoked: false });
    expect(await supportRoles(810_003)).toHaveLength(0);
    const audits = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'access.support.revoke'));
    expect(audits.filter((a) => (a.before as { telegramId?: number }).telegramId === 810_003)).toHaveLength(1);
  });

  it('nobody but the command-line tool may grant or revoke, and the id must be a Telegram id', async () => {
    const client = await makeClient(deps.db);
    for (const actor of [
      adminActor(client.id),
      { kind: 'support', telegramId: 810_001 } as Actor,
      { kind: 'system', name: 'worker' } as Actor,
    ]) {
      await expect(grantSupport(deps, 810_004, actor)).rejects.toMatchObject({ code: 'access.forbidden' });
      await expect(revokeSupport(deps, 810_001, actor)).rejects.toMatchObject({ code: 'access.forbidden' });
    }
    expect(await supportRoles(810_004)).toHaveLength(0);
    for (const bad of [0, -5, 1.5, Number.NaN]) {
      await expect(grantSupport(deps, bad)).rejects.toMatchObject({ code: 'access.telegramIdInvalid' });
    }
  });
});
