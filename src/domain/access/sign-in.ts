// R-AUTH-SUB: a subscriber signs in by sharing their own contact. R-ROLES: unlinking and logout.
// «Отвязать Telegram»: an administrator unlinks a number of their client.
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { subscribers, telegramRoles, telegramUsers } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { stripNational } from '../phone.js';
import { adminClientId, subscriberInScope } from '../scope.js';
import { assertClientMayChange } from './may-change.js';

export interface TelegramProfile {
  telegramId: number;
  firstName?: string;
  username?: string;
  languageCode?: string;
}

export async function upsertTelegramUser(tx: Executor, profile: TelegramProfile, at: Date): Promise<void> {
  await tx
    .insert(telegramUsers)
    .values({
      telegramId: profile.telegramId,
      firstName: profile.firstName ?? null,
      username: profile.username ?? null,
      languageCode: profile.languageCode ?? null,
      createdAt: at,
      lastSeenAt: at,
    })
    .onConflictDoUpdate({
      target: telegramUsers.telegramId,
      set: {
        firstName: profile.firstName ?? null,
        username: profile.username ?? null,
        lastSeenAt: at,
        blockedBot: false,
      },
    });
}

/**
 * Links the sender to the subscriber whose number their own shared contact carries. The contact must be
 * the sender's (`contactUserId` equals the sender); the number must belong to a subscriber that is not
 * terminated (blocked and paused numbers may sign in).
 */
export async function signInByContact(
  deps: DomainDeps,
  profile: TelegramProfile,
  contact: { userId?: number; phoneNumber: string },
): Promise<{ subscriberId: number; clientId: number; msisdn: string }> {
  if (contact.userId === undefined || contact.userId !== profile.telegramId)
    throw new DomainError('access.contactNotOwn');
  const national = stripNational(contact.phoneNumber.startsWith('+') ? contact.phoneNumber : `+${contact.phoneNumber}`);
  if (!/^\d{9}$/.test(national)) throw new DomainError('access.contactUnknown');
  const msisdn = `375${national}`;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [subscriber] = await tx
      .select()
      .from(subscribers)
      .where(eq(subscribers.msisdn, msisdn))
      .orderBy(subscribers.status);
    if (!subscriber) throw new DomainError('access.contactUnknown');
    if (subscriber.status === 'terminated') throw new DomainError('access.contactTerminated');
    await upsertTelegramUser(tx, profile, now);
    const [existing] = await tx
      .select()
      .from(telegramRoles)
      .where(and(eq(telegramRoles.role, 'subscriber'), eq(telegramRoles.subscriberId, subscriber.id)))
      .for('update');
    if (existing && existing.telegramId !== profile.telegramId) {
      // The contact is verified as the sender's own and the number is theirs: the newest owner wins.
      await tx.delete(telegramRoles).where(eq(telegramRoles.id, existing.id));
    }
    if (!existing || existing.telegramId !== profile.telegramId) {
      await tx.insert(telegramRoles).values({
        telegramId: profile.telegramId,
        role: 'subscriber',
        clientId: subscriber.clientId,
        subscriberId: subscriber.id,
        createdAt: now,
      });
      const actor: Actor = {
        kind: 'subscriber',
        telegramId: profile.telegramId,
        clientId: subscriber.clientId,
        subscriberId: subscriber.id,
      };
      await audit(tx, actor, now, {
        action: 'access.subscriberLinked',
        before: existing ? { telegramId: existing.telegramId } : null,
        after: { telegramId: profile.telegramId },
      });
    }
    return { subscriberId: subscriber.id, clientId: subscriber.clientId, msisdn: subscriber.msisdn };
  });
}

/** «Отвязать Telegram»: an administrator unlinks the Telegram account of one of their numbers. */
export async function unlinkSubscriberTelegram(
  deps: DomainDeps,
  actor: Actor,
  subscriberId: number,
): Promise<{ unlinked: boolean; msisdn: string }> {
  adminClientId(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const subscriber = await subscriberInScope(tx, actor, subscriberId);
    await assertClientMayChange(tx, actor);
    const removed = await tx
      .delete(telegramRoles)
      .where(and(eq(telegramRoles.role, 'subscriber'), eq(telegramRoles.subscriberId, subscriberId)))
      .returning({ telegramId: telegramRoles.telegramId });
    if (removed.length > 0) {
      await audit(tx, actor, now, {
        action: 'access.subscriberUnlinked',
        subscriberId,
        before: { telegramId: removed[0]!.telegramId },
      });
    }
    return { unlinked: removed.length > 0, msisdn: subscriber.msisdn };
  });
}

/** `/logout`: unlinks the account from every role. */
export async function logoutEverywhere(deps: DomainDeps, telegramId: number): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const removed = await tx.delete(telegramRoles).where(eq(telegramRoles.telegramId, telegramId)).returning();
    if (removed.length > 0) {
      await audit(tx, { kind: 'user', telegramId }, now, {
        action: 'access.logout',
        before: removed.map((r) => ({ role: r.role, clientId: r.clientId, subscriberId: r.subscriberId, telegramId })),
      });
    }
    return removed.length;
  });
}

/** Remembers that the user blocked the bot (403), so proactive sends stop. */
export async function markBlockedBot(db: Executor, telegramId: number, blocked: boolean): Promise<void> {
  await db
    .update(telegramUsers)
    .set({ blockedBot: blocked })
    .where(and(eq(telegramUsers.telegramId, telegramId), ne(telegramUsers.blockedBot, blocked)));
}

/** True when the user blocked the bot: no proactive message goes to them until they come back. */
export async function isBlockedBot(db: Executor, telegramId: number): Promise<boolean> {
  const [row] = await db
    .select({ blocked: telegramUsers.blockedBot })
    .from(telegramUsers)
    .where(eq(telegramUsers.telegramId, telegramId));
  return row?.blocked ?? false;
}

/** The Telegram language the user last wrote with (jobs answer in it; none: the operator's). */
export async function userLanguageCode(db: Executor, telegramId: number | null | undefined): Promise<string | null> {
  if (!telegramId) return null;
  const [row] = await db
    .select({ lang: telegramUsers.languageCode })
    .from(telegramUsers)
    .where(eq(telegramUsers.telegramId, telegramId));
  return row?.lang ?? null;
}
