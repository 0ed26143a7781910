// R-API-AUTH: `Authorization: Bearer <token>`; missing, unknown or revoked → 401, a scope not held → 403.
import type { MiddlewareHandler } from 'hono';
import type { Actor } from '../domain/actor.js';
import type { DomainDeps } from '../domain/deps.js';
import { type ApiPrincipal, type ApiScope, verifyApiToken } from '../domain/operator/tokens.js';
import { problem } from './problem.js';

export type ApiEnv = { Variables: { principal: ApiPrincipal } };

const CHALLENGE = { 'www-authenticate': 'Bearer realm="portal-bot"' };

export function authenticate(deps: DomainDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = m ? await verifyApiToken(deps, m[1]!) : undefined;
    if (!principal) return problem(c, 401, 'missing, unknown or revoked token', undefined, CHALLENGE);
    c.set('principal', principal);
    return next();
  };
}

/** The scope a route needs: GET needs `read`, a write needs `provision`. */
export function requireScope(scope: ApiScope): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!c.get('principal').scopes.includes(scope)) return problem(c, 403, `this route needs the scope «${scope}»`);
    return next();
  };
}

export function apiActor(principal: ApiPrincipal): Actor {
  return { kind: 'system', name: 'api', tokenName: principal.tokenName };
}
