// Who is this Telegram user (roles from Postgres, one query per update), which language, and which role
// the session works in. A role that was unlinked meanwhile is dropped from the session here.
import type { MiddlewareFn } from 'telegraf';
import { actorFor, findRole, loadIdentity } from '../../domain/access/identity.js';
import type { BotContext, RoleClaim } from '../context.js';
import { langOf, textsFor } from '../texts/index.js';

export function languageMiddleware(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.lang = langOf(ctx.from?.language_code);
    ctx.t = textsFor(ctx.lang);
    return next();
  };
}

export function identityMiddleware(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from) return next();
    ctx.identity = await loadIdentity(ctx.services.deps.db, from.id);
    const claim = ctx.session?.role;
    const role = findRole(ctx.identity, claim);
    if (claim && !role && ctx.session) {
      ctx.session.role = undefined;
      ctx.session.subscriberId = undefined;
    }
    if (role) {
      ctx.role = role;
      ctx.actor = actorFor(from.id, role);
    }
    return next();
  };
}

export function claimOf(role: { kind: string; clientId?: number; subscriberId?: number }): RoleClaim {
  if (role.kind === 'admin') return { kind: 'admin', clientId: role.clientId! };
  if (role.kind === 'subscriber') return { kind: 'subscriber', subscriberId: role.subscriberId! };
  return { kind: 'support' };
}
