// R-API-AUTH: bearer tokens for the operator's API, issued by the command-line tool. A token is random,
// printed once, stored as SHA-256; revocable; each carries scopes (provision, orders, read).
import { timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../../db/schema/index.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { randomCode, sha256 } from '../secrets.js';

export const API_SCOPES = ['provision', 'orders', 'read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What a request is allowed, once its token is verified. */
export interface ApiPrincipal {
  tokenName: string;
  scopes: ApiScope[];
}

const TOKEN_PREFIX = 'pbt_';

/** Issues a token; the returned secret is the only copy. A name is unique among live tokens. */
export async function createApiToken(
  deps: DomainDeps,
  input: { name: string; scopes: ApiScope[] },
): Promise<{ token: string }> {
  const token = `${TOKEN_PREFIX}${randomCode(32)}`;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [live] = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.name, input.name), isNull(apiTokens.revokedAt)));
    if (live) throw new DomainError('api.tokenNameTaken', { name: input.name });
    await tx
      .insert(apiTokens)
      .values({ name: input.name, tokenHash: sha256(token), scopes: [...new Set(input.scopes)], createdAt: now });
  });
  return { token };
}

export async function listApiTokens(deps: DomainDeps) {
  return deps.db
    .select({
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
}

/** Revokes the live token of that name; false when there is none. */
export async function revokeApiToken(deps: DomainDeps, name: string): Promise<boolean> {
  const rows = await deps.db
    .update(apiTokens)
    .set({ revokedAt: deps.clock.now() })
    .where(and(eq(apiTokens.name, name), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** The principal of a live token, or undefined (unknown, malformed or revoked). */
export async function verifyApiToken(deps: DomainDeps, presented: string): Promise<ApiPrincipal | undefined> {
  if (!presented.startsWith(TOKEN_PREFIX) || presented.length > 200) return undefined;
  const hash = sha256(presented);
  const [row] = await deps.db
    .select({ id: apiTokens.id, name: apiTokens.name, hash: apiTokens.tokenHash, scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)));
  // The lookup is by the hash; the comparison of the hashes themselves is constant-time.
  if (!row || !timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash))) return undefined;
  await deps.db.update(apiTokens).set({ lastUsedAt: deps.clock.now() }).where(eq(apiTokens.id, row.id));
  return { tokenName: row.name, scopes: row.scopes.filter((s): s is ApiScope => API_SCOPES.includes(s as ApiScope)) };
}
