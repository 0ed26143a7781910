import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bulkListLines, bulkLists } from '../../../src/db/schema/index.js';
import { createList } from '../../../src/domain/lists/intake.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, makeAccount, makeClient, makeSubscriber, makeTariff } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');

/** A client with `n` subscribers numbered 37533xxxxxxx from `base`. */
async function clientWith(n: number, base: number) {
  const client = await makeClient(deps.db);
  const account = await makeAccount(deps.db, client.id);
  const tariff = await makeTariff(deps.db);
  const numbers: string[] = [];
  const { subscribers } = await import('../../../src/db/schema/index.js');
  for (let i = 0; i < n; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, n - i) }, (_, k) => {
      const msisdn = `37533${String(base + i + k).padStart(7, '0')}`;
      numbers.push(msisdn);
      return {
        clientId: client.id,
        personalAccountId: account.id,
        tariffPlanId: tariff.id,
        msisdn,
        fullName: `A ${i + k}`,
        displayName: `A ${i + k}`,
        createdAt: new Date('2026-01-01T00:00:00Z'),
      };
    });
    await deps.db.insert(subscribers).values(chunk);
  }
  return { client, numbers };
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('R-RENAME: a list is checked line by line and previewed before anything is applied', () => {
  it('a 1 000-line XLSX of renames with 3 bad lines previews 997 fine and the 3 reasons', async () => {
    const { client, numbers } = await clientWith(1000, 1_000_000);
    const stranger = await makeSubscriber(deps.db, { msisdn: '375339999991' });
    const rows: unknown[][] = [['Номер', 'Новое имя']];
    for (const [i, msisdn] of numbers.entries()) rows.push([Number(msisdn), `Сотрудник ${i}`]);
    rows[101] = ['29 abc', 'Не номер'];
    rows[501] = [Number(stranger.msisdn), 'Чужой'];
    rows[901] = [Number(numbers[900]), ''];
    const preview = await createList(deps, adminActor(client.id), {
      kind: 'rename',
      source: { kind: 'file', fileName: 'renames.xlsx', content: await xlsx(rows) },
    });
    expect(preview.total).toBe(1000);
    expect(preview.fine).toBe(997);
    expect(preview.bad.map((b) => [b.lineNo, b.reason.code])).toEqual([
      [102, 'lists.notANumber'],
      [502, 'lists.notThisClient'],
      [902, 'renames.nameEmpty'],
    ]);
    const [list] = await deps.db.select().from(bulkLists).where(eq(bulkLists.id, preview.listId));
    expect(list).toMatchObject({ status: 'draft', kind: 'rename', total: 1000, clientId: client.id });
  });

  it('gives each bad line its reason: duplicate, too long a name, another client’s number', async () => {
    const { client, numbers } = await clientWith(3, 2_000_000);
    const other = await makeSubscriber(deps.db, { msisdn: '375339999992' });
    const text = [
      `${numbers[0]};Один`,
      `${numbers[1]};${'я'.repeat(65)}`,
      `${numbers[0]};Снова`,
      `${numbers[2]};\u0007Три\u0000`,
      `${other.msisdn};Чужой`,
    ].join('\n');
    const preview = await createList(deps, adminActor(client.id), { kind: 'rename', source: { kind: 'text', text } });
    expect(preview.fine).toBe(2);
    expect(preview.bad.map((b) => b.reason)).toEqual([
      { code: 'renames.nameTooLong', params: { max: 64 } },
      { code: 'lists.duplicate', params: { line: 1 } },
      { code: 'lists.notThisClient' },
    ]);
    const lines = await deps.db.select().from(bulkListLines).where(eq(bulkListLines.listId, preview.listId));
    expect(lines.find((l) => l.lineNo === 4)?.name).toBe('Три');
  });

  it('a list that cannot be read is refused whole and nothing is stored', async () => {
    const { client, numbers } = await clientWith(2, 3_000_000);
    const before = await deps.db.select({ n: count() }).from(bulkLists);
    await expect(
      createList(deps, adminActor(client.id), { kind: 'rename', source: { kind: 'text', text: `${numbers[0]};a;b` } }),
    ).resolves.toBeTruthy(); // pasted text splits at the first separator only: the name is «a;b»
    await expect(
      createList(deps, adminActor(client.id), {
        kind: 'rename',
        source: { kind: 'file', fileName: 'x.csv', content: Buffer.from(`${numbers[0]};a;b\n`) },
      }),
    ).rejects.toMatchObject({ code: 'lists.wrongColumns' });
    await expect(
      createList(deps, adminActor(client.id), {
        kind: 'rename',
        source: { kind: 'file', fileName: 'x.docx', content: Buffer.from('PK\u0003\u0004') },
      }),
    ).rejects.toMatchObject({ code: 'lists.wrongType' });
    const after = await deps.db.select({ n: count() }).from(bulkLists);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('only an administrator makes lists, and one upload delivered twice makes one draft (R-IDEMP)', async () => {
    const { client, numbers } = await clientWith(1, 4_000_000);
    const source = { kind: 'text' as const, text: `${numbers[0]};Имя` };
    await expect(
      createList(
        deps,
        { kind: 'subscriber', telegramId: 5, clientId: client.id, subscriberId: 1 },
        { kind: 'rename', source },
      ),
    ).rejects.toMatchObject({ code: 'access.forbidden' });
    const a = await createList(deps, adminActor(client.id), { kind: 'rename', source, nonce: 'upload-1' });
    const b = await createList(deps, adminActor(client.id), { kind: 'rename', source, nonce: 'upload-1' });
    expect(b.listId).toBe(a.listId);
  });
});

describe('R-BULK: list limits', () => {
  it('a 10 000-line list is taken in; one line more is refused', async () => {
    const { client, numbers } = await clientWith(10_000, 5_000_000);
    const text = `Номер\n${numbers.join('\n')}`;
    const preview = await createList(deps, adminActor(client.id), {
      kind: 'service',
      source: { kind: 'file', fileName: 'n.csv', content: Buffer.from(text) },
    });
    expect(preview).toMatchObject({ total: 10_000, fine: 10_000, bad: [] });
    const stored = await deps.db
      .select({ n: count() })
      .from(bulkListLines)
      .where(eq(bulkListLines.listId, preview.listId));
    expect(stored[0]!.n).toBe(10_000);
    await expect(
      createList(deps, adminActor(client.id), {
        kind: 'service',
        source: { kind: 'text', text: `${text}\n375330000000` },
      }),
    ).rejects.toMatchObject({ code: 'lists.tooManyLines', params: { max: 10_000 } });
  });
});
