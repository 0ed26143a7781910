// R-SUB-INFO: the job that deletes the PIN/PUK message (scheduled by src/domain/pin-message.ts).
import { PIN_MESSAGE_DELETE, pinMessagePayload } from '../../domain/pin-message.js';
import { defineJob } from '../define.js';

// Telegram's answers when the message is already gone (the user deleted it) or too old to delete:
// retrying cannot help, so the job is done.
const GONE = /message to delete not found|message can't be deleted|message not found/i;

export const pinMessageHandler = defineJob({
  kind: PIN_MESSAGE_DELETE,
  payload: pinMessagePayload,
  maxAttempts: 10,
  async run({ chatId, messageId }, { notifier }) {
    try {
      await notifier.deleteMessage(chatId, messageId);
    } catch (error) {
      if (GONE.test(String((error as Error)?.message ?? error))) return;
      throw error;
    }
  },
});
