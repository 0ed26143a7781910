// English texts of the core (users whose Telegram language is English).
import type * as ru from '../ru/core.js';

export const core: typeof ru.core = {
  labels: {
    adminMenuTitle: 'Administrator main menu',
    subscriberMenuTitle: 'Subscriber main menu',
    clientInfo: 'Company information',
    payments: 'Payments',
    invoices: 'Invoices',
    installments: 'Installments',
    chooseSubscriber: 'Choose subscriber',
    feedback: 'Feedback',
    rename: 'Rename subscriber',
    bulkServices: 'Services for a list of subscribers',
    exit: 'Exit',
    personalInfo: 'Personal information',
    serviceOperations: 'Service operations',
    tariffChange: 'Change tariff',
    charges: 'Charges for a period',
    details: 'Call details',
    adminMenu: 'Administrator menu',
    back: '« Back',
    toMenu: 'To menu',
    prev: '‹ Back',
    next: 'Next ›',
    yes: 'Yes',
    no: 'No',
    confirm: 'Confirm',
    cancel: 'Cancel',
    contactSpecialist: 'Contact a specialist',
    inviteAdmin: 'Invite an administrator',
    unlinkTelegram: 'Unlink Telegram',
    search: 'Search',
    showAll: 'Show all',
    shareContact: '📱 Share contact',
  },
  start: {
    welcome:
      'Hello! This is Portal Bot — the self-care portal for corporate clients and subscribers.\n\n' +
      'Subscriber: press «Share contact» below to sign in with your number.\n' +
      'Company administrator: open the invite link you received from the operator or another administrator.',
    chooseRole: 'Choose how you want to work:',
    roleAdmin: (client: string) => `Administrator: ${client}`,
    roleSubscriber: (phone: string) => `Subscriber: ${phone}`,
    roleSupport: 'Support staff',
    signedInSubscriber: (phone: string) => `You are signed in as subscriber ${phone}.`,
    signedInAdmin: (client: string) => `You are signed in as an administrator of «${client}».`,
    supportHint: 'You are support staff: tickets arrive in the support group, one topic each.',
    exited: 'You are back at the start. Your account stays linked; /start to return.',
    logoutConfirm:
      'Unlink this Telegram account from every role? You will need your contact or a new invite to sign in again.',
    logoutDone: 'Done: this Telegram account is unlinked from every role.',
    logoutCancelled: 'Unlinking cancelled.',
    removeKeyboard: 'Contact received.',
    help: 'Commands:\n/start — start and choose a role\n/menu — main menu\n/support — contact a specialist\n/logout — unlink Telegram\n/help — this help',
    useButtons: 'Please use the menu buttons.',
    notSignedIn: 'Please sign in first: /start',
    inviteIssued: (link: string, hours: number) =>
      `Invite for a new administrator (single use, valid for ${hours} h):\n${link}\n\nForward the link to your colleague.`,
    unlinked: (phone: string) => `Telegram unlinked from ${phone}.`,
    unlinkNone: (phone: string) => `No Telegram account is linked to ${phone}.`,
  },
  commands: {
    start: 'Start and choose a role',
    menu: 'Main menu',
    help: 'Help',
    support: 'Contact a specialist',
    logout: 'Unlink Telegram',
  },
  /** The bot's profile (setMyDescription ≤ 512, setMyShortDescription ≤ 120 characters): read before Start. */
  profile: {
    description:
      "A mobile operator's corporate self-care portal in Telegram.\n\nSubscribers: balance, services and tariffs, call details, charges, PIN/PUK, call forwarding, pause and number change.\nClient administrators: the organisation's subscribers, invoices and payments, renames and services by list, installments.\n\nPress Start and share your contact, or sign in with an administrator's invite.",
    shortDescription:
      'Self-care portal: balance, services, invoices and call details for subscribers and administrators.',
  },
  menus: {
    admin: (client: string) => `Administrator main menu\n${client}`,
    subscriber: (phone: string, name: string) => `Subscriber main menu\n${phone} · ${name}`,
  },
  subscriberCard: {
    title: 'Personal information',
    number: 'Number',
    name: 'Full name',
    tariff: 'Tariff plan',
    balance: 'Balance',
    status: 'Status',
    cug: 'Closed user group',
    cugNone: 'not a member',
    statuses: { active: 'active', blocked: 'blocked', paused: 'paused', terminated: 'terminated' },
  },
  pick: {
    prompt:
      'Choose subscriber\n\nChoose a subscriber in one of the ways below.\n\nType a phone number with its prefix:\n' +
      'You may search with «%» for several digits and «_» for one digit.\n\nOr choose a personal account:',
    results: (mask: string, page: number) => `Subscribers${mask ? ` matching ${mask}` : ''} — page ${page}:`,
    account: (number: string, name: string) => `Account ${number} · ${name}`,
    allAccounts: 'All personal accounts',
    none: 'No subscribers found. Check the mask and try again.',
  },
  errors: {
    generic: 'Something went wrong. We are looking into it; please try again.',
    unavailable: 'The service is temporarily unavailable, please try later.',
    busy: 'Please wait, the previous action is still running.',
    tooFast: 'Too many actions, please wait a little',
    stale: 'This menu is out of date',
    forbidden: 'Access denied.',
    tooLong: 'The message is too long.',
  },
};

export const access: typeof ru.access = {
  errors: {
    forbidden: 'You have no access to this data.',
    clientSuspended:
      "The operator has suspended your company's service: you can look at the data, but changes are not available. Please contact your account manager.",
    contactNotOwn: 'Please share your own contact, with the button below.',
    contactUnknown:
      'This number is not among the subscribers. If this is a mistake, contact your company administrator.',
    contactTerminated: 'The contract for this number is terminated: signing in is not possible.',
    alreadyLinked:
      'This number is already linked to another Telegram account. Ask your company administrator to unlink it.',
    inviteUnknown: 'Invite not found. Check the link or ask for a new one.',
    inviteExpired: 'The invite has expired. Ask for a new one.',
    inviteUsed: 'This invite has already been used. Ask for a new one.',
    lockedOut: (p: { minutes?: number | string }) => `Too many wrong codes. Try again in ${p.minutes ?? 60} min.`,
    notAdmin: 'Only a company administrator can do this.',
  },
};

export const phone: typeof ru.phone = {
  errors: {
    invalid: 'Number not recognised. Type it as +375 29 123-45-67.',
    maskChars: 'A mask may contain only digits, «%» and «_».',
    maskTooLong: 'A mask has at most nine digits (the number after +375).',
    maskTooShort: 'A mask without «%» must give all nine digits; use «%» for any digits.',
  },
};

export const money: typeof ru.money = {
  errors: { invalid: 'Amount not recognised. Type, for example, 123.45.' },
};

export const fees: typeof ru.fees = {
  errors: { insufficientFunds: 'Not enough money on the balance to pay for this.' },
};
