// A loopback HTTP stand-in for the Bot API (TELEGRAM_API_ROOT) for end-to-end runs of the real entry
// point: getUpdates long-polls a queue the test fills; every other method is answered by FakeTelegram.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiCall, FakeTelegram, parseMultipart } from './telegram-fake.js';

export class FakeBotApi {
  readonly telegram = new FakeTelegram();
  private readonly queue: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  private nextUpdateId = 1;
  private server?: Server;
  url = '';

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const method = match[2]!;
      const { payload, files } = await readPayload(req);
      if (method === 'getUpdates') {
        this.telegram.calls.push({ method, payload, files });
        const result = await this.takeUpdates(Number(payload.offset ?? 0), Math.min(Number(payload.timeout ?? 0), 2));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
        return;
      }
      try {
        const result = this.telegram.handle(method, payload, files);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
      } catch (error) {
        const e = error as { error_code?: number; description?: string };
        res
          .writeHead(e.error_code ?? 500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, ...e }));
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** Queues an update for the bot's next getUpdates. */
  push(update: Record<string, unknown>): void {
    this.queue.push({ update_id: this.nextUpdateId++, ...update });
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `predicate` holds over the recorded calls (polling), or throws after `ms`. */
  async waitFor(predicate: (calls: ApiCall[]) => boolean, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate(this.telegram.calls)) {
      if (Date.now() > deadline)
        throw new Error(`timed out; calls: ${this.telegram.calls.map((c) => c.method).join(',')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async takeUpdates(offset: number, timeoutSeconds: number): Promise<Record<string, unknown>[]> {
    // Updates before the offset are confirmed: drop them, like Telegram does.
    while (this.queue.length && Number(this.queue[0]!.update_id) < offset) this.queue.shift();
    if (this.queue.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutSeconds * 1000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.queue.filter((u) => Number(u.update_id) >= offset).slice(0, 100);
  }

  async stop(): Promise<void> {
    for (const w of this.waiters.splice(0)) w();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readPayload(req: IncomingMessage): Promise<{ payload: Record<string, any>; files: ApiCall['files'] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('multipart/')) {
    const { fields, files } = parseMultipart(body, type);
    return { payload: fields, files };
  }
  if (body.length === 0) return { payload: {}, files: {} };
  if (type.includes('json')) return { payload: JSON.parse(body.toString('utf8')), files: {} };
  return { payload: Object.fromEntries(new URLSearchParams(body.toString('utf8'))), files: {} };
}
