// The service catalog as one subscriber sees it: what is connected, what the tariff plan allows
// (tariff_services), and which connected service excludes another (service_exclusions).
import { and, asc, eq, inArray, or } from 'drizzle-orm';
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
  const rows = await tx.select({ id: tariffServices.tariffPlanId }).from(tariffServices).where(eq(tariffServices.serviceId, serviceId));
  return new Set(rows.map((r) => r.id));
}

/** Services connected to each of `subscriberIds`, in catalog order (one query for a batch of a list). */
export async function connectedServicesOf(tx: Executor, subscriberIds: number[]): Promise<Map<number, ServiceRow[]>> {
  const map = new Map<number, ServiceRow[]>();
  if (subscriberIds.length === 0) return map;
  const rows = await tx
    .select({ subscriberId: subscriberServices.subscriberId, service: services })
    .from(subscriberServices)
    .innerJoin(services, eq(services.id, subscriberServices.serviceId))
    .where(inArray(subscriberServices.subscriberId, subscriberIds))
    .orderBy(asc(subscriberServices.subscriberId), asc(services.id));
  for (const r of rows) {
    const list = map.get(r.subscriberId);
    if (list) list.push(r.service);
    else map.set(r.subscriberId, [r.service]);
  }
  return map;
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
