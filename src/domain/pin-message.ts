// R-SUB-INFO: the message that shows PIN/PUK deletes itself after settings.pinMessageTtlSeconds. The
// deletion is a job row (src/jobs/handlers/pin-message.ts runs it), so a restart in between still removes
// the codes from the chat.
import { z } from 'zod';
import { enqueueJob } from '../jobs/queue.js';
import type { DomainDeps } from './deps.js';

export const PIN_MESSAGE_DELETE = 'pin-message.delete';

export const pinMessagePayload = z.object({ chatId: z.number().int(), messageId: z.number().int() });

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
