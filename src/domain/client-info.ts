// R-CLIENT-INFO: «Персональная информация» of the administrator's own client — requisites, bill
// delivery, balance, status, payment form and contract.
import { asc, eq } from 'drizzle-orm';
import { bankAccounts, clients } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import type { DomainDeps } from './deps.js';
import { DomainError } from './errors.js';
import { adminClientId } from './scope.js';
import type { IsoDate } from './time.js';

export interface ClientInfo {
  name: string;
  unp: string;
  okpo: string | null;
  legalAddress: string | null;
  bankAccounts: { iban: string; bankName: string; bic: string }[];
  delivery: { method: 'email' | 'post' | 'portal'; address: string | null };
  /** Kopecks. */
  balance: number;
  status: 'active' | 'suspended' | 'closed';
  paymentForm: 'advance' | 'credit';
  /** Kopecks; 0 for advance-payment clients. */
  creditLimit: number;
  contract: { number: string; date: IsoDate };
}

export async function clientInfo(deps: Pick<DomainDeps, 'db'>, actor: Actor): Promise<ClientInfo> {
  const clientId = adminClientId(actor);
  const [client] = await deps.db.select().from(clients).where(eq(clients.id, clientId));
  if (!client) throw new DomainError('access.forbidden');
  const accounts = await deps.db
    .select({ iban: bankAccounts.iban, bankName: bankAccounts.bankName, bic: bankAccounts.bic })
    .from(bankAccounts)
    .where(eq(bankAccounts.clientId, clientId))
    .orderBy(asc(bankAccounts.id));
  return {
    name: client.name,
    unp: client.unp,
    okpo: client.okpo,
    legalAddress: client.legalAddress,
    bankAccounts: accounts,
    delivery: { method: client.billDeliveryMethod, address: client.billDeliveryAddress },
    balance: client.balance,
    status: client.status,
    paymentForm: client.paymentForm,
    creditLimit: client.paymentForm === 'credit' ? client.creditLimit : 0,
    contract: { number: client.contractNumber, date: client.contractDate },
  };
}
