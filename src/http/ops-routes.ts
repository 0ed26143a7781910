// /healthz and /metrics as Hono routes, mounted on both listeners (the bot's PORT and the operator's API_PORT).
// Only GET and HEAD; another method on either path is 405.
import type { Hono } from 'hono';
import type { Registry } from 'prom-client';
import type { HealthReport } from './health.js';

export interface OpsRoutesOptions {
  health: () => Promise<HealthReport>;
  metrics?: Registry;
  /** True once shutdown began: health says 503. */
  isStopping?: () => boolean;
}

const noStore = { 'cache-control': 'no-store' };

// biome-ignore lint/suspicious/noExplicitAny: mounted on plain Hono and OpenAPIHono apps alike
export function mountOpsRoutes(app: Hono<any>, options: OpsRoutesOptions): void {
  const stopping = options.isStopping ?? (() => false);
  app.on(['GET', 'HEAD'], '/healthz', async (c) => {
    if (stopping()) return c.json({ status: 'stopping', checks: {} }, 503, noStore);
    const report = await options.health();
    return c.json({ status: report.ok ? 'ok' : 'unavailable', checks: report.checks }, report.ok ? 200 : 503, noStore);
  });
  const { metrics } = options;
  if (metrics) {
    app.on(['GET', 'HEAD'], '/metrics', async (c) =>
      c.body(await metrics.metrics(), 200, { 'content-type': metrics.contentType }),
    );
  }
  for (const path of ['/healthz', '/metrics']) app.all(path, (c) => c.body(null, 405));
}
