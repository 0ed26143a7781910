// The database driver (postgres.js) survives a connection cut mid-transaction: the transaction's query
// rejects, the process does not crash, and the pool works again once the server is reachable. Stock
// postgres.js 3.4.9 fails both (porsager/postgres#1154, #1208): an uncatchable TypeError from a deferred
// write, and a pool slot whose writes never flush again (every query on it hangs until CONNECT_TIMEOUT).
// patches/postgres+3.4.9.patch (applied by patch-package at install) fixes both.
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL } from '../helpers/pg.js';
import { TcpProxy } from './support/tcp-proxy.js';

const server = new URL(PG_ADMIN_URL);
const proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);
process.on('uncaughtException', onCrash);
afterAll(async () => {
  process.off('uncaughtException', onCrash);
  await proxy.stop();
});

describe('Faults: PostgreSQL connection cut mid-transaction (driver level)', () => {
  it('the transaction rejects, nothing crashes, and every pool slot works once the server is back', async () => {
    const sql = postgres(proxy.proxied(PG_ADMIN_URL), { max: 3, onnotice: () => {}, connect_timeout: 5 });
    try {
      expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
      for (let round = 0; round < 3; round++) {
        const fired = proxy.cutWhen("select 'the cut'");
        const tx = sql.begin(async (t) => {
          await t`select 1`;
          await t.unsafe("select 'the cut'");
        });
        await expect(tx).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
        await fired;
        await expect(sql`select 2`).rejects.toMatchObject({ code: 'ECONNREFUSED' });
        await new Promise((resolve) => setTimeout(resolve, 20));
        await proxy.restore();
        // Several queries at once reach every slot of the pool.
        const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => sql`select ${n}::int as n, pg_sleep(0.02)`));
        expect(answers.map((a) => a[0]!.n)).toEqual([1, 2, 3, 4, 5, 6]);
      }
      expect(crashes).toEqual([]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
