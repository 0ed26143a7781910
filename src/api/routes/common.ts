// What the route files share: JSON bodies, ETag answers, bearer security.
import type { z } from '@hono/zod-openapi';

export const json = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } } });
export const ok = <S extends z.ZodType>(schema: S, description: string) => ({
  ...json(schema),
  description,
  headers: { ETag: { schema: { type: 'string' as const }, description: 'the stored representation’s tag' } },
});
export const security = [{ bearer: [] }];
