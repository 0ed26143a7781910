// R-BULK: a list of numbers, one service, connect or disconnect. Every line is decided by the same pure
// rules as a single change (R-SVC, src/domain/services/connect-rules.ts), a batch at a time, inside the
// transaction that marks it done (./apply.ts).
import type { Executor } from '../../db/client.js';
import { connectServiceTx, disconnectServiceTx } from '../services/services.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';

export type BulkAction = 'connect' | 'disconnect';

export const BULK_ACTIONS: readonly BulkAction[] = ['connect', 'disconnect'];

export interface ServiceLineTarget {
  subscriberId: number;
  serviceId: number;
  action: BulkAction;
}

/** Applies one line inside `tx` as a single change would; throws DomainError when the rules refuse it. */
export type ServiceLineApplier = (
  tx: Executor,
  deps: DomainDeps,
  actor: Actor,
  target: ServiceLineTarget,
) => Promise<{ fee: number }>;

/**
 * One line through the single change of «Операции с услугами» (connectServiceTx / disconnectServiceTx):
 * the reference a batch must end exactly like (test/domain/bulk/decision.test.ts).
 */
export const applyServiceLine: ServiceLineApplier = async (tx, deps, actor, target) => {
  const change =
    target.action === 'connect'
      ? await connectServiceTx(tx, deps, actor, target)
      : await disconnectServiceTx(tx, deps, actor, target);
  return { fee: change.fee };
};

/** The job that works through a confirmed list; several run per list so processes share it. */
export const BULK_APPLY_JOB = 'bulk.apply';
/** The job that sends the result file once every line is done (retried on its own if Telegram fails). */
export const BULK_RESULT_JOB = 'bulk.result';
/** How many apply jobs a list gets: each claims lines with SKIP LOCKED, so two processes share one list. */
export const BULK_JOBS_PER_LIST = 2;
