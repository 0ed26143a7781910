// Hostile list files through the bot (R-RENAME, R-BULK): empty, binary, corrupt, a 50 MB file (refused
// from `file_size` before any download), a file that lies about its size, wrong columns, 10 001 lines,
// random bytes; and formulas in what a list carries, neutralised in the result file it comes back in.
// Each is answered with its reason, stores no list, and never logs an unhandled error.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { bulkLists } from '../../src/db/schema/index.js';
import { createHarness, type FakeUser, textsOf } from '../helpers/bot.js';
import { linkAdmin, makeAccount, makeClient, makeService, makeSubscriber, makeTariff } from '../helpers/fixtures.js';
import { FRAGMENTS } from './nasty.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Списки»' });
const account = await makeAccount(db, client.id);
const tariff = await makeTariff(db);
const service = await makeService(db, { name: 'Списочная', connectFee: 0 }, [tariff.id]);
const subs: { msisdn: string }[] = [];
for (let i = 0; i < 12; i++)
  subs.push(
    await makeSubscriber(db, {
      clientId: client.id,
      personalAccountId: account.id,
      tariffPlanId: tariff.id,
      msisdn: `3752955500${String(i).padStart(2, '0')}`,
    }),
  );
await linkAdmin(db, 9901, client.id);
const u = h.user(9901);

/** getFile answers with a path and the file is served there (the download goes through Node's http). */
const downloads: string[] = [];
const served = new Map<string, Buffer>();
const original = h.telegram.handle.bind(h.telegram);
h.telegram.handle = (method, payload, files) => {
  if (method === 'getFile') {
    downloads.push(String(payload.file_id));
    original(method, payload, files);
    return {
      file_id: payload.file_id,
      file_unique_id: `u-${payload.file_id}`,
      file_path: `documents/${payload.file_id}`,
    };
  }
  return original(method, payload, files);
};
let fileNo = 0;
function file(content: Buffer, name: string, declaredSize = content.length) {
  const id = `f${++fileNo}`;
  served.set(id, content);
  nock('https://api.telegram.org')
    .get(new RegExp(`^/file/bot[^/]+/documents/${id}$`))
    .reply(200, content);
  return { file_id: id, file_name: name, file_size: declaredSize };
}

const lists = async () =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(bulkLists).where(eq(bulkLists.clientId, client.id)))[0]!.n;
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function atRename(user: FakeUser) {
  await user.sendText('/menu');
  await user.press('Переименование абонента');
}
async function atBulk(user: FakeUser) {
  await user.sendText('/menu');
  await user.press('Действия с услугами по списку абонентов');
  await user.press(/^Списочная/);
  await user.press('Подключить');
}

/** Sends a document on the section's screen and checks the refusal: its text, no list stored, no crash. */
async function refused(reach: (u: FakeUser) => Promise<void>, doc: ReturnType<typeof file>, reason: RegExp) {
  await reach(u);
  const before = await lists();
  const logsFrom = h.logs.length;
  const calls = await u.sendDocument(doc);
  const texts = textsOf(calls).join('\n');
  expect(texts, doc.file_name).toMatch(reason);
  expect(await lists()).toBe(before);
  expect(h.logs.slice(logsFrom).filter((l) => l.includes('"msg":"unhandled error"'))).toEqual([]);
  return calls;
}

await u.sendText('/start');

describe('List files: what cannot be a list is refused with its reason, nothing stored', () => {
  it('an empty file', async () => {
    await refused(atRename, file(Buffer.alloc(0), 'empty.csv'), /В списке нет ни одной строки/);
    await refused(atBulk, file(Buffer.from('\r\n\r\n   \r\n'), 'blank.csv'), /В списке нет ни одной строки/);
  });

  it('binary content, a corrupt XLSX, a ZIP that is no workbook', async () => {
    await refused(
      atRename,
      file(Buffer.concat([Buffer.from('375295550001;'), randomBytes(2000), Buffer.from([0, 0, 0])]), 'binary.csv'),
      /Файл не удалось прочитать/,
    );
    await refused(atRename, file(randomBytes(5000), 'random.xlsx'), /Файл не удалось прочитать/);
    await refused(
      atBulk,
      file(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(3000)]), 'fake.xlsx'),
      /Файл не удалось прочитать/,
    );
    await refused(atBulk, file(Buffer.from('%PDF-1.4'), 'list.pdf'), /Этот тип файла не подходит/);
  });

  it('a 50 MB file is refused from its file_size, before anything is downloaded', async () => {
    const before = downloads.length;
    await refused(
      atRename,
      file(Buffer.from('never fetched'), 'huge.csv', 50 * 1024 * 1024),
      /Файл слишком большой: не больше 5 МБ/,
    );
    await refused(atBulk, file(Buffer.from('never fetched'), 'huge.xlsx', 50 * 1024 * 1024), /Файл слишком большой/);
    expect(downloads.length).toBe(before);
  });

  it('a file that understates its size is cut off while downloading', async () => {
    await refused(atRename, file(Buffer.alloc(6 * 1024 * 1024, 0x39), 'liar.csv', 1000), /Файл слишком большой/);
  });

  it('wrong columns: three for a rename, two for a service list, numbers only for a rename', async () => {
    await refused(
      atRename,
      file(csv(['375295550001;Имя;лишнее', '375295550002;Имя']), 'wide.csv'),
      /Строка 1: ожидаются два столбца/,
    );
    await refused(
      atBulk,
      file(csv(['375295550001;Имя', '375295550002']), 'two.csv'),
      /Строка 1: ожидается один столбец/,
    );
    await refused(
      atRename,
      file(await xlsx([[375295550001], [375295550002]]), 'numbers.xlsx'),
      /ожидаются два столбца/,
    );
  });

  it('10 001 lines (header aside) are refused; the limit is in the answer', async () => {
    const lines = ['Номер;Имя', ...Array.from({ length: 10_001 }, (_, i) => `37529${String(7_000_000 + i)};Имя ${i}`)];
    await refused(atRename, file(csv(lines), 'long.csv'), /В списке больше 10000 строк/);
    const numbers = Array.from({ length: 10_001 }, (_, i) => [Number(`37529${7_000_000 + i}`)]);
    await refused(atBulk, file(await xlsx(numbers), 'long.xlsx'), /В списке больше 10000 строк/);
  });

  it('random bytes under list names: each answered with a reason or read as a list, never a crash', async () => {
    const names = ['a.csv', 'b.txt', 'c.xlsx', 'd.CSV'];
    for (const [i, bytes] of fc.sample(fc.uint8Array({ maxLength: 3000 }), 16).entries()) {
      await atRename(u);
      const logsFrom = h.logs.length;
      const calls = await u.sendDocument(file(Buffer.from(bytes), names[i % names.length]!));
      const texts = textsOf(calls).join('\n');
      expect(texts).toMatch(
        /Файл не удалось прочитать|В списке нет|ожидаются два столбца|Строк в списке|Этот тип файла/,
      );
      expect(h.logs.slice(logsFrom).filter((l) => l.includes('"msg":"unhandled error"'))).toEqual([]);
    }
  });
});

describe('List files: formulas in a list never run in the result file', () => {
  it('a service list whose lines are formulas, hidden formulas and injections comes back with every cell inert', {
    timeout: 60_000,
  }, async () => {
    const formulas = [
      '=HYPERLINK("http://evil.example","x")',
      '=cmd|"/c calc"!A1',
      '+375295550001',
      '-2+3',
      '@SUM(1)',
      '\t=1+1',
      '\r=1+1',
      // A NUL makes the file unreadable as text (tested above); the rest rides along after `=`.
      ...FRAGMENTS.filter((f) => !f.includes('\u0000') && !/[\r\n]/.test(f)).map((f) => `=${f}`),
    ];
    await atBulk(u);
    const lines = [...subs.slice(0, 3).map((s) => s.msisdn), ...formulas.map((f) => `"${f.replace(/"/g, '""')}"`)];
    const preview = await u.sendDocument(file(csv(lines), 'formulas.csv'));
    expect(textsOf(preview).join('\n')).toMatch(/Строк в списке/);
    const { data, message } = u.findButton(/^Подтвердить/);
    await u.pressData(data, message);
    const before = h.telegram.calls.length;
    while ((await h.app.runner.runDue()) > 0);
    const doc = h.telegram.calls.slice(before).find((c) => c.method === 'sendDocument');
    expect(doc).toBeDefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(doc!.files.document!.content as unknown as ArrayBuffer);
    const cells: { text: string; formula: boolean }[] = [];
    wb.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) =>
        cells.push({
          text: typeof cell.value === 'string' ? cell.value : String(cell.text ?? ''),
          formula: cell.type === ExcelJS.ValueType.Formula,
        }),
      ),
    );
    expect(cells.filter((c) => c.formula)).toEqual([]);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c.text))).toEqual([]);
    // The user's text is all there, made inert with a leading apostrophe.
    for (const f of formulas.slice(0, 5)) expect(cells.some((c) => c.text === `'${f}`)).toBe(true);
  });
});
