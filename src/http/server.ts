// The bot's own HTTP server (PORT): the webhook callback in webhook mode, /healthz and /metrics in both
// modes. It never logs request URLs or headers (the webhook path and secret are credentials of a kind).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import type { HealthReport } from './health.js';
import type { WebhookRoute } from './webhook.js';

export interface OpsServerOptions {
  health: () => Promise<HealthReport>;
  metrics?: Registry;
  webhook?: WebhookRoute;
  logger: Logger;
  /** True once shutdown began: updates are refused (Telegram redelivers them elsewhere), health says 503. */
  isStopping?: () => boolean;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

export function createOpsServer(options: OpsServerOptions): Server {
  const { logger, webhook } = options;
  const stopping = options.isStopping ?? (() => false);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (webhook && req.url === webhook.path) {
      if (stopping()) {
        res.writeHead(503, { 'retry-after': '1', connection: 'close' }).end();
        return;
      }
      return webhook.handle(req, res);
    }
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(path === '/healthz' || path === '/metrics' ? 405 : 404).end();
      return;
    }
    if (path === '/healthz') {
      if (stopping()) return json(res, 503, { status: 'stopping', checks: {} });
      const report = await options.health();
      return json(res, report.ok ? 200 : 503, { status: report.ok ? 'ok' : 'unavailable', checks: report.checks });
    }
    if (path === '/metrics' && options.metrics) {
      const body = await options.metrics.metrics();
      res.writeHead(200, { 'content-type': options.metrics.contentType }).end(body);
      return;
    }
    res.writeHead(404).end();
  };

  return createServer((req, res) => {
    route(req, res).catch((err) => {
      logger.error({ err, method: req.method }, 'http request failed');
      if (!res.headersSent) res.writeHead(500);
      if (!res.writableEnded) res.end();
    });
  });
}

/** Listens on `port` (0: any free port) and returns the bound port. */
export async function listen(server: Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Stops accepting connections; requests in progress go on until the caller closes them all. */
export function stopAccepting(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
