// Counts every update by type and times its handling; an error is counted by kind and passed on to the
// error boundary (this middleware sits just inside it, so it sees what the boundary will turn into a text).
import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../bot/context.js';
import { isInfrastructureError } from '../bot/middleware/error-boundary.js';
import { isDomainError } from '../domain/errors.js';
import type { Metrics } from './registry.js';

export type ErrorKind = 'domain' | 'stale' | 'busy' | 'infrastructure' | 'unhandled';

/** The same split the error boundary makes, as a bounded label value. */
export function errorKind(error: unknown): ErrorKind {
  if (isDomainError(error)) return 'domain';
  const name = (error as Error)?.name;
  if (name === 'StaleButtonError') return 'stale';
  if (name === 'ChatBusyError') return 'busy';
  if (isInfrastructureError(error)) return 'infrastructure';
  return 'unhandled';
}

export function metricsMiddleware(metrics: Metrics): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const type = ctx.updateType;
    metrics.updates.inc({ type });
    const stopTimer = metrics.updateSeconds.startTimer({ type });
    try {
      await next();
      stopTimer({ outcome: 'ok' });
    } catch (error) {
      const kind = errorKind(error);
      metrics.updateErrors.inc({ kind });
      stopTimer({ outcome: kind });
      throw error;
    }
  };
}
