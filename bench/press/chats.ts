// The chats of the press bench: Telegram users each linked as the subscriber role to a subscriber of the
// large client (rows written once, like a sign-in by contact would), and the Redis keys of a run.
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { openDatabase, rawRows } from '../../src/db/client.js';

/** Bench Telegram ids start here (far from the demo's and the tests'). */
export const CHAT_BASE = 770_000_000;

export interface BenchChat {
  telegramId: number;
  subscriberId: number;
}

export async function ensureChats(url: string, clientId: number, count: number): Promise<BenchChat[]> {
  const database = await openDatabase({ url, max: 1 });
  try {
    const subs = await rawRows<{ id: number }>(
      database.db,
      sql`select id from subscribers where client_id = ${clientId} and status = 'active' order by id limit ${count}`,
    );
    const chats = subs.map((s, i) => ({ telegramId: CHAT_BASE + i, subscriberId: Number(s.id) }));
    const ids = `{${chats.map((c) => c.telegramId).join(',')}}`;
    const subIds = `{${chats.map((c) => c.subscriberId).join(',')}}`;
    const now = new Date().toISOString();
    await database.db.execute(sql`
      insert into telegram_users (telegram_id, first_name, language_code, created_at, last_seen_at)
      select t, 'Bench', 'ru', ${now}::timestamptz, ${now}::timestamptz from unnest(${ids}::bigint[]) as t
      on conflict do nothing`);
    await database.db.execute(sql`
      insert into telegram_roles (telegram_id, role, client_id, subscriber_id, created_at)
      select t, 'subscriber', ${clientId}, s, ${now}::timestamptz from unnest(${ids}::bigint[], ${subIds}::int[]) as x(t, s)
      where not exists (select 1 from telegram_roles r where r.telegram_id = x.t)
      on conflict do nothing`);
    return chats;
  } finally {
    await database.close();
  }
}

/** Deletes a run's sessions, locks and update ids. */
export async function dropRedisPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let dropped = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) dropped += await redis.del(...keys);
  } while (cursor !== '0');
  return dropped;
}
