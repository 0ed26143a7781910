// Every amount, limit and duration SPEC marks *(config)*, with SPEC's defaults. Rules read them from
// here (or from catalog tables), never from literals; tests build their own to probe the limits.
import type { Config } from '../config.js';

/** The operator as an invoice's supplier: whom the client pays, and into which account. */
export interface Supplier {
  name: string;
  unp: string;
  address: string;
  iban: string;
  bankName: string;
  bic: string;
}

/** The demo operator (fictitious requisites) for an invoice outside production when SUPPLIER_* are unset. */
export const demoSupplier: Supplier = {
  name: 'СООО «Демо Мобайл»',
  unp: '100000001',
  address: '220030, г. Минск, ул. Демонстрационная, 1',
  iban: 'BY20DEMO30120000000000000001',
  bankName: 'ОАО «Демо Банк»',
  bic: 'DEMOBY2X',
};

export interface Settings {
  vatPercent: number;
  /** The invoice's supplier block (SUPPLIER_*). */
  supplier: Supplier;
  /** Day of the month after the billed one by which an invoice is due (INVOICE_DUE_DAY). */
  invoiceDueDay: number;
  /** R-PAY-REG: how old a registered payment may be. */
  paymentMaxAgeDays: number;
  /** R-INV-ORDER: days 1..N of a month are the billing period. */
  billingPeriodLastDay: number;
  /** R-INV-DELIVERY: kopecks per month for delivery by post. */
  postDeliveryFee: number;
  pageSize: number;
  /** R-RENAME */
  renameDelaySeconds: number;
  renameBlackoutDays: number;
  nameMaxLength: number;
  /** R-AUTH-ADM */
  inviteTtlHours: number;
  inviteMaxFailures: number;
  inviteFailureWindowMinutes: number;
  inviteLockoutMinutes: number;
  /** R-SUB-INFO */
  pinMessageTtlSeconds: number;
  /** R-NUM-* */
  numberAttemptsPerDay: number;
  numberOffers: number;
  numberReservationMinutes: number;
  numberQuarantineDays: number;
  /** R-PAUSE */
  pauseMinDays: number;
  pauseMaxDays: number;
  pausesPerYear: number;
  pauseFee: number;
  /** R-FWD */
  forwardDelays: readonly number[];
  forwardDefaultDelay: number;
  /** R-TARIFF: kopecks. */
  tariffChangeFee: number;
  /** R-BULK / R-RENAME lists */
  listMaxLines: number;
  listMaxBytes: number;
  /** Finding 1 of issue 22: an XLSX's zip directory and parse bounds. */
  listMaxUnzippedBytes: number;
  listMaxZipRatio: number;
  listMaxZipEntries: number;
  listParseMemoryMb: number;
  listParseTimeoutMs: number;
  /** R-TICKET: open requests per user as a subscriber and as an administrator. */
  ticketsOpenMaxSubscriber: number;
  ticketsOpenMaxAdmin: number;
  /** Finding 3 of issue 22: invoice documents a client may have waiting to be rendered at once. */
  pendingDocumentsMax: number;
  /** Finding 6 of issue 22: what is kept, and for how long (days). */
  ticketsKeepDays: number;
  auditKeepDays: number;
  /** R-DETAIL: previous months offered besides the current period. */
  detailMonths: number;
  /** R-CHARGES: previous months shown besides the current one. */
  chargeMonths: number;
}

export const defaultSettings: Settings = {
  vatPercent: 20,
  supplier: demoSupplier,
  invoiceDueDay: 25,
  paymentMaxAgeDays: 30,
  billingPeriodLastDay: 3,
  postDeliveryFee: 510,
  pageSize: 10,
  renameDelaySeconds: 24 * 60 * 60,
  renameBlackoutDays: 2,
  nameMaxLength: 64,
  inviteTtlHours: 24,
  inviteMaxFailures: 5,
  inviteFailureWindowMinutes: 10,
  inviteLockoutMinutes: 60,
  pinMessageTtlSeconds: 60,
  numberAttemptsPerDay: 5,
  numberOffers: 10,
  numberReservationMinutes: 15,
  numberQuarantineDays: 90,
  pauseMinDays: 7,
  pauseMaxDays: 90,
  pausesPerYear: 2,
  pauseFee: 300,
  forwardDelays: [5, 10, 15, 20, 25, 30],
  forwardDefaultDelay: 20,
  tariffChangeFee: 330,
  listMaxLines: 10_000,
  listMaxBytes: 5 * 1024 * 1024,
  listMaxUnzippedBytes: 64 * 1024 * 1024,
  listMaxZipRatio: 100,
  listMaxZipEntries: 200,
  listParseMemoryMb: 128,
  listParseTimeoutMs: 15_000,
  ticketsOpenMaxSubscriber: 5,
  ticketsOpenMaxAdmin: 20,
  pendingDocumentsMax: 5,
  ticketsKeepDays: 1095,
  auditKeepDays: 1825,
  detailMonths: 6,
  chargeMonths: 2,
};

export function settingsFromConfig(config: Config): Settings {
  return {
    ...defaultSettings,
    vatPercent: config.VAT_PERCENT,
    supplier: supplierFromConfig(config),
    invoiceDueDay: config.INVOICE_DUE_DAY,
    postDeliveryFee: config.POST_DELIVERY_FEE,
    pageSize: config.PAGE_SIZE,
    renameDelaySeconds:
      config.RENAME_DELAY_SECONDS ?? (config.BOT_NOW || !config.DATABASE_URL ? 60 : defaultSettings.renameDelaySeconds),
    inviteTtlHours: config.INVITE_TTL_HOURS,
    pinMessageTtlSeconds: config.PIN_MESSAGE_TTL_SECONDS,
    ticketsOpenMaxSubscriber: config.TICKETS_OPEN_MAX_SUBSCRIBER,
    ticketsOpenMaxAdmin: config.TICKETS_OPEN_MAX_ADMIN,
    pendingDocumentsMax: config.PENDING_DOCUMENTS_MAX,
    ticketsKeepDays: config.TICKETS_KEEP_DAYS,
    auditKeepDays: config.AUDIT_KEEP_DAYS,
    listMaxUnzippedBytes: config.LIST_MAX_UNZIPPED_MB * 1024 * 1024,
    listMaxZipRatio: config.LIST_MAX_ZIP_RATIO,
    listParseMemoryMb: config.LIST_PARSE_MEMORY_MB,
    listParseTimeoutMs: config.LIST_PARSE_TIMEOUT_SECONDS * 1000,
  };
}

/** SUPPLIER_* where set (all are, in production: the configuration refuses otherwise), the demo's elsewhere. */
function supplierFromConfig(config: Config): Supplier {
  return {
    name: config.SUPPLIER_NAME ?? demoSupplier.name,
    unp: config.SUPPLIER_UNP ?? demoSupplier.unp,
    address: config.SUPPLIER_ADDRESS ?? demoSupplier.address,
    iban: config.SUPPLIER_IBAN ?? demoSupplier.iban,
    bankName: config.SUPPLIER_BANK ?? demoSupplier.bankName,
    bic: config.SUPPLIER_BIC ?? demoSupplier.bic,
  };
}
