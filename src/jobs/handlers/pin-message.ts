// R-SUB-INFO: the message that shows PIN/PUK deletes itself after settings.pinMessageTtlSeconds. The
// deletion is a job row, so a restart in between still removes the codes from the chat.
import type { DomainDeps } from '../../domain/deps.js';
import { enqueueJob } from '../queue.js';
import type { JobHandler } from '../types.js';

export const PIN_MESSAGE_DELETE = 'pin-message.delete';

/** Call right after the codes message was sent; returns the job id. */
export async function schedulePinMessageDeletion(
  deps: DomainDeps,
  chatId: number,
  messageId: number,
): Promise<number | null> {
  const now = deps.clock.now();
  const runAt = new Date(now.getTime() + deps.settings.pinMessageTtlSeconds * 1000);
  return deps.db.transaction((tx) =>
    enqueueJob(tx, PIN_MESSAGE_DELETE, { chatId, messageId }, now, {
      runAt,
      dedupeKey: `pin-message:${chatId}:${messageId}`,
    }),
  );
}

// Telegram's answers when the message is already gone (the user deleted it) or too old to delete:
// retrying cannot help, so the job is done.
const GONE = /message to delete not found|message can't be deleted|message not found/i;

export const pinMessageHandler: JobHandler = {
  kind: PIN_MESSAGE_DELETE,
  maxAttempts: 10,
  async run(payload, { notifier }) {
    const chatId = Number(payload.chatId);
    const messageId = Number(payload.messageId);
    if (!Number.isSafeInteger(chatId) || !Number.isSafeInteger(messageId)) return;
    try {
      await notifier.deleteMessage(chatId, messageId);
    } catch (error) {
      if (GONE.test(String((error as Error)?.message ?? error))) return;
      throw error;
    }
  },
};
