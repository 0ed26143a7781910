// «Переадресация звонков» through the bot (R-FWD, R-IDEMP): the four conditions with their state, a typed
// target normalised and checked, the «нет ответа» delay by buttons, a confirmation before any change,
// cancelling one or all, and the unconditional forwarding shown as overriding the others.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, callForwarding } from '../../../src/db/schema/index.js';
import { createHarness, expectText } from '../../helpers/bot.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness();
const db = h.deps.db;
const client = await makeClient(db);
const sub = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000001' });
await linkAdmin(db, 6001, client.id);

const rows = () => db.select().from(callForwarding).where(eq(callForwarding.subscriberId, sub.id));

async function openForwarding() {
  const u = h.user(5001);
  await u.shareContact('375291000001');
  await u.press('Операции с услугами');
  const calls = await u.press('Переадресация звонков');
  return { u, calls };
}

describe('R-FWD: «Переадресация звонков» in the bot', () => {
  it('shows the four conditions, all off', async () => {
    const { u, calls } = await openForwarding();
    expectText(
      calls,
      /• Безусловная: не установлена\n• Если занято: не установлена\n• Если нет ответа: не установлена\n• Если недоступен: не установлена/,
    );
    expect(u.buttons().flat()).toEqual(['Безусловная', 'Если занято', 'Если нет ответа', 'Если недоступен', '« Назад']);
  });

  it('refuses one’s own, short and premium-rate targets with the reason, and keeps asking', async () => {
    const { u } = await openForwarding();
    await u.press('Если занято');
    await u.press('Установить');
    expectText(await u.sendText('+375 29 100-00-01'), 'на собственный номер');
    expectText(await u.sendText('112'), 'Короткие номера не допускаются');
    expectText(await u.sendText('8 902 123-45-67'), 'премиальные');
    const ok = await u.sendText('8 (029) 765-43-21');
    expectText(ok, 'Подтвердите переадресацию:\nУсловие: Если занято\nНомер: +375 29 765-43-21');
    expect(await rows()).toEqual([]);
    expectText(await u.press('Подтвердить'), '✅ Переадресация «Если занято» установлена на +375 29 765-43-21.');
    expect(await rows()).toMatchObject([{ condition: 'busy', target: '375297654321', delaySeconds: null }]);
  });

  it('«нет ответа» takes its delay from buttons, 20 s by default; a double press sets it once', async () => {
    const { u } = await openForwarding();
    await u.press('Если нет ответа');
    await u.press('Установить');
    const ask = await u.sendText('+375 33 111-22-33');
    expectText(ask, 'Ожидание ответа: 20 с');
    expect(u.buttons()[0]).toEqual(['5 с', '10 с', '15 с', '✓ 20 с', '25 с', '30 с']);
    expectText(await u.press('30 с'), 'Ожидание ответа: 30 с');
    const confirm = u.findButton('Подтвердить');
    expectText(await u.pressData(confirm.data, confirm.message), 'установлена на +375 33 111-22-33');
    expectText(await u.pressData(confirm.data, confirm.message), 'уже выполнено');
    expect((await rows()).find((r) => r.condition === 'no_reply')).toMatchObject({ delaySeconds: 30 });
    const sets = await db.select().from(auditLog).where(eq(auditLog.action, 'forwarding.set'));
    expect(sets.filter((a) => (a.after as { condition: string }).condition === 'no_reply')).toHaveLength(1);
  });

  it('an unconditional forwarding is shown as overriding the conditional ones', async () => {
    const { u } = await openForwarding();
    await u.press('Безусловная');
    await u.press('Установить');
    await u.sendText('+48 601 234 567');
    const done = await u.press('Подтвердить');
    expectText(done, '✓ Безусловная: на +48601234567');
    expectText(done, '✓ Если занято: на +375 29 765-43-21 — не действует: установлена безусловная');
    expectText(done, 'Безусловная переадресация действует вместо условных.');
  });

  it('cancels one after a confirmation, then all', async () => {
    const { u } = await openForwarding();
    await u.press('✓ Безусловная');
    expectText(await u.press('Отменить'), 'Отменить переадресацию «Безусловная» на +48601234567?');
    expectText(await u.press('Подтвердить'), '✅ Отменено: Безусловная.');
    expectText(await u.press('Отменить все'), 'Отменить все переадресации?');
    expectText(await u.press('Подтвердить'), '✅ Отменено: Если занято, Если нет ответа.');
    expect(await rows()).toEqual([]);
  });

  it('an administrator sets forwarding on a chosen subscriber', async () => {
    const a = h.user(6001);
    await a.sendText('/start');
    await a.press('Выбор абонента');
    await a.sendText('291000001');
    await a.press(/\+375 29 100-00-01/);
    await a.press('Операции с услугами');
    await a.press('Переадресация звонков');
    await a.press('Если недоступен');
    await a.press('Установить');
    await a.sendText('+375 44 555-66-77');
    expectText(await a.press('Подтвердить'), '✅ Переадресация «Если недоступен» установлена на +375 44 555-66-77.');
  });
});

describe('R-FWD: confirmation buttons fit Telegram’s 64 bytes at the longest', () => {
  it('a 15-digit target, the largest ids and a nonce still fit', async () => {
    const { setConfirmView, cancelConfirmView } = await import('../../../scenes/subscriber/forwarding/views.js');
    const { ru } = await import('../../../src/bot/texts/ru/index.js');
    const view = setConfirmView(
      ru,
      2_147_483_647,
      { condition: 'no_reply', target: '123456789012345', delaySeconds: 30, previous: null },
      [5, 10, 15, 20, 25, 30],
      'AbCdEf-_',
    );
    const all = [...view.keyboard!.flat(), ...cancelConfirmView(ru, 2_147_483_647, 'all', 'AbCdEf-_').keyboard!.flat()];
    for (const b of all) expect(Buffer.byteLength(b.callback_data, 'utf8')).toBeLessThanOrEqual(64);
  });
});
