// English texts of subscriber «Персональная информация», «Смена ТП», «Начисления за период», «Просмотр детализации».
import type { Message } from '../message.js';
import type * as ru from '../ru/account.js';

export const account: typeof ru.account = {
  info: {
    title: 'Personal information',
    number: 'Phone number',
    fullName: 'Full name',
    displayName: 'Name in lists',
    personalAccount: 'Personal account',
    tariff: 'Tariff plan',
    balance: 'Balance',
    status: 'Status',
    cug: 'Closed user group',
    cugNone: 'not a member',
    statuses: { active: 'active', blocked: 'blocked', paused: 'paused' },
    showCodes: 'Show PIN/PUK',
    codesHint: 'The SIM card’s PIN and PUK codes are shown with «Show PIN/PUK».',
    codes: (c, seconds) =>
      `SIM card PIN and PUK codes\n\nPIN1: ${c.pin1}\nPUK1: ${c.puk1}\nPIN2: ${c.pin2}\nPUK2: ${c.puk2}\n\nThis message will be deleted in ${seconds} s.`,
    codesSent: 'The codes were sent in a separate message',
  },
  tariff: {
    title: 'Change tariff plan',
    intro: 'Here you can replace the subscriber’s tariff plan with any of the plans offered.',
    current: (name, fee) => `Current tariff plan: «${name}», subscription fee ${fee} a month.`,
    rules: (fee) =>
      `The first change in a calendar month to a plan with a higher subscription fee is free, to a lower one ${fee}; every further change that month costs ${fee}; at most one change a day.`,
    option: (name, monthly, change) => `«${name}» — ${monthly}/month, change: ${change}`,
    free: 'free',
    none: 'No plans are open for change from the current plan.',
    blocked: 'The number is blocked: the tariff plan cannot be changed.',
    changedToday: 'The plan was already changed today. The next change is possible tomorrow.',
    choose: 'Choose the new tariff plan:',
    confirm: (from, to, monthly, change) =>
      `Change the tariff plan «${from}» to «${to}»?\n\nSubscription fee: ${monthly} a month.\nCost of the change: ${change}.`,
    done: (to, change, balance) =>
      `The tariff plan is now «${to}».\nCost of the change: ${change}.\nBalance: ${balance}.`,
  },
  charges: {
    title: 'Charges for the period',
    intro: 'Cost of communication services, subscription fee and VAT included.',
    month: (name, current) => `${name}${current ? ' (current month)' : ''}`,
    line: (description, amount, vat) => `• ${description} — ${amount} (VAT ${vat})`,
    usage: { call_out: 'Outgoing calls', call_in: 'Incoming calls', sms_out: 'Outgoing SMS', sms_in: 'Incoming SMS' },
    empty: '• no charges',
    total: (amount, vat) => `Total: ${amount}, VAT included ${vat}`,
    texts: {
      numberChange: (msisdn, category) => `Number change to ${msisdn}, category “${category}”`,
      serviceConnect: (service) => `Connection of the service “${service}”`,
      pause: (from, to) => `Pause ${from}–${to}`,
      tariffChange: (from, to) => `Tariff plan change: “${from}” → “${to}”`,
    },
    chartTitle: 'Charges for the period',
    chartCaption: 'Charges by month',
    unit: 'BYN',
    kinds: {
      subscription: 'Subscription fee',
      services: 'Additional services',
      internet: 'Mobile internet',
      usage: 'Calls and SMS',
      fees: 'One-time fees',
    },
  },
  details: {
    title: 'Call details',
    intro:
      'Calls and SMS of the six previous months and of the current period. The current period is shown as of the day before the request.',
    choose: 'Choose the period:',
    currentPeriod: (from, to) => `Current period (${from}–${to})`,
    currentEmpty: 'Current period (no data yet)',
    header: (period, phone) => `Call details for ${period}\n${phone}`,
    currentName: (from, to) => `the current period ${from}–${to}`,
    emptyCurrent:
      'No data for the current period yet: details are given as of the previous day, and today is the 1st of the month.',
    none: 'No calls or SMS in this period.',
    totals: 'Totals by type:',
    total: (kind, count, quantity, cost) => `• ${kind}: ${count}, ${quantity}, ${cost}`,
    totalSms: (kind, count, cost) => `• ${kind}: ${count}, ${cost}`,
    grandTotal: (count, cost) => `Records: ${count}, costing ${cost}`,
    record: (date, time, kind, party, quantity, cost) => `${date} ${time} · ${kind} · ${party} · ${quantity} · ${cost}`,
    kinds: { call_out: 'Out call', call_in: 'In call', sms_out: 'Out SMS', sms_in: 'In SMS' },
    kindsLong: {
      call_out: 'Outgoing calls',
      call_in: 'Incoming calls',
      sms_out: 'Outgoing SMS',
      sms_in: 'Incoming SMS',
    },
    smsCount: (n) => `${n} SMS`,
    csv: 'Download CSV',
    xlsx: 'Download XLSX',
    preparing: 'Preparing the file — it will arrive in a separate message.',
  },
  errors: {} as Record<string, Message>,
};

export const subscriberInfo: typeof ru.subscriberInfo = {
  errors: {
    noSimCodes: 'No SIM codes are on file for this number. Please contact support.',
  },
};

export const tariffs: typeof ru.tariffs = {
  errors: {
    oncePerDay: 'The tariff plan was already changed today: at most one change a day. Please try tomorrow.',
    blocked: 'The number is blocked: the tariff plan cannot be changed.',
    notOffered: 'This tariff plan is not open for change from the current one.',
  },
};

export const details: typeof ru.details = {
  errors: {
    periodNotAllowed: 'Details are available only for the current period and the six previous months.',
    periodEmpty: 'No data for the current period yet.',
    badCursor: 'The menu is out of date',
  },
};
