// /api/v1/clients/{unp} and /api/v1/clients/{unp}/accounts/{account} (R-API-UPSERT).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { DomainDeps } from '../../domain/deps.js';
import { kopecksOf } from '../../domain/operator/etag.js';
import { getAccount, getClient, putAccount, putClient } from '../../domain/operator/clients.js';
import { type ApiEnv, apiActor, requireScope } from '../auth.js';
import { problemResponses } from '../problem.js';
import { typed, withEtag } from '../respond.js';
import { json, ok, security } from './common.js';
import {
  accountBody,
  accountParam,
  accountResource,
  clientBody,
  clientResource,
  ifMatchHeader,
  unpParam,
} from '../schemas.js';

export function clientRoutes(app: OpenAPIHono<ApiEnv>, deps: DomainDeps): void {
  const clientParams = z.object({ unp: unpParam });
  const accountParams = z.object({ unp: unpParam, account: accountParam });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{unp}',
      summary: 'A client by УНП',
      security,
      middleware: [requireScope('read')] as const,
      request: { params: clientParams },
      responses: { 200: ok(clientResource, 'the stored client'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { resource, etag } = await getClient(deps, c.req.valid('param').unp);
      return typed(withEtag(c, resource, etag));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/clients/{unp}',
      summary: 'Create or replace a client',
      security,
      middleware: [requireScope('provision')] as const,
      request: { params: clientParams, headers: ifMatchHeader, body: { ...json(clientBody), required: true } },
      responses: {
        200: ok(clientResource, 'replaced (or unchanged)'),
        201: ok(clientResource, 'created'),
        ...problemResponses(400, 401, 403, 409, 412, 413),
      },
    }),
    async (c) => {
      const { unp } = c.req.valid('param');
      const body = c.req.valid('json');
      const stored = await putClient(
        deps,
        apiActor(c.get('principal')),
        unp,
        { ...body, creditLimit: body.creditLimit === undefined ? undefined : kopecksOf(body.creditLimit) },
        c.req.valid('header')['if-match'],
      );
      return typed(withEtag(c, stored.resource, stored.etag, stored.created ? 201 : 200));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{unp}/accounts/{account}',
      summary: 'A personal account of a client',
      security,
      middleware: [requireScope('read')] as const,
      request: { params: accountParams },
      responses: { 200: ok(accountResource, 'the stored account'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { unp, account } = c.req.valid('param');
      const { resource, etag } = await getAccount(deps, unp, account);
      return typed(withEtag(c, resource, etag));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/clients/{unp}/accounts/{account}',
      summary: 'Create or rename a personal account (лицевой счет) of a client',
      security,
      middleware: [requireScope('provision')] as const,
      request: { params: accountParams, headers: ifMatchHeader, body: { ...json(accountBody), required: true } },
      responses: {
        200: ok(accountResource, 'replaced (or unchanged)'),
        201: ok(accountResource, 'created'),
        ...problemResponses(400, 401, 403, 404, 409, 412, 413),
      },
    }),
    async (c) => {
      const { unp, account } = c.req.valid('param');
      const stored = await putAccount(
        deps,
        apiActor(c.get('principal')),
        unp,
        account,
        c.req.valid('json'),
        c.req.valid('header')['if-match'],
      );
      return typed(withEtag(c, stored.resource, stored.etag, stored.created ? 201 : 200));
    },
  );
}
