// `add-subscriber --client <УНП> --msisdn "<number>" --name "<full name>" [--account <n>] [--tariff <code>]
// [--balance 10.00]`: a newcomer adds their own number to try the subscriber side. It goes through the
// same domain code as the operator API's subscriber PUT.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { clients, personalAccounts, subscribers, tariffPlans } from '../../db/schema/index.js';
import { kopecksOf } from '../../domain/operator/etag.js';
import { OperatorProblem } from '../../domain/operator/problems.js';
import { putSubscriber } from '../../domain/operator/subscribers.js';
import { formatPhone, normalizePhone } from '../../domain/phone.js';
import { CliError, defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'add-subscriber',
  summary: 'add a subscriber (your own number, to sign in with it); the same code as the API’s PUT',
  usage: '--client <УНП> --msisdn "<number>" --name "<full name>" [--account <n>] [--tariff <code>] [--balance 10.00]',
  flags: z
    .object({
      client: z
        .string({ error: 'give the client’s УНП: --client 191234563' })
        .trim()
        .regex(/^\d{9}$/, 'an УНП is 9 digits'),
      msisdn: z.string({ error: 'give the number: --msisdn "+375 33 555-12-34"' }).refine((v) => {
        try {
          normalizePhone(v);
          return true;
        } catch {
          return false;
        }
      }, 'a Belarusian number, like +375 33 555-12-34'),
      name: z.string({ error: 'give the full name: --name "Иванов Иван"' }).trim().min(1).max(200),
      account: z.string().trim().min(1).optional(),
      tariff: z.string().trim().min(1).optional(),
      balance: z
        .string()
        .regex(/^\d{1,9}([.,]\d{1,2})?$/, 'an amount in BYN, like 10.00')
        .default('10.00'),
    })
    .strict(),
  async run(flags, ctx) {
    const { deps } = await ctx.open();
    const msisdn = normalizePhone(flags.msisdn);
    const [client] = await deps.db.select({ id: clients.id }).from(clients).where(eq(clients.unp, flags.client));
    if (!client) throw new CliError(`no client with УНП ${flags.client}`);
    const account =
      flags.account ??
      (
        await deps.db
          .select({ number: personalAccounts.number })
          .from(personalAccounts)
          .where(eq(personalAccounts.clientId, client.id))
          .orderBy(asc(personalAccounts.id))
          .limit(1)
      )[0]?.number;
    if (!account) throw new CliError(`client ${flags.client} has no personal account; give --account`);
    const tariff =
      flags.tariff ??
      (
        await deps.db
          .select({ code: tariffPlans.code })
          .from(tariffPlans)
          .where(eq(tariffPlans.openForChange, true))
          .orderBy(asc(tariffPlans.id))
          .limit(1)
      )[0]?.code;
    if (!tariff) throw new CliError('the catalog has no tariff plan; give --tariff');
    // The number's stored contract is kept (no change of holder); a new number gets one of its own.
    const [existing] = await deps.db
      .select({ contract: subscribers.operatorContract })
      .from(subscribers)
      .where(eq(subscribers.msisdn, msisdn))
      .orderBy(asc(subscribers.status));
    try {
      const stored = await putSubscriber(deps, { kind: 'system', name: 'cli' }, msisdn, {
        contract: existing?.contract ?? `cli-${msisdn}`,
        clientUnp: flags.client,
        account,
        fullName: flags.name,
        tariff,
        status: 'active',
        balance: kopecksOf(flags.balance.replace(',', '.')),
      });
      ctx.out(
        `${stored.changed ? 'Added' : 'Already there'}: ${formatPhone(msisdn)} «${flags.name}», client ${flags.client}, account ${account}, tariff ${tariff}, balance ${stored.resource.balance} BYN.`,
      );
      ctx.out(
        'Share this number’s contact with the bot (/start → «Поделиться контактом») to sign in as the subscriber.',
      );
    } catch (e) {
      if (e instanceof OperatorProblem) throw new CliError(e.message);
      throw e;
    }
  },
});
