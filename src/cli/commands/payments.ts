// `payments confirm --client <УНП> --doc <номер>`: billing's side of R-PAY-REG — an unconfirmed payment
// registered by the client's administrator becomes «подтвержденный».
import { z } from 'zod';
import { isDomainError } from '../../domain/errors.js';
import { confirmPayment } from '../../domain/payments.js';
import { CliError, defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'payments confirm',
  summary: 'mark a payment registered by a client’s administrator as confirmed (billing’s side)',
  usage: '--client <УНП> --doc <номер документа>',
  flags: z
    .object({
      client: z
        .string({ error: 'give the client’s УНП: --client 191234563' })
        .trim()
        .toUpperCase()
        .regex(/^[0-9A-Z]{9}$/, 'an УНП is 9 characters, e.g. 191234563'),
      doc: z
        .string({ error: 'give the payment document number: --doc 1203' })
        .trim()
        .min(1, 'give the payment document number: --doc 1203')
        .max(32, 'a document number has at most 32 characters'),
    })
    .strict(),
  async run(flags, ctx) {
    const { deps } = await ctx.open();
    try {
      const { payment, alreadyConfirmed } = await confirmPayment(
        deps,
        { kind: 'system', name: 'cli' },
        { clientUnp: flags.client, documentNumber: flags.doc },
      );
      ctx.out(
        alreadyConfirmed
          ? `Payment ${payment.documentNumber} of ${payment.paidOn} (client ${flags.client}) was already confirmed.`
          : `Payment ${payment.documentNumber} of ${payment.paidOn} (client ${flags.client}) is now confirmed.`,
      );
    } catch (e) {
      if (isDomainError(e) && e.code === 'payments.clientNotFound')
        throw new CliError(`no client with УНП ${flags.client}`);
      if (isDomainError(e) && e.code === 'payments.notFound')
        throw new CliError(`client ${flags.client} has no payment with document number ${flags.doc}`);
      throw e;
    }
  },
});
