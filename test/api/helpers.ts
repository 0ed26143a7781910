// The operator API on a real loopback listener over a private database; tokens issued as the CLI issues them.
import type { Server } from 'node:http';
import { afterAll } from 'vitest';
import { createApiServer } from '../../src/api/app.js';
import type { DomainDeps } from '../../src/domain/deps.js';
import { type ApiScope, createApiToken } from '../../src/domain/operator/tokens.js';
import { checkHealth, postgresCheck } from '../../src/http/health.js';
import { listen } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';

export interface ApiHarness {
  base: string;
  token(scopes: ApiScope[], name?: string): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; etag: string | null; type: string | null; body: any }>;
}

let tokens = 0;

export async function startApi(deps: DomainDeps): Promise<ApiHarness> {
  const server: Server = createApiServer({
    deps,
    logger: createLogger(process.env.API_TEST_LOG ? 'error' : 'silent'),
    health: () => checkHealth([postgresCheck(deps.db)]),
  });
  const port = await listen(server, 0, '127.0.0.1');
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    async token(scopes, name = `t${++tokens}`) {
      return (await createApiToken(deps, { name, scopes })).token;
    },
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.raw;
      if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(base + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {}
      return { status: res.status, etag: res.headers.get('etag'), type: res.headers.get('content-type'), body: parsed };
    },
  };
}

/** A valid УНП and IBANs for the tests (R-UNP). */
export const UNP = '191234563';
export const UNP2 = '190000005';
