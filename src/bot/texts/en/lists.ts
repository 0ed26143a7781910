// English texts of «Переименование абонента» and «Действия с услугами по списку абонентов».
import { date } from '../../format.js';
import type { Message } from '../message.js';
import type * as ru from '../ru/lists.js';

type P = Record<string, string | number>;

export const lists: typeof ru.lists = {
  errors: {
    notANumber: 'not a phone number',
    notThisClient: 'the number does not belong to your company',
    duplicate: (p: P) => `the number is already on line ${p.line}`,
    nameEmpty: 'empty name',
    nameTooLong: (p: P) => `name longer than ${p.max} characters`,
    invalid: 'the line did not pass the check',
    blackout: (p: P) =>
      `On the last ${p.days} days of a month (from ${date(String(p.from))}) a rename is possible only by written application. ` +
      `In the bot again from ${date(String(p.until))}.`,
    wrongType: 'This file type does not fit: send text, CSV or XLSX.',
    brokenFile: 'The file could not be read: it is damaged or not CSV/XLSX.',
    tooBig: (p: P) => `The file is too big: at most ${p.maxMb} MB.`,
    tooManyLines: (p: P) => `The list has more than ${p.max} lines. Split it into parts.`,
    empty: 'The list has no lines.',
    wrongColumns: (p: P) =>
      Number(p.expected) === 1
        ? `Line ${p.line}: one column expected — the phone number.`
        : `Line ${p.line}: two columns expected — number and new name (number;name).`,
    alreadyConfirmed: 'This list has already been confirmed.',
    nothingToApply: 'The list has no fitting line.',
    badAction: 'Choose: connect or disconnect.',
  } as Record<string, Message>,
  jobs: {
    renameApplied: (phone: string, name: string) => `Rename applied: ${phone} — “${name}”.`,
    renameListApplied: (count: number) => `Renames from the list applied: ${count} numbers.`,
    progress: (service: string, action: 'connect' | 'disconnect', done: number, total: number) =>
      `${action === 'connect' ? 'Connecting' : 'Disconnecting'} “${service}” by list: ${done} of ${total} processed…`,
    finished: (service: string, action: 'connect' | 'disconnect', done: number, refused: number) =>
      `${action === 'connect' ? 'Connecting' : 'Disconnecting'} “${service}” by list finished: ${done} done, ${refused} refused. The result is in the file.`,
    resultFile: (listId: number) => `result-${listId}.xlsx`,
    resultTitle: (service: string, action: 'connect' | 'disconnect') =>
      `${action === 'connect' ? 'Connecting' : 'Disconnecting'} service “${service}” for a list of subscribers`,
    resultSummary: (done: number, refused: number, invalid: number) => [`Done: ${done}`, `Refused: ${refused}`, `Not accepted at the check: ${invalid}`],
    resultColumns: ['Line', 'Number', 'Result', 'Reason', 'As sent'],
    outcome: { done: 'done', refused: 'refused', invalid: 'not accepted', pending: 'not processed' },
    sheet: 'Result',
  },
};
