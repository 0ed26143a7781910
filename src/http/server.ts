// The bot's own HTTP server (PORT) on Hono: the webhook callback in webhook mode, /healthz and /metrics in
// both modes. It never logs request URLs or headers (the webhook path and secret are credentials of a kind).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import type { Logger } from '../logger.js';
import { mountOpsRoutes, type OpsRoutesOptions } from './ops-routes.js';
import type { WebhookRoute } from './webhook.js';

export interface OpsServerOptions extends OpsRoutesOptions {
  webhook?: WebhookRoute;
  logger: Logger;
}

export type NodeEnv = { Bindings: HttpBindings };

/** Errors are logged with the method only; the client gets an empty 500. */
export function logErrors(app: Hono<NodeEnv>, logger: Logger): void {
  app.onError((err, c) => {
    logger.error({ err, method: c.req.method }, 'http request failed');
    return c.body(null, 500);
  });
}

export function createOpsApp(options: OpsServerOptions): Hono<NodeEnv> {
  const { webhook } = options;
  const stopping = options.isStopping ?? (() => false);
  const app = new Hono<NodeEnv>();
  logErrors(app, options.logger);
  if (webhook) {
    // Matched on the raw request target (path and query), as Telegram posts it; the body stays unread
    // here, so the secret is checked before anything of it is taken.
    app.use('*', async (c, next) => {
      if (c.env.incoming.url !== webhook.path) return next();
      if (stopping()) return c.body(null, 503, { 'retry-after': '1', connection: 'close' });
      await webhook.handle(c.env.incoming, c.env.outgoing);
      return RESPONSE_ALREADY_SENT;
    });
  }
  mountOpsRoutes(app, options);
  app.notFound((c) => c.body(null, 404));
  return app;
}

/**
 * A node:http server for a Hono app. `drainBodies` off leaves request bodies to the routes (the webhook
 * reads its own, and a refused one is never read); on, an unread body is drained after the answer.
 */
export function nodeServer(app: Hono<NodeEnv>, options: { drainBodies?: boolean } = {}): Server {
  return createServer(
    getRequestListener(app.fetch, { overrideGlobalObjects: false, autoCleanupIncoming: options.drainBodies ?? false }),
  );
}

export function createOpsServer(options: OpsServerOptions): Server {
  return nodeServer(createOpsApp(options));
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
