// A Bot API stand-in whose answers a test scripts per call: answer 429 or 5xx, never answer (a timeout),
// hold a call until the test releases it, or pass it on to the loopback FakeBotApi (test/helpers).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeBotApi } from '../helpers/fake-bot-api.js';

export interface SeenCall {
  method: string;
  payload: Record<string, unknown>;
}

/** What the stand-in does with one call: pass it on, answer it, or keep the connection open. */
export type Answer = 'pass' | 'hang' | { status: number; body: unknown } | { raw: string };
export type Script = (call: SeenCall, nth: number) => Answer | Promise<Answer>;

export class ScriptedBotApi {
  readonly upstream = new FakeBotApi();
  /** Every call that reached this stand-in, in arrival order (retries included). */
  readonly seen: SeenCall[] = [];
  script: Script = () => 'pass';
  url = '';
  private server?: Server;
  private readonly held: (() => void)[] = [];

  async start(port = 0): Promise<string> {
    await this.upstream.start();
    const upstream = new URL(this.upstream.url);
    this.server = createServer(async (req, res) => {
      // A bot process killed mid-call resets its connection: nothing to answer then.
      req.on('error', () => undefined);
      res.on('error', () => undefined);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
      let payload: Record<string, unknown> = {};
      if (String(req.headers['content-type']).includes('json') && body.length)
        payload = JSON.parse(body.toString('utf8'));
      const call = { method, payload };
      this.seen.push(call);
      const nth = this.seen.filter((c) => c.method === method).length;
      const answer = await this.script(call, nth);
      if (answer === 'hang') return; // the connection stays open until stop()
      if (answer !== 'pass') {
        const text = 'raw' in answer ? answer.raw : JSON.stringify(answer.body);
        res.writeHead('raw' in answer ? 200 : answer.status, { 'content-type': 'application/json' }).end(text);
        return;
      }
      const forward = request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (upstreamRes) => {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** An answer that waits until `release()` is called, then passes the call on. */
  hold(): Answer | Promise<Answer> {
    return new Promise<Answer>((resolve) => this.held.push(() => resolve('pass')));
  }

  release(): void {
    for (const r of this.held.splice(0)) r();
  }

  count(method: string): number {
    return this.seen.filter((c) => c.method === method).length;
  }

  async waitFor(predicate: () => boolean, what: string, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; calls: ${this.seen.map((c) => c.method).join(',')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.upstream.stop();
  }
}

/** A port nothing listens on right now. */
export async function sparePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
