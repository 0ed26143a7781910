// Builders for ticket tests: support staff (a granted role, as R-AUTH-SUP's CLI would write it) and a
// requester with a ticket, so each test states only what its rule needs.
import { telegramRoles } from '../../../src/db/schema/index.js';
import type { Actor } from '../../../src/domain/actor.js';
import { openTicket, type SupportActor } from '../../../src/domain/tickets/index.js';
import type { TestDeps } from '../../helpers/deps.js';
import { linkSubscriber, makeSubscriber, makeTelegramUser, subscriberActor } from '../../helpers/fixtures.js';

const at = new Date('2026-01-01T00:00:00Z');
let nextTelegramId = 700_000;

export async function makeStaff(deps: TestDeps, telegramId = ++nextTelegramId): Promise<SupportActor> {
  await makeTelegramUser(deps.db, telegramId);
  await deps.db.insert(telegramRoles).values({ telegramId, role: 'support', createdAt: at }).onConflictDoNothing();
  return { kind: 'support', telegramId };
}

/** A signed-in subscriber (own client) and their actor. */
export async function makeRequester(deps: TestDeps, telegramId = ++nextTelegramId) {
  const subscriber = await makeSubscriber(deps.db);
  await linkSubscriber(deps.db, telegramId, subscriber);
  const actor = subscriberActor(subscriber, telegramId) as Extract<Actor, { kind: 'subscriber' }>;
  return { subscriber, actor, telegramId };
}

export async function ticketOf(
  deps: TestDeps,
  actor: Extract<Actor, { kind: 'subscriber' | 'admin' }>,
  text = 'Не работает интернет',
) {
  return openTicket(deps, actor, { topic: 'quality', text, requesterChatId: actor.telegramId });
}
