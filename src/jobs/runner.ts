// The worker loop: claims due jobs of the registered kinds and runs their handlers. The embedded bot
// runs one in-process; a server deployment may also run `npm run worker` processes beside it. A job is
// claimed at most `maxClaims` times (JOB_MAX_ATTEMPTS): past that it is failed, counted in /metrics and
// its owner told (where the kind has one), so a job that kills its process is not taken again forever.
import { randomBytes } from 'node:crypto';
import type { DomainDeps } from '../domain/deps.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/registry.js';
import { scrubToken } from '../telegram/policy.js';
import { MalformedPayload } from './define.js';
import { PollLoop } from './poll-loop.js';
import { claimJobs, completeJob, extendClaim, failExhaustedJobs, failJob, type JobRow, releaseJob } from './queue.js';
import type { JobContext, JobHandler, Notifier } from './types.js';

export interface RunnerOptions {
  deps: DomainDeps;
  notifier: Notifier;
  logger: Logger;
  handlers: JobHandler[];
  metrics?: Pick<Metrics, 'jobsFailed'>;
  /** Claims of one job before it is failed (JOB_MAX_ATTEMPTS; default 10). */
  maxClaims?: number;
  /** Strings never logged nor stored with an error (the bot token). */
  secrets?: string[];
  /** How long a claim lasts before another worker may take the job (heartbeats extend it). */
  lockMs?: number;
  pollMs?: number;
  batch?: number;
  workerId?: string;
}

const DEFAULT_MAX_CLAIMS = 10;

export class JobRunner {
  readonly workerId: string;
  private readonly byKind: Map<string, JobHandler>;
  private readonly maxClaims: number;
  private readonly loop: PollLoop;

  constructor(private readonly options: RunnerOptions) {
    this.workerId = options.workerId ?? `w-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.byKind = new Map(options.handlers.map((h) => [h.kind, h]));
    this.maxClaims = options.maxClaims ?? DEFAULT_MAX_CLAIMS;
    this.loop = new PollLoop(
      () => this.runDue(),
      options.pollMs ?? 1000,
      (error) => options.logger.error({ err: error }, 'job runner step failed'),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for the job step in flight. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs every due job once (tests and the CLI call this directly). Returns how many ran. */
  async runDue(): Promise<number> {
    const { deps } = this.options;
    const lockMs = this.options.lockMs ?? 60_000;
    const kinds = [...this.byKind.keys()];
    let count = 0;
    for (;;) {
      const now = deps.clock.now();
      for (const job of await failExhaustedJobs(deps.db, { kinds, now, maxClaims: this.maxClaims })) {
        await this.failed(job, 'claims');
      }
      const claimed = await claimJobs(deps.db, {
        kinds,
        workerId: this.workerId,
        now,
        lockMs,
        limit: this.options.batch ?? 10,
        maxClaims: this.maxClaims,
      });
      if (claimed.length === 0) return count;
      for (const [index, job] of claimed.entries()) {
        if (this.loop.stopRequested) {
          // Jobs claimed in this batch but not started go back at once rather than after their claim expires.
          for (const rest of claimed.slice(index)) await releaseJob(deps.db, rest.id, this.workerId);
          return count;
        }
        // The batch's later jobs waited while earlier ones ran: renew the claim first, and skip a job whose
        // claim expired meanwhile and went to another worker (it must not run twice at once).
        if (!(await extendClaim(deps.db, job.id, this.workerId, new Date(deps.clock.now().getTime() + lockMs))))
          continue;
        await this.runOne(job, lockMs);
        count++;
      }
    }
  }

  private context(job: JobRow, lockMs: number): JobContext {
    const { deps } = this.options;
    return {
      deps,
      notifier: this.options.notifier,
      logger: this.options.logger.child({ job: job.id, kind: job.kind }),
      heartbeat: async () => {
        const ok = await extendClaim(deps.db, job.id, this.workerId, new Date(deps.clock.now().getTime() + lockMs));
        if (!ok) throw new Error('job claim lost');
      },
    };
  }

  private async runOne(job: JobRow, lockMs: number): Promise<void> {
    const { deps } = this.options;
    const handler = this.byKind.get(job.kind)!;
    const ctx = this.context(job, lockMs);
    try {
      await handler.run(job.payload, ctx);
      await completeJob(deps.db, job.id, this.workerId, deps.clock.now());
    } catch (error) {
      this.scrub(error);
      ctx.logger.warn({ err: error }, 'job failed');
      const malformed = error instanceof MalformedPayload;
      const final = await failJob(
        deps.db,
        job,
        this.workerId,
        deps.clock.now(),
        this.scrubText(String((error as Error)?.message ?? error)),
        Math.min(handler.maxAttempts ?? 5, this.maxClaims),
        { final: malformed },
      );
      if (final) await this.failed(job, malformed ? 'payload' : 'attempts');
    }
  }

  /** A job now failed for good: counted, logged, and its owner told where the kind has one. */
  private async failed(job: JobRow, reason: 'attempts' | 'claims' | 'payload'): Promise<void> {
    this.options.metrics?.jobsFailed.inc({ kind: job.kind, reason });
    const ctx = this.context(job, 0);
    ctx.logger.error({ attempts: job.attempts, reason }, 'job marked failed');
    const handler = this.byKind.get(job.kind);
    if (!handler?.onFailed || reason === 'payload') return;
    try {
      await handler.onFailed(job.payload, ctx);
    } catch (error) {
      this.scrub(error);
      ctx.logger.warn({ err: error }, 'owner of a failed job not told');
    }
  }

  private scrub(error: unknown): void {
    for (const secret of this.options.secrets ?? []) scrubToken(error, secret);
  }

  private scrubText(text: string): string {
    return (this.options.secrets ?? []).reduce((t, secret) => (secret ? t.split(secret).join('[REDACTED]') : t), text);
  }
}
