// R-API-AUTH, R-API-UPSERT over real HTTP on loopback against PostgreSQL: tokens and scopes, problem
// documents naming every wrong field, ETag / If-Match, idempotent PUT, clients and personal accounts.
import { request } from 'node:http';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.js';
import { revokeApiToken } from '../../src/domain/operator/tokens.js';
import { createTestDeps } from '../helpers/deps.js';
import { startApi, UNP } from './helpers.js';

const deps = await createTestDeps();
const api = await startApi(deps);
const provision = await api.token(['provision', 'read'], 'billing');
const readOnly = await api.token(['read'], 'reports');

const client = {
  name: 'ООО «Ромашка»',
  okpo: '12345678',
  legalAddress: 'г. Минск, ул. Ленина, 1',
  paymentForm: 'credit',
  creditLimit: '100.00',
  status: 'active',
  contract: { number: 'Д-17', date: '2024-03-01' },
  billDelivery: { method: 'email', address: 'bills@romashka.by' },
  bankAccounts: [{ iban: 'BY73ALFA3012000000000000001A', bank: 'Альфа-Банк', bic: 'ALFABY2X' }],
};
const apiAudit = () => deps.db.select().from(auditLog).where(eq(auditLog.actorKind, 'api'));

describe('R-API-AUTH: bearer tokens and scopes', () => {
  it('no token, an unknown one or a malformed header: 401 problem JSON', async () => {
    const variants: Record<string, string>[] = [
      {},
      { authorization: 'Bearer pbt_nope' },
      { authorization: 'Basic abc' },
    ];
    for (const headers of variants) {
      const res = await api.call('GET', `/api/v1/clients/${UNP}`, { headers });
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, type: expect.any(String), title: expect.any(String) });
    }
  });

  it('a scope not held: 403; a revoked token: 401', async () => {
    const res = await api.call('PUT', `/api/v1/clients/${UNP}`, { token: readOnly, body: client });
    expect(res.status).toBe(403);
    expect(res.type).toContain('application/problem+json');
    const doomed = await api.token(['provision'], 'doomed');
    expect(await revokeApiToken(deps, 'doomed')).toBe(true);
    expect((await api.call('PUT', `/api/v1/clients/${UNP}`, { token: doomed, body: client })).status).toBe(401);
  });
});

describe('R-API-UPSERT: clients', () => {
  let etag = '';
  it('PUT creates (201), answers the stored resource with an ETag, audited under the token’s name', async () => {
    const res = await api.call('PUT', `/api/v1/clients/${UNP}`, { token: provision, body: client });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ unp: UNP, name: client.name, creditLimit: '100.00', balance: '0.00' });
    expect(res.etag).toMatch(/^"[0-9a-f]+"$/);
    etag = res.etag!;
    const rows = await apiAudit();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: 'api', actorName: 'billing', action: 'api.clientPut' });
  });

  it('GET answers the same resource and ETag', async () => {
    const res = await api.call('GET', `/api/v1/clients/${UNP}`, { token: readOnly });
    expect(res.status).toBe(200);
    expect(res.etag).toBe(etag);
    expect(res.body.bankAccounts).toEqual(client.bankAccounts);
  });

  it('a repeated identical PUT writes no audit row and keeps the ETag', async () => {
    const res = await api.call('PUT', `/api/v1/clients/${UNP}`, { token: provision, body: client });
    expect(res.status).toBe(200);
    expect(res.etag).toBe(etag);
    expect(await apiAudit()).toHaveLength(1);
  });

  it('400 names every wrong field by its path (bad IBAN, bad status, missing contract date, bad УНП)', async () => {
    const bad = {
      ...client,
      status: 'gone',
      contract: { number: 'Д-17' },
      bankAccounts: [client.bankAccounts[0], { iban: 'BY00ALFA3012000000000000001A', bank: 'X', bic: 'ALFABY2X' }],
    };
    const res = await api.call('PUT', `/api/v1/clients/${UNP}`, { token: provision, body: bad });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['status', 'contract.date', 'bankAccounts.1.iban']));
    const badUnp = await api.call('PUT', '/api/v1/clients/191234564', { token: provision, body: client });
    expect(badUnp.status).toBe(400);
    expect(badUnp.body.errors[0].path).toBe('unp');
  });

  it('404 for an unknown client; 400 for a body that is not JSON; 413 over 1 MB', async () => {
    expect((await api.call('GET', '/api/v1/clients/190000005', { token: readOnly })).status).toBe(404);
    const notJson = await api.call('PUT', `/api/v1/clients/${UNP}`, { token: provision, raw: '{"name":' });
    expect(notJson.status).toBe(400);
    const huge = await api.call('PUT', `/api/v1/clients/${UNP}`, {
      token: provision,
      raw: JSON.stringify({ ...client, name: 'x'.repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.type).toContain('application/problem+json');
  });

  it('413 for a chunked body over 1 MB too (no Content-Length to trust), and nothing is written', async () => {
    const before = await api.call('GET', `/api/v1/clients/${UNP}`, { token: readOnly });
    const body = JSON.stringify({ ...client, name: 'y'.repeat(1_100_000) });
    const answer = await new Promise<{ status: number; type: string | undefined; text: string }>((resolve, reject) => {
      const url = new URL(`${api.base}/api/v1/clients/${UNP}`);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'PUT',
          headers: { authorization: `Bearer ${provision}`, 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], text }));
        },
      );
      // The server may answer and close before the whole body is written: that is the point.
      req.on('error', (err) =>
        err.message.includes('EPIPE') || err.message.includes('ECONNRESET') ? undefined : reject(err),
      );
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(answer.type).toContain('application/problem+json');
    const after = await api.call('GET', `/api/v1/clients/${UNP}`, { token: readOnly });
    expect(after.etag).toBe(before.etag);
  });

  it('If-Match: applied while it matches, 412 once anything changed (the bot’s own changes included)', async () => {
    const changed = await api.call('PUT', `/api/v1/clients/${UNP}`, {
      token: provision,
      body: { ...client, name: 'ООО «Ромашка-2»' },
      headers: { 'if-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(etag);
    const stale = await api.call('PUT', `/api/v1/clients/${UNP}`, {
      token: provision,
      body: client,
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    expect(stale.type).toContain('application/problem+json');
    // A change made elsewhere (here: billing's balance, as the bot's own changes are) moves the ETag too.
    const { clients } = await import('../../src/db/schema/index.js');
    await deps.db.update(clients).set({ balance: 500 }).where(eq(clients.unp, UNP));
    const after = await api.call('PUT', `/api/v1/clients/${UNP}`, {
      token: provision,
      body: { ...client, name: 'ООО «Ромашка-2»' },
      headers: { 'if-match': changed.etag! },
    });
    expect(after.status).toBe(412);
  });

  it('accounts: PUT creates then renames; 404 under an unknown client', async () => {
    const created = await api.call('PUT', `/api/v1/clients/${UNP}/accounts/LS-100`, {
      token: provision,
      body: { name: 'Основной' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ unp: UNP, account: 'LS-100', name: 'Основной' });
    const again = await api.call('GET', `/api/v1/clients/${UNP}/accounts/LS-100`, { token: readOnly });
    expect(again.etag).toBe(created.etag);
    const renamed = await api.call('PUT', `/api/v1/clients/${UNP}/accounts/LS-100`, {
      token: provision,
      body: { name: 'Отдел продаж' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Отдел продаж');
    const orphan = await api.call('PUT', '/api/v1/clients/190000005/accounts/LS-1', {
      token: provision,
      body: { name: 'x' },
    });
    expect(orphan.status).toBe(404);
  });
});

describe('R-API-EFFECT: a closed client', () => {
  it('loses every Telegram link (administrators and subscribers)', async () => {
    const { telegramRoles, clients } = await import('../../src/db/schema/index.js');
    const { linkAdmin, makeTelegramUser } = await import('../helpers/fixtures.js');
    const [row] = await deps.db.select().from(clients).where(eq(clients.unp, UNP));
    await makeTelegramUser(deps.db, 6101);
    await linkAdmin(deps.db, 6101, row!.id);
    expect(await deps.db.select().from(telegramRoles).where(eq(telegramRoles.clientId, row!.id))).toHaveLength(1);
    const res = await api.call('PUT', `/api/v1/clients/${UNP}`, {
      token: provision,
      body: { ...client, status: 'closed' },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('closed');
    expect(await deps.db.select().from(telegramRoles).where(eq(telegramRoles.clientId, row!.id))).toHaveLength(0);
  });
});
