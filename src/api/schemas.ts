// The API's zod schemas: requests are checked by them and the OpenAPI document is generated from them.
// Amounts are decimal strings in BYN, numbers any R-PHONE form, dates ISO.
import { z } from '@hono/zod-openapi';
import { isValidIban, isValidUnp } from '../db/seed/check-digits.js';
import { stripNational } from '../domain/phone.js';

export const amount = z
  .string()
  .regex(/^-?\d{1,12}(\.\d{1,2})?$/, 'a decimal amount in BYN, like "12.34"')
  .openapi({ example: '12.34' });
const nonNegativeAmount = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'a non-negative decimal amount in BYN, like "100.00"')
  .openapi({ example: '100.00' });
const isoDate = z.iso.date('an ISO date, like 2026-01-15').openapi({ example: '2026-01-15' });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const unpParam = z
  .string()
  .refine(isValidUnp, 'an УНП is 9 digits with a valid check digit (R-UNP)')
  .openapi({ param: { name: 'unp', in: 'path' }, example: '191234563' });
export const accountParam = z
  .string()
  .regex(/^[0-9A-Za-z-]{1,32}$/, 'an account number is 1–32 letters, digits or dashes')
  .openapi({ param: { name: 'account', in: 'path' }, example: 'LS00000001' });
export const msisdnParam = z
  .string()
  .refine((v) => /^\d{9}$/.test(stripNational(v)), 'a Belarusian number, like +375 29 123-45-67 (R-PHONE)')
  .openapi({ param: { name: 'msisdn', in: 'path' }, example: '375291234567' });
export const dateParam = (name: string) => isoDate.openapi({ param: { name, in: 'path' } });

const iban = z
  .string()
  .transform((v) => v.replace(/\s/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^BY\d{2}[0-9A-Z]{24}$/, 'a Belarusian IBAN: BY and 26 more characters')
      .refine(isValidIban, 'the IBAN check digits are wrong (mod 97)'),
  )
  .openapi({ type: 'string', example: 'BY13NBRB3600900000002Z00AB00' });

export const clientBody = z
  .object({
    name: text(200),
    okpo: z
      .string()
      .regex(/^\d{8,12}$/, 'an ОКПО is 8–12 digits')
      .nullish(),
    legalAddress: text(500).nullish(),
    paymentForm: z.enum(['advance', 'credit']),
    creditLimit: nonNegativeAmount.optional(),
    status: z.enum(['active', 'suspended', 'closed']),
    contract: z.object({ number: text(64), date: isoDate }),
    billDelivery: z.object({
      method: z.enum(['email', 'post', 'portal']),
      address: text(500).nullish(),
    }),
    bankAccounts: z
      .array(
        z.object({
          iban,
          bank: text(200),
          bic: z.string().regex(/^[A-Z0-9]{8}(\w{3})?$/, 'a BIC is 8 or 11 characters'),
        }),
      )
      .max(20),
  })
  .strict()
  .openapi('ClientInput');

export const clientResource = z
  .object({
    unp: z.string(),
    name: z.string(),
    okpo: z.string().nullable(),
    legalAddress: z.string().nullable(),
    paymentForm: z.enum(['advance', 'credit']),
    creditLimit: z.string(),
    status: z.enum(['active', 'suspended', 'closed']),
    contract: z.object({ number: z.string(), date: z.string() }),
    billDelivery: z.object({ method: z.enum(['email', 'post', 'portal']), address: z.string().nullable() }),
    bankAccounts: z.array(z.object({ iban: z.string(), bank: z.string(), bic: z.string() })),
    balance: z.string().openapi({ description: 'read-only: kept by billing' }),
  })
  .openapi('Client');

export const accountBody = z
  .object({ name: text(64) })
  .strict()
  .openapi('AccountInput');
export const accountResource = z.object({ unp: z.string(), account: z.string(), name: z.string() }).openapi('Account');

const forwardingEntry = z.object({
  condition: z.enum(['unconditional', 'busy', 'no_reply', 'unreachable']),
  target: z.string().regex(/^\+?[1-9]\d{7,14}$/, 'an international number, like +375291234567'),
  delaySeconds: z.number().int().min(5).max(30).multipleOf(5, 'in steps of 5').optional(),
});

const simCode = (digits: string) => z.string().regex(new RegExp(`^\\d{${digits}}$`), `${digits} digits`);

export const subscriberBody = z
  .object({
    contract: text(64).openapi({ description: "the operator's own id of the subscriber's contract (R-RECYCLE)" }),
    clientUnp: z.string().refine(isValidUnp, 'an УНП is 9 digits with a valid check digit (R-UNP)'),
    account: accountParam.openapi({ param: undefined }),
    fullName: text(200),
    tariff: text(64).openapi({ description: 'a tariff plan code' }),
    status: z.enum(['active', 'blocked', 'terminated']),
    balance: amount,
    cug: text(64).nullish(),
    services: z
      .array(text(64))
      .max(100)
      .optional()
      .openapi({ description: 'additional service codes; omitted: unchanged' }),
    mobileInternet: text(64)
      .nullable()
      .optional()
      .openapi({ description: 'a mobile-internet package code; omitted: unchanged' }),
    forwarding: z.array(forwardingEntry).max(4).optional().openapi({ description: 'omitted: unchanged' }),
    voicemail: z
      .object({ connected: z.boolean(), email: z.email('an e-mail address').nullish() })
      .optional()
      .openapi({ description: 'omitted: unchanged' }),
    simCodes: z
      .object({ pin1: simCode('4'), puk1: simCode('8'), pin2: simCode('4'), puk2: simCode('8') })
      .optional()
      .openapi({ description: 'write-only, stored encrypted; omitted: unchanged' }),
  })
  .strict()
  .openapi('SubscriberInput');

export const subscriberResource = z
  .object({
    msisdn: z.string(),
    contract: z.string().nullable(),
    clientUnp: z.string(),
    account: z.string(),
    fullName: z.string(),
    displayName: z.string().openapi({ description: 'the name in the client’s lists (R-RENAME)' }),
    tariff: z.string(),
    status: z.enum(['active', 'blocked', 'terminated']),
    balance: z.string(),
    cug: z.string().nullable(),
    services: z.array(z.string()),
    mobileInternet: z.string().nullable(),
    forwarding: z.array(
      z.object({ condition: z.string(), target: z.string(), delaySeconds: z.number().int().nullable() }),
    ),
    voicemail: z.object({ connected: z.boolean(), email: z.string().nullable() }),
    pauses: z.array(z.object({ from: z.string(), to: z.string(), endedOn: z.string().nullable() })),
  })
  .openapi('Subscriber');

export const balanceBody = z.object({ balance: amount }).strict().openapi('BalanceInput');
export const pauseBody = z.object({ to: isoDate }).strict().openapi('PauseInput');

export const ifMatchHeader = z.object({
  'if-match': z.string().optional().openapi({ description: 'apply only if the resource still has this ETag' }),
});
