// Calendar arithmetic in Europe/Minsk (UTC+3, no DST since 2011), on plain 'YYYY-MM-DD' strings (R-TZ).
export const MINSK_OFFSET_MS = 3 * 60 * 60 * 1000;

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

/** The Europe/Minsk calendar date of an instant. */
export function minskDate(at: Date): IsoDate {
  return new Date(at.getTime() + MINSK_OFFSET_MS).toISOString().slice(0, 10);
}

/** Hours, minutes etc. of an instant as seen in Minsk. */
export function minskParts(at: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const d = new Date(at.getTime() + MINSK_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** The instant a Minsk calendar day starts. */
export function startOfMinskDay(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - MINSK_OFFSET_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** First day of the month containing `date`. */
export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** Last day of the month containing `date`. */
export function monthEnd(date: IsoDate): IsoDate {
  return addDays(addMonths(monthStart(date), 1), -1);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function isValidIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}
