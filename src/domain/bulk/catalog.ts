// The services «Действия с услугами по списку абонентов» offers: the additional services of the catalog
// (mobile-internet packages and voicemail have their own screens).
import { and, asc, eq } from 'drizzle-orm';
import { services } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { adminClientId } from '../scope.js';

export interface BulkServiceChoice {
  id: number;
  name: string;
  connectFee: number;
  monthlyFee: number;
}

export async function bulkServiceChoices(deps: DomainDeps, actor: Actor): Promise<BulkServiceChoice[]> {
  adminClientId(actor);
  return deps.db
    .select({ id: services.id, name: services.name, connectFee: services.connectFee, monthlyFee: services.monthlyFee })
    .from(services)
    .where(eq(services.kind, 'additional'))
    .orderBy(asc(services.name));
}

/** One offered service, or DomainError('services.notFound') for an id the screens never offered. */
export async function bulkServiceChoice(deps: DomainDeps, actor: Actor, serviceId: number): Promise<BulkServiceChoice> {
  adminClientId(actor);
  if (!Number.isSafeInteger(serviceId) || serviceId <= 0) throw new DomainError('services.notFound');
  const [row] = await deps.db
    .select({ id: services.id, name: services.name, connectFee: services.connectFee, monthlyFee: services.monthlyFee })
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.kind, 'additional')));
  if (!row) throw new DomainError('services.notFound');
  return row;
}
