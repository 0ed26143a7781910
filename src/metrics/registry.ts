// The bot's Prometheus metrics (prom-client) on a registry of their own: updates by type, handling
// latency, errors by kind, Bot API calls by method and outcome, retries and 429s, job backlog and failures.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from '../logger.js';

export interface MetricsOptions {
  /** Jobs waiting or running (src/jobs/queue.ts `jobBacklog`); read on each scrape. */
  jobBacklog?: () => Promise<number>;
  /** Node's process metrics (memory, event loop lag, GC); on in the real process, off in tests. */
  processMetrics?: boolean;
  logger?: Logger;
}

/** How a Bot API call ended, as seen by the caller after the retry policy. */
export type ApiOutcome =
  | 'ok'
  | 'not_modified'
  | 'refused'
  | 'rate_limited'
  | 'server_error'
  | 'network'
  | 'not_sent'
  | 'timeout'
  | 'aborted';

export interface Metrics {
  registry: Registry;
  updates: Counter<'type'>;
  updateSeconds: Histogram<'type' | 'outcome'>;
  updateErrors: Counter<'kind'>;
  updatesInFlight: Gauge;
  apiCalls: Counter<'method' | 'outcome'>;
  apiRetries: Counter<'method' | 'reason'>;
  apiRateLimited: Counter<'method'>;
  jobBacklog: Gauge;
  jobsFailed: Counter<'kind' | 'reason'>;
}

/** A backlog query that hangs (database down) must not hang the scrape. */
const BACKLOG_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'portal_' });
  const readBacklog = options.jobBacklog;
  const logger = options.logger;
  return {
    registry,
    updates: new Counter({
      name: 'portal_updates_total',
      help: 'Telegram updates received, by type',
      labelNames: ['type'],
      registers,
    }),
    updateSeconds: new Histogram({
      name: 'portal_update_duration_seconds',
      help: 'Time to handle one update (ordering wait included), by type and outcome',
      labelNames: ['type', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    updateErrors: new Counter({
      name: 'portal_update_errors_total',
      help: 'Updates that ended in an error, by kind (domain, stale, busy, infrastructure, unhandled, uncaught)',
      labelNames: ['kind'],
      registers,
    }),
    updatesInFlight: new Gauge({
      name: 'portal_updates_in_flight',
      help: 'Updates being handled by this process now',
      registers,
    }),
    apiCalls: new Counter({
      name: 'portal_bot_api_calls_total',
      help: 'Bot API calls by method and final outcome (after retries)',
      labelNames: ['method', 'outcome'],
      registers,
    }),
    apiRetries: new Counter({
      name: 'portal_bot_api_retries_total',
      help: 'Bot API calls sent again, by method and reason',
      labelNames: ['method', 'reason'],
      registers,
    }),
    apiRateLimited: new Counter({
      name: 'portal_bot_api_429_total',
      help: 'Bot API answers 429 Too Many Requests, by method',
      labelNames: ['method'],
      registers,
    }),
    jobsFailed: new Counter({
      name: 'portal_jobs_failed_total',
      help: 'Background jobs marked failed, by kind and reason (attempts: retries used up; claims: claimed too often)',
      labelNames: ['kind', 'reason'],
      registers,
    }),
    jobBacklog: new Gauge({
      name: 'portal_job_backlog',
      help: 'Background jobs pending or running (all processes)',
      registers,
      async collect() {
        if (!readBacklog) return;
        try {
          this.set(await withTimeout(readBacklog(), BACKLOG_TIMEOUT_MS));
        } catch (err) {
          // The previous value stays; /healthz is the place that reports the database down.
          logger?.warn({ err }, 'job backlog not read');
        }
      },
    }),
  };
}
