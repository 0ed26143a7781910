// R-PAY-HIST and R-PAY-REG: the client's payments, newest first with keyset pages, and the
// administrator's registration of an unconfirmed payment that billing later confirms.
import { and, asc, desc, eq, gt, lt, or } from 'drizzle-orm';
import { clients, payments } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { today } from './clock.js';
import type { DomainDeps } from './deps.js';
import { DomainError } from './errors.js';
import { once } from './idempotency.js';
import { adminClientId } from './scope.js';
import { addDays, type IsoDate, isValidIsoDate } from './time.js';
import { recordOrder } from './orders/record.js';
import { bynString } from './orders/types.js';

export type PaymentStatus = 'unconfirmed' | 'confirmed';

export interface PaymentView {
  id: number;
  documentNumber: string;
  paidOn: IsoDate;
  /** Kopecks. */
  amount: number;
  status: PaymentStatus;
}

export interface PaymentPage {
  items: PaymentView[];
  /** Pass back as `cursor` (direction 'older') for the next, older page; null on the last page. */
  nextCursor: string | null;
  /** Pass back as `cursor` with direction 'newer' for the previous page; null on the first page. */
  prevCursor: string | null;
}

const view = {
  id: payments.id,
  documentNumber: payments.documentNumber,
  paidOn: payments.paidOn,
  amount: payments.amount,
  status: payments.status,
};

/** A page position: the last row shown, as `YYYYMMDD.id` — short enough for callback data. */
export function encodePaymentCursor(p: { paidOn: IsoDate; id: number }): string {
  return `${p.paidOn.replaceAll('-', '')}.${p.id}`;
}

function decodeCursor(cursor: string): { paidOn: IsoDate; id: number } | null {
  const m = /^(\d{4})(\d{2})(\d{2})\.(\d{1,10})$/.exec(cursor);
  if (!m) return null;
  const paidOn = `${m[1]}-${m[2]}-${m[3]}`;
  const id = Number(m[4]);
  return isValidIsoDate(paidOn) && Number.isSafeInteger(id) ? { paidOn, id } : null;
}

/**
 * R-PAY-HIST: newest first (payment date, then registration order). Keyset pagination over the
 * (client, paid_on, id) index in both directions: no OFFSET and no COUNT(*), so deep pages cost the
 * same as the first. A cursor is untrusted input: a malformed one starts from the top, and it never
 * leaves the client.
 */
export async function listPayments(
  deps: Pick<DomainDeps, 'db'>,
  actor: Actor,
  input: { cursor?: string | null; direction?: 'older' | 'newer'; limit: number },
): Promise<PaymentPage> {
  const clientId = adminClientId(actor);
  const limit = Math.max(1, Math.min(100, Math.trunc(input.limit)));
  const at = input.cursor ? decodeCursor(input.cursor) : null;
  if (at && input.direction === 'newer') {
    const rows = await deps.db
      .select(view)
      .from(payments)
      .where(
        and(
          eq(payments.clientId, clientId),
          or(gt(payments.paidOn, at.paidOn), and(eq(payments.paidOn, at.paidOn), gt(payments.id, at.id))),
        ),
      )
      .orderBy(asc(payments.paidOn), asc(payments.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit).reverse();
    const first = items[0];
    const last = items.at(-1);
    return {
      items,
      prevCursor: rows.length > limit && first ? encodePaymentCursor(first) : null,
      nextCursor: last ? encodePaymentCursor(last) : null,
    };
  }
  const rows = await deps.db
    .select(view)
    .from(payments)
    .where(
      and(
        eq(payments.clientId, clientId),
        at
          ? or(lt(payments.paidOn, at.paidOn), and(eq(payments.paidOn, at.paidOn), lt(payments.id, at.id)))
          : undefined,
      ),
    )
    .orderBy(desc(payments.paidOn), desc(payments.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodePaymentCursor(last) : null,
    // Coming from a newer page means there is one to go back to.
    prevCursor: at && first ? encodePaymentCursor(first) : null,
  };
}

/** Whether the administrator's client already registered this document number (asked early in the form). */
export async function documentNumberTaken(
  deps: Pick<DomainDeps, 'db'>,
  actor: Actor,
  documentNumber: string,
): Promise<boolean> {
  const clientId = adminClientId(actor);
  const [row] = await deps.db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.clientId, clientId), eq(payments.documentNumber, normalizeDocumentNumber(documentNumber))));
  return row !== undefined;
}

/** Letters (any script), digits, `-` and `/`: what payment orders carry as their number. */
const DOCUMENT_NUMBER = /^[\p{L}\p{N}/-]{1,32}$/u;

/** Trims and checks a typed document number; DomainError('payments.invalidDocument') otherwise. */
export function normalizeDocumentNumber(input: string): string {
  const value = input.trim();
  if (!DOCUMENT_NUMBER.test(value)) throw new DomainError('payments.invalidDocument', { max: 32 });
  return value;
}

/**
 * R-PAY-REG date window in Europe/Minsk: not after today, not before today − maxAgeDays
 * (so with 30 days, the day 30 days ago is accepted and the day before it refused).
 */
export function checkPaymentDate(deps: Pick<DomainDeps, 'clock' | 'settings'>, paidOn: IsoDate): void {
  if (!isValidIsoDate(paidOn)) throw new DomainError('payments.invalidDate');
  const now = today(deps.clock);
  if (paidOn > now) throw new DomainError('payments.futureDate');
  if (paidOn < addDays(now, -deps.settings.paymentMaxAgeDays)) {
    throw new DomainError('payments.tooOld', { days: deps.settings.paymentMaxAgeDays });
  }
}

export function checkPaymentAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new DomainError('payments.invalidAmount');
}

export interface RegisterPaymentInput {
  documentNumber: string;
  paidOn: IsoDate;
  /** Kopecks. */
  amount: number;
  /** The confirmation's one-time nonce (R-IDEMP). */
  nonce: string;
}

/**
 * R-PAY-REG: records an «неподтвержденный» payment for the administrator's client. One document
 * number per client: the unique constraint decides (also between two racing registrations) and its
 * violation becomes DomainError('payments.duplicateDocument').
 */
export async function registerPayment(
  deps: DomainDeps,
  actor: Actor,
  input: RegisterPaymentInput,
): Promise<{ payment: PaymentView; fresh: boolean }> {
  const clientId = adminClientId(actor);
  const documentNumber = normalizeDocumentNumber(input.documentNumber);
  checkPaymentDate(deps, input.paidOn);
  checkPaymentAmount(input.amount);
  const now = deps.clock.now();
  try {
    const outcome = await deps.db.transaction((tx) =>
      once(tx, `payments:${clientId}:${input.nonce}`, now, async () => {
        const [row] = await tx
          .insert(payments)
          .values({
            clientId,
            documentNumber,
            paidOn: input.paidOn,
            amount: input.amount,
            status: 'unconfirmed',
            registeredByTelegramId: actor.kind === 'admin' ? actor.telegramId : null,
            createdAt: now,
          })
          .returning(view);
        await audit(tx, actor, now, { action: 'payment.register', clientId, after: { ...row } });
        await recordOrder(tx, actor, now, {
          type: 'payment.register',
          payload: { document: documentNumber, date: input.paidOn, amount: bynString(input.amount) },
          clientId,
        });
        return row!;
      }),
    );
    return { payment: outcome.result, fresh: outcome.fresh };
  } catch (error) {
    if (isUniqueViolation(error, 'payments_client_document')) {
      throw new DomainError('payments.duplicateDocument', { documentNumber });
    }
    throw error;
  }
}

/**
 * Billing's side (the command-line tool or an import): the payment becomes «подтвержденный».
 * Confirming twice changes nothing the second time.
 */
export async function confirmPayment(
  deps: DomainDeps,
  actor: Actor,
  input: { clientUnp: string; documentNumber: string },
): Promise<{ payment: PaymentView; alreadyConfirmed: boolean }> {
  if (actor.kind !== 'system') throw new DomainError('access.forbidden');
  const unp = input.clientUnp.trim().toUpperCase();
  const documentNumber = input.documentNumber.trim();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.unp, unp));
    if (!client) throw new DomainError('payments.clientNotFound', { unp });
    const [before] = await tx
      .select(view)
      .from(payments)
      .where(and(eq(payments.clientId, client.id), eq(payments.documentNumber, documentNumber)))
      .for('update');
    if (!before) throw new DomainError('payments.notFound', { documentNumber });
    if (before.status === 'confirmed') return { payment: before, alreadyConfirmed: true };
    const [after] = await tx
      .update(payments)
      .set({ status: 'confirmed', confirmedAt: now })
      .where(eq(payments.id, before.id))
      .returning(view);
    await audit(tx, actor, now, { action: 'payment.confirm', clientId: client.id, before, after });
    return { payment: after!, alreadyConfirmed: false };
  });
}

/** Postgres unique_violation of `constraint`, through Drizzle's wrapping (postgres.js and PGlite). */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; e = e.cause as never, depth++) {
    if (e.code === '23505') return (e.constraint_name ?? e.constraint) === constraint;
  }
  return false;
}
