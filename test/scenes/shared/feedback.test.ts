// «Обратная связь» and «Связаться со специалистом» in the bot, without a support group configured:
// tickets still work (R-TICKET), the handover carries the conversation without PIN/PUK (R-HANDOVER),
// and every id from a button is re-checked (R-SCOPE).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ticketMessages, tickets } from '../../../src/db/schema/index.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness();
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Тест»' });
const other = await makeClient(db, { name: 'ООО «Чужой»' });
const sub = await makeSubscriber(db, {
  clientId: client.id,
  msisdn: '375291000001',
  fullName: 'Иванов Иван',
  displayName: 'Иванов И.',
});
await makeSubscriber(db, { clientId: client.id, msisdn: '375291000002' });
const foreign = await makeSubscriber(db, { clientId: other.id, msisdn: '375291000003' });
await linkAdmin(db, 6101, client.id);

function ticketIdOf(calls: Parameters<typeof textsOf>[0]): number {
  return Number(/№(\d+)/.exec(textsOf(calls).join(' '))![1]);
}

async function row(id: number) {
  const [r] = await db.select().from(tickets).where(eq(tickets.id, id));
  return r!;
}

let nextUser = 5600;
async function subscriberUser(msisdn = '375291000002') {
  const u = h.user(++nextUser);
  await u.shareContact(msisdn);
  return u;
}

async function openedTicket(u: ReturnType<typeof h.user>, text = 'Вопрос по тарифу') {
  await u.sendText('/menu');
  await u.press('Обратная связь');
  await u.press('Новое обращение');
  await u.press('Услуги');
  await u.sendText(text);
  const sent = await u.press('Отправить');
  return ticketIdOf(sent);
}

describe('R-TICKET: requests in the bot, with no support group configured', () => {
  it('a subscriber opens a request; nothing is sent to any group; «Мои обращения» lists it as «новое»', async () => {
    const u = await subscriberUser('375291000001');
    const before = h.telegram.calls.length;
    const id = await openedTicket(u, 'Почему списали абонплату дважды?');
    expect(
      h.telegram.calls.slice(before).filter((c) => Number(c.payload.chat_id) < 0 || c.method === 'createForumTopic'),
    ).toEqual([]);
    expect(await row(id)).toMatchObject({
      status: 'new',
      role: 'subscriber',
      subscriberId: sub.id,
      topic: 'services',
      forumTopicId: null,
    });
    await u.press('Мои обращения');
    expect(u.buttons().flat()).toContain(`№${id} · Услуги · новое`);
  });

  it('files may come with the text; a second «Отправить» opens nothing new (R-IDEMP)', async () => {
    const u = await subscriberUser();
    await u.press('Обратная связь');
    await u.press('Новое обращение');
    await u.press('Другое');
    const doc = await u.sendDocument({ file_id: 'BQACDoc1', file_name: 'акт.pdf', file_size: 1000 });
    expectText(doc, 'Теперь опишите вопрос текстом');
    await u.sendText('Прошу проверить акт');
    const menu = u.lastMenu()!;
    const first = await u.press('Отправить');
    const id = ticketIdOf(first);
    const again = await u.pressData(menu.reply_markup!.inline_keyboard![0]![0]!.callback_data!, menu);
    expect(ticketIdOf(again)).toBe(id);
    const mine = await db.select().from(tickets).where(eq(tickets.requesterTelegramId, u.id));
    expect(mine).toHaveLength(1);
    const [message] = await db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, id));
    expect(message).toMatchObject({
      text: 'Прошу проверить акт',
      attachments: [{ kind: 'document', fileId: 'BQACDoc1', name: 'акт.pdf' }],
    });
  });

  it('a too long text is refused with the reason and the form stays', async () => {
    const u = await subscriberUser();
    await u.press('Обратная связь');
    await u.press('Новое обращение');
    await u.press('Качество связи');
    expectText(await u.sendText('я'.repeat(4001)), 'не больше 4000 символов');
    expectText(await u.sendText('Коротко: нет 4G'), 'Отправить');
  });

  it('on a ticket’s screen what the user types goes to it; closed, it is refused with an offer to reopen; reopened it is «новое»', async () => {
    const u = await subscriberUser();
    const id = await openedTicket(u);
    await u.press('Открыть обращение');
    expectText(await u.sendText('Дополнение к вопросу'), `Сообщение добавлено в обращение №${id}`);
    const closed = await u.press('Закрыть обращение');
    expectText(closed, 'Статус: закрыто');
    expect(u.buttons().flat()).toEqual(expect.arrayContaining(['1 ⭐', '5 ⭐', 'Возобновить обращение']));
    const refused = await u.sendText('А ещё вопрос');
    expectText(refused, `Обращение №${id} закрыто. Возобновить его`);
    const reopened = await u.press('Возобновить обращение');
    expectText(reopened, 'Статус: новое');
    expect(await row(id)).toMatchObject({ status: 'new', closedAt: null });
    const texts = (await db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, id))).map((m) => m.text);
    expect(texts).toEqual(['Вопрос по тарифу', 'Дополнение к вопросу']);
  });

  it('elsewhere, typed text belongs to the screen the user is on, not to a ticket', async () => {
    const u = await subscriberUser();
    const id = await openedTicket(u);
    await u.sendText('/menu');
    await u.sendText('просто текст');
    expect(await db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, id))).toHaveLength(1);
  });

  it('an administrator opens requests for the client and on behalf of a chosen subscriber', async () => {
    const a = h.user(6101);
    await a.sendText('/start');
    await a.press('Обратная связь');
    await a.press('Новое обращение');
    await a.press('Счета и платежи');
    await a.sendText('Нужен акт сверки');
    const own = ticketIdOf(await a.press('Отправить'));
    expect(await row(own)).toMatchObject({ role: 'admin', clientId: client.id, subscriberId: null, topic: 'billing' });

    await a.pressData(`sm:show:${sub.id}`);
    const menu = await a.press('Обратная связь');
    expectText(menu, 'От имени абонента +375 29 100-00-01');
    await a.press('Новое обращение');
    await a.press('Смена номера');
    await a.sendText('Подберите красивый номер');
    const onBehalf = ticketIdOf(await a.press('Отправить'));
    expect(await row(onBehalf)).toMatchObject({ role: 'admin', subscriberId: sub.id, topic: 'number' });
    await a.press('Мои обращения');
    expect(a.buttons().flat()).toEqual(
      expect.arrayContaining([`№${onBehalf} · Смена номера · новое`, `№${own} · Счета и платежи · новое`]),
    );
    expectText(await a.press(`№${onBehalf} · Смена номера · новое`), 'Абонент: +375 29 100-00-01');
  });
});

describe('R-SCOPE: buttons are re-checked', () => {
  it('another client’s subscriber in a button is refused as a stale menu and audited', async () => {
    const a = h.user(6101);
    await a.sendText('/start');
    expectText(await a.pressData(`fb:menu:${foreign.id}`), 'Меню устарело');
    expectText(await a.pressData(`fb:topic:billing:${foreign.id}`), 'Меню устарело');
  });

  it('another user’s ticket cannot be opened, closed or rated through forged buttons', async () => {
    const owner = await subscriberUser();
    const id = await openedTicket(owner);
    const intruder = await subscriberUser();
    for (const data of [`fb:open:${id}`, `fb:close:${id}`, `fb:rate:${id}:1`, `fb:reopen:${id}`]) {
      expectText(await intruder.pressData(data), 'Обращение не найдено');
    }
    expect(await row(id)).toMatchObject({ status: 'new', rating: null });
    expectText(await intruder.pressData('fb:open:abc'), 'Меню устарело');
  });
});

describe('R-HANDOVER: «Связаться со специалистом» and /support', () => {
  it('from the subscriber menu: the ticket carries role, number, section and the last screens and messages — never PIN/PUK', async () => {
    const u = await subscriberUser('375291000001');
    await u.sendText('мой PIN1 1234');
    await u.sendText('где посмотреть баланс?');
    await u.sendText('/menu');
    await u.press('Связаться со специалистом');
    const sent = await u.sendText('Помогите разобраться с начислениями');
    const id = ticketIdOf(sent);
    const ticket = await row(id);
    expect(ticket).toMatchObject({ topic: 'other', status: 'new', subscriberId: sub.id });
    const context = ticket.context as Record<string, unknown>;
    expect(context).toMatchObject({
      kind: 'handover',
      role: 'subscriber',
      subscriberMsisdn: '375291000001',
      section: expect.stringContaining('Главное меню абонента'),
    });
    expect(context.lastUserMessages).toEqual(expect.arrayContaining(['где посмотреть баланс?']));
    expect(JSON.stringify(context)).not.toMatch(/PIN|1234/);
    expect(JSON.stringify(context)).not.toContain('Связаться со специалистом\n');
    // Now on the ticket's screen: what the user types goes to the same ticket.
    expectText(await u.sendText('И ещё: роуминг'), `Сообщение добавлено в обращение №${id}`);
  });

  it('/support from anywhere, for an administrator with a chosen subscriber', async () => {
    const a = h.user(6101);
    await a.sendText('/start');
    await a.pressData(`sm:show:${sub.id}`);
    const prompt = await a.sendText('/support');
    expectText(prompt, 'Напишите ваш вопрос одним сообщением');
    const id = ticketIdOf(await a.sendText('Абонент не может позвонить'));
    const ticket = await row(id);
    expect(ticket).toMatchObject({ role: 'admin', subscriberId: sub.id });
    expect(ticket.context).toMatchObject({
      kind: 'handover',
      role: 'admin',
      clientName: 'ООО «Тест»',
      subscriberMsisdn: '375291000001',
    });
  });

  it('/support without a role leads to the start screen', async () => {
    const calls = await h.user(5699).sendText('/support');
    expectText(calls, 'Поделиться контактом');
  });
});
