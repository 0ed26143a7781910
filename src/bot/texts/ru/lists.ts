// Russian texts of «Переименование абонента» and «Действия с услугами по списку абонентов». Errors map
// DomainError('lists.<reason>'); the reasons of renames.* and bulk.* are here too, by their last part.
import { date } from '../../format.js';
import type { Message } from '../message.js';
import { count, plural, ru } from '../plural.js';

const NUMBERS = ru('номер', 'номера', 'номеров');
const BELONG = ru('относится', 'относятся', 'относятся');
/** After «до», «длиннее», «больше»: the genitive. */
const CHARS_GEN = ru('символа', 'символов', 'символов');
const LINES_GEN = ru('строки', 'строк', 'строк');
const DAYS = ru('день', 'дня', 'дней');
const LAST = ru('последний', 'последние', 'последние');

type P = Record<string, string | number>;

export const lists = {
  errors: {
    notANumber: 'не номер телефона',
    notThisClient: 'номер не принадлежит вашей компании',
    duplicate: (p: P) => `номер уже есть в строке ${p.line}`,
    nameEmpty: 'пустое имя',
    nameTooLong: (p: P) => `имя длиннее ${count('ru', p.max, CHARS_GEN)}`,
    invalid: 'строка не прошла проверку',
    blackout: (p: P) =>
      `В ${plural('ru', Number(p.days), LAST)} ${count('ru', p.days, DAYS)} месяца (с ${date(String(p.from))}) переименование возможно только по письменному заявлению. ` +
      `Через бот — снова с ${date(String(p.until))}.`,
    wrongType: 'Этот тип файла не подходит: пришлите текст, CSV или XLSX.',
    brokenFile: 'Файл не удалось прочитать: он поврежден или это не CSV/XLSX.',
    unsafeFile: 'Файл поврежден или слишком большой.',
    tooBig: (p: P) => `Файл слишком большой: не больше ${p.maxMb} МБ.`,
    tooManyLines: (p: P) => `В списке больше ${count('ru', p.max, LINES_GEN)}. Разделите его на части.`,
    empty: 'В списке нет ни одной строки.',
    wrongColumns: (p: P) =>
      Number(p.expected) === 1
        ? `Строка ${p.line}: ожидается один столбец — номер телефона.`
        : `Строка ${p.line}: ожидаются два столбца — номер и новое имя (номер;имя).`,
    alreadyConfirmed: 'Этот список уже подтвержден.',
    nothingToApply: 'В списке нет ни одной подходящей строки.',
    badAction: 'Выберите: подключить или отключить.',
    downloadFailed: 'Файл не удалось получить из Telegram. Пришлите его еще раз.',
  } as Record<string, Message>,
  /** How long a rename takes: «24 ч», «1 мин». */
  delay: (seconds: number) =>
    seconds >= 3600 ? `${Math.round(seconds / 3600)} ч` : `${Math.max(1, Math.ceil(seconds / 60))} мин`,
  preview: {
    counts: (total: number, fine: number, bad: number) =>
      `Строк в списке: ${total}\nПринято к исполнению: ${fine}\nС ошибками: ${bad}`,
    badHeader: 'Строки с ошибками:',
    badLine: (lineNo: number, reason: string, raw: string) =>
      `• ${reason}: строка ${lineNo}${raw ? ` — «${raw}»` : ''}`,
    badLines: (lineNos: number[], count: number, reason: string) =>
      `• ${reason}: строки ${lineNos.join(', ')}${count > lineNos.length ? ` и еще ${count - lineNos.length}` : ''} (всего ${count})`,
    more: (n: number) => `… и еще причин: ${n}`,
    nothingFine: 'Нет ни одной строки, которую можно исполнить. Исправьте список и пришлите его снова.',
    sendAgain: 'Можно прислать исправленный список — он заменит этот.',
  },
  rename: {
    start: (delay: string, maxLines: number, maxMb: number) =>
      'Переименование абонента\n\n' +
      'Один номер: введите номер или его часть (маска, как в «Выбор абонента»: % — несколько цифр, _ — одна цифра) или нажмите «Показать все».\n\n' +
      `Списком: пришлите строки «номер;новое имя» текстом или файлом CSV/XLSX — до ${count('ru', maxLines, LINES_GEN)}, до ${maxMb} МБ. Первая строка без цифр считается заголовком.\n\n` +
      `Новое имя вступает в силу в течение ${delay}.`,
    blackoutNote: (text: string) =>
      `⚠️ ${text}\nНомер или список можно подготовить здесь же — бот предложит отправить письменное заявление.`,
    results: 'Выберите абонента:',
    none: 'Ничего не найдено. Введите другой номер или маску.',
    askName: (phone: string, current: string, max: number) =>
      `Абонент ${phone}, сейчас «${current}».\nВведите новое имя (от 1 до ${count('ru', max, CHARS_GEN)}):`,
    badName: (reason: string) => `Имя не подходит: ${reason}. Введите другое.`,
    confirm: (phone: string, from: string, to: string, delay: string) =>
      `Переименовать абонента ${phone}:\n«${from}» → «${to}»\n\nНовое имя вступит в силу в течение ${delay}.`,
    accepted: (phone: string, name: string, at: string) =>
      `Переименование принято: ${phone} → «${name}». Вступит в силу около ${at}; мы сообщим, когда имя изменится.`,
    listTitle: 'Переименование по списку: проверка',
    listAccepted: (accepted: number, refused: number, at: string) =>
      `Переименование по списку принято: ${count('ru', accepted, NUMBERS)}${refused ? ` (еще ${count('ru', refused, NUMBERS)} больше не ${plural('ru', refused, BELONG)} к вашей компании)` : ''}. ` +
      `Вступит в силу около ${at}; мы сообщим, когда готово.`,
    offer: 'Можно отправить письменное заявление обращением в «Обратная связь» — оно уже заполнено.',
    sendApplication: 'Отправить заявление',
    applicationSent: (ticketId: number) =>
      `Заявление отправлено: обращение №${ticketId}. Ответ придет сюда; статус — в «Обратная связь».`,
    sendListHint: 'Пришлите номер, маску или список текстом либо файлом CSV/XLSX.',
  },
  bulk: {
    chooseService: 'Действия с услугами по списку абонентов\n\nВыберите услугу:',
    noServices: 'Нет услуг, доступных для действий по списку.',
    chooseAction: (service: string) => `Услуга «${service}». Что сделать для списка номеров?`,
    connect: 'Подключить',
    disconnect: 'Отключить',
    askList: (service: string, action: 'connect' | 'disconnect', maxLines: number, maxMb: number) =>
      `${action === 'connect' ? 'Подключение' : 'Отключение'} услуги «${service}».\n\n` +
      `Пришлите список номеров: текстом (по одному номеру в строке) или файлом CSV/XLSX — до ${count('ru', maxLines, LINES_GEN)}, до ${maxMb} МБ. ` +
      'Первая строка без цифр считается заголовком. Перед исполнением бот проверит каждую строку.',
    listTitle: (service: string, action: 'connect' | 'disconnect') =>
      `${action === 'connect' ? 'Подключение' : 'Отключение'} услуги «${service}» по списку: проверка`,
    sendListHint: 'Пришлите список номеров текстом или файлом CSV/XLSX.',
  },
  jobs: {
    renameApplied: (phone: string, name: string) => `Переименование применено: ${phone} — «${name}».`,
    renameListApplied: (applied: number) => `Переименование по списку применено: ${count('ru', applied, NUMBERS)}.`,
    failed: (service: string, action: 'connect' | 'disconnect', done: number, total: number) =>
      `${action === 'connect' ? 'Подключение' : 'Отключение'} «${service}» по списку остановлено из-за сбоя: обработано ${done} из ${total}. Обратитесь в поддержку.`,
    progress: (service: string, action: 'connect' | 'disconnect', done: number, total: number) =>
      `${action === 'connect' ? 'Подключение' : 'Отключение'} услуги «${service}» по списку: обработано ${done} из ${total}…`,
    finished: (service: string, action: 'connect' | 'disconnect', done: number, refused: number) =>
      `${action === 'connect' ? 'Подключение' : 'Отключение'} услуги «${service}» по списку завершено: выполнено ${done}, отказано ${refused}. Результат — в файле.`,
    resultFile: (listId: number) => `result-${listId}.xlsx`,
    resultTitle: (service: string, action: 'connect' | 'disconnect') =>
      `${action === 'connect' ? 'Подключение' : 'Отключение'} услуги «${service}» по списку абонентов`,
    resultSummary: (done: number, refused: number, invalid: number) => [
      `Выполнено: ${done}`,
      `Отказано: ${refused}`,
      `Не принято при проверке: ${invalid}`,
    ],
    resultColumns: ['Строка', 'Номер', 'Результат', 'Причина', 'Как в списке'],
    outcome: { done: 'выполнено', refused: 'отказ', invalid: 'не принято', pending: 'не обработано' },
    sheet: 'Результат',
  },
};
