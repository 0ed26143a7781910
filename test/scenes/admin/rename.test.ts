// «Переименование абонента» through the bot: R-RENAME (blackout with the written application, pending
// then applied, list preview) and R-IDEMP.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { renames, subscribers, ticketMessages, tickets } from '../../../src/db/schema/index.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { minsk } from '../../helpers/deps.js';
import { linkAdmin, makeAccount, makeClient, makeSubscriber, makeTariff } from '../../helpers/fixtures.js';
import { serveTelegramFile, xlsxOf } from '../../jobs/bulk-fixtures.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Ромашка»' });
const account = await makeAccount(db, client.id);
const tariff = await makeTariff(db);
const ivanov = await makeSubscriber(db, {
  clientId: client.id,
  personalAccountId: account.id,
  tariffPlanId: tariff.id,
  msisdn: '375291000001',
  displayName: 'Иванов И.',
});
const petrov = await makeSubscriber(db, {
  clientId: client.id,
  personalAccountId: account.id,
  tariffPlanId: tariff.id,
  msisdn: '375291000002',
  displayName: 'Петров П.',
});
const many: string[] = [];
{
  const rows = Array.from({ length: 1000 }, (_, i) => ({
    clientId: client.id,
    personalAccountId: account.id,
    tariffPlanId: tariff.id,
    msisdn: `37533${String(2_000_000 + i)}`,
    fullName: `Сотрудник ${i}`,
    displayName: `Сотрудник ${i}`,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  }));
  await db.insert(subscribers).values(rows);
  many.push(...rows.map((r) => r.msisdn));
}
const stranger = await makeSubscriber(db, { msisdn: '375339999999' });
await linkAdmin(db, 9101, client.id);

async function admin() {
  const u = h.user(9101);
  await u.sendText('/start');
  await u.press('Переименование абонента');
  return u;
}

async function drainJobs() {
  while ((await h.app.runner.runDue()) > 0);
}

async function nameOf(id: number) {
  const [row] = await db.select({ name: subscribers.displayName }).from(subscribers).where(eq(subscribers.id, id));
  return row!.name;
}

describe('R-RENAME: one number — found, typed, confirmed, pending, then applied', () => {
  it('on 10 November a single rename is accepted, applied after the delay, and the admin is told', async () => {
    h.deps.clock.set(minsk('2026-11-10T10:00'));
    const u = await admin();
    expect(u.lastMenu()!.text).toContain('Новое имя вступает в силу в течение 24 ч');
    await u.sendText('29100000_');
    await u.press('+375 29 100-00-01 · Иванов И.');
    expect(u.lastMenu()!.text).toContain('сейчас «Иванов И.»');
    const typed = await u.sendText('  Бухгалтерия\u0007 ');
    expectText(typed, '«Иванов И.» → «Бухгалтерия»');
    const ok = await u.press('Подтвердить');
    expectText(ok, 'Переименование принято: +375 29 100-00-01 → «Бухгалтерия»');
    expect(await db.select().from(renames).where(eq(renames.subscriberId, ivanov.id))).toHaveLength(1);

    await drainJobs();
    expect(await nameOf(ivanov.id)).toBe('Иванов И.');
    const before = h.telegram.calls.length;
    h.deps.clock.advance(24 * 3600_000);
    await drainJobs();
    expect(await nameOf(ivanov.id)).toBe('Бухгалтерия');
    expectText(h.telegram.calls.slice(before), 'Переименование применено: +375 29 100-00-01 — «Бухгалтерия».');
    // «Выбор абонента» shows the new name.
    await u.sendText('/start');
    await u.press('Выбор абонента');
    await u.sendText('291000001');
    expect(u.buttons().flat()).toContain('+375 29 100-00-01 · Бухгалтерия');
  });

  it('a double press of «Подтвердить» makes one rename', async () => {
    h.deps.clock.set(minsk('2026-11-11T10:00'));
    const u = await admin();
    await u.sendText('291000002');
    await u.press('+375 29 100-00-02 · Петров П.');
    await u.sendText('Склад');
    const { message, data } = u.findButton('Подтвердить');
    expectText(await u.pressData(data, message), 'Переименование принято');
    // The same button again (a double press or a redelivered update): the stored result, no second rename.
    const again = await u.pressData(data, message);
    expect(again.filter((c) => c.method === 'answerCallbackQuery' && c.payload.show_alert)).toEqual([]);
    expect(await db.select().from(renames).where(eq(renames.subscriberId, petrov.id))).toHaveLength(1);
  });

  it('an empty or too long name is refused and the name is asked again', async () => {
    h.deps.clock.set(minsk('2026-11-12T10:00'));
    const u = await admin();
    await u.sendText('291000002');
    await u.press(/^\+375 29 100-00-02/);
    expectText(await u.sendText('\u0001 '), 'Имя не подходит: пустое имя');
    expectText(await u.sendText('я'.repeat(65)), 'Имя не подходит: имя длиннее 64 символов');
    expectText(await u.sendText('Снабжение'), '→ «Снабжение»');
  });
});

describe('R-RENAME: refused on the last two days of a month, with the written application offered', () => {
  it('on 29 November the rename is refused and the application goes out as a feedback ticket', async () => {
    h.deps.clock.set(minsk('2026-11-29T12:00'));
    const u = await admin();
    expect(u.lastMenu()!.text).toContain('только по письменному заявлению');
    await u.sendText('291000001');
    await u.press(/^\+375 29 100-00-01/);
    await u.sendText('Отдел кадров');
    const refused = await u.press('Подтвердить');
    expectText(
      refused,
      'В последние 2 дня месяца (с 29.11.2026) переименование возможно только по письменному заявлению',
    );
    expectText(refused, 'Можно отправить письменное заявление');
    expect(await db.select().from(renames).where(eq(renames.newName, 'Отдел кадров'))).toHaveLength(0);
    const sent = await u.press('Отправить заявление');
    expectText(sent, /Заявление отправлено: обращение №\d+/);
    const ticketId = Number(/№(\d+)/.exec(textsOf(sent).join(' '))![1]);
    const [message] = await db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId));
    expect(message!.text).toContain('Заявление на переименование');
    expect(message!.text).toContain('+375 29 100-00-01 — Отдел кадров');
    const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(ticket).toMatchObject({ clientId: client.id, requesterTelegramId: 9101 });
  });

  it('the 30th is refused too; a list sent then is previewed with the application instead of «Подтвердить»', async () => {
    h.deps.clock.set(minsk('2026-11-30T09:00'));
    const u = await admin();
    const content = Buffer.from(`Номер;Имя\n${many[0]};Новый 0\n${many[1]};Новый 1\n`);
    const downloads = serveTelegramFile(h, 'blackout-list', content);
    const preview = await u.sendDocument({
      file_id: 'blackout-list',
      file_name: 'list.csv',
      file_size: content.length,
    });
    expect(downloads).toEqual(['getFile']);
    expectText(preview, 'Принято к исполнению: 2');
    expect(u.buttons().flat()).toEqual(['Отправить заявление', 'Отмена']);
    const sent = await u.press('Отправить заявление');
    const ticketId = Number(/№(\d+)/.exec(textsOf(sent).join(' '))![1]);
    const [message] = await db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId));
    expect(message!.text).toContain('Новый 1');
    expect(message!.attachments).toEqual([{ kind: 'document', fileId: 'blackout-list' }]);
  });

  it('the 28th is allowed', async () => {
    h.deps.clock.set(minsk('2026-11-28T23:00'));
    const u = await admin();
    expect(u.lastMenu()!.text).not.toContain('письменному заявлению');
    await u.sendText('291000002');
    await u.press(/^\+375 29 100-00-02/);
    await u.sendText('Логистика');
    expectText(await u.press('Подтвердить'), 'Переименование принято');
  });
});

describe('R-RENAME: a list of renames is previewed line by line, then confirmed', () => {
  it('a 1 000-line XLSX with 3 bad lines previews 997 fine and the 3 reasons; confirming makes 997 pending renames', async () => {
    h.deps.clock.set(minsk('2026-11-12T10:00'));
    const u = await admin();
    const rows: unknown[][] = [['Номер', 'Новое имя']];
    for (const [i, msisdn] of many.entries()) rows.push([Number(msisdn), `Отдел ${i}`]);
    rows[10] = ['29-abc', 'Не номер'];
    rows[20] = [Number(stranger.msisdn), 'Чужой'];
    rows[30] = [Number(many[29]), 'Х'.repeat(70)];
    const content = await xlsxOf(rows);
    serveTelegramFile(h, 'renames-1000', content);
    const preview = await u.sendDocument({
      file_id: 'renames-1000',
      file_name: 'renames.xlsx',
      file_size: content.length,
    });
    expectText(preview, 'Строк в списке: 1000\nПринято к исполнению: 997\nС ошибками: 3');
    expectText(preview, '• не номер телефона: строка 11 — «29-abc;Не номер»');
    expectText(preview, `• номер не принадлежит вашей компании: строка 21 — «${stranger.msisdn};Чужой»`);
    expectText(preview, '• имя длиннее 64 символов: строка 31');
    const confirmed = await u.press('Подтвердить (997)');
    expectText(confirmed, 'Переименование по списку принято: 997 номеров');
    const pending = await db.select().from(renames).where(eq(renames.status, 'pending'));
    expect(pending.filter((r) => r.newName.startsWith('Отдел '))).toHaveLength(997);
  });

  it('a file over the size limit is refused before it is downloaded; a wrong type is refused', async () => {
    h.deps.clock.set(minsk('2026-11-12T10:00'));
    const u = await admin();
    const before = h.telegram.calls.filter((c) => c.method === 'getFile').length;
    expectText(
      await u.sendDocument({ file_id: 'huge', file_name: 'big.xlsx', file_size: 6 * 1024 * 1024 }),
      'Файл слишком большой: не больше 5 МБ.',
    );
    expectText(
      await u.sendDocument({ file_id: 'pdf', file_name: 'list.pdf', file_size: 1000 }),
      'Этот тип файла не подходит',
    );
    expect(h.telegram.calls.filter((c) => c.method === 'getFile').length).toBe(before);
  });
});
