// The OpenAPI 3.1 document generated from the routes' zod schemas is valid (checked by a well-kept validator)
// and lists every route; each route answers 401 problem JSON without a token (R-API-AUTH).
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps.js';
import { startApi } from './helpers.js';

const deps = await createTestDeps();
const api = await startApi(deps);

const ROUTES = [
  'get /api/v1/clients/{unp}',
  'put /api/v1/clients/{unp}',
  'get /api/v1/clients/{unp}/accounts/{account}',
  'put /api/v1/clients/{unp}/accounts/{account}',
  'get /api/v1/subscribers/{msisdn}',
  'put /api/v1/subscribers/{msisdn}',
  'put /api/v1/subscribers/{msisdn}/balance',
  'put /api/v1/subscribers/{msisdn}/pauses/{from}',
  'delete /api/v1/subscribers/{msisdn}/pauses/{from}',
];

describe('OpenAPI document at /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document listing every route', async () => {
    const res = await api.call('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const listed = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(listed.sort()).toEqual([...ROUTES].sort());
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('every listed route answers 401 problem JSON without a token', async () => {
    for (const route of ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      const concrete = path
        .replace('{unp}', '191234563')
        .replace('{account}', 'LS-1')
        .replace('{msisdn}', '375291234567')
        .replace('{from}', '2026-12-01');
      const res = await api.call(
        method.toUpperCase(),
        concrete,
        method === 'get' || method === 'delete' ? {} : { body: {} },
      );
      expect(res.status, route).toBe(401);
      expect(res.type, route).toContain('application/problem+json');
    }
  });

  it('/healthz and /metrics answer on the API listener too', async () => {
    expect((await api.call('GET', '/healthz')).status).toBe(200);
  });
});
