// «Просмотр детализации» through the bot, on the demo data: R-DETAIL — seven periods, pages, totals,
// CSV and XLSX of the whole month made by a job.
import { and, eq, gte, lt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { subscribers, usageRecords } from '../../../src/db/schema/index.js';
import { DEMO_SUBSCRIBER_MSISDN } from '../../../src/db/seed/identities.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { minsk } from '../../helpers/deps.js';

const h = await createHarness({ demo: true, now: '2026-11-30T10:00' });
const db = h.deps.db;
const [me] = await db.select().from(subscribers).where(eq(subscribers.msisdn, DEMO_SUBSCRIBER_MSISDN));

async function recordsBetween(fromLocal: string, toLocal: string): Promise<number> {
  const rows = await db
    .select({ id: usageRecords.id })
    .from(usageRecords)
    .where(
      and(
        eq(usageRecords.subscriberId, me!.id),
        gte(usageRecords.occurredAt, minsk(fromLocal)),
        lt(usageRecords.occurredAt, minsk(toLocal)),
      ),
    );
  return rows.length;
}

async function signIn(id: number) {
  const u = h.user(id);
  await u.shareContact(DEMO_SUBSCRIBER_MSISDN);
  await u.press('Просмотр детализации');
  return u;
}

/** Runs due jobs until none is left (a file per press). */
async function drainJobs(): Promise<void> {
  while ((await h.app.runner.runDue()) > 0) {}
}

describe('R-DETAIL: exactly seven periods are offered', () => {
  it('on the last day of a month: the current period up to yesterday and six previous months', async () => {
    const u = await signIn(7601);
    expect(u.buttons()).toEqual([
      ['Текущий период (01.11–29.11.2026)'],
      ['Октябрь 2026', 'Сентябрь 2026'],
      ['Август 2026', 'Июль 2026'],
      ['Июнь 2026', 'Май 2026'],
      ['« Назад'],
    ]);
    expectText(
      [{ method: 'sendMessage', payload: { text: u.lastMenu()!.text }, files: {} }],
      'по состоянию на день, предшествующий запросу',
    );
  });

  it('another period in a forged button is refused with the reason', async () => {
    const u = await signIn(7602);
    const calls = await u.pressData(`det:page:${me!.id}:2026-04`);
    expectText(calls, 'только за текущий период и шесть предыдущих месяцев');
    const future = await u.pressData(`det:page:${me!.id}:2026-12`);
    expectText(future, 'только за текущий период и шесть предыдущих месяцев');
  });
});

describe('R-DETAIL: records page by page with totals per type', () => {
  it('shows date, time, type, number, duration or count and cost, and pages through the month', async () => {
    const u = await signIn(7603);
    const first = textsOf(await u.press('Октябрь 2026')).join('\n');
    const total = await recordsBetween('2026-10-01T00:00', '2026-11-01T00:00');
    expect(total).toBeGreaterThan(h.deps.settings.pageSize);
    expect(first).toContain('Детализация за октябрь 2026\n+375 29 100-00-01');
    expect(first).toContain('Итого по типам:');
    expect(first).toMatch(/• Исходящие звонки: \d+ шт\., \d+:\d\d(:\d\d)?, \d+,\d\d руб\./);
    expect(first).toContain(`Всего записей: ${total}`);
    const recordLine =
      /^\d\d\.10\.2026 \d\d:\d\d:\d\d · (Исх\.|Вх\.) (звонок|SMS) · \S.* · (\d+:\d\d|\d+ SMS) · \d+,\d\d руб\.$/gm;
    const seen = [...first.matchAll(recordLine)].map((m) => m[0]);
    expect(seen).toHaveLength(h.deps.settings.pageSize);
    expect(u.buttons()).toEqual([['Далее ›'], ['Скачать CSV', 'Скачать XLSX'], ['« Назад']]);

    while (u.buttons()[0]?.includes('Далее ›')) {
      const page = textsOf(await u.press('Далее ›')).join('\n');
      seen.push(...[...page.matchAll(recordLine)].map((m) => m[0]));
    }
    expect(seen).toHaveLength(total);
  });

  it('on the 1st of a month the current period has no data yet; the previous month is complete', async () => {
    h.deps.clock.set(minsk('2026-12-01T09:00'));
    try {
      const u = await signIn(7604);
      expect(u.buttons()[0]).toEqual(['Текущий период (данных пока нет)']);
      expectText(await u.press('Текущий период (данных пока нет)'), 'сегодня первое число месяца');
      expect(u.buttons().flat()).not.toContain('Скачать CSV');
      await u.press('« Назад');
      const nov = textsOf(await u.press('Ноябрь 2026')).join('\n');
      expect(nov).toContain(`Всего записей: ${await recordsBetween('2026-11-01T00:00', '2026-12-01T00:00')}`);
    } finally {
      h.deps.clock.set(minsk('2026-11-30T10:00'));
    }
  });
});

describe('R-DETAIL: «Скачать CSV» and «Скачать XLSX» send the whole period', () => {
  it('the CSV (UTF-8 with BOM) and the XLSX hold every record of the month', async () => {
    const u = await signIn(7605);
    await u.press('Октябрь 2026');
    const total = await recordsBetween('2026-10-01T00:00', '2026-11-01T00:00');

    const csvPress = await u.press('Скачать CSV');
    expectText(csvPress, 'Готовим файл');
    expect(csvPress.some((c) => c.method === 'sendDocument')).toBe(false); // not on the update's path
    await u.press('Скачать XLSX');
    const before = h.telegram.calls.length;
    await drainJobs();
    const docs = h.telegram.calls.slice(before).filter((c) => c.method === 'sendDocument');
    expect(docs.map((d) => Object.values(d.files)[0]!.filename).sort()).toEqual([
      `detail_${DEMO_SUBSCRIBER_MSISDN}_2026-10.csv`,
      `detail_${DEMO_SUBSCRIBER_MSISDN}_2026-10.xlsx`,
    ]);
    expect(docs.every((d) => Number(d.payload.chat_id) === u.chatId)).toBe(true);

    const csv = Object.values(docs.find((d) => String(Object.values(d.files)[0]!.filename).endsWith('.csv'))!.files)[0]!
      .content;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvRows = csv
      .toString('utf8')
      .split('\r\n')
      .filter((l) => /^\d\d\.10\.2026;/.test(l));
    expect(csvRows).toHaveLength(total);

    const xlsx = Object.values(
      docs.find((d) => String(Object.values(d.files)[0]!.filename).endsWith('.xlsx'))!.files,
    )[0]!.content;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    let rows = 0;
    book.worksheets[0]!.eachRow((row) => {
      if (/^\d\d\.10\.2026$/.test(String(row.getCell(1).value))) rows++;
    });
    expect(rows).toBe(total);
  });
});
