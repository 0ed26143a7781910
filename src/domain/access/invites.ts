// R-AUTH-ADM: one-time administrator invites. A code is issued for one client (by the command-line tool
// or an administrator of that client), stored only as its SHA-256, expires, and is redeemed once; wrong
// codes are counted per Telegram user and too many lock the user out.
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { clients, invites, signInFailures, telegramRoles } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { randomCode, sha256 } from '../secrets.js';
import type { Settings } from '../settings.js';
import { upsertTelegramUser } from './sign-in.js';
import { assertClientMayChange } from './may-change.js';

const MINUTE = 60_000;
/** What a /start payload may hold (Telegram deep links: letters, digits, `_`, `-`, up to 64). */
const CODE_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

export interface InviteRedeemer {
  telegramId: number;
  firstName?: string;
  username?: string;
  languageCode?: string;
}

function issuer(actor: Actor, clientId: number): string {
  if (actor.kind === 'system' && actor.name === 'cli') return 'cli';
  if (actor.kind === 'admin' && actor.clientId === clientId) return `admin:${actor.telegramId}`;
  throw new DomainError('access.forbidden');
}

/**
 * Issues an invite for `clientId`; only the command-line tool or an administrator of that client may.
 * Returns the code — the /start payload — which is shown once to the issuer and never stored or logged.
 */
export async function issueInvite(deps: DomainDeps, actor: Actor, clientId: number): Promise<string> {
  const createdBy = issuer(actor, clientId);
  const now = deps.clock.now();
  const code = randomCode();
  const expiresAt = new Date(now.getTime() + deps.settings.inviteTtlHours * 60 * MINUTE);
  return deps.db.transaction(async (tx) => {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
    if (!client) throw new DomainError('access.clientUnknown');
    await assertClientMayChange(tx, actor);
    const [row] = await tx
      .insert(invites)
      .values({ clientId, codeHash: sha256(code), createdBy, createdAt: now, expiresAt })
      .returning({ id: invites.id });
    await audit(tx, actor, now, {
      action: 'access.invite.issue',
      clientId,
      after: { inviteId: row!.id, expiresAt: expiresAt.toISOString() },
    });
    return code;
  });
}

/**
 * When the user is locked out, the minutes left; otherwise 0. A lockout starts at the failure that makes
 * `inviteMaxFailures` within `inviteFailureWindowMinutes`, and lasts `inviteLockoutMinutes` from there.
 */
export async function lockoutMinutesLeft(
  tx: Executor,
  settings: Settings,
  telegramId: number,
  now: Date,
): Promise<number> {
  const lookBack = new Date(
    now.getTime() - (settings.inviteLockoutMinutes + settings.inviteFailureWindowMinutes) * MINUTE,
  );
  const rows = await tx
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(and(eq(signInFailures.telegramId, telegramId), gt(signInFailures.at, lookBack)))
    .orderBy(asc(signInFailures.at));
  const times = rows.map((r) => r.at.getTime());
  const need = settings.inviteMaxFailures;
  let lockedUntil = 0;
  for (let i = need - 1; i < times.length; i++) {
    if (times[i]! - times[i - need + 1]! <= settings.inviteFailureWindowMinutes * MINUTE) {
      lockedUntil = Math.max(lockedUntil, times[i]! + settings.inviteLockoutMinutes * MINUTE);
    }
  }
  return lockedUntil > now.getTime() ? Math.ceil((lockedUntil - now.getTime()) / MINUTE) : 0;
}

type Outcome = { ok: true; clientId: number } | { ok: false; error: DomainError };

/**
 * Redeems an invite: the Telegram user becomes an administrator of the invite's client. Single use, even
 * when two redeem at once; a refusal is recorded as a sign-in failure and raised after that is committed.
 */
export async function redeemInvite(
  deps: DomainDeps,
  user: InviteRedeemer,
  code: string,
): Promise<{ clientId: number }> {
  if (!Number.isSafeInteger(user.telegramId) || user.telegramId <= 0) throw new DomainError('access.forbidden');
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    // One attempt of a user at a time, so the failure count and the lockout are exact.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${user.telegramId}`}, 0))`);
    const minutes = await lockoutMinutesLeft(tx, deps.settings, user.telegramId, now);
    if (minutes > 0) return { ok: false, error: new DomainError('access.lockedOut', { minutes }) };

    const hash = CODE_SHAPE.test(code) ? sha256(code) : null;
    const [claimed] = hash
      ? await tx
          .update(invites)
          .set({ usedAt: now, usedByTelegramId: user.telegramId })
          .where(and(eq(invites.codeHash, hash), isNull(invites.usedAt), gt(invites.expiresAt, now)))
          .returning({ id: invites.id, clientId: invites.clientId })
      : [];
    if (!claimed) {
      const [known] = hash ? await tx.select().from(invites).where(eq(invites.codeHash, hash)) : [];
      const reason = !known ? 'access.inviteUnknown' : known.usedAt ? 'access.inviteUsed' : 'access.inviteExpired';
      await tx.insert(signInFailures).values({ telegramId: user.telegramId, at: now });
      return { ok: false, error: new DomainError(reason) };
    }

    await upsertTelegramUser(tx, user, now);
    await tx
      .insert(telegramRoles)
      .values({ telegramId: user.telegramId, role: 'admin', clientId: claimed.clientId, createdAt: now })
      .onConflictDoNothing();
    const actor: Actor = { kind: 'admin', telegramId: user.telegramId, clientId: claimed.clientId };
    await audit(tx, actor, now, {
      action: 'access.invite.redeem',
      clientId: claimed.clientId,
      after: { inviteId: claimed.id },
    });
    return { ok: true, clientId: claimed.clientId };
  });
  if (!outcome.ok) throw outcome.error;
  return { clientId: outcome.clientId };
}
