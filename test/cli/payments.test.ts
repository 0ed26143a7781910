// `npm run cli -- payments confirm --client <УНП> --doc <номер>` (R-PAY-REG, billing's side).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { auditLog, payments } from '../../src/db/schema/index.js';
import { makePayment } from '../helpers/billing-fixtures.js';
import { createTestDeps } from '../helpers/deps.js';
import { makeClient } from '../helpers/fixtures.js';

const deps = await createTestDeps();

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { NODE_ENV: 'test', DATABASE_URL: deps.database.url, SECRETS_KEY: deps.secretsKey.toString('hex') },
    { out: (s) => void out.push(s), err: (s) => void err.push(s) },
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('R-PAY-REG: payments confirm makes an unconfirmed payment «подтвержденный»', () => {
  it('confirms once, says so on a second run, and audits it as the CLI', async () => {
    const client = await makeClient(deps.db, { unp: '193456789' });
    const payment = await makePayment(deps.db, client.id, { documentNumber: '1207', paidOn: '2026-11-05' });
    const first = await cli(['payments', 'confirm', '--client', '193456789', '--doc', '1207']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('Payment 1207 of 2026-11-05 (client 193456789) is now confirmed.');
    const [row] = await deps.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row!.status).toBe('confirmed');
    const again = await cli(['payments', 'confirm', '--client=193456789', '--doc=1207']);
    expect(again.stdout).toContain('was already confirmed');
    const logged = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'payment.confirm'));
    expect(logged.filter((l) => l.clientId === client.id)).toHaveLength(1);
  });

  it('names an unknown client or document, and a missing flag, with readable errors', async () => {
    await makeClient(deps.db, { unp: '194567890' });
    expect(await cli(['payments', 'confirm', '--client', '999999999', '--doc', '1'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no client with УНП 999999999'),
    });
    expect(await cli(['payments', 'confirm', '--client', '194567890', '--doc', 'NOPE'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('has no payment with document number NOPE'),
    });
    expect(await cli(['payments', 'confirm', '--client', '194567890'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--doc'),
    });
  });
});
