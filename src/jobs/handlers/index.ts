// Every background job handler, by kind. Each area keeps its handlers in its own file here; the
// recurring sweeps book themselves once at start-up and then one run books the next.
import type { Config } from '../../config.js';
import type { DomainDeps } from '../../domain/deps.js';
import type { JobHandler } from '../types.js';
import { enqueueMailSweep } from '../../mail/outbox.js';
import { accountJobHandlers } from './account.js';
import { listJobHandlers } from './bulk.js';
import { billingJobHandlers } from './invoices.js';
import { numberJobHandlers, scheduleQuarantineRelease } from './numbers.js';
import { pauseJobHandlers, schedulePauseSweep } from './pause.js';

export function jobHandlers(config: Config): JobHandler[] {
  return [
    ...accountJobHandlers(),
    ...billingJobHandlers(config),
    ...numberJobHandlers,
    ...pauseJobHandlers,
    ...listJobHandlers(config),
  ];
}

/** Books the daily sweeps (idempotent: a pending one with the same key is kept). */
export async function scheduleRecurringJobs(deps: DomainDeps): Promise<void> {
  const now = deps.clock.now();
  await schedulePauseSweep(deps.db, now);
  await scheduleQuarantineRelease(deps.db, now);
  // Mail that waited in the outbox while SMTP_URL was unset goes out once a server is configured.
  await enqueueMailSweep(deps.db, now);
}
