// The service catalog as one subscriber sees it: what is connected, what the tariff plan allows
// (tariff_services), and which connected service excludes another (service_exclusions).
import { and, asc, type Column, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { serviceExclusions, services, subscriberServices, tariffServices } from '../../db/schema/index.js';

export type ServiceRow = typeof services.$inferSelect;
export type ServiceKind = ServiceRow['kind'];

/** A service as the screens show it (plain JSON: it may be stored as a confirmation's result). */
export interface ServiceView {
  id: number;
  code: string;
  kind: ServiceKind;
  name: string;
  description: string;
  /** Kopecks, once on connection. */
  connectFee: number;
  /** Kopecks per month. */
  monthlyFee: number;
  volumeMb: number | null;
}

export function serviceView(row: ServiceRow): ServiceView {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    name: row.name,
    description: row.description,
    connectFee: row.connectFee,
    monthlyFee: row.monthlyFee,
    volumeMb: row.volumeMb ?? null,
  };
}

export async function serviceById(tx: Executor, serviceId: number): Promise<ServiceRow | null> {
  if (!Number.isSafeInteger(serviceId) || serviceId <= 0) return null;
  const [row] = await tx.select().from(services).where(eq(services.id, serviceId));
  return row ?? null;
}

/** Services connected to the subscriber, optionally of one kind, in catalog order. */
export async function connectedServices(tx: Executor, subscriberId: number, kind?: ServiceKind): Promise<ServiceRow[]> {
  const rows = await tx
    .select({ service: services })
    .from(subscriberServices)
    .innerJoin(services, eq(services.id, subscriberServices.serviceId))
    .where(and(eq(subscriberServices.subscriberId, subscriberId), kind ? eq(services.kind, kind) : undefined))
    .orderBy(asc(services.id));
  return rows.map((r) => r.service);
}

/** Services of `kind` the tariff plan allows, in catalog order. */
export async function allowedServices(tx: Executor, tariffPlanId: number, kind: ServiceKind): Promise<ServiceRow[]> {
  const rows = await tx
    .select({ service: services })
    .from(tariffServices)
    .innerJoin(services, eq(services.id, tariffServices.serviceId))
    .where(and(eq(tariffServices.tariffPlanId, tariffPlanId), eq(services.kind, kind)))
    .orderBy(asc(services.id));
  return rows.map((r) => r.service);
}

/** The tariff plans that allow the service (a list checks many numbers against one service). */
export async function tariffsAllowing(tx: Executor, serviceId: number): Promise<Set<number>> {
  const rows = await tx
    .select({ id: tariffServices.tariffPlanId })
    .from(tariffServices)
    .where(eq(tariffServices.serviceId, serviceId));
  return new Set(rows.map((r) => r.id));
}

/** A connected service as a rule looks at it (a list reads these for thousands of subscribers). */
export type ConnectedServiceRow = Pick<ServiceRow, 'id' | 'kind' | 'name'>;

/**
 * Services connected to each of `subscriberIds`, in catalog order (one query for a batch of a list);
 * `among` keeps only those of the given ids or kind (the ones a rule can look at).
 */
export async function connectedServicesOf(
  tx: Executor,
  subscriberIds: number[],
  among?: { serviceIds: number[]; kind?: ServiceKind },
): Promise<Map<number, ConnectedServiceRow[]>> {
  const map = new Map<number, ConnectedServiceRow[]>();
  if (subscriberIds.length === 0) return map;
  const only = among
    ? or(anyId(subscriberServices.serviceId, among.serviceIds), among.kind ? eq(services.kind, among.kind) : undefined)
    : undefined;
  const rows = await tx
    .select({
      subscriberId: subscriberServices.subscriberId,
      id: services.id,
      kind: services.kind,
      name: services.name,
    })
    .from(subscriberServices)
    .innerJoin(services, eq(services.id, subscriberServices.serviceId))
    .where(and(anyId(subscriberServices.subscriberId, subscriberIds), only))
    .orderBy(asc(subscriberServices.subscriberId), asc(services.id));
  for (const { subscriberId, ...service } of rows) {
    const list = map.get(subscriberId);
    if (list) list.push(service);
    else map.set(subscriberId, [service]);
  }
  return map;
}

/**
 * SQL: `column = any('{…}'::int[])` — thousands of ids as one bind parameter (an IN list of 5 000
 * parameters costs the driver and the planner several times more).
 */
export function anyId(column: Column | SQL, ids: number[]): SQL {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`not an id: ${id}`);
  return sql`${column} = any(${`{${ids.join(',')}}`}::int[])`;
}

export async function isAllowedOnTariff(tx: Executor, tariffPlanId: number, serviceId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: tariffServices.serviceId })
    .from(tariffServices)
    .where(and(eq(tariffServices.tariffPlanId, tariffPlanId), eq(tariffServices.serviceId, serviceId)));
  return !!row;
}

/** For each of `serviceIds`, the ids of services that exclude it (pairs are stored once, a < b). */
export async function exclusionsOf(tx: Executor, serviceIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (serviceIds.length === 0) return map;
  const pairs = await tx
    .select()
    .from(serviceExclusions)
    .where(or(inArray(serviceExclusions.serviceAId, serviceIds), inArray(serviceExclusions.serviceBId, serviceIds)));
  const add = (id: number, other: number) => map.set(id, [...(map.get(id) ?? []), other]);
  for (const p of pairs) {
    if (serviceIds.includes(p.serviceAId)) add(p.serviceAId, p.serviceBId);
    if (serviceIds.includes(p.serviceBId)) add(p.serviceBId, p.serviceAId);
  }
  return map;
}
