// A real SMTP server on the loopback (the smtp-server package) that keeps every message it receives,
// and a small reader for the PDF attachment of a received message.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on the loopback: no self-signed TLS for nodemailer to reject.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first application/pdf part of a raw MIME message: its file name and decoded bytes. */
export function pdfAttachment(raw: string): { filename: string; content: Buffer } | null {
  const headerEnd = raw.search(/Content-Type: application\/pdf/i);
  if (headerEnd < 0) return null;
  const part = raw.slice(headerEnd);
  const bodyStart = part.indexOf('\r\n\r\n');
  const headers = part.slice(0, bodyStart).replace(/\r\n\s+/g, ' ');
  const body = part.slice(bodyStart + 4, part.indexOf('\r\n--', bodyStart));
  if (!/Content-Transfer-Encoding: base64/i.test(headers)) return null;
  // filename="x.pdf", or RFC 2231 pieces: filename*0*=utf-8''%D0%A1…; filename*1*=….pdf
  const pieces = [...headers.matchAll(/filename(?:\*\d+)?\*?=(?:"([^"]*)"|([^;\s]+))/gi)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
  const filename = decodeURIComponent(pieces.join('').replace(/^utf-8''/i, ''));
  return { filename, content: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
}
