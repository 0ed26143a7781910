// R-BULK: the writes of a decided batch, set-based — one INSERT of connections (or one DELETE of them),
// the connection fees by ./fees.ts, one INSERT of audit rows — inside the transaction that also marks the
// lines. A line the decision allowed but a write finds changed (the fee no longer covered, the service
// already gone) gets the refusal the single change would have thrown.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { subscriberServices, voicemailSettings } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { anyId, type ServiceRow } from '../services/catalog.js';
import { decideDisconnect, insufficientFunds } from '../services/connect-rules.js';
import { connectFeeDescription } from '../services/services.js';
import { auditMany } from './audit-rows.js';
import type { LineDecision } from './decide.js';
import { chargeFeesOf } from './fees.js';
import type { BulkAction } from './types.js';
import { recordOrders } from '../orders/record.js';
import { serviceOrder } from '../orders/service-orders.js';

export interface BatchToWrite {
  listId: number;
  clientId: number;
  service: ServiceRow;
  action: BulkAction;
  decisions: LineDecision[];
}

/** Writes the allowed lines; returns every line with its final refusal (null: applied). */
export async function writeServiceLines(
  tx: Executor,
  deps: Pick<DomainDeps, 'clock'>,
  actor: Actor,
  batch: BatchToWrite,
): Promise<LineDecision[]> {
  const { service } = batch;
  const now = deps.clock.now();
  const allowed = batch.decisions.filter((d) => d.refusal === null && d.subscriberId !== null);
  const final = new Map<number, LineDecision>(batch.decisions.map((d) => [d.lineNo, d]));
  if (batch.action === 'connect') {
    const paying = allowed.filter((d) => d.fee > 0);
    const charged = await chargeFeesOf(
      tx,
      deps,
      batch.clientId,
      paying.map((d) => ({
        subscriberId: d.subscriberId!,
        amount: d.fee,
        description: connectFeeDescription(service),
      })),
    );
    // Only if a balance moved since it was read (it is locked, so never in practice): chargeFee's refusal.
    for (const d of paying) {
      if (!charged.has(d.subscriberId!)) final.set(d.lineNo, { ...d, fee: 0, refusal: insufficientFunds(d.fee) });
    }
    const connecting = allowed.filter((d) => final.get(d.lineNo)!.refusal === null);
    if (connecting.length > 0) {
      await tx
        .insert(subscriberServices)
        .values(connecting.map((d) => ({ subscriberId: d.subscriberId!, serviceId: service.id, connectedAt: now })));
    }
  } else if (allowed.length > 0) {
    const ids = allowed.map((d) => d.subscriberId!);
    const removed = new Set(
      (
        await tx
          .delete(subscriberServices)
          .where(and(eq(subscriberServices.serviceId, service.id), anyId(subscriberServices.subscriberId, ids)))
          .returning({ id: subscriberServices.subscriberId })
      ).map((r) => r.id),
    );
    for (const d of allowed)
      if (!removed.has(d.subscriberId!)) final.set(d.lineNo, { ...d, refusal: decideDisconnect(service, false) });
    // R-VM keeps the duplicate e-mail only while the package is connected.
    if (service.kind === 'voicemail' && removed.size > 0)
      await tx.delete(voicemailSettings).where(anyId(voicemailSettings.subscriberId, [...removed]));
  }
  const applied = [...final.values()].filter((d) => d.refusal === null && d.subscriberId !== null);
  await auditMany(
    tx,
    actor,
    now,
    applied.map((d) => ({
      action: batch.action === 'connect' ? 'services.connect' : 'services.disconnect',
      clientId: batch.clientId,
      subscriberId: d.subscriberId,
      before: batch.action === 'disconnect' ? { serviceId: service.id } : null,
      after: { serviceId: service.id, fee: d.fee, listId: batch.listId, lineNo: d.lineNo },
    })),
  );
  await recordOrders(
    tx,
    actor,
    now,
    applied.map((d) =>
      serviceOrder(service, batch.action, {
        clientId: batch.clientId,
        subscriberId: d.subscriberId!,
        fee: d.fee,
        list: { listId: batch.listId, line: d.lineNo },
      }),
    ),
  );
  return batch.decisions.map((d) => final.get(d.lineNo)!);
}
