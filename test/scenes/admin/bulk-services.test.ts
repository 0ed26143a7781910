// «Действия с услугами по списку абонентов» through the bot: R-BULK (choose, send, preview, confirm,
// progress, result file with every line's outcome), R-SCOPE on list ids, R-IDEMP on the confirmation.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bulkLists, subscriberServices, subscribers } from '../../../src/db/schema/index.js';
import { createHarness, expectText } from '../../helpers/bot.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';
import { bulkClient, readXlsx, serveTelegramFile } from '../../jobs/bulk-fixtures.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const { client, service, subs } = await bulkClient(db, { allowed: 170, forbidden: 30 });
await db.update(subscribers).set({ status: 'blocked' }).where(eq(subscribers.id, subs[5]!.id));
const stranger = await makeSubscriber(db, { msisdn: '375339999998' });
await linkAdmin(db, 9201, client.id);
const otherClient = await makeClient(db);
await linkAdmin(db, 9202, otherClient.id);

async function admin(id = 9201) {
  const u = h.user(id);
  await u.sendText('/start');
  await u.press('Действия с услугами по списку абонентов');
  return u;
}

async function drainJobs() {
  while ((await h.app.runner.runDue()) > 0);
}

describe('R-BULK: connect one service over 200 numbers, some on a tariff that forbids it', () => {
  it('previews each line, runs in the background with progress, and sends a result file with every line’s outcome', async () => {
    const u = await admin();
    expect(u.lastMenu()!.text).toContain('Выберите услугу');
    await u.press(new RegExp(`^${service.name} ·`));
    await u.press('Подключить');
    expect(u.lastMenu()!.text).toContain(`Подключение услуги «${service.name}»`);
    const csv = Buffer.from(['Номер', ...subs.map((s) => `+${s.msisdn}`), stranger.msisdn, '=cmd|calc'].join('\r\n'));
    serveTelegramFile(h, 'bulk-200', csv);
    const preview = await u.sendDocument({ file_id: 'bulk-200', file_name: 'numbers.csv', file_size: csv.length });
    expectText(preview, 'Строк в списке: 202\nПринято к исполнению: 169\nС ошибками: 33');
    expectText(preview, `• номер не принадлежит вашей компании: строка 202 — «${stranger.msisdn}»`);
    expectText(preview, '• не номер телефона: строка 203 — «=cmd|calc»');
    expectText(
      preview,
      /недоступна на тарифном плане абонента\.: строки 172, 173, 174, 175, 176, 177, 178, 179 и еще 22 \(всего 30\)/,
    );
    expectText(preview, /заблокирован.*: строка 7/);
    expect(u.buttons().flat()).toEqual(['Подтвердить (169)', 'Отмена']);

    const { message, data } = u.findButton('Подтвердить (169)');
    const started = await u.pressData(data, message);
    expectText(started, `Подключение услуги «${service.name}» по списку: обработано 0 из 169…`);
    // R-IDEMP: the confirmation pressed twice starts one run.
    await u.pressData(data, message);
    const [list] = await db.select().from(bulkLists).where(eq(bulkLists.progressMessageId, message.message_id));
    expect(list!.status).toBe('queued');

    const before = h.telegram.calls.length;
    await drainJobs();
    const calls = h.telegram.calls.slice(before);
    const doc = calls.find((c) => c.method === 'sendDocument')!;
    expect(doc.files.document!.filename).toBe(`result-${list!.id}.xlsx`);
    expectText(calls, `Подключение услуги «${service.name}» по списку завершено: выполнено 169, отказано 0.`);
    const sheet = await readXlsx(doc.files.document!.content);
    const body = sheet.rows.filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(body).toHaveLength(202);
    expect(body.filter((r) => r[2] === 'выполнено')).toHaveLength(169);
    expect(body.filter((r) => r[2] === 'не принято')).toHaveLength(33);
    expect(body.find((r) => r[1] === subs[5]!.msisdn)?.[3]).toMatch(/заблок/i);
    expect(body.find((r) => r[1] === subs[190]!.msisdn)?.[3]).not.toBe('');
    expect(body.find((r) => r[4]?.includes('cmd'))?.[4]).toBe(`'=cmd|calc`);
    expect(sheet.formulas).toBe(0);
    const connected = await db.select().from(subscriberServices).where(eq(subscriberServices.serviceId, service.id));
    expect(connected).toHaveLength(169);
  });

  it('disconnect by pasted text: only connected numbers are accepted', async () => {
    const u = await admin();
    await u.press(new RegExp(`^${service.name} ·`));
    await u.press('Отключить');
    const preview = await u.sendText([subs[0]!.msisdn, subs[5]!.msisdn, subs[0]!.msisdn].join('\n'));
    expectText(preview, 'Принято к исполнению: 1');
    expectText(preview, 'номер уже есть в строке 1');
    await u.press('Подтвердить (1)');
    await drainJobs();
    const left = await db.select().from(subscriberServices).where(eq(subscriberServices.subscriberId, subs[0]!.id));
    expect(left).toEqual([]);
  });
});

describe('R-SCOPE: a list id in a button is re-checked', () => {
  it('another client’s administrator cannot confirm this client’s list', async () => {
    const u = await admin();
    await u.press(new RegExp(`^${service.name} ·`));
    await u.press('Отключить');
    await u.sendText(subs[1]!.msisdn);
    const data = u.findButton(/^Подтвердить/).data;
    const intruder = await admin(9202);
    const calls = await intruder.pressData(data);
    expectText(calls, 'Меню устарело');
    const [list] = await db
      .select()
      .from(bulkLists)
      .where(eq(bulkLists.id, Number(data.split(':')[2])));
    expect(list!.status).toBe('draft');
  });
});
