// Russian texts of «Переименование абонента» and «Действия с услугами по списку абонентов». Errors map
// DomainError('lists.<reason>'); the reasons of renames.* and bulk.* are here too, by their last part.
import { date } from '../../format.js';
import type { Message } from '../message.js';

type P = Record<string, string | number>;

export const lists = {
  errors: {
    notANumber: 'не номер телефона',
    notThisClient: 'номер не принадлежит вашей компании',
    duplicate: (p: P) => `номер уже есть в строке ${p.line}`,
    nameEmpty: 'пустое имя',
    nameTooLong: (p: P) => `имя длиннее ${p.max} символов`,
    invalid: 'строка не прошла проверку',
    blackout: (p: P) =>
      `В последние ${p.days} дня месяца (с ${date(String(p.from))}) переименование возможно только по письменному заявлению. ` +
      `Через бот — снова с ${date(String(p.until))}.`,
    wrongType: 'Этот тип файла не подходит: пришлите текст, CSV или XLSX.',
    brokenFile: 'Файл не удалось прочитать: он поврежден или это не CSV/XLSX.',
    tooBig: (p: P) => `Файл слишком большой: не больше ${p.maxMb} МБ.`,
    tooManyLines: (p: P) => `В списке больше ${p.max} строк. Разделите его на части.`,
    empty: 'В списке нет ни одной строки.',
    wrongColumns: (p: P) =>
      Number(p.expected) === 1
        ? `Строка ${p.line}: ожидается один столбец — номер телефона.`
        : `Строка ${p.line}: ожидаются два столбца — номер и новое имя (номер;имя).`,
    alreadyConfirmed: 'Этот список уже подтвержден.',
    nothingToApply: 'В списке нет ни одной подходящей строки.',
    badAction: 'Выберите: подключить или отключить.',
  } as Record<string, Message>,
  jobs: {
    renameApplied: (phone: string, name: string) => `Переименование применено: ${phone} — «${name}».`,
    renameListApplied: (count: number) => `Переименование по списку применено: ${count} номеров.`,
    progress: (service: string, action: 'connect' | 'disconnect', done: number, total: number) =>
      `${action === 'connect' ? 'Подключение' : 'Отключение'} услуги «${service}» по списку: обработано ${done} из ${total}…`,
    finished: (service: string, action: 'connect' | 'disconnect', done: number, refused: number) =>
      `${action === 'connect' ? 'Подключение' : 'Отключение'} услуги «${service}» по списку завершено: выполнено ${done}, отказано ${refused}. Результат — в файле.`,
    resultFile: (listId: number) => `result-${listId}.xlsx`,
    resultTitle: (service: string, action: 'connect' | 'disconnect') =>
      `${action === 'connect' ? 'Подключение' : 'Отключение'} услуги «${service}» по списку абонентов`,
    resultSummary: (done: number, refused: number, invalid: number) => [`Выполнено: ${done}`, `Отказано: ${refused}`, `Не принято при проверке: ${invalid}`],
    resultColumns: ['Строка', 'Номер', 'Результат', 'Причина', 'Как в списке'],
    outcome: { done: 'выполнено', refused: 'отказ', invalid: 'не принято', pending: 'не обработано' },
    sheet: 'Результат',
  },
};
