// R-INV-ORDER: invoices are not served while billing forms them — days 1..N *(config)* of every
// Europe/Minsk month — and only months that have ended can be ordered.
import type { Clock } from '../clock.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { type IsoDate, monthStart } from '../time.js';

export function inBillingPeriod(clock: Clock, billingPeriodLastDay: number): boolean {
  return Number(today(clock).slice(8, 10)) <= billingPeriodLastDay;
}

/** DomainError('invoices.billingPeriod', { lastDay }) from the 1st to the N-th of a month. */
export function assertOutsideBillingPeriod(deps: Pick<DomainDeps, 'clock' | 'settings'>): void {
  const lastDay = deps.settings.billingPeriodLastDay;
  if (inBillingPeriod(deps.clock, lastDay)) throw new DomainError('invoices.billingPeriod', { lastDay });
}

/** The first day of the current Minsk month: invoices of earlier periods are closed. */
export function currentPeriod(clock: Clock): IsoDate {
  return monthStart(today(clock));
}
