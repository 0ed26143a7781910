// /api/v1/subscribers/{msisdn}, its balance and its pauses (R-API-UPSERT, R-API-EFFECT, R-RECYCLE).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { DomainDeps } from '../../domain/deps.js';
import { kopecksOf } from '../../domain/operator/etag.js';
import { deletePause, getSubscriber, putBalance, putPause, putSubscriber } from '../../domain/operator/subscribers.js';
import { normalizePhone } from '../../domain/phone.js';
import { type ApiEnv, apiActor, requireScope } from '../auth.js';
import { problemResponses } from '../problem.js';
import { typed, withEtag } from '../respond.js';
import {
  balanceBody,
  dateParam,
  ifMatchHeader,
  msisdnParam,
  pauseBody,
  subscriberBody,
  subscriberResource,
} from '../schemas.js';
import { json, ok, security } from './common.js';

export function subscriberRoutes(app: OpenAPIHono<ApiEnv>, deps: DomainDeps): void {
  const params = z.object({ msisdn: msisdnParam });
  const pauseParams = z.object({ msisdn: msisdnParam, from: dateParam('from') });
  const msisdnOf = (raw: string) => normalizePhone(raw);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/subscribers/{msisdn}',
      summary: 'A subscriber by number (the live one, else the last)',
      security,
      middleware: [requireScope('read')] as const,
      request: { params },
      responses: { 200: ok(subscriberResource, 'the stored subscriber'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { resource, etag } = await getSubscriber(deps, msisdnOf(c.req.valid('param').msisdn));
      return typed(withEtag(c, resource, etag));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/subscribers/{msisdn}',
      summary: 'Create or replace a subscriber; another contract id than the stored one is a change of holder',
      security,
      middleware: [requireScope('provision')] as const,
      request: { params, headers: ifMatchHeader, body: { ...json(subscriberBody), required: true } },
      responses: {
        200: ok(subscriberResource, 'replaced (or unchanged)'),
        201: ok(subscriberResource, 'created, or a new holder started'),
        ...problemResponses(400, 401, 403, 409, 412, 413),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const stored = await putSubscriber(
        deps,
        apiActor(c.get('principal')),
        msisdnOf(c.req.valid('param').msisdn),
        { ...body, balance: kopecksOf(body.balance) },
        c.req.valid('header')['if-match'],
      );
      return typed(withEtag(c, stored.resource, stored.etag, stored.created ? 201 : 200));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/subscribers/{msisdn}/balance',
      summary: 'Set a subscriber’s balance',
      security,
      middleware: [requireScope('provision')] as const,
      request: { params, headers: ifMatchHeader, body: { ...json(balanceBody), required: true } },
      responses: {
        200: ok(subscriberResource, 'the subscriber after the write'),
        ...problemResponses(400, 401, 403, 404, 412, 413),
      },
    }),
    async (c) => {
      const stored = await putBalance(
        deps,
        apiActor(c.get('principal')),
        msisdnOf(c.req.valid('param').msisdn),
        kopecksOf(c.req.valid('json').balance),
        c.req.valid('header')['if-match'],
      );
      return typed(withEtag(c, stored.resource, stored.etag));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/subscribers/{msisdn}/pauses/{from}',
      summary: 'Write a pause (R-PAUSE) from its first day to `to`, inclusive',
      security,
      middleware: [requireScope('provision')] as const,
      request: { params: pauseParams, headers: ifMatchHeader, body: { ...json(pauseBody), required: true } },
      responses: {
        200: ok(subscriberResource, 'the subscriber after the write'),
        ...problemResponses(400, 401, 403, 404, 409, 412, 413),
      },
    }),
    async (c) => {
      const { msisdn, from } = c.req.valid('param');
      const stored = await putPause(
        deps,
        apiActor(c.get('principal')),
        msisdnOf(msisdn),
        from,
        c.req.valid('json').to,
        c.req.valid('header')['if-match'],
      );
      return typed(withEtag(c, stored.resource, stored.etag));
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/subscribers/{msisdn}/pauses/{from}',
      summary: 'Remove the pause that starts on `from`',
      security,
      middleware: [requireScope('provision')] as const,
      request: { params: pauseParams, headers: ifMatchHeader },
      responses: {
        200: ok(subscriberResource, 'the subscriber after the write'),
        ...problemResponses(400, 401, 403, 404, 412),
      },
    }),
    async (c) => {
      const { msisdn, from } = c.req.valid('param');
      const stored = await deletePause(
        deps,
        apiActor(c.get('principal')),
        msisdnOf(msisdn),
        from,
        c.req.valid('header')['if-match'],
      );
      return typed(withEtag(c, stored.resource, stored.etag));
    },
  );
}
