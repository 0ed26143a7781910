// The e-mail outbox: a mail is a row written in the transaction that wants it sent, plus a job that
// sends it. Without SMTP_URL it simply waits (status 'queued') until a server is configured.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { outboxEmails } from '../db/schema/index.js';
import { enqueueJob } from '../jobs/queue.js';
import type { MailTransport } from './sender.js';

/** Job kind that sends mail; payload `{ outboxId }` for one mail, `{}` to sweep every queued one. */
export const MAIL_SEND_JOB = 'mail.send';

export interface QueuedMail {
  recipient: string;
  subject: string;
  body: string;
  attachment?: { filename: string; content: Buffer };
}

/** Writes the mail and its send job; call with the transaction of the change that wants it sent. */
export async function queueMail(tx: Executor, at: Date, mail: QueuedMail): Promise<number> {
  const [row] = await tx
    .insert(outboxEmails)
    .values({
      recipient: mail.recipient,
      subject: mail.subject,
      body: mail.body,
      attachmentName: mail.attachment?.filename ?? null,
      attachment: mail.attachment?.content ?? null,
      status: 'queued',
      createdAt: at,
    })
    .returning({ id: outboxEmails.id });
  await enqueueJob(tx, MAIL_SEND_JOB, { outboxId: row!.id }, at);
  return row!.id;
}

/** A sweep job (at most one waiting): sends whatever waited while SMTP was not configured. */
export async function enqueueMailSweep(db: Executor, at: Date): Promise<void> {
  await enqueueJob(db, MAIL_SEND_JOB, {}, at, { dedupeKey: 'mail:sweep' });
}

/**
 * Sends one queued mail. The row stays locked while the SMTP conversation runs, so a sweep and the
 * mail's own job never send it twice; a crash releases the lock and the mail is still 'queued'.
 */
export async function sendOutboxMail(
  db: Db,
  transport: MailTransport,
  from: string,
  outboxId: number,
  now: () => Date,
): Promise<'sent' | 'skipped'> {
  try {
    return await db.transaction(async (tx) => {
      const [mail] = await tx
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.id, outboxId), eq(outboxEmails.status, 'queued')))
        .for('update', { skipLocked: true });
      if (!mail) return 'skipped';
      await transport.send({
        from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.body,
        attachments:
          mail.attachment && mail.attachmentName
            ? [{ filename: mail.attachmentName, content: mail.attachment, contentType: 'application/pdf' }]
            : undefined,
      });
      await tx
        .update(outboxEmails)
        .set({ status: 'sent', sentAt: now(), attempts: sql`${outboxEmails.attempts} + 1`, lastError: null })
        .where(eq(outboxEmails.id, outboxId));
      return 'sent';
    });
  } catch (error) {
    await db
      .update(outboxEmails)
      .set({
        attempts: sql`${outboxEmails.attempts} + 1`,
        lastError: String((error as Error)?.message ?? error).slice(0, 2000),
      })
      .where(eq(outboxEmails.id, outboxId));
    throw error;
  }
}

/** Ids of mails still waiting, oldest first. */
export async function queuedMailIds(db: Executor, limit: number): Promise<number[]> {
  const rows = await db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(eq(outboxEmails.status, 'queued'))
    .orderBy(asc(outboxEmails.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
