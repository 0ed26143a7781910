// A client with many subscribers on two tariffs (one allows the service, one does not), a recording
// notifier, and helpers to read back a bulk list's outcome — for the R-BULK worker tests.
import ExcelJS from 'exceljs';
import nock from 'nock';
import { and, count, eq } from 'drizzle-orm';
import { auditLog, bulkListLines, charges, subscriberServices, subscribers } from '../../src/db/schema/index.js';
import type { Executor } from '../../src/db/client.js';
import type { Notifier } from '../../src/jobs/types.js';
import type { FakeTelegram } from '../helpers/telegram-fake.js';
import { makeAccount, makeClient, makeService, makeTariff } from '../helpers/fixtures.js';

let base = 0;

export async function bulkClient(db: Executor, opts: { allowed: number; forbidden?: number; connectFee?: number }) {
  const client = await makeClient(db);
  const account = await makeAccount(db, client.id);
  const open = await makeTariff(db);
  const closed = await makeTariff(db);
  const service = await makeService(db, { connectFee: opts.connectFee ?? 250 }, [open.id]);
  const prefix = 44 + (base++ % 50);
  const rows = [];
  const total = opts.allowed + (opts.forbidden ?? 0);
  for (let i = 0; i < total; i++) {
    rows.push({
      clientId: client.id,
      personalAccountId: account.id,
      tariffPlanId: i < opts.allowed ? open.id : closed.id,
      msisdn: `375${prefix}${String(1_000_000 + base * 20_000 + i).slice(-7)}`,
      fullName: `S${i}`,
      displayName: `S${i}`,
      balance: 10_000,
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
  }
  const subs = [];
  for (let i = 0; i < rows.length; i += 1000)
    subs.push(
      ...(await db
        .insert(subscribers)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  return { client, service, open, closed, subs };
}

export interface Recorded {
  edits: { chatId: number; messageId: number; text: string }[];
  texts: { chatId: number; text: string }[];
  documents: { chatId: number; filename: string; content: Buffer; caption?: string }[];
}

export function recordingNotifier(onEdit?: () => void): Notifier & { recorded: Recorded } {
  const recorded: Recorded = { edits: [], texts: [], documents: [] };
  return {
    recorded,
    sendText: async (chatId, text) => {
      recorded.texts.push({ chatId, text });
      return { messageId: recorded.texts.length };
    },
    editText: async (chatId, messageId, text) => {
      onEdit?.();
      recorded.edits.push({ chatId, messageId, text });
    },
    sendDocument: async (chatId, file, caption) => {
      recorded.documents.push({ chatId, ...file, caption });
      return { messageId: 1 };
    },
    deleteMessage: async () => {},
  };
}

/** How many times each subscriber of the list was connected: audit rows, fee lines, service rows. */
export async function appliedTimes(db: Executor, subscriberId: number, serviceId: number) {
  const [a] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.subscriberId, subscriberId), eq(auditLog.action, 'services.connect')));
  const [c] = await db.select({ n: count() }).from(charges).where(eq(charges.subscriberId, subscriberId));
  const [s] = await db
    .select({ n: count() })
    .from(subscriberServices)
    .where(and(eq(subscriberServices.subscriberId, subscriberId), eq(subscriberServices.serviceId, serviceId)));
  return { audits: a!.n, fees: c!.n, rows: s!.n };
}

export async function lineStatuses(db: Executor, listId: number) {
  return db.select().from(bulkListLines).where(eq(bulkListLines.listId, listId)).orderBy(bulkListLines.lineNo);
}

/** Every cell of the first sheet as text, row by row. */
export async function readXlsx(content: Buffer): Promise<{ rows: string[][]; formulas: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const rows: string[][] = [];
  let formulas = 0;
  wb.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      cells.push(cell.text);
    });
    rows.push(cells);
  });
  return { rows, formulas };
}

/**
 * Serves a document the test user "sent": getFile answers with a path, and the download of that path
 * returns `content` (the harness's fake Bot API does not serve files itself).
 */
export function serveTelegramFile(harness: { telegram: FakeTelegram }, fileId: string, content: Buffer) {
  const telegram = harness.telegram;
  const original = telegram.handle.bind(telegram);
  const calls: string[] = [];
  telegram.handle = (method, payload, files) => {
    if (method === 'getFile' && payload.file_id === fileId) {
      calls.push(method);
      original(method, payload, files);
      return {
        file_id: fileId,
        file_unique_id: `u-${fileId}`,
        file_size: content.length,
        file_path: `documents/${fileId}`,
      };
    }
    return original(method, payload, files);
  };
  nock('https://api.telegram.org')
    .get(new RegExp(`^/file/bot[^/]+/documents/${fileId}$`))
    .reply(200, content);
  return calls;
}

/** An XLSX workbook with one sheet of `rows`. */
export async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
