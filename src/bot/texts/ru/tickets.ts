// Russian texts of «Обратная связь», «Связаться со специалистом» and the support group (R-TICKET,
// R-HANDOVER). Errors map DomainError('tickets.<reason>'); the portal's labels are verbatim.
import type { Message } from '../message.js';
import { count, ru } from '../plural.js';

/** After «не больше»: the genitive. */
const CHARS_GEN = ru('символа', 'символов', 'символов');
const FILES_GEN = ru('файла', 'файлов', 'файлов');

const s = (n: number, one: string, few: string, many: string) => {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
};

export const tickets = {
  labels: {
    newTicket: 'Новое обращение',
    myTickets: 'Мои обращения',
    closeTicket: 'Закрыть обращение',
    reopen: 'Возобновить обращение',
    send: 'Отправить',
    openTicket: 'Открыть обращение',
    rating: (n: number) => `${n} ⭐`,
    refresh: 'Обновить',
  },
  /** Topic codes of the domain → the portal's labels. */
  topics: {
    billing: 'Счета и платежи',
    services: 'Услуги',
    number: 'Смена номера',
    quality: 'Качество связи',
    other: 'Другое',
  } as Record<string, string>,
  statuses: {
    new: 'новое',
    in_work: 'в работе',
    waiting: 'ожидает ответа',
    closed: 'закрыто',
  } as Record<string, string>,
  menu: (onBehalf: string | null) =>
    `Обратная связь${onBehalf ? `\nОт имени абонента ${onBehalf}` : ''}\n\nЗдесь можно написать специалистам компании и посмотреть ответы на свои обращения.`,
  chooseTopic: 'Новое обращение\n\nВыберите тему обращения:',
  askText: (topic: string) => `Новое обращение · ${topic}\n\nОпишите ваш вопрос одним сообщением (до 4000 символов).`,
  askFiles: (topic: string, files: number) =>
    `Новое обращение · ${topic}\n\nПри необходимости приложите фото или файлы (до 10) — просто отправьте их сюда. Когда всё готово, нажмите «Отправить».` +
    (files ? `\n\nПриложено: ${files} ${s(files, 'файл', 'файла', 'файлов')}` : ''),
  fileNeedsText: 'Файл приложен. Теперь опишите вопрос текстом.',
  sent: (id: number) => `Обращение №${id} отправлено. Специалист ответит здесь, в чате; статус — в «Мои обращения».`,
  listTitle: 'Мои обращения',
  listEmpty: 'Мои обращения\n\nУ вас пока нет обращений.',
  listItem: (id: number, topic: string, status: string) => `№${id} · ${topic} · ${status}`,
  threadTitle: (id: number, topic: string, status: string) => `Обращение №${id} · ${topic}\nСтатус: ${status}`,
  onBehalf: (phone: string) => `Абонент: ${phone}`,
  authors: { user: 'Вы', staff: 'Специалист', system: 'Система' } as Record<string, string>,
  files: (n: number) => `📎 ${n} ${s(n, 'файл', 'файла', 'файлов')}`,
  earlier: (n: number) => `… ещё ${n} ${s(n, 'сообщение', 'сообщения', 'сообщений')} выше`,
  threadHintOpen: 'Чтобы дописать в обращение, просто отправьте сообщение, фото или файл.',
  threadHintClosed: 'Обращение закрыто. Его можно возобновить.',
  rateAsk: 'Оцените, пожалуйста, ответ специалиста:',
  rated: (n: number) => `Ваша оценка: ${n} из 5`,
  thanksRating: 'Спасибо за оценку!',
  messageAdded: (id: number) => `Сообщение добавлено в обращение №${id}.`,
  closedOffer: (id: number) => `Обращение №${id} закрыто. Возобновить его, чтобы отправить сообщение?`,
  closedByUser: (id: number) => `Обращение №${id} закрыто.`,
  reopened: (id: number) => `Обращение №${id} возобновлено: статус «новое». Напишите, что ещё нужно.`,
  handoverPrompt:
    'Связаться со специалистом\n\nНапишите ваш вопрос одним сообщением — специалист ответит здесь, в чате. ' +
    'К обращению приложим, где вы сейчас в боте и последние экраны (PIN и PUK — никогда).',
  /** Notices to the user from the support side. */
  notices: {
    fromStaff: (id: number) => `💬 Ответ по обращению №${id}`,
    taken: (id: number) => `Ваше обращение №${id} взято в работу специалистом.`,
    closedByStaff: (id: number) => `Обращение №${id} закрыто специалистом. Оцените, пожалуйста, ответ:`,
    staffOpened: (id: number) =>
      `Специалист поддержки открыл обращение №${id}. Ответы придут сюда; чтобы ответить, ответьте на сообщение специалиста или откройте обращение.`,
  },
  /** The support group (staff read Russian). */
  support: {
    topicName: (id: number, topic: string, who: string) => `#${id} ${topic} — ${who}`,
    cardTitle: (id: number) => `Обращение #${id}`,
    topic: 'Тема',
    status: 'Статус',
    role: 'Роль',
    roles: { admin: 'администратор клиента', subscriber: 'абонент' } as Record<string, string>,
    client: 'Клиент',
    number: 'Номер',
    telegram: 'Telegram',
    openedAt: 'Открыто',
    section: 'Раздел',
    lastScreens: 'Последние экраны',
    lastMessages: 'Последние сообщения пользователя',
    text: 'Текст обращения',
    openedByStaff: 'Открыто специалистом поддержки из разговора.',
    help: 'Ответы в этой теме уходят пользователю. /take — взять в работу, /close — закрыть.',
    taken: (name: string) => `Взято в работу: ${name}.`,
    alreadyYours: 'Обращение уже у вас в работе.',
    closedByStaff: (name: string) => `Обращение закрыто (${name}). Пользователь уведомлен и может оценить ответ.`,
    closedByUser: 'Пользователь закрыл обращение.',
    reopened: 'Пользователь возобновил обращение: статус «новое».',
    rated: (n: number) => `Пользователь оценил ответ: ${n} из 5.`,
    blocked: 'Пользователь заблокировал бота: сообщение не доставлено.',
    notDelivered: 'Сообщение не доставлено пользователю (ошибка Telegram). Попробуйте позже.',
    ticketClosed: 'Обращение закрыто: сообщение пользователю не отправлено.',
    notTicketTopic: 'Эта команда работает в теме обращения.',
    ticketUsage: 'Формат: /ticket <Telegram id> или /ticket +375 29 123-45-67',
    ticketOpened: (id: number) => `Обращение #${id} открыто для пользователя; для него создана тема.`,
    ticketOpenedNoTopic: (id: number) =>
      `Обращение #${id} открыто, но тему создать не удалось; попробуйте /ticket ещё раз позже.`,
  },
  errors: {
    closed: 'Обращение закрыто.',
    tooManyOpen: (p) => `У вас уже ${p.max} открытых обращений. Дождитесь ответа или закройте одно из них.`,
    notClosed: 'Обращение ещё не закрыто.',
    notFound: 'Обращение не найдено.',
    textEmpty: 'Напишите, пожалуйста, текст обращения.',
    textTooLong: (p) => `Слишком длинный текст: не больше ${count('ru', p.max, CHARS_GEN)}.`,
    tooManyAttachments: (p) => `Не больше ${count('ru', p.max, FILES_GEN)} в одном сообщении.`,
    badAttachment: 'Этот файл нельзя приложить.',
    badTopic: 'Выберите тему из списка.',
    badRating: 'Оценка — от 1 до 5.',
    alreadyRated: 'Вы уже оценили ответ по этому обращению.',
    userNotFound: 'Пользователь не найден или не привязан к боту.',
    badTopicId: 'Неверная тема форума.',
  } as Record<string, Message>,
};
