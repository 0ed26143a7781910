// The world the security tests attack: the demo data (two clients), an administrator of each, the demo
// subscriber, a support member, and one object of the other client of every kind a button can name
// (subscriber, personal account, invoice, ticket, list). Built once per test file.
import { and, eq, ne } from 'drizzle-orm';
import { clients, invoices, personalAccounts, subscribers, tariffPlans } from '../../src/db/schema/index.js';
import {
  DEMO_CLIENT_UNP,
  DEMO_SECOND_CLIENT_UNP,
  DEMO_SECOND_SUBSCRIBER_MSISDN,
  DEMO_SUBSCRIBER_MSISDN,
} from '../../src/db/seed/identities.js';
import { grantSupport } from '../../src/domain/access/support.js';
import { formatPhone } from '../../src/domain/phone.js';
import { createRenameList } from '../../src/domain/renames/index.js';
import { openTicket } from '../../src/domain/tickets/index.js';
import { createHarness, type FakeUser, type Harness, type HarnessOptions } from '../helpers/bot.js';
import { adminActor, linkAdmin } from '../helpers/fixtures.js';

export const USERS = { admin: 9601, subscriber: 9602, support: 9603, otherAdmin: 9604 } as const;

export interface World {
  h: Harness;
  own: { clientId: number; subscriberId: number; otherSubscriberId: number; planId: number };
  foreign: {
    clientId: number;
    clientName: string;
    subscriberId: number;
    msisdn: string;
    subscriberName: string;
    accountId: number;
    invoiceId: number;
    ticketId: number;
    listId: number;
  };
  /** Signed-in users, by role. */
  admin: FakeUser;
  subscriber: FakeUser;
  support: FakeUser;
  otherAdmin: FakeUser;
}

export async function buildWorld(
  now = '2026-11-10T10:00',
  env: Record<string, string> = {},
  app: HarnessOptions['app'] = {},
): Promise<World> {
  const h = await createHarness({ demo: true, now, env, app });
  const db = h.deps.db;
  const client = async (unp: string) => (await db.select().from(clients).where(eq(clients.unp, unp)))[0]!;
  const sub = async (msisdn: string) => (await db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn)))[0]!;
  const mine = await client(DEMO_CLIENT_UNP);
  const theirs = await client(DEMO_SECOND_CLIENT_UNP);
  const me = await sub(DEMO_SUBSCRIBER_MSISDN);
  const [neighbour] = await db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.clientId, mine.id), ne(subscribers.id, me.id), eq(subscribers.status, 'active')))
    .limit(1);
  const stranger = await sub(DEMO_SECOND_SUBSCRIBER_MSISDN);
  const [account] = await db.select().from(personalAccounts).where(eq(personalAccounts.clientId, theirs.id)).limit(1);
  const [invoice] = await db.select().from(invoices).where(eq(invoices.clientId, theirs.id)).limit(1);
  const [plan] = await db.select().from(tariffPlans).where(ne(tariffPlans.id, me.tariffPlanId)).limit(1);

  await linkAdmin(db, USERS.admin, mine.id);
  await linkAdmin(db, USERS.otherAdmin, theirs.id);
  await grantSupport(h.deps, USERS.support);
  const theirAdmin = adminActor(theirs.id, USERS.otherAdmin);
  const ticket = await openTicket(h.deps, theirAdmin, {
    topic: 'other',
    text: 'Обращение другого клиента',
    requesterChatId: USERS.otherAdmin,
    nonce: 'world-ticket',
  });
  const list = await createRenameList(h.deps, theirAdmin, {
    source: { kind: 'text', text: `${stranger.msisdn};Чужое имя` },
    chatId: USERS.otherAdmin,
  });

  const admin = h.user(USERS.admin);
  await admin.sendText('/start');
  const subscriber = h.user(USERS.subscriber);
  await subscriber.shareContact(DEMO_SUBSCRIBER_MSISDN);
  const support = h.user(USERS.support);
  await support.sendText('/start');
  const otherAdmin = h.user(USERS.otherAdmin);
  await otherAdmin.sendText('/start');

  return {
    h,
    own: { clientId: mine.id, subscriberId: me.id, otherSubscriberId: neighbour!.id, planId: plan!.id },
    foreign: {
      clientId: theirs.id,
      clientName: theirs.name,
      subscriberId: stranger.id,
      msisdn: formatPhone(stranger.msisdn),
      subscriberName: stranger.displayName,
      accountId: account!.id,
      invoiceId: invoice!.id,
      ticketId: ticket.ticketId,
      listId: list.listId,
    },
    admin,
    subscriber,
    support,
    otherAdmin,
  };
}
