// A TCP proxy between the app and the machine's PostgreSQL that a test can cut: drop every connection
// and refuse new ones (the server «goes away»), or drop a connection the moment a given statement is
// sent (the server goes away in the middle of a transaction). The server itself is never touched.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { sparePort } from './redis-server.js';

export class TcpProxy {
  private server?: Server;
  private readonly pairs = new Set<[Socket, Socket]>();
  private trigger?: { pattern: string; then: 'refuse' | 'keep'; fired: () => void };
  private holdPattern?: string;
  /** Writes waiting for release(): what a held connection sent since the pattern was seen. */
  private readonly held: (() => void)[] = [];
  /** Connections dropped by a trigger or a cut. */
  dropped = 0;

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(await sparePort(), target);
    await proxy.restore();
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  proxied(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** Accepts connections again (after a cut). */
  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  /** Drops every open connection and refuses new ones until restore(). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.dropAll();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * Drops the connection that sends a statement containing `pattern` before the statement reaches the
   * server; then refuses everything until restore() (`refuse`) or keeps serving (`keep`).
   * Resolves when it fired.
   */
  cutWhen(pattern: string, then: 'refuse' | 'keep' = 'refuse'): Promise<void> {
    return new Promise((resolve) => {
      this.trigger = { pattern, then, fired: resolve };
    });
  }

  /**
   * Holds back what a connection sends from the first chunk containing `pattern` on, until release():
   * the client's request is neither answered nor refused (it times out), and reaches the server later.
   */
  holdWhen(pattern: string): void {
    this.holdPattern = pattern;
  }

  /** Lets everything held through, in order, and stops holding. */
  release(): void {
    this.holdPattern = undefined;
    for (const write of this.held.splice(0)) write();
  }

  async stop(): Promise<void> {
    this.release();
    await this.cut();
  }

  private dropAll(): void {
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
      this.dropped++;
    }
    this.pairs.clear();
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    // A statement may straddle two chunks: look at the tail of the previous one too.
    let tail = '';
    client.on('data', (chunk: Buffer) => {
      const seen = tail + chunk.toString('latin1');
      tail = seen.slice(-256);
      const trigger = this.trigger;
      if (trigger && seen.includes(trigger.pattern)) {
        this.trigger = undefined;
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
        this.dropped++;
        if (trigger.then === 'refuse') void this.cut().then(trigger.fired);
        else trigger.fired();
        return;
      }
      if (this.held.length > 0 || (this.holdPattern && seen.includes(this.holdPattern))) {
        this.held.push(() => upstream.write(chunk));
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  }
}
