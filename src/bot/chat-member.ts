// `my_chat_member` in a private chat: the user blocked the bot (kicked) or came back (member). The flag
// stops and restarts proactive sends (notices, job results); nothing is answered — a blocked chat cannot be.
import type { MiddlewareFn } from 'telegraf';
import { markBlockedBot } from '../domain/access/sign-in.js';
import type { BotContext } from './context.js';

export function chatMemberUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const update = ctx.myChatMember;
    if (!update) return next();
    if (update.chat.type !== 'private') return;
    const status = update.new_chat_member.status;
    const blocked = status === 'kicked' || status === 'left';
    await markBlockedBot(ctx.services.deps.db, update.from.id, blocked);
    ctx.log.info({ from: update.from.id, status }, blocked ? 'the user blocked the bot' : 'the user is back');
  };
}
