// The worker loop: claims due jobs of the registered kinds and runs their handlers. The embedded bot
// runs one in-process; a server deployment may also run `npm run worker` processes beside it.
import { randomBytes } from 'node:crypto';
import type { DomainDeps } from '../domain/deps.js';
import type { Logger } from '../logger.js';
import { claimJobs, completeJob, extendClaim, failJob, releaseJob } from './queue.js';
import type { JobHandler, Notifier } from './types.js';

export interface RunnerOptions {
  deps: DomainDeps;
  notifier: Notifier;
  logger: Logger;
  handlers: JobHandler[];
  /** How long a claim lasts before another worker may take the job (heartbeats extend it). */
  lockMs?: number;
  pollMs?: number;
  batch?: number;
  workerId?: string;
}

export class JobRunner {
  readonly workerId: string;
  private readonly byKind: Map<string, JobHandler>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** Set by stop() only: runDue() called directly (tests, CLI) on a runner never started runs everything due. */
  private stopRequested = false;

  constructor(private readonly options: RunnerOptions) {
    this.workerId = options.workerId ?? `w-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.byKind = new Map(options.handlers.map((h) => [h.kind, h]));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopRequested = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the job step in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every due job once (tests and the CLI call this directly). Returns how many ran. */
  async runDue(): Promise<number> {
    const { deps, logger } = this.options;
    const lockMs = this.options.lockMs ?? 60_000;
    let count = 0;
    for (;;) {
      const claimed = await claimJobs(deps.db, {
        kinds: [...this.byKind.keys()],
        workerId: this.workerId,
        now: deps.clock.now(),
        lockMs,
        limit: this.options.batch ?? 10,
      });
      if (claimed.length === 0) return count;
      for (const [index, job] of claimed.entries()) {
        if (this.stopRequested) {
          // Jobs claimed in this batch but not started go back at once rather than after their claim expires.
          for (const rest of claimed.slice(index)) await releaseJob(deps.db, rest.id, this.workerId);
          return count;
        }
        // The batch's later jobs waited while earlier ones ran: renew the claim first, and skip a job whose
        // claim expired meanwhile and went to another worker (it must not run twice at once).
        if (!(await extendClaim(deps.db, job.id, this.workerId, new Date(deps.clock.now().getTime() + lockMs))))
          continue;
        const handler = this.byKind.get(job.kind)!;
        const log = logger.child({ job: job.id, kind: job.kind });
        try {
          await handler.run(job.payload, {
            deps,
            notifier: this.options.notifier,
            logger: log,
            heartbeat: async () => {
              const ok = await extendClaim(
                deps.db,
                job.id,
                this.workerId,
                new Date(deps.clock.now().getTime() + lockMs),
              );
              if (!ok) throw new Error('job claim lost');
            },
          });
          await completeJob(deps.db, job.id, this.workerId, deps.clock.now());
        } catch (error) {
          log.warn({ err: error }, 'job failed');
          await failJob(
            deps.db,
            job,
            this.workerId,
            deps.clock.now(),
            String((error as Error)?.message ?? error),
            handler.maxAttempts ?? 5,
          );
        }
        count++;
      }
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runDue()
        .catch((error) => this.options.logger.error({ err: error }, 'job runner step failed'))
        .then(() => this.schedule(this.options.pollMs ?? 1000));
    }, delay);
    this.timer.unref?.();
  }
}
