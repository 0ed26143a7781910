// English texts of «Переименование абонента» and «Действия с услугами по списку абонентов».
import { date } from '../../format.js';
import type { Message } from '../message.js';
import type * as ru from '../ru/lists.js';
import { count, en, plural } from '../plural.js';

const NUMBERS = en('number', 'numbers');
const BELONG = en('belongs', 'belong');
const CHARS = en('character', 'characters');
const LINES = en('line', 'lines');
const DAYS = en('day', 'days');

type P = Record<string, string | number>;

export const lists: typeof ru.lists = {
  errors: {
    notANumber: 'not a phone number',
    notThisClient: 'the number does not belong to your company',
    duplicate: (p: P) => `the number is already on line ${p.line}`,
    nameEmpty: 'empty name',
    nameTooLong: (p: P) => `name longer than ${count('en', p.max, CHARS)}`,
    invalid: 'the line did not pass the check',
    blackout: (p: P) =>
      `On the last ${count('en', p.days, DAYS)} of a month (from ${date(String(p.from))}) a rename is possible only by written application. ` +
      `In the bot again from ${date(String(p.until))}.`,
    wrongType: 'This file type does not fit: send text, CSV or XLSX.',
    brokenFile: 'The file could not be read: it is damaged or not CSV/XLSX.',
    unsafeFile: 'The file is damaged or too large.',
    tooBig: (p: P) => `The file is too big: at most ${p.maxMb} MB.`,
    tooManyLines: (p: P) => `The list has more than ${count('en', p.max, LINES)}. Split it into parts.`,
    empty: 'The list has no lines.',
    wrongColumns: (p: P) =>
      Number(p.expected) === 1
        ? `Line ${p.line}: one column expected — the phone number.`
        : `Line ${p.line}: two columns expected — number and new name (number;name).`,
    alreadyConfirmed: 'This list has already been confirmed.',
    nothingToApply: 'The list has no fitting line.',
    badAction: 'Choose: connect or disconnect.',
    downloadFailed: 'The file could not be fetched from Telegram. Please send it again.',
  } as Record<string, Message>,
  delay: (seconds: number) =>
    seconds >= 3600 ? `${Math.round(seconds / 3600)} h` : `${Math.max(1, Math.ceil(seconds / 60))} min`,
  preview: {
    counts: (total: number, fine: number, bad: number) =>
      `Lines in the list: ${total}\nAccepted: ${fine}\nWith errors: ${bad}`,
    badHeader: 'Lines with errors:',
    badLine: (lineNo: number, reason: string, raw: string) => `• ${reason}: line ${lineNo}${raw ? ` — “${raw}”` : ''}`,
    badLines: (lineNos: number[], count: number, reason: string) =>
      `• ${reason}: lines ${lineNos.join(', ')}${count > lineNos.length ? ` and ${count - lineNos.length} more` : ''} (${count} in all)`,
    more: (n: number) => `… and ${n} more reasons`,
    nothingFine: 'No line can be carried out. Correct the list and send it again.',
    sendAgain: 'You may send a corrected list — it replaces this one.',
  },
  rename: {
    start: (delay: string, maxLines: number, maxMb: number) =>
      'Rename a subscriber\n\n' +
      'One number: type the number or part of it (a mask as in «Выбор абонента»: % — several digits, _ — one digit) or press «Показать все».\n\n' +
      `By list: send lines “number;new name” as text or a CSV/XLSX file — up to ${count('en', maxLines, LINES)}, up to ${maxMb} MB. A first line without digits is a header.\n\n` +
      `The new name takes effect within ${delay}.`,
    blackoutNote: (text: string) =>
      `⚠️ ${text}\nYou may still prepare the number or list here — the bot will offer to send a written application.`,
    results: 'Choose a subscriber:',
    none: 'Nothing found. Type another number or mask.',
    askName: (phone: string, current: string, max: number) =>
      `Subscriber ${phone}, now “${current}”.\nType the new name (1 to ${count('en', max, CHARS)}):`,
    badName: (reason: string) => `The name does not fit: ${reason}. Type another one.`,
    confirm: (phone: string, from: string, to: string, delay: string) =>
      `Rename subscriber ${phone}:\n“${from}” → “${to}”\n\nThe new name takes effect within ${delay}.`,
    accepted: (phone: string, name: string, at: string) =>
      `Rename accepted: ${phone} → “${name}”. Takes effect around ${at}; we will tell you when the name changes.`,
    listTitle: 'Rename by list: check',
    listAccepted: (accepted: number, refused: number, at: string) =>
      `Rename by list accepted: ${count('en', accepted, NUMBERS)}${refused ? ` (${refused} more no longer ${plural('en', refused, BELONG)} to your company)` : ''}. ` +
      `Takes effect around ${at}; we will tell you when done.`,
    offer: 'You may send a written application as a request in «Обратная связь» — it is already filled in.',
    sendApplication: 'Send the application',
    applicationSent: (ticketId: number) =>
      `Application sent: request #${ticketId}. The answer comes here; its status is in «Обратная связь».`,
    sendListHint: 'Send a number, a mask, or a list as text or a CSV/XLSX file.',
  },
  bulk: {
    chooseService: 'Service actions for a list of subscribers\n\nChoose a service:',
    noServices: 'No services are available for list actions.',
    chooseAction: (service: string) => `Service “${service}”. What to do for the list of numbers?`,
    connect: 'Connect',
    disconnect: 'Disconnect',
    askList: (service: string, action: 'connect' | 'disconnect', maxLines: number, maxMb: number) =>
      `${action === 'connect' ? 'Connecting' : 'Disconnecting'} “${service}”.\n\n` +
      `Send the list of numbers: as text (one number per line) or a CSV/XLSX file — up to ${count('en', maxLines, LINES)}, up to ${maxMb} MB. ` +
      'A first line without digits is a header. The bot checks every line before carrying it out.',
    listTitle: (service: string, action: 'connect' | 'disconnect') =>
      `${action === 'connect' ? 'Connecting' : 'Disconnecting'} “${service}” by list: check`,
    sendListHint: 'Send the list of numbers as text or a CSV/XLSX file.',
  },
  jobs: {
    renameApplied: (phone: string, name: string) => `Rename applied: ${phone} — “${name}”.`,
    renameListApplied: (applied: number) => `Renames from the list applied: ${count('en', applied, NUMBERS)}.`,
    failed: (service: string, action: 'connect' | 'disconnect', done: number, total: number) =>
      `${action === 'connect' ? 'Connecting' : 'Disconnecting'} “${service}” by list stopped after a failure: ${done} of ${total} processed. Please contact support.`,
    progress: (service: string, action: 'connect' | 'disconnect', done: number, total: number) =>
      `${action === 'connect' ? 'Connecting' : 'Disconnecting'} “${service}” by list: ${done} of ${total} processed…`,
    finished: (service: string, action: 'connect' | 'disconnect', done: number, refused: number) =>
      `${action === 'connect' ? 'Connecting' : 'Disconnecting'} “${service}” by list finished: ${done} done, ${refused} refused. The result is in the file.`,
    resultFile: (listId: number) => `result-${listId}.xlsx`,
    resultTitle: (service: string, action: 'connect' | 'disconnect') =>
      `${action === 'connect' ? 'Connecting' : 'Disconnecting'} service “${service}” for a list of subscribers`,
    resultSummary: (done: number, refused: number, invalid: number) => [
      `Done: ${done}`,
      `Refused: ${refused}`,
      `Not accepted at the check: ${invalid}`,
    ],
    resultColumns: ['Line', 'Number', 'Result', 'Reason', 'As sent'],
    outcome: { done: 'done', refused: 'refused', invalid: 'not accepted', pending: 'not processed' },
    sheet: 'Result',
  },
};
