// R-API-UPSERT for clients and their personal accounts, keyed by УНП and account number. A PUT replaces the
// stored client; an identical one writes nothing. R-API-EFFECT: a closed client's Telegram links are removed.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bankAccounts, clients, personalAccounts, telegramRoles } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { checkIfMatch, decimalAmount, etagOf, sameRepresentation } from './etag.js';
import { conflict, notFound } from './problems.js';

export interface ClientInput {
  name: string;
  okpo?: string | null;
  legalAddress?: string | null;
  paymentForm: 'advance' | 'credit';
  /** Kopecks. */
  creditLimit?: number;
  status: 'active' | 'suspended' | 'closed';
  contract: { number: string; date: string };
  billDelivery: { method: 'email' | 'post' | 'portal'; address?: string | null };
  bankAccounts: { iban: string; bank: string; bic: string }[];
}

export interface ClientResource {
  unp: string;
  name: string;
  okpo: string | null;
  legalAddress: string | null;
  paymentForm: 'advance' | 'credit';
  creditLimit: string;
  status: 'active' | 'suspended' | 'closed';
  contract: { number: string; date: string };
  billDelivery: { method: 'email' | 'post' | 'portal'; address: string | null };
  bankAccounts: { iban: string; bank: string; bic: string }[];
  /** Read-only: kept by billing. */
  balance: string;
}

export interface Stored<R> {
  resource: R;
  etag: string;
  /** False when the request matched what was stored: nothing was written. */
  changed: boolean;
  created: boolean;
}

type ClientRow = typeof clients.$inferSelect;

async function clientRow(tx: Executor, unp: string, forUpdate = false): Promise<ClientRow | undefined> {
  const query = tx.select().from(clients).where(eq(clients.unp, unp));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

async function representClient(tx: Executor, row: ClientRow): Promise<ClientResource> {
  const accounts = await tx
    .select({ iban: bankAccounts.iban, bank: bankAccounts.bankName, bic: bankAccounts.bic })
    .from(bankAccounts)
    .where(eq(bankAccounts.clientId, row.id))
    .orderBy(asc(bankAccounts.iban));
  return {
    unp: row.unp,
    name: row.name,
    okpo: row.okpo,
    legalAddress: row.legalAddress,
    paymentForm: row.paymentForm,
    creditLimit: decimalAmount(row.creditLimit),
    status: row.status,
    contract: { number: row.contractNumber, date: row.contractDate },
    billDelivery: { method: row.billDeliveryMethod, address: row.billDeliveryAddress },
    bankAccounts: accounts,
    balance: decimalAmount(row.balance),
  };
}

function target(unp: string, input: ClientInput, balance: string): ClientResource {
  return {
    unp,
    name: input.name,
    okpo: input.okpo ?? null,
    legalAddress: input.legalAddress ?? null,
    paymentForm: input.paymentForm,
    creditLimit: decimalAmount(input.creditLimit ?? 0),
    status: input.status,
    contract: { number: input.contract.number, date: input.contract.date },
    billDelivery: { method: input.billDelivery.method, address: input.billDelivery.address ?? null },
    bankAccounts: [...input.bankAccounts].sort((a, b) => (a.iban < b.iban ? -1 : a.iban > b.iban ? 1 : 0)),
    balance,
  };
}

export async function getClient(deps: DomainDeps, unp: string): Promise<{ resource: ClientResource; etag: string }> {
  const row = await clientRow(deps.db, unp);
  if (!row) throw notFound(`no client with УНП ${unp}`);
  const resource = await representClient(deps.db, row);
  return { resource, etag: etagOf(resource) };
}

export async function putClient(
  deps: DomainDeps,
  actor: Actor,
  unp: string,
  input: ClientInput,
  ifMatch?: string,
): Promise<Stored<ClientResource>> {
  const ibans = input.bankAccounts.map((a) => a.iban);
  if (new Set(ibans).size !== ibans.length) throw conflict('the same IBAN is listed twice');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await clientRow(tx, unp, true);
    const before = row ? await representClient(tx, row) : undefined;
    checkIfMatch(ifMatch, before);
    const after = target(unp, input, before?.balance ?? '0.00');
    if (before && sameRepresentation(before, after))
      return { resource: before, etag: etagOf(before), changed: false, created: false };
    const values = {
      name: after.name,
      okpo: after.okpo,
      legalAddress: after.legalAddress,
      paymentForm: after.paymentForm,
      creditLimit: input.creditLimit ?? 0,
      status: after.status,
      contractNumber: after.contract.number,
      contractDate: after.contract.date,
      billDeliveryMethod: after.billDelivery.method,
      billDeliveryAddress: after.billDelivery.address,
    };
    const clientId = row
      ? (await tx.update(clients).set(values).where(eq(clients.id, row.id)).returning({ id: clients.id }))[0]!.id
      : (
          await tx
            .insert(clients)
            .values({ ...values, unp, createdAt: now })
            .returning({ id: clients.id })
        )[0]!.id;
    await tx.delete(bankAccounts).where(eq(bankAccounts.clientId, clientId));
    if (after.bankAccounts.length > 0) {
      await tx
        .insert(bankAccounts)
        .values(after.bankAccounts.map((a) => ({ clientId, iban: a.iban, bankName: a.bank, bic: a.bic })));
    }
    let unlinked = 0;
    if (after.status === 'closed') {
      // R-API-EFFECT: a closed client's Telegram links (administrators and subscribers) are removed.
      unlinked = (await tx.delete(telegramRoles).where(eq(telegramRoles.clientId, clientId)).returning()).length;
    }
    await audit(tx, actor, now, {
      action: 'api.clientPut',
      clientId,
      before: before ?? null,
      after: unlinked > 0 ? { ...after, telegramLinksRemoved: unlinked } : after,
    });
    return { resource: after, etag: etagOf(after), changed: true, created: !row };
  });
}

export interface AccountResource {
  unp: string;
  account: string;
  name: string;
}

async function clientIdOf(tx: Executor, unp: string): Promise<number> {
  const row = await clientRow(tx, unp);
  if (!row) throw notFound(`no client with УНП ${unp}`);
  return row.id;
}

export async function getAccount(
  deps: DomainDeps,
  unp: string,
  account: string,
): Promise<{ resource: AccountResource; etag: string }> {
  const clientId = await clientIdOf(deps.db, unp);
  const [row] = await deps.db
    .select()
    .from(personalAccounts)
    .where(and(eq(personalAccounts.clientId, clientId), eq(personalAccounts.number, account)));
  if (!row) throw notFound(`no account ${account} of client ${unp}`);
  const resource = { unp, account, name: row.name };
  return { resource, etag: etagOf(resource) };
}

/** A personal account (лицевой счет) of the client; its number is unique across clients. */
export async function putAccount(
  deps: DomainDeps,
  actor: Actor,
  unp: string,
  account: string,
  input: { name: string },
  ifMatch?: string,
): Promise<Stored<AccountResource>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const clientId = await clientIdOf(tx, unp);
    const [row] = await tx.select().from(personalAccounts).where(eq(personalAccounts.number, account)).for('update');
    if (row && row.clientId !== clientId) throw conflict(`account ${account} belongs to another client`);
    const before = row ? { unp, account, name: row.name } : undefined;
    checkIfMatch(ifMatch, before);
    const after = { unp, account, name: input.name };
    if (before && sameRepresentation(before, after))
      return { resource: before, etag: etagOf(before), changed: false, created: false };
    if (row) await tx.update(personalAccounts).set({ name: input.name }).where(eq(personalAccounts.id, row.id));
    else await tx.insert(personalAccounts).values({ clientId, number: account, name: input.name });
    await audit(tx, actor, now, { action: 'api.accountPut', clientId, before: before ?? null, after });
    return { resource: after, etag: etagOf(after), changed: true, created: !row };
  });
}
