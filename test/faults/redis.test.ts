// Redis goes away in the middle of a conversation (a private redis-server: frozen, then killed): the user
// is told «Сервис временно недоступен, попробуйте позже», the process keeps running, and once Redis is
// back the next press or message works. The machine's shared Redis is never touched.
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis, redisReady } from '../../src/session/index.js';
import { expectText, textsOf } from '../helpers/bot.js';
import { linkAdmin, makeAccount, makeClient, makeSubscriber } from '../helpers/fixtures.js';
import { createFaultHarness, unhandled } from './support/fault-app.js';
import { PrivateRedis } from './support/redis-server.js';
import { TcpProxy } from './support/tcp-proxy.js';

const UNAVAILABLE = 'Сервис временно недоступен, попробуйте позже';
const server = await PrivateRedis.start();
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);
process.on('unhandledRejection', onCrash);
process.on('uncaughtException', onCrash);
const redis = createRedis(server.url, undefined, { maxReconnectDelayMs: 200 });
await redisReady(redis);
const h = await createFaultHarness({ redis });
// A second app reaches the same server through a proxy that can hold one command back (see the last test).
const proxy = await TcpProxy.start({ host: '127.0.0.1', port: server.port });
const proxiedRedis = createRedis(`redis://127.0.0.1:${proxy.port}`);
await redisReady(proxiedRedis);
const viaProxy = await createFaultHarness({ redis: proxiedRedis, sibling: h, redisPrefix: 'test:fault:proxied:' });
afterAll(async () => {
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  await viaProxy.close();
  await proxy.stop();
  await server.stop();
});

const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Отказ»' });
const account = await makeAccount(db, client.id);
await makeSubscriber(db, {
  clientId: client.id,
  personalAccountId: account.id,
  msisdn: '375291110001',
  displayName: 'Первый',
});
await makeSubscriber(db, {
  clientId: client.id,
  personalAccountId: account.id,
  msisdn: '375291110002',
  displayName: 'Второй',
});
await linkAdmin(db, 9101, client.id);
await linkAdmin(db, 9102, client.id);

describe('Faults: Redis hangs mid-conversation', () => {
  it('a typed mask and a press during the outage are answered «Сервис временно недоступен»; the process keeps running', async () => {
    const u = h.user(9101);
    await u.sendText('/start');
    await u.press('Выбор абонента');
    server.freeze();
    try {
      expectText(await u.sendText('2911100%'), UNAVAILABLE);
      expectText(await u.press('Показать все'), UNAVAILABLE);
    } finally {
      server.thaw();
    }
    await redisReady(redis);
    expect(unhandled(h.logs)).toEqual([]);
    expect(crashes).toEqual([]);
  });

  // A command that timed out during the hang may still set the chat lock once Redis runs again; the
  // ordering middleware then releases it in the background (src/session/ordering.ts, releaseLater).
  it('when Redis is back the conversation continues where it was (scene and step kept)', {
    timeout: 40_000,
  }, async () => {
    const u = h.user(9104);
    await linkAdmin(db, 9104, client.id);
    await u.sendText('/start');
    await u.press('Выбор абонента');
    server.freeze();
    try {
      expectText(await u.sendText('2911100%'), UNAVAILABLE);
    } finally {
      server.thaw();
    }
    await redisReady(redis);
    const after = await u.sendText('2911100%');
    expectText(after, 'Абоненты по маске');
    expect(u.buttons().flat()).toEqual(
      expect.arrayContaining([expect.stringContaining('Первый'), expect.stringContaining('Второй')]),
    );
  });
});

describe('Faults: Redis is killed and comes back empty', () => {
  it('presses during the outage are answered «Сервис временно недоступен»; afterwards the bot answers again', async () => {
    const u = h.user(9102);
    await u.sendText('/start');
    expectText(await u.press('Выбор абонента'), 'Введите номер');
    await server.down();
    const during = [...(await u.press('Показать все')), ...(await u.sendText('/menu'))];
    expect(textsOf(during).filter((t) => t.includes(UNAVAILABLE))).toHaveLength(2);
    await server.up();
    await redisReady(redis, 10_000);
    // The session died with Redis: the old menu is stale, and the user's role is offered again.
    const stale = await u.press('Показать все');
    expect(textsOf(stale).join('\n')).not.toContain(UNAVAILABLE);
    const home = await u.sendText('/start');
    expectText(home, 'Главное меню администратора');
    const works = await u.press('Выбор абонента');
    expectText(works, 'Введите номер');
    expect(unhandled(h.logs)).toEqual([]);
    expect(crashes).toEqual([]);
  });
});

describe('Faults: a Redis command that times out may still be applied later', () => {
  // The chat lock is taken with SET NX PX (90 s). When that command times out on the client (the user is
  // told «Сервис временно недоступен») but reaches Redis after the outage, the lock would hold the chat
  // for 90 s: every update waiting 15 s, then «Подождите, предыдущее действие еще выполняется». Found by
  // this test; fixed in src/session/ordering.ts (9ad2453) by releasing the token in the background.
  it('after the outage no chat lock is left behind by an update that was refused, and the next update is served', async () => {
    const u = viaProxy.user(9103);
    await linkAdmin(db, 9103, client.id);
    // The previous test killed the server: this client reconnects with its own backoff, and without an
    // offline queue a command sent before it is ready fails at once (the CI run of 2026-12-06 did that).
    await redisReady(proxiedRedis, 10_000);
    expectText(await u.sendText('/start'), 'Главное меню администратора');
    proxy.holdWhen('proxied:lock:');
    const refused = await u.sendText('/menu');
    expectText(refused, UNAVAILABLE);
    proxy.release();
    await redisReady(proxiedRedis);
    const lock = `test:fault:proxied:lock:${u.chatId}`;
    // The release runs in the background once Redis answers: wait for it (bounded), then use the chat.
    for (let i = 0; i < 100 && (await proxiedRedis.exists(lock)) === 1; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await proxiedRedis.exists(lock)).toBe(0);
    expectText(await u.sendText('/menu'), 'Главное меню администратора');
  });
});
