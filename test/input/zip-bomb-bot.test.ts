// Finding 1 of issue 22 (spreadsheet bombs) through the bot: an administrator sends a 1 MB XLSX that
// inflates past 1 GB as a rename list. It is refused «Файл поврежден или слишком большой» from its zip
// directory — no parse thread, so never exceljs — nothing is stored, and another user is answered meanwhile.
import { eq, sql } from 'drizzle-orm';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { bulkLists } from '../../src/db/schema/index.js';
import { xlsxWorkersStarted } from '../../src/domain/lists/xlsx-bounded.js';
import { createHarness, textsOf } from '../helpers/bot.js';
import { linkAdmin, makeClient } from '../helpers/fixtures.js';
import { zipBomb } from './zip-bomb.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Бомба»' });
await linkAdmin(db, 9951, client.id);
const admin = h.user(9951);
const other = h.user(9952);

const original = h.telegram.handle.bind(h.telegram);
h.telegram.handle = (method, payload, files) => {
  if (method === 'getFile') {
    original(method, payload, files);
    return {
      file_id: payload.file_id,
      file_unique_id: `u-${payload.file_id}`,
      file_path: `documents/${payload.file_id}`,
    };
  }
  return original(method, payload, files);
};

describe('Finding 1 (spreadsheet bombs) through the bot', () => {
  it('a 1 MB XLSX that inflates past 1 GB is refused before exceljs; another user is answered meanwhile', async () => {
    const bomb = zipBomb();
    nock('https://api.telegram.org')
      .get(/^\/file\/bot[^/]+\/documents\/bomb1$/)
      .reply(200, bomb);
    await admin.sendText('/menu');
    await admin.press('Администратор: ООО «Бомба»');
    await admin.press('Переименование абонента');
    const workers = xlsxWorkersStarted();
    const [refused, answered] = await Promise.all([
      admin.sendDocument({ file_id: 'bomb1', file_name: 'список.xlsx', file_size: bomb.length }),
      other.sendText('/start'),
    ]);
    expect(textsOf(refused.filter((c) => Number(c.payload.chat_id) === admin.id))).toContain(
      'Файл поврежден или слишком большой.',
    );
    expect(textsOf(answered.filter((c) => Number(c.payload.chat_id) === other.id)).length).toBeGreaterThan(0);
    expect(xlsxWorkersStarted()).toBe(workers);
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(bulkLists)
      .where(eq(bulkLists.clientId, client.id));
    expect(row!.n).toBe(0);
  });
});
