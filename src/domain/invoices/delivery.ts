// R-INV-DELIVERY: the bill delivery method (e-mail, post — paid monthly *(config)* — or portal only)
// and its address; e-mail addresses are validated, a post address is required for post.
import { eq } from 'drizzle-orm';
import { clients } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { CONTROL_CHARACTERS } from '../text.js';
import { once } from '../idempotency.js';
import { adminClientId } from '../scope.js';
import { isValidEmail, validEmail } from './email.js';
import { recordOrder } from '../orders/record.js';

export type DeliveryMethod = 'email' | 'post' | 'portal';

export interface ChangeDeliveryInput {
  method: DeliveryMethod;
  /** E-mail for 'email' (the current one is kept when absent and valid), postal address for 'post'. */
  address?: string | null;
  nonce?: string;
}

export interface DeliveryChanged {
  method: DeliveryMethod;
  address: string | null;
  /** Kopecks per month billed for delivery by post; null for the free methods. */
  postFeePerMonth: number | null;
}

export const POST_ADDRESS_MIN = 5;
export const POST_ADDRESS_MAX = 200;

/** A postal address: control characters dropped, spaces collapsed, 5–200 characters. */
export function validPostAddress(input: string | null | undefined): string {
  const value = (input ?? '').replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  if (value === '') throw new DomainError('invoices.addressRequired');
  if (value.length < POST_ADDRESS_MIN || value.length > POST_ADDRESS_MAX) {
    throw new DomainError('invoices.invalidAddress', { min: POST_ADDRESS_MIN, max: POST_ADDRESS_MAX });
  }
  return value;
}

export async function changeDelivery(
  deps: DomainDeps,
  actor: Actor,
  input: ChangeDeliveryInput,
): Promise<DeliveryChanged> {
  const clientId = adminClientId(actor);
  if (!['email', 'post', 'portal'].includes(input.method)) throw new DomainError('invoices.invalidDelivery');
  const typed =
    // A typed address is validated even when empty; only an absent one keeps the current address.
    input.method === 'email' && input.address != null
      ? validEmail(input.address)
      : input.method === 'post'
        ? validPostAddress(input.address)
        : null;
  const now = deps.clock.now();

  return deps.db.transaction(async (tx) => {
    const change = async (): Promise<DeliveryChanged> => {
      const [before] = await tx
        .select({ method: clients.billDeliveryMethod, address: clients.billDeliveryAddress })
        .from(clients)
        .where(eq(clients.id, clientId))
        .for('update');
      if (!before) throw new DomainError('access.forbidden');
      let address = typed;
      if (input.method === 'email' && !address) {
        if (!isValidEmail(before.address)) throw new DomainError('invoices.emailRequired');
        address = before.address!.trim();
      }
      await tx
        .update(clients)
        .set({ billDeliveryMethod: input.method, billDeliveryAddress: address })
        .where(eq(clients.id, clientId));
      await audit(tx, actor, now, {
        action: 'invoice.delivery',
        clientId,
        before,
        after: { method: input.method, address },
      });
      await recordOrder(tx, actor, now, {
        type: 'billDelivery.change',
        payload: { method: input.method, address },
        clientId,
      });
      return {
        method: input.method,
        address,
        postFeePerMonth: input.method === 'post' ? deps.settings.postDeliveryFee : null,
      };
    };
    if (!input.nonce) return change();
    return (await once(tx, `delivery:${clientId}:${input.nonce}`, now, change)).result;
  });
}
