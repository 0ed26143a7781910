// «Оставить заявку» (R-NUM-OFFER, R-NUM-ATTEMPTS): records the wished mask and category. It costs no
// attempt, so it stays open when the day's attempts are used up.
import { numberChangeRequests } from '../../db/schema/index.js';
import { actorTelegramId, type Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { parseMask } from '../phone.js';
import { subscriberInScope } from '../scope.js';
import { categoryByCode, loadCategories } from './catalog.js';
import type { SearchInput } from './search.js';
import { recordOrder } from '../orders/record.js';

export async function leaveNumberRequest(
  deps: DomainDeps,
  actor: Actor,
  input: SearchInput,
): Promise<{ id: number; mask: string; categoryCode: string | null }> {
  const { mask } = parseMask(input.mask);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId);
    const category = categoryByCode(await loadCategories(tx), input.categoryCode);
    const [row] = await tx
      .insert(numberChangeRequests)
      .values({
        subscriberId: subscriber.id,
        mask,
        categoryId: category?.id ?? null,
        requestedByTelegramId: actorTelegramId(actor),
        createdAt: now,
      })
      .returning({ id: numberChangeRequests.id });
    await audit(tx, actor, now, {
      action: 'numbers.request',
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
      after: { id: row!.id, mask, category: category?.code ?? null },
    });
    await recordOrder(tx, actor, now, {
      type: 'number.request',
      payload: { mask, category: category?.code ?? null },
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
    });
    return { id: row!.id, mask, categoryCode: category?.code ?? null };
  });
}
