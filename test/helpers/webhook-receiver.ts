// A real HTTP receiver on loopback for order events: verifies every request's Standard Webhooks signature
// with the `standardwebhooks` package's own verifier and answers what the test scripts (a status, or a
// slow answer to prove the timeout, or a hang to stand in for a process killed mid-batch).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { OrderEvent } from '../../src/domain/orders/types.js';

export type Answer = number | { slowMs: number; status?: number } | 'hang';

export interface Received {
  webhookId: string;
  timestamp: string;
  signature: string;
  events: OrderEvent[];
  /** The answer given (or 'hang'). */
  answered: Answer;
  verified: boolean;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answers for the next requests, in order; afterwards 200. */
  script: Answer[];
  /** Every event accepted (2xx), deduplicated by id, in the order first accepted. */
  accepted(): OrderEvent[];
  hung: ServerResponse[];
  close(): Promise<void>;
}

export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.from('portal-bot-test-webhook-secret-1').toString('base64')}`;
export const TEST_WEBHOOK_SECRET_OLD = `whsec_${Buffer.from('portal-bot-old-webhook-secret-00').toString('base64')}`;

export async function startReceiver(secret = TEST_WEBHOOK_SECRET): Promise<Receiver> {
  const verifier = new Webhook(secret);
  const received: Received[] = [];
  const hung: ServerResponse[] = [];
  const seen = new Set<string>();
  const accepted: OrderEvent[] = [];
  const receiver: Receiver = {
    url: '',
    received,
    script: [],
    hung,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = {
      'webhook-id': String(req.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
    };
    let verified = false;
    let events: OrderEvent[] = [];
    try {
      events = (verifier.verify(body, headers) as { events: OrderEvent[] }).events;
      verified = true;
    } catch {
      events = (JSON.parse(body) as { events: OrderEvent[] }).events;
    }
    const answer: Answer = verified ? (receiver.script.shift() ?? 200) : 401;
    received.push({
      webhookId: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signature: headers['webhook-signature'],
      events,
      answered: answer,
      verified,
    });
    if (answer === 'hang') {
      hung.push(res);
      return;
    }
    const status = typeof answer === 'number' ? answer : (answer.status ?? 200);
    if (typeof answer === 'object') await new Promise((r) => setTimeout(r, answer.slowMs));
    if (status >= 200 && status < 300 && typeof answer === 'number') {
      for (const e of events) {
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        accepted.push(e);
      }
    }
    if (!res.destroyed) res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  return receiver;
}
