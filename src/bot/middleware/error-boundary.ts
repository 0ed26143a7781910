// The error boundary: a refusal by a rule becomes its text and the user keeps their place; a stale
// button is answered «Меню устарело» with the current menu; infrastructure outages answer
// «Сервис временно недоступен»; anything else is logged and answered with a generic apology.
import type { MiddlewareFn } from 'telegraf';
import { audit } from '../../domain/audit.js';
import { isDomainError } from '../../domain/errors.js';
import { CONTROL_CHARACTERS } from '../../domain/text.js';
import type { BotContext } from '../context.js';
import { answerOnce, notice } from '../render.js';
import { StaleButtonError } from '../sections.js';
import { errorText } from '../texts/index.js';

export type ShowHome = (ctx: BotContext) => Promise<void>;

/** Errors that mean Postgres, Redis or the Bot API cannot be reached right now. */
export function isInfrastructureError(error: unknown): boolean {
  const e = error as {
    code?: string;
    name?: string;
    message?: string;
    cause?: unknown;
    response?: { error_code?: unknown };
  };
  // The Bot API failing (5xx, or 429 beyond what the call policy waits for) is an outage, not a bug.
  const status = e?.response?.error_code;
  if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
  const text = `${e?.name ?? ''} ${e?.code ?? ''} ${e?.message ?? ''}`;
  if (
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|CONNECTION_|CONNECT_TIMEOUT|Connection is closed|Stream isn't writeable|enableOfflineQueue|Command timed out|MaxRetriesPerRequest|RedisUnavailable|ChatBusy|57P0|08006|08001|53300/.test(
      text,
    )
  ) {
    return true;
  }
  return e?.cause !== undefined && e.cause !== error ? isInfrastructureError(e.cause) : false;
}

async function safely(ctx: BotContext, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    ctx.log.warn({ err: error }, 'could not answer the user');
  }
}

/**
 * A refused press (forged, malformed, oversized, another client's id, or just stale) is a security
 * event: who pressed what and why it was refused, in the audit log (R-SCOPE).
 */
async function auditRefusedPress(ctx: BotContext, reason: string): Promise<void> {
  const query = ctx.callbackQuery;
  if (!query) return;
  const data =
    'data' in query && typeof query.data === 'string'
      ? [...query.data].slice(0, 64).join('').replace(CONTROL_CHARACTERS, '?')
      : null;
  await safely(ctx, () =>
    audit(
      ctx.services.deps.db,
      ctx.actor ?? { kind: 'user', telegramId: ctx.from?.id ?? 0 },
      ctx.services.deps.clock.now(),
      {
        action: 'security.refusedCallback',
        after: { data, reason },
      },
    ),
  );
}

export function errorBoundary(showHome: ShowHome): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const t = ctx.t;
      if (error instanceof StaleButtonError) {
        ctx.log.info({ reason: error.message }, 'stale button');
        await auditRefusedPress(ctx, error.message);
        await safely(ctx, async () => {
          await answerOnce(ctx, t.core.errors.stale);
          await showHome(ctx);
        });
        return;
      }
      if (isDomainError(error)) {
        if (error.code === 'access.forbidden' && ctx.callbackQuery) {
          // A forged or outdated id in a button: refuse, audit, and show the current menu.
          ctx.log.warn({ code: error.code }, 'refused press');
          await auditRefusedPress(ctx, error.code);
          await safely(ctx, async () => {
            await answerOnce(ctx, t.core.errors.stale);
            await showHome(ctx);
          });
          return;
        }
        // A button naming something the user cannot reach (or that does not exist) is audited too.
        if (ctx.callbackQuery && /\.notFound$/.test(error.code)) await auditRefusedPress(ctx, error.code);
        const text = errorText(t, error) ?? t.core.errors.generic;
        if (errorText(t, error) === undefined) ctx.log.warn({ code: error.code }, 'domain error without a text');
        await safely(ctx, () => notice(ctx, text, true));
        return;
      }
      if ((error as Error)?.name === 'ChatBusyError') {
        await safely(ctx, () => notice(ctx, t.core.errors.busy));
        return;
      }
      const infrastructure = isInfrastructureError(error);
      ctx.log.error({ err: error }, infrastructure ? 'infrastructure unavailable' : 'unhandled error');
      const text = infrastructure ? t.core.errors.unavailable : t.core.errors.generic;
      await safely(ctx, () => notice(ctx, text, true));
    }
  };
}
