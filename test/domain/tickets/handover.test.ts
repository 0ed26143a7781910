import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rawRows } from '../../../src/db/client.js';
import { tickets } from '../../../src/db/schema/index.js';
import {
  buildHandoverContext,
  isSecretKey,
  mentionsSimCodes,
  openTicket,
  sanitizeContext,
} from '../../../src/domain/tickets/index.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeRequester } from './helpers.js';

const deps = await createTestDeps();

describe('R-HANDOVER: the context never carries PIN/PUK', () => {
  it('a context holding the codes in any shape never reaches the row', async () => {
    const { actor } = await makeRequester(deps);
    const context = {
      section: 'subscriber:info',
      pin1: '1234',
      PUK1: '12345678',
      simCodes: { pin2: '4321', puk2: '87654321' },
      simCodesEncrypted: 'v1.abc.def.ghi',
      subscriber: { msisdn: '375291000001', pinCode: '1111', nested: { puk_2: '22222222' } },
      lastScreens: ['Главное меню абонента', 'PIN1: 5678\nPUK1: 56785678', 'Персональная информация'],
      note: 'мой ПИН-код 9999',
    };
    const { ticketId } = await openTicket(deps, actor, {
      topic: 'other',
      text: 'Помогите',
      requesterChatId: actor.telegramId,
      context,
    });
    const [raw] = await rawRows<{ context: string }>(
      deps.db,
      sql`select context::text as context from tickets where id = ${ticketId}`,
    );
    for (const secret of ['1234', '12345678', '4321', '87654321', 'v1.abc', '1111', '22222222', '5678', '9999']) {
      expect(raw!.context).not.toContain(secret);
    }
    expect(raw!.context.toLowerCase()).not.toMatch(/pin|puk|пин|пук/);
    const [row] = await deps.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(row!.context).toEqual({
      section: 'subscriber:info',
      subscriber: { msisdn: '375291000001', nested: {} },
      lastScreens: ['Главное меню абонента', 'Персональная информация'],
    });
  });

  it('the handover context keeps role, client, number, section and the last screens and messages, bounded', () => {
    const context = buildHandoverContext({
      role: 'admin',
      clientName: 'ООО «Ромашка»',
      subscriberMsisdn: '375291000001',
      section: 'subscriber:number-change',
      lastScreens: ['s1', 's2', 'Коды SIM-карты\nPIN1: 1234 PUK1: 12345678', 's3', 's4', 's5', 's6', 'x'.repeat(5000)],
      lastUserMessages: ['29%', '1234', '12345678', 'мой пук 12345678', 'почему не подбирается номер?', '\u0000'],
    });
    expect(context).toMatchObject({
      kind: 'handover',
      role: 'admin',
      clientName: 'ООО «Ромашка»',
      subscriberMsisdn: '375291000001',
      section: 'subscriber:number-change',
    });
    expect(context.lastScreens).toHaveLength(5);
    expect(context.lastScreens.slice(0, 4)).toEqual(['s3', 's4', 's5', 's6']);
    expect(context.lastScreens[4]!.length).toBeLessThanOrEqual(600);
    expect(context.lastUserMessages).toEqual(['29%', 'почему не подбирается номер?']);
    expect(JSON.stringify(context)).not.toMatch(/1234|PIN|PUK|пук/i);
  });

  it('recognises code-bearing keys and texts, and not their look-alikes', () => {
    for (const key of [
      'pin',
      'PIN1',
      'puk2',
      'pin_1',
      'simCodes',
      'simCodesEncrypted',
      'pinCode',
      'codes',
      'secret',
      'token',
    ])
      expect(isSecretKey(key)).toBe(true);
    for (const key of ['shipping', 'spinner', 'section', 'role', 'clientName', 'lastScreens', 'subscriberMsisdn'])
      expect(isSecretKey(key)).toBe(false);
    for (const text of ['PIN1: 1234', 'puk-2', 'Ваш ПИН', 'ПУК1 12345678', 'pin'])
      expect(mentionsSimCodes(text)).toBe(true);
    for (const text of ['spinner', 'пинг до сервера', 'Пинск', 'Счета и платежи'])
      expect(mentionsSimCodes(text)).toBe(false);
  });

  it('bounds depth, keys, items and characters; drops what JSON cannot hold', () => {
    const deep = { a: { b: { c: { d: { e: 'too deep' } } } } };
    expect(sanitizeContext(deep)).toEqual({ a: { b: { c: {} } } });
    const wide = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(sanitizeContext(wide)!)).toHaveLength(30);
    const big = sanitizeContext({ list: Array.from({ length: 40 }, () => 'y'.repeat(2000)) })!;
    expect((big.list as string[]).length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(big).length).toBeLessThan(9000);
    expect(sanitizeContext({ f: () => 1, n: Number.NaN, b: 10n, u: undefined, s: Symbol('x'), ok: true })).toEqual({
      ok: true,
    });
    expect(sanitizeContext(null)).toBeNull();
    expect(sanitizeContext(['not', 'an', 'object'])).toBeNull();
  });
});
