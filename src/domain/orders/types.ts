// R-ORDER: the order types and their payloads, as the operator receives them. Amounts are decimal strings
// in BYN, numbers `375XXXXXXXXX`; a list action adds `listId` and `line` to each line's payload.
export type ForwardingCondition = 'unconditional' | 'busy' | 'noReply' | 'unreachable';

export interface OrderPayloads {
  'number.change': { from: string; to: string; category: string };
  'number.request': { mask: string; category: string | null };
  'tariff.change': { from: string; to: string };
  'service.connect': { service: string };
  'service.disconnect': { service: string };
  'mobileInternet.change': { from: string | null; to: string | null };
  'pause.start': { from: string; to: string };
  'pause.end': { at: string };
  'forwarding.set': { condition: ForwardingCondition; target: string; delaySeconds?: number };
  'forwarding.cancel': { condition: ForwardingCondition | 'all' };
  'voicemail.connect': Record<string, never>;
  'voicemail.disconnect': Record<string, never>;
  'voicemail.email': { email: string | null };
  rename: { name: string };
  'payment.register': { document: string; date: string; amount: string };
  'billDelivery.change': { method: string; address: string | null };
}

export type OrderType = keyof OrderPayloads;

export const ORDER_TYPES = [
  'number.change',
  'number.request',
  'tariff.change',
  'service.connect',
  'service.disconnect',
  'mobileInternet.change',
  'pause.start',
  'pause.end',
  'forwarding.set',
  'forwarding.cancel',
  'voicemail.connect',
  'voicemail.disconnect',
  'voicemail.email',
  'rename',
  'payment.register',
  'billDelivery.change',
] as const satisfies readonly OrderType[];

export type OrderState = 'accepted' | 'completed' | 'rejected' | 'expired';
export const ORDER_STATES: readonly OrderState[] = ['accepted', 'completed', 'rejected', 'expired'];

export type OrderEventType = 'order.accepted' | 'order.completed' | 'order.rejected' | 'order.expired';

/** One order to record: its type and payload, the fee in kopecks, whose it is; a list line adds listId/line. */
export type OrderInput = {
  [T in OrderType]: {
    type: T;
    payload: OrderPayloads[T];
    fee?: number;
    clientId: number;
    subscriberId?: number | null;
    list?: { listId: number; line: number };
  };
}[OrderType];

/** The order as every event carries it. */
export interface OrderView {
  id: number;
  type: OrderType;
  payload: Record<string, unknown>;
  fee: string;
  client: { unp: string };
  subscriber?: { msisdn: string };
  requestedBy: { role: string; telegramId: number | null };
  state: OrderState;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  externalId: string | null;
}

export interface OrderEvent {
  id: string;
  type: OrderEventType;
  occurredAt: string;
  sequence: number;
  order: OrderView;
}

/** Kopecks as the decimal string the operator gets: 150 → "1.50". */
export function bynString(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const a = Math.abs(kopecks);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Forwarding conditions as stored (snake_case) → as sent. */
export function forwardingCondition(stored: string): ForwardingCondition {
  return stored === 'no_reply' ? 'noReply' : (stored as ForwardingCondition);
}
