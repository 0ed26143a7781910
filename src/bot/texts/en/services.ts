// English texts of «Операции с услугами».
import { date } from '../../format.js';
import type * as ru from '../ru/services.js';
import { count, en } from '../plural.js';

const DAYS = en('day', 'days');
const PAUSES = en('pause', 'pauses');

type P = Record<string, string | number>;
const d = (v: string | number | undefined) => date(String(v ?? ''));

export const services: typeof ru.services = {
  errors: {
    invalidNonce: 'This menu is out of date',
    notFound: 'Service not found.',
    blocked: (p: P) => `The number is blocked: «${p.service}» cannot be connected.`,
    paused: (p: P) =>
      `The number is paused: no services (including «${p.service}») can be connected until the pause ends. You can end the pause early under «Pause».`,
    alreadyConnected: (p: P) => `«${p.service}» is already connected.`,
    notConnected: (p: P) => `«${p.service}» is not connected.`,
    notAllowed: (p: P) => `«${p.service}» is not available on this tariff plan.`,
    excluded: (p: P) => `«${p.service}» cannot be combined with «${p.other}». Disconnect «${p.other}» first.`,
    onePackage: (p: P) =>
      `The package «${p.other}» is already connected: only one mobile internet package at a time. Change it under «Mobile internet».`,
    notAPackage: 'This is not a mobile internet package.',
    settingsNotFound: 'These settings have not been published yet.',
    pauseBlocked: 'The number is blocked: a pause is not available.',
    pauseNegativeBalance: 'The balance is negative: a pause is not available. Top up and try again.',
    pauseAlreadyPaused: (p: P) => `A pause is already booked: ${d(p.startsOn)} to ${d(p.endsOn)}.`,
    pauseInvalidDate: 'Date not recognised. Type the end date as DD.MM.YYYY or a number of days.',
    pauseTooShort: (p: P) =>
      `A pause lasts ${p.min} to ${count('en', p.max, DAYS)} (you chose ${p.days}). The earliest end date is ${d(p.earliest)}.`,
    pauseTooLong: (p: P) =>
      `A pause lasts ${p.min} to ${count('en', p.max, DAYS)} (you chose ${p.days}). The latest end date is ${d(p.latest)}.`,
    pauseYearLimit: (p: P) => `No more pauses in ${p.year}: at most ${p.limit} per calendar year.`,
    pauseNotPaused: 'There is no pause.',
    fwdInvalidNumber: 'Number not recognised. Type it in international format, e.g. +375 29 123-45-67.',
    fwdShortNumber: 'Short numbers are not allowed: type the full number in international format.',
    fwdOwnNumber: 'Calls cannot be forwarded to the number itself.',
    fwdPremiumNumber: 'Forwarding to premium-rate numbers is not allowed.',
    fwdInvalidDelay: (p: P) => `The no-reply delay is one of: ${p.delays} seconds.`,
    fwdInvalidCondition: 'Unknown forwarding condition.',
    fwdNotSet: 'This forwarding is not set.',
    fwdNoneSet: 'No forwarding is set.',
    vmUnavailable: 'The «Plus» package is not available now.',
    vmInvalidEmail: 'E-mail address not recognised. Type an address such as ivanov@example.by.',
    vmNotConnected: 'Connect the «Plus» voicemail package first: e-mail copies work only with it.',
    vmNoEmail: 'No e-mail address is set.',
  },
  labels: {
    services: 'Subscriber services',
    numberChange: 'Change number',
    mobileInternet: 'Mobile internet',
    settings: 'Settings',
    pause: 'Pause',
    forwarding: 'Call forwarding',
    voicemail: 'Voicemail («Plus» package)',
  },
  ops: {
    title: (phone) =>
      `Service operations\n${phone}\n\nConnect and disconnect additional services, or suspend the number for a while.`,
  },
  common: {
    number: (phone) => `Number: ${phone}`,
    perMonth: (money) => `${money}/month`,
    connectFee: (money) => `connection ${money}`,
    free: 'free',
    fee: (money) => `Fee: ${money}`,
    noFee: 'Fee: none',
    balanceAfter: (money) => `Balance after the fee: ${money}`,
    replayed: 'This confirmation was already carried out — nothing changed again.',
    blockedNote: 'The number is blocked: services cannot be connected.',
    pausedNote: 'The number is paused: services cannot be connected. You can end the pause early.',
    toPause: 'Pause',
  },
  svc: {
    title: 'Subscriber services',
    intro: 'Connected services. You may connect or disconnect additional services the tariff plan provides for.',
    connected: 'Connected:',
    connectedNone: 'No services connected.',
    connectable: 'Available:',
    connectableNone: 'No other additional services on this tariff plan.',
    excludedBy: (other) => `not combinable with «${other}»`,
    connectButton: (name) => `➕ ${name}`,
    disconnectButton: (name) => `➖ ${name}`,
    confirmConnect: (name) => `Connect «${name}»?`,
    confirmDisconnect: (name) => `Disconnect «${name}»?`,
    connected1: (name) => `✅ «${name}» connected.`,
    disconnected1: (name) => `✅ «${name}» disconnected.`,
  },
  mi: {
    title: 'Mobile internet',
    intro: 'Connect or disconnect mobile internet, or change the package. One package at a time.',
    active: (name) => `Active package: ${name}`,
    activeNone: 'Active package: none',
    packages: 'Packages of your tariff plan:',
    packagesNone: 'The tariff plan has no mobile internet packages.',
    volume: (mb) => (mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024} GB` : `${mb} MB`),
    connectButton: (name) => `Connect «${name}»`,
    changeButton: (name) => `Change to «${name}»`,
    disconnectButton: (name) => `Disconnect «${name}»`,
    confirmConnect: (name) => `Connect the package «${name}»?`,
    confirmChange: (from, to) => `Change «${from}» to «${to}»?\n«${from}» will be disconnected and «${to}» connected.`,
    confirmDisconnect: (name) => `Disconnect the package «${name}»?`,
    done: '✅ Done.',
  },
  set: {
    title: 'Settings',
    intro:
      'Get the phone settings for mobile internet, MMS and streaming video. They arrive as a message in this chat.',
    kinds: { internet: 'Mobile internet', mms: 'MMS', video: 'Streaming video' },
    sent: 'Settings sent to the chat.',
  },
  pause: {
    title: 'Pause',
    intro: 'A pause suspends all mobile services for a while.',
    rules: (p) =>
      `A pause starts tomorrow (${p.startsOn}) and lasts ${p.min} to ${count('en', p.max, DAYS)} inclusive, up to the end date you choose. ` +
      `Fee: ${p.fee} once. At most ${count('en', p.perYear, PAUSES)} per calendar year; this year: ${p.used}.`,
    choose: 'Choose the length or type the end date (DD.MM.YYYY):',
    daysButton: (days) => count('en', days, DAYS),
    running: (from, to, activeFrom) =>
      `The number is paused from ${from} to ${to} inclusive. Services work again on ${activeFrom}.`,
    scheduled: (from, to) => `A pause is booked from ${from} to ${to} inclusive.`,
    endEarly: 'End the pause early',
    cancelScheduled: 'Cancel the pause',
    blocked: 'The number is blocked: a pause is not available.',
    confirm: (p) =>
      `Confirm the pause:\nStart: ${p.from}\nEnd: ${p.to} (inclusive)\nLength: ${count('en', p.days, DAYS)}\nFee: ${p.fee}\n\nAll mobile services are suspended during the pause.`,
    confirmEnd: (from, to, today) =>
      `End the pause (${from} — ${to}) early? The number becomes active today, ${today}. The fee is not refunded.`,
    started: (from, to) => `✅ Pause booked: ${from} to ${to}.`,
    ended: (today) => `✅ Pause ended: the number is active from ${today}.`,
  },
  fwd: {
    title: 'Call forwarding',
    intro: 'Set or cancel forwarding on a condition, or unconditional forwarding.',
    conditions: { unconditional: 'Unconditional', busy: 'When busy', no_reply: 'No reply', unreachable: 'Unreachable' },
    off: 'not set',
    on: (target) => `to ${target}`,
    delay: (seconds) => `after ${seconds} s`,
    overridden: 'not in force: unconditional forwarding is set',
    overrideNote: 'Unconditional forwarding applies instead of the conditional ones.',
    set: 'Set',
    change: 'Change',
    cancel: 'Cancel it',
    cancelAll: 'Cancel all',
    conditionTitle: (name) => `Forwarding «${name}»`,
    askTarget: (name) =>
      `Forwarding «${name}».\nType the number to forward calls to, in international format (e.g. +375 29 123-45-67):`,
    chooseDelay: 'How long to wait for an answer before forwarding:',
    delayButton: (seconds, chosen) => `${chosen ? '✓ ' : ''}${seconds} s`,
    confirm: (p) =>
      `Confirm call forwarding:\nCondition: ${p.condition}\nNumber: ${p.target}${p.delay ? `\nNo-reply delay: ${p.delay}` : ''}${p.previous ? `\nNow: ${p.previous}` : ''}`,
    confirmCancel: (condition, target) => `Cancel forwarding «${condition}» to ${target}?`,
    confirmCancelAll: 'Cancel all call forwarding?',
    setDone: (condition, target) => `✅ Forwarding «${condition}» set to ${target}.`,
    cancelDone: (conditions) => `✅ Cancelled: ${conditions}.`,
  },
  vm: {
    title: 'Voicemail («Plus» package)',
    intro:
      'Connect or disconnect the «Plus» voicemail package and set the e-mail address voice messages are copied to.',
    package: (name, fee) => `${name} — ${fee}`,
    connected: 'State: connected',
    disconnected: 'State: not connected',
    email: (email) => `E-mail copies to: ${email}`,
    emailNone: 'E-mail copies: not set',
    connect: 'Connect the package',
    disconnect: 'Disconnect the package',
    setEmail: 'Set e-mail',
    changeEmail: 'Change e-mail',
    cancelEmail: 'Stop e-mail copies',
    askEmail: 'Type the e-mail address voice messages should be copied to:',
    confirmConnect: (name, fee) => `Connect: ${name}\nMonthly fee: ${fee}\n\nPlease confirm.`,
    confirmDisconnect: (name) => `Disconnect: ${name}\nE-mail copies stop too.\n\nPlease confirm.`,
    confirmEmail: (email) => `Copy voice messages to ${email}?`,
    confirmCancelEmail: (email) => `Stop copying voice messages to ${email}?`,
    done: '✅ Done.',
  },
  pauseJobs: {
    notice: (phone, endsOn, activeFrom) =>
      `The pause of ${phone} ends on ${endsOn}. Mobile services work again from ${activeFrom}.`,
    finished: (phone, activeFrom) => `The pause of ${phone} is over: mobile services work again from ${activeFrom}.`,
  },
};
