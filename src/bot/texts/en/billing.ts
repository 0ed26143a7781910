// English texts of the client's «Персональная информация», «Платежи», «Счета», «Информация по рассрочке».
import type * as ru from '../ru/billing.js';
import { count, en } from '../plural.js';

const DAYS = en('day', 'days');
const CHARS = en('character', 'characters');

export const billing: typeof ru.billing = {
  clientInfo: {
    title: 'Company information',
    name: 'Client',
    unp: 'UNP',
    okpo: 'OKPO',
    legalAddress: 'Legal address',
    bankAccounts: 'Bank accounts',
    bankAccount: (iban, bank, bic) => `• ${iban}\n   ${bank}, BIC ${bic}`,
    noBankAccounts: 'none',
    delivery: 'Bill delivery',
    deliveryAddress: 'Bill delivery address',
    balance: 'Balance',
    status: 'Status',
    statuses: { active: 'active', suspended: 'suspended', closed: 'closed' },
    paymentForm: 'Payment form',
    paymentForms: { advance: 'advance payment', credit: 'credit' },
    creditLimit: 'Credit limit',
    contract: (number, date) => `Contract No. ${number} of ${date}`,
    changeDelivery: 'Change bill delivery',
  },
  delivery: {
    methods: { email: 'e-mail', post: 'post', portal: 'portal only' },
    title: (method, address) =>
      `Bill delivery\n\nNow: ${method}${address ? `\nAddress: ${address}` : ''}\n\nChoose the new delivery method:`,
    email: 'E-mail',
    post: (fee) => `Post (${fee}/month)`,
    portal: 'Portal only',
    askEmail: 'Type the e-mail address for bills:',
    askPost: (fee) =>
      `Type the postal address for bills (postcode, city, street, building, recipient).\nDelivery by post costs ${fee} a month.`,
    changed: (method, address) => `Done: bills are delivered by ${method}${address ? `, address: ${address}` : ''}.`,
    postFee: (fee) => `Delivery by post costs ${fee} a month.`,
  },
  payments: {
    title: 'Payments',
    empty: 'No payments yet.',
    line: (date, amount, doc, status) => `${date} · ${amount}\n   No. ${doc} · ${status}`,
    statuses: { unconfirmed: 'unconfirmed', confirmed: 'confirmed' },
    register: 'Register an unconfirmed payment',
    askDocument: 'Registering an unconfirmed payment\n\nStep 1 of 3. Type the payment document number:',
    askDate: (doc) =>
      `Document number: ${doc}\n\nStep 2 of 3. Payment date: press «Today» or «Yesterday», or type it as DD.MM.YYYY.`,
    today: 'Today',
    yesterday: 'Yesterday',
    askAmount: (doc, date) => `Document number: ${doc}\nDate: ${date}\n\nStep 3 of 3. Type the amount, e.g. 123.45:`,
    confirm: (doc, date, amount) =>
      `Check the payment:\n\nDocument number: ${doc}\nDate: ${date}\nAmount: ${amount}\n\nRegister it as unconfirmed?`,
    saved: (doc) => `Payment No. ${doc} is registered as «unconfirmed». It becomes «confirmed» once billing checks it.`,
  },
  invoices: {
    title: 'Invoices',
    closedMonths: 'Invoices of closed months:',
    empty: 'No invoices of closed months yet.',
    billingPeriodNote: (lastDay) =>
      `From the 1st to the ${lastDay}th of a month invoices are being issued: ordering is unavailable on those days.`,
    deliveryNow: (method, address) => `Bill delivery: ${method}${address ? ` (${address})` : ''}`,
    row: (period, amount, paid) => `${period} · ${amount} · ${paid ? 'paid' : 'unpaid'}`,
    card: (number, period, amount, vat, paid) =>
      `Invoice No. ${number}\nPeriod: ${period}\nAmount: ${amount}\nincl. VAT: ${vat}\nStatus: ${paid ? 'paid' : 'unpaid'}\n\nHow would you like to get it?`,
    toDeliveryEmail: (email) => `To ${email}`,
    toOtherEmail: 'To another e-mail',
    download: 'Download',
    changeDelivery: 'Change bill delivery',
    askEmail: 'Type the e-mail address to send the invoice to:',
    downloadOrdered: 'The invoice is being prepared — the PDF arrives in this chat in a few seconds.',
    emailOrdered: (email) => `The invoice is being prepared and will be sent to ${email}.`,
    emailQueued: (email) =>
      `The mail with the invoice to ${email} is queued: sending mail is not configured right now; it goes out as soon as it is.`,
  },
  installments: {
    title: 'Installments',
    titleFor: (phone) => `Installments\n${phone}`,
    empty: 'No equipment bought in installments.',
    item: (n, item, phone) => `${n}. ${item}${phone ? ` (${phone})` : ''}`,
    remaining: (left, total) => `Payments left: ${left} of ${total}`,
    monthly: (amount) => `Monthly payment: ${amount}`,
    payoff: (date) => `Paid off by: ${date}`,
    remainingSum: (amount) => `Left to pay: ${amount}`,
    totals: (remaining, monthly) => `Total left: ${remaining}\nTotal per month: ${monthly}`,
  },
  errors: {},
};

export const payments: typeof ru.payments = {
  errors: {
    invalidDocument: (p) =>
      `Document number not recognised: 1 to ${p.max ?? 32} letters, digits, «-» and «/». Type it again.`,
    invalidDate: 'Date not recognised. Type it as DD.MM.YYYY or press «Today» / «Yesterday».',
    futureDate: 'A payment date cannot be in the future. Type another date.',
    tooOld: (p) => `A payment older than ${count('en', p.days, DAYS)} cannot be registered. Type another date.`,
    invalidAmount: 'The amount must be above zero. Type, e.g., 123.45.',
    duplicateDocument: (p) =>
      `A payment with document number ${p.documentNumber ?? ''} is already registered. It cannot be registered again.`,
    clientNotFound: 'Client not found.',
    notFound: 'Payment not found.',
  },
};

export const invoices: typeof ru.invoices = {
  errors: {
    billingPeriod: (p) =>
      `Invoices cannot be ordered from the 1st to the ${p.lastDay ?? 3}rd of each month while bills are being issued. Please try later.`,
    notClosed: 'The current month’s invoice is not issued yet: only invoices of closed months can be ordered.',
    invalidEmail: 'E-mail address not recognised. Type an address like name@example.by.',
    emailRequired: 'No e-mail address is set. Type one.',
    invalidDelivery: 'This delivery method is not available.',
    addressRequired: 'Type the postal address.',
    tooManyPending: (p) =>
      `${p.pending} invoice(s) are being prepared already: wait for them, then order the next one.`,
    invalidAddress: (p) => `A postal address has ${p.min} to ${count('en', p.max, CHARS)}. Type it again.`,
  },
};
