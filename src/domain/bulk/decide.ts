// R-BULK: the lines of a service list decided a batch at a time — the facts of every subscriber read in a
// few set-based queries (src/domain/services/connect-facts.ts), then each line decided by the same pure
// rules as a single change (src/domain/services/connect-rules.ts). Read only: the preview uses it as a
// dry run, the worker inside the transaction that then writes the lines it allows.
import type { Executor } from '../../db/client.js';
import { balanceFloor } from '../fees.js';
import type { SubscriberRow } from '../scope.js';
import type { ServiceRow } from '../services/catalog.js';
import { connectedAmong, connectFactsOf, serviceRuleContext } from '../services/connect-facts.js';
import { type ConnectFacts, decideConnect, decideDisconnect, type Refusal } from '../services/connect-rules.js';
import type { IsoDate } from '../time.js';
import type { BulkAction } from './types.js';

export type LineSubscriber = Pick<SubscriberRow, 'id' | 'clientId' | 'status' | 'tariffPlanId' | 'balance'>;

/** One line to decide: its subscriber as loaded in the list's scope, or undefined (not this client's any more). */
export interface LineSubject {
  lineNo: number;
  subscriber: LineSubscriber | undefined;
}

export interface LineDecision {
  lineNo: number;
  subscriberId: number | null;
  refusal: Refusal | null;
  /** Kopecks to debit for an allowed connection (0 otherwise). */
  fee: number;
}

/** A line whose subscriber is gone from the client (R-SCOPE): what the single change's access.forbidden means here. */
export const NOT_THIS_CLIENT: Refusal = { code: 'lists.notThisClient', params: {} };

/**
 * Decides every line in line order. The service's rules are checked against the facts as they stand
 * after the earlier lines of the same batch (a number twice in one batch cannot be connected twice).
 */
export async function decideLines(
  ex: Executor,
  input: { day: IsoDate; clientId: number; service: ServiceRow; action: BulkAction; lines: LineSubject[] },
): Promise<LineDecision[]> {
  const { service, lines } = input;
  const subscribers = uniqueSubscribers(lines);
  if (input.action === 'disconnect') {
    const connected = await connectedAmong(
      ex,
      service.id,
      subscribers.map((s) => s.id),
    );
    return lines.map(({ lineNo, subscriber }) => {
      if (!subscriber) return { lineNo, subscriberId: null, refusal: NOT_THIS_CLIENT, fee: 0 };
      const refusal = decideDisconnect(service, connected.has(subscriber.id));
      if (!refusal) connected.delete(subscriber.id);
      return { lineNo, subscriberId: subscriber.id, refusal, fee: 0 };
    });
  }
  const context = await serviceRuleContext(ex, service);
  const floor = service.connectFee > 0 && subscribers.length > 0 ? await balanceFloor(ex, input.clientId) : 0;
  const facts = await connectFactsOf(ex, input.day, subscribers, context);
  const balances = new Map(subscribers.map((s) => [s.id, s.balance]));
  return lines.map(({ lineNo, subscriber }) => {
    if (!subscriber) return { lineNo, subscriberId: null, refusal: NOT_THIS_CLIENT, fee: 0 };
    const f = facts.get(subscriber.id) as ConnectFacts;
    const balance = balances.get(subscriber.id)!;
    const refusal = decideConnect(service, { ...f, balance, floor });
    if (refusal) return { lineNo, subscriberId: subscriber.id, refusal, fee: 0 };
    f.connected = [...f.connected, service];
    balances.set(subscriber.id, balance - service.connectFee);
    return { lineNo, subscriberId: subscriber.id, refusal: null, fee: service.connectFee };
  });
}

function uniqueSubscribers(lines: LineSubject[]): LineSubscriber[] {
  const byId = new Map<number, LineSubscriber>();
  for (const l of lines) if (l.subscriber) byId.set(l.subscriber.id, l.subscriber);
  return [...byId.values()];
}
