import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, payments } from '../../src/db/schema/index.js';
import {
  confirmPayment,
  documentNumberTaken,
  encodePaymentCursor,
  listPayments,
  registerPayment,
} from '../../src/domain/payments.js';
import { makePayment } from '../helpers/billing-fixtures.js';
import { createTestDeps, minsk } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');
const cli = { kind: 'system', name: 'cli' } as const;
let nonce = 0;
const input = (over: Partial<Parameters<typeof registerPayment>[2]> = {}) => ({
  documentNumber: `ПП-${++nonce}`,
  paidOn: '2026-11-10',
  amount: 12345,
  nonce: `n${nonce}`,
  ...over,
});

describe('R-PAY-REG: an administrator registers an unconfirmed payment', () => {
  it('saves it as unconfirmed for the own client, with the document number trimmed, and audits it', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const client = await makeClient(deps.db);
    const admin = adminActor(client.id, 555);
    const { payment, fresh } = await registerPayment(deps, admin, input({ documentNumber: '  123/А-7  ', amount: 1 }));
    expect(fresh).toBe(true);
    expect(payment).toMatchObject({
      documentNumber: '123/А-7',
      amount: 1,
      status: 'unconfirmed',
      paidOn: '2026-11-10',
    });
    const [row] = await deps.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row).toMatchObject({ clientId: client.id, registeredByTelegramId: 555 });
    const logged = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'payment.register'), eq(auditLog.clientId, client.id)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      actorTelegramId: 555,
      role: 'admin',
      after: expect.objectContaining({ documentNumber: '123/А-7' }),
    });
  });

  it('refuses an amount that is zero or negative', async () => {
    const admin = adminActor((await makeClient(deps.db)).id);
    await expect(registerPayment(deps, admin, input({ amount: 0 }))).rejects.toThrow('payments.invalidAmount');
    await expect(registerPayment(deps, admin, input({ amount: -100 }))).rejects.toThrow('payments.invalidAmount');
    await expect(registerPayment(deps, admin, input({ amount: 1.5 }))).rejects.toThrow('payments.invalidAmount');
  });

  it('accepts today and 30 days ago, refuses tomorrow and 31 days ago (Europe/Minsk calendar)', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const admin = adminActor((await makeClient(deps.db)).id);
    await expect(registerPayment(deps, admin, input({ paidOn: '2026-11-10' }))).resolves.toBeTruthy();
    await expect(registerPayment(deps, admin, input({ paidOn: '2026-10-11' }))).resolves.toBeTruthy();
    await expect(registerPayment(deps, admin, input({ paidOn: '2026-11-11' }))).rejects.toThrow('payments.futureDate');
    await expect(registerPayment(deps, admin, input({ paidOn: '2026-10-10' }))).rejects.toMatchObject({
      code: 'payments.tooOld',
      params: { days: 30 },
    });
    await expect(registerPayment(deps, admin, input({ paidOn: '2026-02-30' }))).rejects.toThrow('payments.invalidDate');
  });

  it('counts days in Minsk: at 00:30 Minsk (21:30 UTC the day before) today is already the new date', async () => {
    deps.clock.set(minsk('2026-11-10T00:30'));
    const admin = adminActor((await makeClient(deps.db)).id);
    await expect(registerPayment(deps, admin, input({ paidOn: '2026-11-10' }))).resolves.toBeTruthy();
    await expect(registerPayment(deps, admin, input({ paidOn: '2026-10-10' }))).rejects.toThrow('payments.tooOld');
    deps.clock.set(minsk('2026-11-10T10:00'));
  });

  it('takes the age limit from settings', async () => {
    const strict = { ...deps, settings: { ...deps.settings, paymentMaxAgeDays: 5 } };
    const admin = adminActor((await makeClient(deps.db)).id);
    await expect(registerPayment(strict, admin, input({ paidOn: '2026-11-05' }))).resolves.toBeTruthy();
    await expect(registerPayment(strict, admin, input({ paidOn: '2026-11-04' }))).rejects.toMatchObject({
      params: { days: 5 },
    });
  });

  it('accepts 1–32 letters, digits, "-" and "/" as the document number and refuses anything else', async () => {
    const admin = adminActor((await makeClient(deps.db)).id);
    await expect(registerPayment(deps, admin, input({ documentNumber: 'A'.repeat(32) }))).resolves.toBeTruthy();
    for (const bad of ['', '   ', 'A'.repeat(33), '12 34', '№15', 'x;drop', 'a\u0000b']) {
      await expect(registerPayment(deps, admin, input({ documentNumber: bad }))).rejects.toThrow(
        'payments.invalidDocument',
      );
    }
  });

  it('refuses a document number already registered for this client, but not one of another client', async () => {
    const mine = await makeClient(deps.db);
    const other = await makeClient(deps.db);
    await registerPayment(deps, adminActor(mine.id), input({ documentNumber: 'DOC-1' }));
    await expect(
      registerPayment(deps, adminActor(mine.id), input({ documentNumber: ' DOC-1 ' })),
    ).rejects.toMatchObject({
      code: 'payments.duplicateDocument',
      params: { documentNumber: 'DOC-1' },
    });
    await expect(registerPayment(deps, adminActor(other.id), input({ documentNumber: 'DOC-1' }))).resolves.toBeTruthy();
  });

  it('lets the database decide between two racing registrations of one document number', async () => {
    const client = await makeClient(deps.db);
    const results = await Promise.allSettled([
      registerPayment(deps, adminActor(client.id), input({ documentNumber: 'RACE-1' })),
      registerPayment(deps, adminActor(client.id), input({ documentNumber: 'RACE-1' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'payments.duplicateDocument' });
    expect(await deps.db.select().from(payments).where(eq(payments.clientId, client.id))).toHaveLength(1);
  });

  it('R-IDEMP: a confirmation pressed twice registers one payment', async () => {
    const client = await makeClient(deps.db);
    const same = input({ documentNumber: 'TWICE' });
    const first = await registerPayment(deps, adminActor(client.id), same);
    const second = await registerPayment(deps, adminActor(client.id), same);
    expect(second).toEqual({ payment: first.payment, fresh: false });
    expect(await deps.db.select().from(payments).where(eq(payments.clientId, client.id))).toHaveLength(1);
  });

  it('is refused to anyone but an administrator', async () => {
    const s = await makeSubscriber(deps.db);
    await expect(registerPayment(deps, subscriberActor(s), input())).rejects.toThrow('access.forbidden');
    await expect(registerPayment(deps, cli, input())).rejects.toThrow('access.forbidden');
  });
});

describe('R-PAY-REG: the form checks the document number early', () => {
  it('documentNumberTaken sees only the own client', async () => {
    const mine = await makeClient(deps.db);
    const other = await makeClient(deps.db);
    await makePayment(deps.db, mine.id, { documentNumber: 'EARLY-1' });
    expect(await documentNumberTaken(deps, adminActor(mine.id), ' EARLY-1 ')).toBe(true);
    expect(await documentNumberTaken(deps, adminActor(other.id), 'EARLY-1')).toBe(false);
  });
});

describe('R-PAY-REG: billing confirms a payment (payments confirm)', () => {
  it('makes it confirmed, audits it, and a second confirmation changes nothing', async () => {
    const client = await makeClient(deps.db, { unp: '191234567' });
    const { payment } = await registerPayment(deps, adminActor(client.id), input({ documentNumber: 'CONF-1' }));
    const first = await confirmPayment(deps, cli, { clientUnp: '191234567', documentNumber: 'CONF-1' });
    expect(first).toMatchObject({ alreadyConfirmed: false, payment: { id: payment.id, status: 'confirmed' } });
    const [row] = await deps.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row!.confirmedAt).toEqual(deps.clock.now());
    const again = await confirmPayment(deps, cli, { clientUnp: '191234567', documentNumber: 'CONF-1' });
    expect(again.alreadyConfirmed).toBe(true);
    const logged = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'payment.confirm'), eq(auditLog.clientId, client.id)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      actorKind: 'cli',
      before: expect.objectContaining({ status: 'unconfirmed' }),
      after: expect.objectContaining({ status: 'confirmed' }),
    });
  });

  it('names an unknown client or document, and is not open to administrators', async () => {
    const client = await makeClient(deps.db, { unp: '192345678' });
    await expect(confirmPayment(deps, cli, { clientUnp: '999999999', documentNumber: 'X' })).rejects.toThrow(
      'payments.clientNotFound',
    );
    await expect(confirmPayment(deps, cli, { clientUnp: '192345678', documentNumber: 'NOPE' })).rejects.toThrow(
      'payments.notFound',
    );
    await expect(
      confirmPayment(deps, adminActor(client.id), { clientUnp: '192345678', documentNumber: 'X' }),
    ).rejects.toThrow('access.forbidden');
  });
});

describe('R-PAY-HIST: payments newest first, in keyset pages', () => {
  it('walks every payment once, newest first, ties broken by registration', async () => {
    const client = await makeClient(deps.db);
    const other = await makeClient(deps.db);
    const a = await makePayment(deps.db, client.id, { paidOn: '2026-10-01' });
    const b = await makePayment(deps.db, client.id, { paidOn: '2026-11-05' });
    const c = await makePayment(deps.db, client.id, { paidOn: '2026-11-05', status: 'confirmed' });
    const d = await makePayment(deps.db, client.id, { paidOn: '2026-10-20' });
    const e = await makePayment(deps.db, client.id, { paidOn: '2026-11-09' });
    await makePayment(deps.db, other.id, { paidOn: '2026-11-08' });
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listPayments(deps, adminActor(client.id), { cursor, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual([e.id, c.id, b.id, d.id, a.id]);
    expect(pages).toBe(3);
    // And back: from the last page, «Назад» pages through the newer ones to the first.
    const third = await listPayments(deps, adminActor(client.id), { cursor: encodePaymentCursor(b), limit: 2 });
    expect(third.items.map((p) => p.id)).toEqual([d.id, a.id]);
    const second = await listPayments(deps, adminActor(client.id), {
      cursor: third.prevCursor,
      direction: 'newer',
      limit: 2,
    });
    expect(second.items.map((p) => p.id)).toEqual([c.id, b.id]);
    const top = await listPayments(deps, adminActor(client.id), {
      cursor: second.prevCursor,
      direction: 'newer',
      limit: 2,
    });
    expect(top.items.map((p) => p.id)).toEqual([e.id]);
    expect(top.prevCursor).toBeNull();
    const first = await listPayments(deps, adminActor(client.id), { limit: 10 });
    expect(first.items[1]).toEqual({
      id: c.id,
      documentNumber: c.documentNumber,
      paidOn: '2026-11-05',
      amount: 10000,
      status: 'confirmed',
    });
    expect(first.nextCursor).toBeNull();
  });

  it('R-SCOPE: shows only the own client; a forged cursor starts over and never crosses clients', async () => {
    const client = await makeClient(deps.db);
    const other = await makeClient(deps.db);
    const theirs = await makePayment(deps.db, other.id);
    const page = await listPayments(deps, adminActor(client.id), { cursor: 'garbage', limit: 10 });
    expect(page.items).toEqual([]);
    const forged = await listPayments(deps, adminActor(client.id), { cursor: `20991231.${theirs.id + 1}`, limit: 10 });
    expect(forged.items).toEqual([]);
    const s = await makeSubscriber(deps.db, { clientId: other.id });
    await expect(listPayments(deps, subscriberActor(s), { limit: 10 })).rejects.toThrow('access.forbidden');
  });
});
