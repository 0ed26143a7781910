// R-VM «Голосовая почта (пакет «Плюс»)»: connect or disconnect the package (a service of kind 'voicemail',
// its fees from the catalog) and set or cancel the e-mail voice messages are duplicated to. The e-mail
// exists only while the package is connected: setting it needs the package, and disconnecting the
// package drops it (services.ts).
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { services, voicemailSettings } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { subscriberInScope } from '../scope.js';
import { connectedServices, type ServiceRow, type ServiceView, serviceView } from './catalog.js';
import { type Confirmed, confirmationKey, runConfirmed } from './confirm.js';
import { connectService, disconnectService, serviceChangePreview } from './services.js';
import { recordOrder } from '../orders/record.js';

export interface VoicemailState {
  subscriberId: number;
  msisdn: string;
  package: ServiceView;
  connected: boolean;
  email: string | null;
}

/** The catalog's voicemail package («Плюс»); the first of its kind if there were several. */
async function voicemailPackage(tx: Executor): Promise<ServiceRow> {
  const [row] = await tx
    .select()
    .from(services)
    .where(eq(services.kind, 'voicemail'))
    .orderBy(asc(services.id))
    .limit(1);
  if (!row) throw new DomainError('services.vmUnavailable');
  return row;
}

async function emailOf(tx: Executor, subscriberId: number): Promise<string | null> {
  const [row] = await tx
    .select({ email: voicemailSettings.email })
    .from(voicemailSettings)
    .where(eq(voicemailSettings.subscriberId, subscriberId));
  return row?.email ?? null;
}

export async function voicemailState(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<VoicemailState> {
  const subscriber = await subscriberInScope(deps.db, actor, subscriberId);
  const pkg = await voicemailPackage(deps.db);
  const connected = (await connectedServices(deps.db, subscriber.id, 'voicemail')).some((s) => s.id === pkg.id);
  return {
    subscriberId: subscriber.id,
    msisdn: subscriber.msisdn,
    package: serviceView(pkg),
    connected,
    email: connected ? await emailOf(deps.db, subscriber.id) : null,
  };
}

/** The confirmation screen of a connection or disconnection (refusals surface here first). */
export async function voicemailPreview(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; action: 'connect' | 'disconnect' },
) {
  const pkg = await voicemailPackage(deps.db);
  return serviceChangePreview(deps, actor, {
    subscriberId: input.subscriberId,
    serviceId: pkg.id,
    action: input.action,
  });
}

export async function connectVoicemail(deps: DomainDeps, actor: Actor, input: { subscriberId: number; nonce: string }) {
  const pkg = await voicemailPackage(deps.db);
  return connectService(deps, actor, { subscriberId: input.subscriberId, serviceId: pkg.id, nonce: input.nonce });
}

export async function disconnectVoicemail(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; nonce: string },
) {
  const pkg = await voicemailPackage(deps.db);
  return disconnectService(deps, actor, { subscriberId: input.subscriberId, serviceId: pkg.id, nonce: input.nonce });
}

const EMAIL_MAX = 254;
// A pragmatic address check: one @, a dotted domain of letters/digits/hyphens, a letter TLD; no spaces.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;

/** A typed e-mail trimmed, its domain lower-cased; DomainError('services.vmInvalidEmail') otherwise. */
export function normalizeEmail(input: string): string {
  const s = input.trim();
  if (s.length > EMAIL_MAX || !EMAIL.test(s) || s.split('@')[0]!.length > 64 || /\.\./.test(s))
    throw new DomainError('services.vmInvalidEmail');
  const at = s.lastIndexOf('@');
  return s.slice(0, at) + s.slice(at).toLowerCase();
}

async function requireConnected(tx: Executor, subscriberId: number): Promise<void> {
  const pkg = await voicemailPackage(tx);
  const connected = (await connectedServices(tx, subscriberId, 'voicemail')).some((s) => s.id === pkg.id);
  if (!connected) throw new DomainError('services.vmNotConnected', { service: pkg.name });
}

/** Sets (or replaces) the duplicate e-mail; only while the package is connected. */
export async function setVoicemailEmail(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; email: string; nonce: string },
): Promise<Confirmed<{ email: string; previous: string | null }>> {
  const email = normalizeEmail(input.email);
  return runConfirmed(deps, confirmationKey('vm', input.subscriberId, input.nonce), async (tx, now) => {
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    await requireConnected(tx, subscriber.id);
    const previous = await emailOf(tx, subscriber.id);
    await tx
      .insert(voicemailSettings)
      .values({ subscriberId: subscriber.id, email, updatedAt: now })
      .onConflictDoUpdate({ target: voicemailSettings.subscriberId, set: { email, updatedAt: now } });
    await audit(tx, actor, now, {
      action: 'voicemail.email.set',
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
      before: { email: previous },
      after: { email },
    });
    await recordOrder(tx, actor, now, {
      type: 'voicemail.email',
      payload: { email },
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
    });
    return { email, previous };
  });
}

export async function cancelVoicemailEmail(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; nonce: string },
): Promise<Confirmed<{ previous: string }>> {
  return runConfirmed(deps, confirmationKey('vm', input.subscriberId, input.nonce), async (tx, now) => {
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    const previous = await emailOf(tx, subscriber.id);
    if (!previous) throw new DomainError('services.vmNoEmail');
    await tx.delete(voicemailSettings).where(eq(voicemailSettings.subscriberId, subscriber.id));
    await audit(tx, actor, now, {
      action: 'voicemail.email.cancel',
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
      before: { email: previous },
      after: { email: null },
    });
    await recordOrder(tx, actor, now, {
      type: 'voicemail.email',
      payload: { email: null },
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
    });
    return { previous };
  });
}
