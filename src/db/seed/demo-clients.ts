// The demo's two clients with their bank accounts, personal accounts and subscribers, and the state of
// each number: tariff, balance, status, connected services, forwarding, voicemail e-mail, pauses, SIM codes.
import type { Executor } from '../client.js';
import {
  bankAccounts,
  callForwarding,
  clients,
  pauses,
  personalAccounts,
  subscriberServices,
  subscribers,
  voicemailSettings,
} from '../schema/index.js';
import { writeSimCodes } from '../../domain/sim-codes-store.js';
import { addDays, addMonths, type IsoDate, monthStart, startOfMinskDay } from '../../domain/time.js';
import { insertBatches } from './batch.js';
import { allowedOn, type CatalogIds, excludes, SERVICES, TARIFF_PLANS } from './catalog.js';
import { belarusianIban } from './check-digits.js';
import * as id from './identities.js';
import { randomFullName } from './names.js';
import type { Prng } from './prng.js';

/** What the billing part of the seed needs to know about one subscriber. */
export interface SeededSubscriber {
  id: number;
  clientId: number;
  msisdn: string;
  tariffCode: string;
  /** Services with the month they were connected in. */
  services: { code: string; since: IsoDate }[];
  activeFrom: IsoDate;
  /** Last day with traffic (terminated or blocked numbers go quiet). */
  quietFrom: IsoDate | null;
  pauses: { startsOn: IsoDate; endsOn: IsoDate; fee: number; createdOn: IsoDate }[];
  /** Average calls and SMS a day. */
  activity: number;
}

interface AccountPlan {
  number: string;
  name: string;
  msisdns: string[];
}

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(6, '0')}`);

const DEMO_ACCOUNTS: AccountPlan[] = [
  {
    number: `${id.DEMO_CLIENT_UNP}001`,
    name: 'Головной офис',
    msisdns: [...range('375291', 1, 20), id.DEMO_TERMINATED_MSISDN],
  },
  {
    number: `${id.DEMO_CLIENT_UNP}002`,
    name: 'Отдел продаж',
    msisdns: [...range('375291', 21, 32), ...range('375441', 1, 6)],
  },
  {
    number: `${id.DEMO_CLIENT_UNP}003`,
    name: 'Филиал в Гомеле',
    msisdns: [...range('375441', 7, 12), ...range('375293', 1, 2)],
  },
];

const SECOND_ACCOUNTS: AccountPlan[] = [
  { number: `${id.DEMO_SECOND_CLIENT_UNP}001`, name: 'Администрация', msisdns: range('375442', 1, 8) },
  { number: `${id.DEMO_SECOND_CLIENT_UNP}002`, name: 'Водители', msisdns: range('375442', 9, 12) },
];

/** Service numbers that carry a function instead of a person's name in the client's lists. */
const DISPLAY_NAMES: Record<string, string> = {
  '375291000010': 'Приёмная',
  '375291000020': 'Дежурный инженер',
  '375441000012': 'Склад Гомель',
};

const TARIFF_MIX = [
  'biz_mini',
  'biz_start',
  'biz_start',
  'biz_optimal',
  'biz_optimal',
  'biz_max',
  'biz_unlim',
  'biz_data',
  'corp_archive',
];

export interface DemoClients {
  demoClientId: number;
  secondClientId: number;
  subscribers: SeededSubscriber[];
}

export async function seedDemoClients(
  tx: Executor,
  catalog: CatalogIds,
  rnd: Prng,
  today: IsoDate,
  secretsKey: Buffer,
): Promise<DemoClients> {
  const createdAt = startOfMinskDay(addMonths(monthStart(today), -24));
  const [demo] = await tx
    .insert(clients)
    .values({
      name: id.DEMO_CLIENT_NAME,
      unp: id.DEMO_CLIENT_UNP,
      okpo: '30214587',
      legalAddress: '220030, г. Минск, ул. Интернациональная, 36, пом. 12',
      status: 'active',
      paymentForm: 'credit',
      creditLimit: id.DEMO_CREDIT_LIMIT,
      balance: 125_430,
      contractNumber: 'КД-2019/0457',
      contractDate: '2019-03-14',
      billDeliveryMethod: 'email',
      billDeliveryAddress: 'buh@demo-telecom.by',
      createdAt,
    })
    .returning({ id: clients.id });
  const [second] = await tx
    .insert(clients)
    .values({
      name: id.DEMO_SECOND_CLIENT_NAME,
      unp: id.DEMO_SECOND_CLIENT_UNP,
      okpo: '50188243',
      legalAddress: '246050, г. Гомель, ул. Советская, 21',
      status: 'active',
      paymentForm: 'advance',
      creditLimit: 0,
      balance: 31_000,
      contractNumber: 'КД-2021/1193',
      contractDate: '2021-09-01',
      billDeliveryMethod: 'post',
      billDeliveryAddress: '246050, г. Гомель, ул. Советская, 21, бухгалтерия',
      createdAt,
    })
    .returning({ id: clients.id });
  const demoClientId = demo!.id;
  const secondClientId = second!.id;

  await tx.insert(bankAccounts).values([
    {
      clientId: demoClientId,
      iban: belarusianIban('AKBB', '30120000457190000000'),
      bankName: 'ОАО «АСБ Беларусбанк»',
      bic: 'AKBBBY2X',
    },
    {
      clientId: demoClientId,
      iban: belarusianIban('PJCB', '30120457190001000933'),
      bankName: 'ЗАО «Приорбанк»',
      bic: 'PJCBBY2X',
    },
    {
      clientId: secondClientId,
      iban: belarusianIban('ALFA', '30121193000000000005'),
      bankName: 'ЗАО «Альфа-Банк»',
      bic: 'ALFABY2X',
    },
  ]);

  const seeded: SeededSubscriber[] = [];
  for (const [clientId, plans] of [
    [demoClientId, DEMO_ACCOUNTS],
    [secondClientId, SECOND_ACCOUNTS],
  ] as const) {
    for (const plan of plans) {
      const [account] = await tx
        .insert(personalAccounts)
        .values({ clientId, number: plan.number, name: plan.name })
        .returning({ id: personalAccounts.id });
      for (const msisdn of plan.msisdns) {
        seeded.push(
          await insertSubscriber(tx, {
            clientId,
            accountId: account!.id,
            msisdn,
            catalog,
            rnd,
            today,
            secretsKey,
            createdAt,
          }),
        );
      }
    }
  }
  await seedServiceState(tx, catalog, seeded, rnd, today);
  return { demoClientId, secondClientId, subscribers: seeded };
}

interface SubscriberInput {
  clientId: number;
  accountId: number;
  msisdn: string;
  catalog: CatalogIds;
  rnd: Prng;
  today: IsoDate;
  secretsKey: Buffer;
  createdAt: Date;
}

async function insertSubscriber(tx: Executor, s: SubscriberInput): Promise<SeededSubscriber> {
  const { rnd, msisdn, today } = s;
  const isDemo = msisdn === id.DEMO_SUBSCRIBER_MSISDN;
  const fullName = isDemo ? 'Ковальчук Андрей Викторович' : randomFullName(rnd);
  const tariffCode = isDemo ? id.DEMO_SUBSCRIBER_TARIFF : rnd.pick(TARIFF_MIX);
  const balance = isDemo
    ? id.DEMO_SUBSCRIBER_BALANCE
    : msisdn === id.DEMO_NEGATIVE_BALANCE_MSISDN
      ? -2_500
      : rnd.int(5, 600) * 100 + rnd.int(0, 99);
  const codes = isDemo
    ? id.DEMO_SUBSCRIBER_SIM_CODES
    : { pin1: rnd.digits(4), puk1: rnd.digits(8), pin2: rnd.digits(4), puk2: rnd.digits(8) };
  const terminated = msisdn === id.DEMO_TERMINATED_MSISDN;
  const blocked = msisdn === id.DEMO_BLOCKED_MSISDN;
  const [row] = await tx
    .insert(subscribers)
    .values({
      clientId: s.clientId,
      personalAccountId: s.accountId,
      msisdn,
      fullName,
      displayName: DISPLAY_NAMES[msisdn] ?? fullName,
      tariffPlanId: s.catalog.tariffs[tariffCode]!,
      balance,
      status: terminated ? 'terminated' : blocked ? 'blocked' : 'active',
      cugName: msisdn.startsWith('375291') ? 'Демо Телеком — офис' : null,
      createdAt: s.createdAt,
    })
    .returning({ id: subscribers.id });
  // Sealed once the id is known: the ciphertext is bound to its subscriber (R-SUB-INFO).
  await writeSimCodes(tx, s.secretsKey, [{ subscriberId: row!.id, codes }]);
  const quietFrom = terminated ? addMonths(monthStart(today), -2) : blocked ? addDays(today, -20) : null;
  return {
    id: row!.id,
    clientId: s.clientId,
    msisdn,
    tariffCode,
    services: [],
    activeFrom: addMonths(monthStart(today), -24),
    quietFrom,
    pauses: [],
    activity: isDemo ? 4 : rnd.pick([1, 1.5, 2, 2.5, 3]),
  };
}

/** Connected services, one forwarding set, voicemail e-mails and pauses (one running today). */
async function seedServiceState(
  tx: Executor,
  catalog: CatalogIds,
  subs: SeededSubscriber[],
  rnd: Prng,
  today: IsoDate,
): Promise<void> {
  const m0 = monthStart(today);
  const additional = SERVICES.filter((x) => x.kind === 'additional').map((x) => x.code);
  const internet = SERVICES.filter((x) => x.kind === 'mobile_internet').map((x) => x.code);
  const rows: (typeof subscriberServices.$inferInsert)[] = [];
  const vmRows: (typeof voicemailSettings.$inferInsert)[] = [];
  for (const sub of subs) {
    if (sub.msisdn === id.DEMO_TERMINATED_MSISDN) continue;
    const wanted: string[] = [];
    if (sub.msisdn === id.DEMO_SUBSCRIBER_MSISDN) {
      wanted.push('caller_id', 'missed_calls', 'mi_5gb');
    } else {
      for (let k = rnd.int(0, 3); k > 0; k--) {
        const code = rnd.pick(additional);
        if (allowedOn(code, sub.tariffCode) && !wanted.some((w) => w === code || excludes(w, code))) wanted.push(code);
      }
      const mi = rnd.pick(internet);
      if (rnd.chance(0.6) && allowedOn(mi, sub.tariffCode)) wanted.push(mi);
      if (rnd.chance(0.25)) wanted.push('voicemail_plus');
    }
    for (const code of wanted) {
      const since = addMonths(m0, -rnd.int(1, 10));
      sub.services.push({ code, since });
      rows.push({
        subscriberId: sub.id,
        serviceId: catalog.services[code]!,
        connectedAt: startOfMinskDay(addDays(since, rnd.int(0, 20))),
      });
      if (code === 'voicemail_plus')
        vmRows.push({
          subscriberId: sub.id,
          email: rnd.chance(0.5) ? `vm${sub.msisdn.slice(-4)}@demo-telecom.by` : null,
          updatedAt: startOfMinskDay(since),
        });
    }
  }
  await insertBatches(tx, subscriberServices, rows);
  if (vmRows.length > 0) await tx.insert(voicemailSettings).values(vmRows);

  const at = (msisdn: string) => subs.find((x) => x.msisdn === msisdn)!;
  const fwd = at(id.DEMO_FORWARDING_MSISDN);
  const updatedAt = startOfMinskDay(addDays(today, -12));
  await tx.insert(callForwarding).values([
    { subscriberId: fwd.id, condition: 'unconditional', target: '375291000004', delaySeconds: null, updatedAt },
    { subscriberId: fwd.id, condition: 'busy', target: '375172000000', delaySeconds: null, updatedAt },
    { subscriberId: fwd.id, condition: 'no_reply', target: '375291000005', delaySeconds: 20, updatedAt },
  ]);

  const paused = at(id.DEMO_PAUSED_MSISDN);
  paused.pauses.push({
    startsOn: addDays(today, -5),
    endsOn: addDays(today, 10),
    fee: 300,
    createdOn: addDays(today, -6),
  });
  const earlier = at('375291000009');
  earlier.pauses.push({
    startsOn: addDays(today, -70),
    endsOn: addDays(today, -56),
    fee: 300,
    createdOn: addDays(today, -71),
  });
  for (const sub of [paused, earlier]) {
    for (const p of sub.pauses) {
      await tx.insert(pauses).values({
        subscriberId: sub.id,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        fee: p.fee,
        noticeSent: p.endsOn < today,
        createdAt: new Date(startOfMinskDay(p.createdOn).getTime() + 11 * 3_600_000),
      });
    }
  }
}

export const tariffByCode = (code: string) => TARIFF_PLANS.find((p) => p.code === code)!;
