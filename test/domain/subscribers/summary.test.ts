// R-SCOPE for the menu header card: subscriberSummary reads the subscriber and its plan in one statement
// and must refuse exactly what subscriberInScope refuses.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscribers } from '../../../src/db/schema/index.js';
import { subscriberInScope } from '../../../src/domain/scope.js';
import { subscriberSummary } from '../../../src/domain/subscribers/search.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, makeTariff, subscriberActor } from '../../helpers/fixtures.js';

const deps = await createTestDeps();

describe('R-SCOPE: the subscriber card (subscriberSummary) is scoped like subscriberInScope', () => {
  it('gives the subscriber row with its plan name to its administrator and to the subscriber', async () => {
    const plan = await makeTariff(deps.db, { name: 'Бизнес Старт' });
    const s = await makeSubscriber(deps.db, { tariffPlanId: plan.id });
    const row = await subscriberInScope(deps.db, adminActor(s.clientId), s.id);
    await expect(subscriberSummary(deps, adminActor(s.clientId), s.id)).resolves.toEqual({
      ...row,
      tariffName: 'Бизнес Старт',
    });
    await expect(subscriberSummary(deps, subscriberActor(s), s.id)).resolves.toMatchObject({
      id: s.id,
      msisdn: s.msisdn,
      tariffName: 'Бизнес Старт',
    });
  });

  it('refuses another client’s subscriber, a colleague, support staff, forged ids and terminated numbers', async () => {
    const client = await makeClient(deps.db);
    const me = await makeSubscriber(deps.db, { clientId: client.id });
    const colleague = await makeSubscriber(deps.db, { clientId: client.id });
    const other = await makeSubscriber(deps.db);
    const gone = await makeSubscriber(deps.db, { clientId: client.id });
    await deps.db.update(subscribers).set({ status: 'terminated' }).where(eq(subscribers.id, gone.id));
    const refused = [
      [adminActor(client.id), other.id],
      [subscriberActor(me), colleague.id],
      [{ kind: 'support' as const, telegramId: 1 }, me.id],
      [adminActor(client.id), -1],
      [adminActor(client.id), 1.5],
      [adminActor(client.id), 99_999_999],
      [adminActor(client.id), gone.id],
    ] as const;
    for (const [actor, id] of refused) {
      await expect(subscriberInScope(deps.db, actor, id)).rejects.toThrow('access.forbidden');
      await expect(subscriberSummary(deps, actor, id)).rejects.toThrow('access.forbidden');
    }
  });
});
