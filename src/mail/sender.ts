// Sends one mail through nodemailer to the SMTP server named by SMTP_URL. Everything else in the code
// sees only the small MailTransport interface, so tests can use a real local SMTP server.
import { createRequire } from 'node:module';
import type nodemailerModule from 'nodemailer';

// Loaded when a transport is made: most processes never send mail.
const nodemailerLib = () => createRequire(import.meta.url)('nodemailer') as typeof nodemailerModule;

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType?: string }[];
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** `smtp://user:pass@host:port` or `smtps://…`; timeouts keep a dead server from holding a job. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailerLib().createTransport(smtpUrl, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as never);
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}
