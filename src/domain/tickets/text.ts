// The input boundary of tickets: message text trimmed, control characters stripped (Postgres refuses
// \u0000), bounded; attachments checked, so nothing unbounded reaches a row.
import { DomainError } from '../errors.js';
import type { Attachment } from './types.js';

export const TICKET_TEXT_MAX = 4000;
export const ATTACHMENTS_MAX = 10;
const FILE_ID_MAX = 256;
const FILE_NAME_MAX = 255;

/** Control characters except newline and tab, including C1 and bidi overrides that hide text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point — they are stripped.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function stripControl(input: string): string {
  return input.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

export function cleanText(input: string): string {
  return stripControl(input).trim();
}

/** Text of a message: 0–4000 characters after cleaning; `required` makes empty text a refusal. */
export function messageText(input: string | undefined, required: boolean): string {
  const text = cleanText(input ?? '');
  if (required && text.length === 0) throw new DomainError('tickets.textEmpty');
  if (text.length > TICKET_TEXT_MAX) throw new DomainError('tickets.textTooLong', { max: TICKET_TEXT_MAX });
  return text;
}

export function cleanAttachments(input: readonly Attachment[] | undefined): Attachment[] {
  const list = input ?? [];
  if (list.length > ATTACHMENTS_MAX) throw new DomainError('tickets.tooManyAttachments', { max: ATTACHMENTS_MAX });
  return list.map((a) => {
    if ((a.kind !== 'photo' && a.kind !== 'document') || typeof a.fileId !== 'string') {
      throw new DomainError('tickets.badAttachment');
    }
    const fileId = a.fileId.trim();
    if (!/^[\w-]{1,256}$/.test(fileId) || fileId.length > FILE_ID_MAX) throw new DomainError('tickets.badAttachment');
    const name = a.name === undefined ? undefined : cleanText(a.name).replace(/\n/g, ' ').slice(0, FILE_NAME_MAX);
    return name ? { kind: a.kind, fileId, name } : { kind: a.kind, fileId };
  });
}

/** A message needs text or at least one attachment. */
export function messageBody(input: { text?: string; attachments?: readonly Attachment[] }): {
  text: string;
  attachments: Attachment[];
} {
  const attachments = cleanAttachments(input.attachments);
  const text = messageText(input.text, attachments.length === 0);
  return { text, attachments };
}
