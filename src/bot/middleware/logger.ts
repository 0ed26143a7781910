// A pino child per update with update_id and its type — no message texts, no secrets — and one line
// per update with its latency and outcome.
import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context.js';

export function updateLogger(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    ctx.log = ctx.services.logger.child({ update_id: ctx.update.update_id, type: ctx.updateType, chat: ctx.chat?.id });
    let outcome = 'ok';
    try {
      await next();
    } catch (error) {
      outcome = 'error';
      throw error;
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      ctx.log.info({ ms: Math.round(ms * 10) / 10, outcome }, 'update handled');
    }
  };
}
