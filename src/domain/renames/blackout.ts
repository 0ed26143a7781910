// R-RENAME: no renames on the last N calendar days of a month (Europe/Minsk); then only by written
// application, which the bot offers to send as a feedback ticket.
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { addDays, addMonths, daysBetween, minskDate, monthEnd, monthStart } from '../time.js';

/** True on the last `blackoutDays` days of the Minsk month containing `now`. */
export function inRenameBlackout(now: Date, blackoutDays: number): boolean {
  const day = minskDate(now);
  return daysBetween(day, monthEnd(day)) < blackoutDays;
}

/** Throws DomainError('renames.blackout', { days, from, until }) during the blackout. */
export function assertRenameAllowed(deps: Pick<DomainDeps, 'clock' | 'settings'>): void {
  const now = deps.clock.now();
  const days = deps.settings.renameBlackoutDays;
  if (!inRenameBlackout(now, days)) return;
  const day = minskDate(now);
  throw new DomainError('renames.blackout', {
    days,
    from: addDays(monthEnd(day), 1 - days),
    until: addMonths(monthStart(day), 1),
  });
}
