import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { usageRecords } from '../../src/db/schema/index.js';
import { detailsCsv, neutralise } from '../../src/documents/details-csv.js';
import { detailsXlsx } from '../../src/documents/details-xlsx.js';
import { periodRange, periodRecords } from '../../src/domain/details.js';
import { DETAILS_EXPORT, requestDetailsExport } from '../../src/domain/details-export.js';
import { buildDetailsFile, detailsExportHandler } from '../../src/jobs/handlers/details-export.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { Notifier } from '../../src/jobs/types.js';
import { createLogger } from '../../src/logger.js';
import { createTestDeps, minsk } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps('2026-12-01T09:00');
const kinds = ['call_out', 'call_in', 'sms_out', 'sms_in'] as const;

/** November full of records (one every 7 hours, Minsk), plus one on each side of the month. */
async function november(subscriberId: number) {
  const rows = [];
  for (let i = 0; i < 30 * 24; i += 7) {
    const kind = kinds[i % 4]!;
    rows.push({
      subscriberId,
      occurredAt: new Date(minsk('2026-11-01T00:00').getTime() + i * 3_600_000 + 1000),
      kind,
      otherParty: i === 14 ? '=HYPERLINK("http://x")' : i === 21 ? '@SUM(1)' : i === 28 ? '-1+1' : '375291234567',
      quantity: kind.startsWith('sms') ? 1 : 61 + i,
      cost: 3 + i,
    });
  }
  rows.push({ ...rows[0]!, occurredAt: minsk('2026-10-31T23:59:59') });
  rows.push({ ...rows[0]!, occurredAt: minsk('2026-12-01T00:00') });
  await deps.db.insert(usageRecords).values(rows);
  return rows.length - 2;
}

const period = { key: '2026-11', current: false, from: '2026-11-01', to: '2026-11-30' };

describe('R-DETAIL: CSV of a whole period', () => {
  it('is UTF-8 with BOM, `;`-separated, and holds every record of the month and the totals', async () => {
    const s = await makeSubscriber(deps.db);
    const count = await november(s.id);
    const { records, totals } = await periodRecords(deps.db, s.id, periodRange(period)!);
    const csv = detailsCsv({ msisdn: s.msisdn, period, records, totals, lang: 'ru' });
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(csv.toString('utf8').slice(1), {
      delimiter: ';',
      relaxColumnCount: true,
      skipEmptyLines: true,
    });
    expect(rows[0]).toEqual(['Дата', 'Время', 'Тип', 'Номер', 'Длительность / количество', 'Стоимость, руб.']);
    const data = rows.filter((r) => /^\d\d\.\d\d\.\d{4}$/.test(r[0]!));
    expect(data).toHaveLength(count);
    expect(data.every((r) => r[0]!.endsWith('.11.2026'))).toBe(true);
    expect(data[0]).toEqual(['01.11.2026', '00:00:01', 'Исходящий звонок', "'+375 29 123-45-67", '1:01', '0,03']);
    const totalRow = rows.at(-1)!;
    expect(totalRow[0]).toBe('Итого');
    expect(totalRow[3]).toBe(String(count));
    expect(totalRow[5]).toBe((records.reduce((a, r) => a + r.cost, 0) / 100).toFixed(2).replace('.', ','));
  });

  it('neutralises every cell a spreadsheet would run as a formula', async () => {
    for (const bad of ['=1+1', '+1', '-1', '@x', '\t=1', '\r=1']) expect(neutralise(bad).startsWith("'")).toBe(true);
    expect(neutralise('375291234567')).toBe('375291234567');
    const s = await makeSubscriber(deps.db);
    await november(s.id);
    const { records, totals } = await periodRecords(deps.db, s.id, periodRange(period)!);
    const text = detailsCsv({ msisdn: s.msisdn, period, records, totals, lang: 'ru' }).toString('utf8');
    const cells = (parse(text.slice(1), { delimiter: ';', relaxColumnCount: true }) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://x")`);
  });
});

describe('R-DETAIL: XLSX of a whole period', () => {
  it('opens with exceljs and holds every record of the month', async () => {
    const s = await makeSubscriber(deps.db);
    const count = await november(s.id);
    const { records, totals } = await periodRecords(deps.db, s.id, periodRange(period)!);
    const book = new ExcelJS.Workbook();
    const xlsx = await detailsXlsx({ msisdn: s.msisdn, period, records, totals, lang: 'ru' });
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const data = values.filter((r) => /^\d\d\.\d\d\.\d{4}$/.test(String(r[0])));
    expect(data).toHaveLength(count);
    expect(data[0]).toEqual(['01.11.2026', '00:00:01', 'Исходящий звонок', '+375 29 123-45-67', '1:01', 0.03]);
    // Text stays text: no cell became a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('R-DETAIL: «Скачать CSV/XLSX» is generated off the update path by a job', () => {
  it('queues once for a double press, then the job sends the whole period to the chat', async () => {
    deps.clock.set(minsk('2026-12-01T09:00'));
    const s = await makeSubscriber(deps.db);
    const count = await november(s.id);
    const first = await requestDetailsExport(deps, subscriberActor(s), {
      subscriberId: s.id,
      period: '2026-11',
      format: 'csv',
      chatId: 900,
      lang: 'ru',
    });
    const again = await requestDetailsExport(deps, subscriberActor(s), {
      subscriberId: s.id,
      period: '2026-11',
      format: 'csv',
      chatId: 900,
      lang: 'ru',
    });
    expect(first.jobId).not.toBeNull();
    expect(again.jobId).toBeNull();
    await requestDetailsExport(deps, subscriberActor(s), {
      subscriberId: s.id,
      period: '2026-11',
      format: 'xlsx',
      chatId: 900,
      lang: 'en',
    });

    const sent: { chatId: number; filename: string; content: Buffer }[] = [];
    const notifier: Notifier = {
      sendText: async () => undefined,
      editText: async () => {},
      deleteMessage: async () => {},
      sendDocument: async (chatId, file) => {
        sent.push({ chatId, ...file });
        return { messageId: 1 };
      },
    };
    // batch 1: runDue() of a runner never start()ed returns after one job and would leave the rest of a
    // larger batch claimed (reported to the lead), so claim one at a time and drain.
    const runner = new JobRunner({
      deps,
      notifier,
      logger: createLogger('silent'),
      handlers: [detailsExportHandler],
      batch: 1,
    });
    let ran = 0;
    for (let n = await runner.runDue(); n > 0; n = await runner.runDue()) ran += n;
    expect(ran).toBe(2);
    expect(sent.map((f) => [f.chatId, f.filename])).toEqual([
      [900, `detail_${s.msisdn}_2026-11.csv`],
      [900, `detail_${s.msisdn}_2026-11.xlsx`],
    ]);
    const csvRows = sent[0]!.content
      .toString('utf8')
      .split('\r\n')
      .filter((l) => /^\d\d\.11\.2026;/.test(l));
    expect(csvRows).toHaveLength(count);
    expect(DETAILS_EXPORT).toBe(detailsExportHandler.kind);
  });

  it('refuses a period that is not offered, an empty current period and another client’s number', async () => {
    deps.clock.set(minsk('2026-12-01T09:00'));
    const s = await makeSubscriber(deps.db);
    const base = { subscriberId: s.id, format: 'csv' as const, chatId: 1, lang: 'ru' as const };
    await expect(requestDetailsExport(deps, subscriberActor(s), { ...base, period: '2026-05' })).rejects.toThrow(
      'details.periodNotAllowed',
    );
    await expect(requestDetailsExport(deps, subscriberActor(s), { ...base, period: '2026-12' })).rejects.toThrow(
      'details.periodEmpty',
    );
    await expect(
      requestDetailsExport(deps, adminActor((await makeClient(deps.db)).id), { ...base, period: '2026-11' }),
    ).rejects.toThrow('access.forbidden');
  });

  it('the file covers the days the user was offered, even if the job runs after midnight', async () => {
    deps.clock.set(minsk('2026-11-30T23:59'));
    const s = await makeSubscriber(deps.db);
    await november(s.id);
    await requestDetailsExport(deps, subscriberActor(s), {
      subscriberId: s.id,
      period: '2026-11',
      format: 'csv',
      chatId: 7,
      lang: 'ru',
    });
    deps.clock.set(minsk('2026-12-01T00:01'));
    const file = await buildDetailsFile(deps, {
      chatId: 7,
      subscriberId: s.id,
      msisdn: s.msisdn,
      key: '2026-11',
      from: '2026-11-01',
      to: '2026-11-29',
      format: 'csv',
      lang: 'ru',
    });
    const days = file.content
      .toString('utf8')
      .split('\r\n')
      .filter((l) => /^\d\d\.11\.2026;/.test(l))
      .map((l) => l.slice(0, 2));
    expect(days.at(-1)).toBe('29');
  });
});
