// R-DETAIL exports: a period's records as display cells, shared by the CSV and XLSX documents so both
// files show the same columns, labels and totals.
import { date as formatDate } from '../bot/format.js';
import type { DetailPeriod, DetailRecord, DetailTotal, UsageKind } from '../domain/details.js';
import { formatPhone } from '../domain/phone.js';

export type DocLang = 'ru' | 'en';

export interface DetailsDocument {
  msisdn: string;
  period: DetailPeriod;
  records: DetailRecord[];
  totals: DetailTotal[];
  lang: DocLang;
}

const labels = {
  ru: {
    title: 'Детализация звонков и SMS',
    columns: ['Дата', 'Время', 'Тип', 'Номер', 'Длительность / количество', 'Стоимость, руб.'],
    total: 'Итого',
    kinds: {
      call_out: 'Исходящий звонок',
      call_in: 'Входящий звонок',
      sms_out: 'Исходящее SMS',
      sms_in: 'Входящее SMS',
    },
  },
  en: {
    title: 'Calls and SMS',
    columns: ['Date', 'Time', 'Type', 'Number', 'Duration / count', 'Cost, BYN'],
    total: 'Total',
    kinds: { call_out: 'Outgoing call', call_in: 'Incoming call', sms_out: 'Outgoing SMS', sms_in: 'Incoming SMS' },
  },
} satisfies Record<DocLang, { title: string; columns: string[]; total: string; kinds: Record<UsageKind, string> }>;

export function detailLabels(lang: DocLang) {
  return labels[lang];
}

export const isCall = (kind: UsageKind) => kind === 'call_out' || kind === 'call_in';

/** Seconds → 'M:SS' or 'H:MM:SS'. */
export function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Kopecks → '12,34' (no currency: the column header names it). */
export function plainMoney(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const a = Math.abs(kopecks);
  return `${sign}${Math.floor(a / 100)},${String(a % 100).padStart(2, '0')}`;
}

/** A national number as `+375 29 123-45-67`, another international one as `+370…`, a short number as it is. */
export function otherParty(raw: string): string {
  if (/^375\d{9}$/.test(raw)) return formatPhone(raw);
  return /^[1-9]\d{9,14}$/.test(raw) ? `+${raw}` : raw;
}

export function quantityCell(kind: UsageKind, quantity: number): string {
  return isCall(kind) ? duration(quantity) : String(quantity);
}

export interface DetailRow {
  date: string;
  time: string;
  type: string;
  number: string;
  quantity: string;
  cost: number;
}

export function detailRows(doc: DetailsDocument): DetailRow[] {
  const l = labels[doc.lang];
  return doc.records.map((r) => ({
    date: formatDate(r.date),
    time: r.time,
    type: l.kinds[r.kind],
    number: otherParty(r.otherParty),
    quantity: quantityCell(r.kind, r.quantity),
    cost: r.cost,
  }));
}

/** One total row per kind, then the grand total. */
export function totalRows(doc: DetailsDocument): DetailRow[] {
  const l = labels[doc.lang];
  const rows = doc.totals.map((t) => ({
    date: l.total,
    time: '',
    type: l.kinds[t.kind],
    number: String(t.records),
    quantity: quantityCell(t.kind, t.quantity),
    cost: t.cost,
  }));
  rows.push({
    date: l.total,
    time: '',
    type: '',
    number: String(doc.totals.reduce((s, t) => s + t.records, 0)),
    quantity: '',
    cost: doc.totals.reduce((s, t) => s + t.cost, 0),
  });
  return rows;
}

/** `detail_375291000001_2026-11.csv`. */
export function detailFilename(doc: Pick<DetailsDocument, 'msisdn' | 'period'>, ext: 'csv' | 'xlsx'): string {
  return `detail_${doc.msisdn}_${doc.period.key}.${ext}`;
}
