// `events list`, `events retry --dead`, `orders show <id>` (R-EVENT, R-ORDER): a dead event blocks its key
// until the command sends it again, followed by the events held behind it, in order.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { recordOrder } from '../../src/domain/orders/record.js';
import { createLogger } from '../../src/logger.js';
import { OrderDelivery } from '../../src/orders/delivery.js';
import { createTestDeps } from '../helpers/deps.js';
import { makeSubscriber, subscriberActor } from '../helpers/fixtures.js';
import { startReceiver, TEST_WEBHOOK_SECRET } from '../helpers/webhook-receiver.js';

const deps = await createTestDeps();
const receiver = await startReceiver();
afterAll(() => receiver.close());

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    {
      NODE_ENV: 'test',
      DATABASE_URL: deps.database.url,
      SECRETS_KEY: deps.secretsKey.toString('hex'),
      BOT_NOW: deps.clock.now().toISOString(),
    },
    { out: (s) => void out.push(s), err: (s) => void err.push(s) },
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('R-EVENT: events retry --dead', () => {
  it('lists dead events, sends them again and the ones held behind them; orders show prints the order', async () => {
    const sub = await makeSubscriber(deps.db);
    const change = (email: string) =>
      deps.db.transaction((tx) =>
        recordOrder(tx, subscriberActor(sub), deps.clock.now(), {
          type: 'voicemail.email',
          payload: { email },
          clientId: sub.clientId,
          subscriberId: sub.id,
        }),
      );
    const first = await change('a@example.by');
    const delivery = new OrderDelivery({
      db: deps.db,
      clock: deps.clock,
      logger: createLogger('silent'),
      url: receiver.url,
      secrets: { current: TEST_WEBHOOK_SECRET },
      retryHours: 1,
      keepDays: 30,
      backoffMs: () => 60_000,
    });
    receiver.script.push(500, 500);
    await delivery.runDue();
    deps.clock.advance(61 * 60_000);
    await delivery.runDue();
    await change('b@example.by');
    await delivery.runDue();
    expect(receiver.received).toHaveLength(2);

    const dead = await cli(['events', 'list', '--state', 'dead']);
    expect(dead.code).toBe(0);
    expect(dead.stdout.trim().split('\n')).toHaveLength(3);
    expect(dead.stdout).toContain(`subscriber:${sub.id}\t1\torder.accepted\t${first}\tdead\t2`);
    const pending = await cli(['events', 'list', '--state', 'pending']);
    expect(pending.stdout).toContain(`subscriber:${sub.id}\t3\torder.accepted`);
    expect((await cli(['events', 'retry'])).code).toBe(2);

    const retried = await cli(['events', 'retry', '--dead']);
    expect(retried).toMatchObject({ code: 0, stdout: '2 dead event(s) of 1 key(s) will be sent again.\n' });
    // The CLI's BOT_NOW clock runs on from its start, so the retry is due a few milliseconds later.
    deps.clock.advance(1000);
    await delivery.runDue();
    await delivery.runDue();
    expect(receiver.accepted().map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect((await cli(['events', 'list', '--state', 'dead'])).stdout).toBe('');

    const shown = await cli(['orders', 'show', String(first)]);
    expect(shown.code).toBe(0);
    const parsed = JSON.parse(shown.stdout) as { order: { id: number; type: string }; events: { state: string }[] };
    expect(parsed.order).toMatchObject({ id: first, type: 'voicemail.email', payload: { email: 'a@example.by' } });
    expect(parsed.events.map((e) => e.state)).toEqual(['delivered', 'delivered']);
    expect((await cli(['orders', 'show', '999999'])).code).toBe(1);
  });
});
