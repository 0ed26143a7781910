// Finding 4 of issue 22 / R-TICKET: a user has at most 5 open requests as a subscriber and 20 as an
// administrator (config); a closed one frees its place; five opened at once still end at the cap.
import { describe, expect, it } from 'vitest';
import { closeTicket, openTicket } from '../../../src/domain/tickets/index.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, linkAdmin, makeClient } from '../../helpers/fixtures.js';
import { makeRequester, ticketOf } from './helpers.js';

const deps = await createTestDeps();

describe('R-TICKET: open requests per user are capped (finding 4, floods)', () => {
  it('a subscriber opens 5; the 6th is refused with the cap; closing one frees its place', async () => {
    const { actor } = await makeRequester(deps);
    const opened = [];
    for (let i = 0; i < 5; i++) opened.push(await ticketOf(deps, actor));
    await expect(ticketOf(deps, actor)).rejects.toMatchObject({ code: 'tickets.tooManyOpen', params: { max: 5 } });
    await closeTicket(deps, actor, { ticketId: opened[0]!.ticketId });
    await expect(ticketOf(deps, actor)).resolves.toMatchObject({ ticketId: expect.any(Number) });
  });

  it('an administrator opens 20; the 21st is refused', async () => {
    const client = await makeClient(deps.db);
    await linkAdmin(deps.db, 880_001, client.id);
    const admin = adminActor(client.id, 880_001) as Extract<ReturnType<typeof adminActor>, { kind: 'admin' }>;
    for (let i = 0; i < 20; i++) await ticketOf(deps, admin);
    await expect(ticketOf(deps, admin)).rejects.toMatchObject({ code: 'tickets.tooManyOpen', params: { max: 20 } });
  });

  it('ten opened at once by one subscriber: exactly five are stored (the count is serialised)', async () => {
    const { actor } = await makeRequester(deps);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        openTicket(deps, actor, { topic: 'quality', text: 'Нет связи', requesterChatId: actor.telegramId }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
  });

  it('the caps come from the settings', async () => {
    const strict = { ...deps, settings: { ...deps.settings, ticketsOpenMaxSubscriber: 1 } };
    const { actor } = await makeRequester(deps);
    await ticketOf(strict as typeof deps, actor);
    await expect(ticketOf(strict as typeof deps, actor)).rejects.toMatchObject({ code: 'tickets.tooManyOpen' });
  });
});
