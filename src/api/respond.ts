// Answers of the API: the stored resource with its ETag; 201 when a PUT created it.
import type { Context } from 'hono';

export function withEtag(c: Context, body: unknown, etag: string, status: 200 | 201 = 200): Response {
  return c.body(JSON.stringify(body), status, {
    'content-type': 'application/json; charset=utf-8',
    etag,
    'cache-control': 'no-store',
  });
}

/** Wrapped for the typed route handlers of zod-openapi, which want their declared response type. */
// biome-ignore lint/suspicious/noExplicitAny: the declared shapes are the schemas the response was built from
export const typed = (r: Response): any => r;
