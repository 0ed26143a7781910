// «Действия с услугами по списку абонентов», step one: the list is read and every line checked — the
// common checks of list intake, then the service rules as a dry run (nothing changes) — and stored as
// a draft with its preview.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { subscriberServices, subscribers } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { DomainError, isDomainError } from '../errors.js';
import { createList } from '../lists/intake.js';
import type { CheckedLine, LineReason, ListPreview, ListSource } from '../lists/types.js';
import { adminClientId } from '../scope.js';
import { serviceById } from '../services/catalog.js';
import { assertAffordable } from '../services/funds.js';
import { assertConnectable } from '../services/services.js';
import { BULK_ACTIONS, type BulkAction } from './types.js';

export interface CreateServiceListInput {
  serviceId: number;
  action: BulkAction;
  source: ListSource;
  chatId?: number;
  nonce?: string;
}

export async function createServiceList(deps: DomainDeps, actor: Actor, input: CreateServiceListInput): Promise<ListPreview> {
  adminClientId(actor);
  if (!BULK_ACTIONS.includes(input.action)) throw new DomainError('bulk.badAction');
  const service = await serviceById(deps.db, input.serviceId);
  if (!service) throw new DomainError('services.notFound');
  return createList(deps, actor, {
    kind: 'service',
    source: input.source,
    serviceId: service.id,
    action: input.action,
    chatId: input.chatId,
    nonce: input.nonce,
    extraCheck: (tx, lines) => (input.action === 'connect' ? connectReasons(tx, deps, lines, service) : disconnectReasons(tx, lines, service)),
  });
}

type Service = NonNullable<Awaited<ReturnType<typeof serviceById>>>;

/** Lines checked at once: the dry run's reads spread over the connection pool (PGlite just queues them). */
const PREVIEW_CONCURRENCY = 6;

/**
 * The R-SVC refusals each line would meet now (blocked, paused, tariff, exclusions, funds): the
 * services area's own checks as a dry run, read only — no rule is restated here.
 */
async function connectReasons(db: Db, deps: DomainDeps, lines: CheckedLine[], service: Service): Promise<Map<number, LineReason>> {
  const reasons = new Map<number, LineReason>();
  const rows = await subscribersById(db, lines);
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const line = lines[next++]!;
      const subscriber = rows.get(line.subscriberId!);
      if (!subscriber) continue;
      try {
        await assertConnectable(db, deps, subscriber, service);
        await assertAffordable(db, subscriber, service.connectFee);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        reasons.set(line.lineNo, { code: error.code, params: error.params });
      }
    }
  };
  await Promise.all(Array.from({ length: PREVIEW_CONCURRENCY }, worker));
  return reasons;
}

/** A service that is not connected cannot be disconnected. */
async function disconnectReasons(tx: Db, lines: CheckedLine[], service: Service): Promise<Map<number, LineReason>> {
  const reasons = new Map<number, LineReason>();
  const ids = lines.map((l) => l.subscriberId!);
  const connected = new Set<number>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx
      .select({ id: subscriberServices.subscriberId })
      .from(subscriberServices)
      .where(and(eq(subscriberServices.serviceId, service.id), inArray(subscriberServices.subscriberId, ids.slice(i, i + 5000))));
    for (const r of rows) connected.add(r.id);
  }
  for (const line of lines) {
    if (!connected.has(line.subscriberId!)) reasons.set(line.lineNo, { code: 'services.notConnected', params: { service: service.name } });
  }
  return reasons;
}

async function subscribersById(tx: Db, lines: CheckedLine[]) {
  const ids = lines.map((l) => l.subscriberId!);
  const map = new Map<number, typeof subscribers.$inferSelect>();
  for (let i = 0; i < ids.length; i += 5000) {
    for (const row of await tx.select().from(subscribers).where(inArray(subscribers.id, ids.slice(i, i + 5000)))) map.set(row.id, row);
  }
  return map;
}
