// The operator's API (API_PORT): routes declared from zod schemas with @hono/zod-openapi, the OpenAPI 3.1
// document generated from the same schemas at /api/v1/openapi.json, every refusal a problem document.
// /healthz and /metrics answer here too.
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import type { DomainDeps } from '../domain/deps.js';
import { OperatorProblem } from '../domain/operator/problems.js';
import { mountOpsRoutes, type OpsRoutesOptions } from '../http/ops-routes.js';
import { type NodeEnv, nodeServer } from '../http/server.js';
import type { Logger } from '../logger.js';
import { type ApiEnv, authenticate } from './auth.js';
import { mountApiDocs } from './docs.js';
import { fieldProblems, operatorProblem, problem } from './problem.js';
import { clientRoutes } from './routes/clients.js';
import { subscriberRoutes } from './routes/subscribers.js';

export const OPENAPI_PATH = '/api/v1/openapi.json';
/** R-API-UPSERT: a JSON body over this is refused with 413. */
export const MAX_JSON_BYTES = 1024 * 1024;

export interface ApiAppOptions extends OpsRoutesOptions {
  deps: DomainDeps;
  logger: Logger;
}

const TARGET_PREFIX: Record<string, string> = { json: '', param: '', header: '', query: '' };

export function createApiApp(options: ApiAppOptions): OpenAPIHono<NodeEnv> {
  const { deps, logger } = options;
  const defaultHook = (result: { success: boolean; error?: unknown; target: string }, c: never) => {
    if (!result.success)
      return problem(
        c,
        400,
        'some fields are wrong',
        fieldProblems(result.error as never, TARGET_PREFIX[result.target]),
      );
  };
  const root = new OpenAPIHono<NodeEnv>();
  const v1 = new OpenAPIHono<ApiEnv>({ defaultHook: defaultHook as never });

  const limit = bodyLimit({
    maxSize: MAX_JSON_BYTES,
    onError: (c) => problem(c, 413, `at most ${MAX_JSON_BYTES} bytes`, undefined, { connection: 'close' }),
  });
  // Only a request that carries a body is measured (a bodiless DELETE has nothing to limit).
  v1.use('*', (c, next) =>
    c.req.header('content-length') || c.req.header('transfer-encoding') ? limit(c, next) : next(),
  );
  v1.use('*', async (c, next) => {
    if (c.req.path === OPENAPI_PATH) return next();
    return authenticate(deps)(c, next);
  });
  clientRoutes(v1, deps);
  subscriberRoutes(v1, deps);

  v1.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'a token from `npm run cli -- api-token create`',
  });
  root.route('/api/v1', v1 as never);
  root.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Portal Bot operator API',
      version: '1',
      description:
        'Keyed by the operator’s own identifiers. PUT creates or replaces; an identical PUT changes nothing. ' +
        'Every answer carries an ETag; If-Match applies a PUT only if nothing changed since. ' +
        'Refusals are RFC 9457 problem documents.',
    },
    servers: [{ url: '/' }],
  });

  mountApiDocs(root as never, OPENAPI_PATH);
  mountOpsRoutes(root, options);
  const onError = (err: Error, c: never) => {
    if (err instanceof OperatorProblem) return operatorProblem(c, err);
    if (err instanceof HTTPException && err.status === 400)
      return problem(c, 400, 'the body is not valid JSON', [{ path: '(body)', message: err.message }]);
    if (err instanceof HTTPException) return problem(c, err.status as never, err.message);
    logger.error({ err, method: (c as { req: { method: string } }).req.method }, 'api request failed');
    return problem(c, 500);
  };
  root.onError(onError as never);
  v1.onError(onError as never);
  root.notFound((c) => problem(c, 404, 'no such route'));
  return root;
}

export function createApiServer(options: ApiAppOptions) {
  return nodeServer(createApiApp(options) as never, { drainBodies: true });
}
