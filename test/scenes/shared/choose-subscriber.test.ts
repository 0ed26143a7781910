// «Выбор абонента» through the bot: R-SUB-SEARCH and R-SCOPE; stale and forged buttons.
import { describe, expect, it } from 'vitest';
import { createHarness, expectText } from '../../helpers/bot.js';
import { linkAdmin, makeAccount, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness();
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Тест»' });
const other = await makeClient(db, { name: 'ООО «Чужой»' });
const accountA = await makeAccount(db, client.id, { name: 'Офис' });
const accountB = await makeAccount(db, client.id, { name: 'Склад' });
const demo = await makeSubscriber(db, {
  clientId: client.id,
  personalAccountId: accountA.id,
  msisdn: '375291000001',
  displayName: 'Иванов И.',
});
for (let i = 2; i <= 14; i++) {
  await makeSubscriber(db, {
    clientId: client.id,
    personalAccountId: i % 2 ? accountA.id : accountB.id,
    msisdn: `3752910000${String(i).padStart(2, '0')}`,
  });
}
const foreign = await makeSubscriber(db, { clientId: other.id, msisdn: '375291000000', displayName: 'Чужой' });
await linkAdmin(db, 8001, client.id);

async function admin() {
  const u = h.user(8001);
  await u.sendText('/start');
  await u.press('Выбор абонента');
  return u;
}

describe('R-SUB-SEARCH: find a subscriber by mask, account or «Показать все»', () => {
  it('the prompt offers each personal account and «Показать все»', async () => {
    const u = await admin();
    expectText(
      [{ method: 'editMessageText', payload: { text: u.lastMenu()!.text }, files: {} }],
      'Введите номер телефона с префиксом:',
    );
    expect(u.buttons().flat()).toEqual(
      expect.arrayContaining([expect.stringContaining('Офис'), expect.stringContaining('Склад'), 'Показать все']),
    );
  });

  it.each(['29100000_', '+375 29 100-00-0_'])('typed %s finds +375 29 100-00-01 and opens its menu', async (mask) => {
    const u = await admin();
    const calls = await u.sendText(mask);
    expectText(calls, 'Абоненты по маске');
    const labels = u.buttons().flat();
    expect(labels).toContain('+375 29 100-00-01 · Иванов И.');
    expect(labels.some((l) => l.includes('Чужой'))).toBe(false);
    const menu = await u.press('+375 29 100-00-01 · Иванов И.');
    expectText(menu, 'Главное меню абонента');
    expect(u.buttons().flat()).toEqual(
      expect.arrayContaining(['Выбор абонента', 'Меню администратора', 'Отвязать Telegram']),
    );
    const back = await u.press('Меню администратора');
    expectText(back, 'Главное меню администратора');
  });

  it('masks never reveal another client’s numbers (R-SCOPE)', async () => {
    const u = await admin();
    await u.sendText('%');
    const all = [...u.buttons().flat()];
    await u.sendText('291000000');
    expect(u.lastMenu()!.text).toContain('не найдены');
    expect(all.some((l) => l.includes('Чужой'))).toBe(false);
  });

  it('«Показать все» pages with «Далее» across accounts, ten per page', async () => {
    const u = await admin();
    await u.press('Показать все');
    const first = u
      .buttons()
      .flat()
      .filter((l) => l.startsWith('+375'));
    expect(first).toHaveLength(10);
    await u.press('Далее ›');
    const second = u
      .buttons()
      .flat()
      .filter((l) => l.startsWith('+375'));
    expect(second).toHaveLength(4);
    expect(second.some((l) => first.includes(l))).toBe(false);
  });

  it('a personal account lists only its numbers', async () => {
    const u = await admin();
    await u.press(/Склад/);
    const numbers = u
      .buttons()
      .flat()
      .filter((l) => l.startsWith('+375'));
    expect(numbers.length).toBe(7);
  });

  it('a bad mask gets a clear message and the user stays in the search', async () => {
    const u = await admin();
    const calls = await u.sendText('29abc');
    expectText(calls, 'только цифры');
    const retry = await u.sendText('29100000_');
    expectText(retry, 'Абоненты по маске');
  });
});

describe('R-SCOPE: forged and stale buttons', () => {
  it("a forged button with another client's subscriber id is refused and audited", async () => {
    const u = await admin();
    const calls = await u.pressData(`sm:show:${foreign.id}`);
    expectText(calls, 'Меню устарело');
    expect(calls.some((c) => String(c.payload.text ?? '').includes('Чужой'))).toBe(false);
  });

  it('malformed, oversized and unknown callback data answer «Меню устарело» and show the current menu', async () => {
    const u = await admin();
    for (const data of ['zzz', 'sm:show:abc', 'x'.repeat(80), 'pick:acc:-1', 'nosuch:thing']) {
      const calls = await u.pressData(data);
      expectText(calls, 'Меню устарело');
      // The current menu is on screen (edited in place; a repeat is a no-op edit Telegram would refuse).
      expect(u.lastMenu()!.text).toContain('Главное меню администратора');
    }
  });

  it('a subscriber cannot open another number’s menu, even of the same client', async () => {
    const u = h.user(8002);
    await u.shareContact('375291000001');
    const other = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000050' });
    const calls = await u.pressData(`si:show:${other.id}`);
    expectText(calls, 'Меню устарело');
    expect(demo.id).toBeGreaterThan(0);
  });
});
