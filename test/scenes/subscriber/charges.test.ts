// «Начисления за период» through the bot, on the demo data: R-CHARGES with R-MONEY and R-FEE.
import { describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIBER_MSISDN } from '../../../src/db/seed/identities.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { minsk } from '../../helpers/deps.js';

const h = await createHarness({ demo: true, now: '2026-11-30T21:00' });
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('R-CHARGES: the current month and the two before, itemised with VAT and totals, and a chart', () => {
  it('on the last day of a month shows September–November with the subscription fee, VAT and totals', async () => {
    const u = h.user(7501);
    await u.shareContact(DEMO_SUBSCRIBER_MSISDN);
    const calls = await u.press('Начисления за период');
    const text = textsOf(calls).join('\n');
    expect(text).toContain('Ноябрь 2026 (текущий месяц)');
    expect(text).toContain('Октябрь 2026');
    expect(text).toContain('Сентябрь 2026');
    expect(text).not.toContain('Август 2026');
    // 24,90 руб.: VAT 24,90·20/120 = 4,15 руб.
    expect(text).toContain('Абонентская плата по ТП «Бизнес Оптимальный» — 24,90 руб. (НДС 4,15 руб.)');
    expect(text.match(/Итого: [\d\s\u00a0]+,\d\d руб\., в т\.ч\. НДС [\d\s\u00a0]+,\d\d руб\./g)).toHaveLength(3);
    expect(u.buttons().flat()).toEqual(['« Назад']);

    const photo = calls.find((c) => c.method === 'sendPhoto')!;
    expect(photo).toBeTruthy();
    const content = Object.values(photo.files)[0]!.content;
    expect([...content.subarray(0, 8)]).toEqual(PNG);
    expect(photo.payload.caption).toBe('Начисления по месяцам');
  });

  it('a fee the bot charged (a paid tariff change) is a line of the current month (R-FEE)', async () => {
    const u = h.user(7501);
    await u.sendText('/menu');
    await u.press('Смена ТП');
    await u.press('Бизнес Мини');
    expectText(await u.press('Подтвердить'), 'Стоимость смены: 3,30 руб.');
    await u.sendText('/menu');
    const text = textsOf(await u.press('Начисления за период')).join('\n');
    expect(text).toContain('Смена тарифного плана: «Бизнес Оптимальный» → «Бизнес Мини» — 3,30 руб. (НДС 0,55 руб.)');
  });

  it('on 1 January (Minsk, still 31 December in UTC) the months run across the year', async () => {
    h.deps.clock.set(minsk('2027-01-01T00:30'));
    const u = h.user(7501);
    await u.sendText('/menu');
    const text = textsOf(await u.press('Начисления за период')).join('\n');
    expect(text).toContain('Январь 2027 (текущий месяц)');
    expect(text).toContain('Декабрь 2026');
    expect(text).toContain('Ноябрь 2026');
    expect(text).not.toContain('Октябрь 2026');
    // Billing has not written January yet: the plan's subscription fee is shown for the month.
    expect(text).toMatch(
      /Январь 2027 \(текущий месяц\)\n• Абонентская плата «Бизнес Мини» — 7,90 руб\. \(НДС 1,32 руб\.\)/,
    );
  });
});
