// Every amount, limit and duration SPEC marks *(config)*, with SPEC's defaults. Rules read them from
// here (or from catalog tables), never from literals; tests build their own to probe the limits.
import type { Config } from '../config.js';

export interface Settings {
  vatPercent: number;
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
  ticketsKeepDays: 1095,
  auditKeepDays: 1825,
  detailMonths: 6,
  chargeMonths: 2,
};

export function settingsFromConfig(config: Config): Settings {
  return {
    ...defaultSettings,
    vatPercent: config.VAT_PERCENT,
    postDeliveryFee: config.POST_DELIVERY_FEE,
    pageSize: config.PAGE_SIZE,
    renameDelaySeconds:
      config.RENAME_DELAY_SECONDS ?? (config.BOT_NOW || !config.DATABASE_URL ? 60 : defaultSettings.renameDelaySeconds),
    inviteTtlHours: config.INVITE_TTL_HOURS,
    pinMessageTtlSeconds: config.PIN_MESSAGE_TTL_SECONDS,
    ticketsOpenMaxSubscriber: config.TICKETS_OPEN_MAX_SUBSCRIBER,
    ticketsOpenMaxAdmin: config.TICKETS_OPEN_MAX_ADMIN,
    ticketsKeepDays: config.TICKETS_KEEP_DAYS,
    auditKeepDays: config.AUDIT_KEEP_DAYS,
    listMaxUnzippedBytes: config.LIST_MAX_UNZIPPED_MB * 1024 * 1024,
    listMaxZipRatio: config.LIST_MAX_ZIP_RATIO,
    listParseMemoryMb: config.LIST_PARSE_MEMORY_MB,
    listParseTimeoutMs: config.LIST_PARSE_TIMEOUT_SECONDS * 1000,
  };
}
