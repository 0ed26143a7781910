// «Мои заявки» / «Заявки» through the bot (R-ORDER), tried as a new user would (issue 19's "done when"):
// a subscriber connects voicemail; a loopback receiver gets order.accepted and order.completed for
// voicemail.connect with a valid signature; «Мои заявки» shows the order, and «Заявки» shows it to the
// client's administrator with a filter by state.
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { OrderDelivery } from '../../../src/orders/delivery.js';
import { createHarness, expectText } from '../../helpers/bot.js';
import { linkAdmin, makeService, makeSubscriber } from '../../helpers/fixtures.js';
import { startReceiver, TEST_WEBHOOK_SECRET } from '../../helpers/webhook-receiver.js';

const h = await createHarness();
const db = h.deps.db;
await makeService(db, {
  kind: 'voicemail',
  code: 'voicemail_plus',
  name: 'Голосовая почта (пакет «Плюс»)',
  monthlyFee: 190,
});
const sub = await makeSubscriber(db, { msisdn: '375291000051' });
await linkAdmin(db, 5102, sub.clientId);
const receiver = await startReceiver();
afterAll(() => receiver.close());

describe('R-ORDER: «Мои заявки» and «Заявки»', () => {
  it('a voicemail connection is an order the operator hears of, shown in «Мои заявки» and «Заявки»', async () => {
    const u = h.user(5101);
    await u.shareContact('375291000051');
    await u.press('Операции с услугами');
    await u.press('Голосовая почта (пакет «Плюс»)');
    await u.press('Подключить пакет');
    expectText(await u.press('Подтвердить'), 'Состояние: подключен');

    const delivery = new OrderDelivery({
      db,
      clock: h.deps.clock,
      logger: createLogger('silent'),
      url: receiver.url,
      secrets: { current: TEST_WEBHOOK_SECRET },
      retryHours: 24,
      keepDays: 30,
    });
    expect(await delivery.runDue()).toBe(2);
    const [batch] = receiver.received;
    expect(batch!.verified).toBe(true);
    expect(batch!.events.map((e) => [e.type, e.order.type])).toEqual([
      ['order.accepted', 'voicemail.connect'],
      ['order.completed', 'voicemail.connect'],
    ]);
    const id = batch!.events[0]!.order.id;

    await u.press('« Назад');
    const mine = await u.press('Мои заявки');
    expectText(mine, 'Мои заявки — +375 29 100-00-51');
    expectText(
      mine,
      new RegExp(`№ ${id} · Подключение голосовой почты · \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d · выполнена`),
    );
    expectText(await u.press('отклонена'), 'Заявок нет.');

    const admin = h.user(5102);
    await admin.sendText('/start');
    const all = await admin.press('Заявки');
    expectText(all, `№ ${id} · Подключение голосовой почты`);
    await admin.press('« Назад');
    expect(admin.lastMenu()!.text).toContain('Главное меню администратора');
  });
});
