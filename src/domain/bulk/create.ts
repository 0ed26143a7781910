// «Действия с услугами по списку абонентов», step one: the list is read and every line checked — the
// common checks of list intake, then the service rules as a dry run over the whole list (nothing
// changes; the same batch facts and pure decision the worker applies with) — and stored as a draft with
// its preview.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { subscribers } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { createList } from '../lists/intake.js';
import type { CheckedLine, LineReason, ListPreview, ListSource } from '../lists/types.js';
import { adminClientId } from '../scope.js';
import { anyId, serviceById } from '../services/catalog.js';
import { decideLines, type LineSubscriber } from './decide.js';
import { BULK_ACTIONS, type BulkAction } from './types.js';

export interface CreateServiceListInput {
  serviceId: number;
  action: BulkAction;
  source: ListSource;
  chatId?: number;
  nonce?: string;
}

export async function createServiceList(
  deps: DomainDeps,
  actor: Actor,
  input: CreateServiceListInput,
): Promise<ListPreview> {
  const clientId = adminClientId(actor);
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
    extraCheck: (db, lines) => serviceReasons(db, deps, clientId, input.action, lines, service),
  });
}

type Service = NonNullable<Awaited<ReturnType<typeof serviceById>>>;

/**
 * The refusals each line would meet now (blocked, paused, tariff, exclusions, funds; not connected for a
 * disconnection): the facts of all lines read set-based, each line decided by the single change's pure
 * rules (decideLines) — a dry run, nothing is written, no rule is restated here.
 */
async function serviceReasons(
  db: Db,
  deps: DomainDeps,
  clientId: number,
  action: BulkAction,
  lines: CheckedLine[],
  service: Service,
): Promise<Map<number, LineReason>> {
  const rows = await clientSubscribersById(
    db,
    clientId,
    lines.map((l) => l.subscriberId!),
  );
  const decisions = await decideLines(db, {
    day: today(deps.clock),
    clientId,
    service,
    action,
    lines: lines.map((l) => ({ lineNo: l.lineNo, subscriber: rows.get(l.subscriberId!) })),
  });
  const reasons = new Map<number, LineReason>();
  for (const d of decisions) if (d.refusal) reasons.set(d.lineNo, { code: d.refusal.code, params: d.refusal.params });
  return reasons;
}

/** The client's live subscribers among `ids`, by id (what the apply will lock and decide on). */
async function clientSubscribersById(db: Db, clientId: number, ids: number[]): Promise<Map<number, LineSubscriber>> {
  const map = new Map<number, LineSubscriber>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .select({
        id: subscribers.id,
        clientId: subscribers.clientId,
        status: subscribers.status,
        tariffPlanId: subscribers.tariffPlanId,
        balance: subscribers.balance,
      })
      .from(subscribers)
      .where(
        and(
          anyId(subscribers.id, ids.slice(i, i + 5000)),
          eq(subscribers.clientId, clientId),
          ne(subscribers.status, 'terminated'),
        ),
      );
    for (const row of rows) map.set(row.id, row);
  }
  return map;
}
