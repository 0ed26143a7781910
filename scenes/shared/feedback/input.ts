// What a user's message brings to a ticket: its text (or caption) and its photo or file, as file ids.
// Other kinds (stickers, voice…) are not ticket content and stay with the screen the user is on.
import type { Message } from 'telegraf/types';
import type { Attachment } from '../../../src/domain/tickets/index.js';

export interface UserContent {
  text: string;
  attachments: Attachment[];
}

export function userContent(message: Message): UserContent | undefined {
  if ('text' in message) return { text: message.text, attachments: [] };
  const caption = 'caption' in message && message.caption ? message.caption : '';
  if ('photo' in message && message.photo.length)
    return { text: caption, attachments: [{ kind: 'photo', fileId: message.photo.at(-1)!.file_id }] };
  if ('document' in message) {
    const name = message.document.file_name;
    return {
      text: caption,
      attachments: [{ kind: 'document', fileId: message.document.file_id, ...(name ? { name } : {}) }],
    };
  }
  return undefined;
}

export function isCommand(message: Message): boolean {
  return 'text' in message && message.text.startsWith('/');
}
