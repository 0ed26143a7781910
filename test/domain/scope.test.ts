import { describe, expect, it } from 'vitest';
import { subscriberInScope } from '../../src/domain/scope.js';
import { createTestDeps } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps();

describe('R-SCOPE: nobody reaches what belongs to another client', () => {
  it('an administrator reaches only subscribers of their own client', async () => {
    const mine = await makeSubscriber(deps.db);
    const other = await makeSubscriber(deps.db);
    await expect(subscriberInScope(deps.db, adminActor(mine.clientId), mine.id)).resolves.toMatchObject({
      id: mine.id,
    });
    await expect(subscriberInScope(deps.db, adminActor(mine.clientId), other.id)).rejects.toThrow('access.forbidden');
  });

  it('a subscriber reaches only their own number, even within the client', async () => {
    const client = await makeClient(deps.db);
    const me = await makeSubscriber(deps.db, { clientId: client.id });
    const colleague = await makeSubscriber(deps.db, { clientId: client.id });
    await expect(subscriberInScope(deps.db, subscriberActor(me), me.id)).resolves.toBeTruthy();
    await expect(subscriberInScope(deps.db, subscriberActor(me), colleague.id)).rejects.toThrow('access.forbidden');
  });

  it('support staff and forged ids are refused', async () => {
    const s = await makeSubscriber(deps.db);
    await expect(subscriberInScope(deps.db, { kind: 'support', telegramId: 1 }, s.id)).rejects.toThrow(
      'access.forbidden',
    );
    await expect(subscriberInScope(deps.db, adminActor(s.clientId), -1)).rejects.toThrow('access.forbidden');
    await expect(subscriberInScope(deps.db, adminActor(s.clientId), 99999999)).rejects.toThrow('access.forbidden');
  });
});
