// R-API-UPSERT for subscribers, keyed by msisdn, and R-API-EFFECT / R-RECYCLE: a terminated subscriber loses its
// Telegram link; a subscriber moved to another client takes along what points at the client; a PUT whose
// contract id differs from the stored one is a change of holder (old row ends, a new row starts).
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  bulkListLines,
  bulkLists,
  callForwarding,
  clients,
  numberHolderChanges,
  pauses,
  personalAccounts,
  renames,
  services,
  subscriberServices,
  subscribers,
  tariffPlans,
  telegramRoles,
  tickets,
  voicemailSettings,
} from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { openSimCodes, SIM_CODE_KEYS, sealSimCodes } from '../subscriber-info.js';
import type { Stored } from './clients.js';
import { checkIfMatch, decimalAmount, etagOf, sameRepresentation } from './etag.js';
import { conflict, notFound, Problems } from './problems.js';

type ForwardCondition = 'unconditional' | 'busy' | 'no_reply' | 'unreachable';

export interface SubscriberInput {
  contract: string;
  clientUnp: string;
  account: string;
  fullName: string;
  tariff: string;
  status: 'active' | 'blocked' | 'terminated';
  /** Kopecks. */
  balance: number;
  cug?: string | null;
  services?: string[];
  mobileInternet?: string | null;
  forwarding?: { condition: ForwardCondition; target: string; delaySeconds?: number }[];
  voicemail?: { connected: boolean; email?: string | null };
  simCodes?: { pin1: string; puk1: string; pin2: string; puk2: string };
}

export interface SubscriberResource {
  msisdn: string;
  contract: string | null;
  clientUnp: string;
  account: string;
  fullName: string;
  displayName: string;
  tariff: string;
  status: 'active' | 'blocked' | 'terminated';
  balance: string;
  cug: string | null;
  services: string[];
  mobileInternet: string | null;
  forwarding: { condition: string; target: string; delaySeconds: number | null }[];
  voicemail: { connected: boolean; email: string | null };
  pauses: { from: string; to: string; endedOn: string | null }[];
}

type SubscriberRow = typeof subscribers.$inferSelect;

/** The live row of a number, else its latest (terminated) one. */
async function currentRow(tx: Executor, msisdn: string, forUpdate = false): Promise<SubscriberRow | undefined> {
  const query = tx
    .select()
    .from(subscribers)
    .where(eq(subscribers.msisdn, msisdn))
    .orderBy(sql`${subscribers.status} = 'terminated'`, desc(subscribers.id))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

async function represent(tx: Executor, row: SubscriberRow): Promise<SubscriberResource> {
  const [[meta], svc, fwd, [vm], ps] = await Promise.all([
    tx
      .select({ unp: clients.unp, account: personalAccounts.number, tariff: tariffPlans.code })
      .from(clients)
      .innerJoin(personalAccounts, eq(personalAccounts.id, row.personalAccountId))
      .innerJoin(tariffPlans, eq(tariffPlans.id, row.tariffPlanId))
      .where(eq(clients.id, row.clientId)),
    tx
      .select({ code: services.code, kind: services.kind })
      .from(subscriberServices)
      .innerJoin(services, eq(services.id, subscriberServices.serviceId))
      .where(eq(subscriberServices.subscriberId, row.id))
      .orderBy(asc(services.code)),
    tx
      .select({
        condition: callForwarding.condition,
        target: callForwarding.target,
        delaySeconds: callForwarding.delaySeconds,
      })
      .from(callForwarding)
      .where(eq(callForwarding.subscriberId, row.id))
      .orderBy(asc(callForwarding.condition)),
    tx
      .select({ email: voicemailSettings.email })
      .from(voicemailSettings)
      .where(eq(voicemailSettings.subscriberId, row.id)),
    tx
      .select({ from: pauses.startsOn, to: pauses.endsOn, endedOn: pauses.endedOn })
      .from(pauses)
      .where(eq(pauses.subscriberId, row.id))
      .orderBy(asc(pauses.startsOn)),
  ]);
  return {
    msisdn: row.msisdn,
    contract: row.operatorContract,
    clientUnp: meta!.unp,
    account: meta!.account,
    fullName: row.fullName,
    displayName: row.displayName,
    tariff: meta!.tariff,
    status: row.status,
    balance: decimalAmount(row.balance),
    cug: row.cugName,
    services: svc.filter((s) => s.kind === 'additional').map((s) => s.code),
    mobileInternet: svc.find((s) => s.kind === 'mobile_internet')?.code ?? null,
    forwarding: fwd,
    voicemail: { connected: svc.some((s) => s.kind === 'voicemail'), email: vm?.email ?? null },
    pauses: ps,
  };
}

export async function getSubscriber(
  deps: DomainDeps,
  msisdn: string,
): Promise<{ resource: SubscriberResource; etag: string }> {
  const row = await currentRow(deps.db, msisdn);
  if (!row) throw notFound(`no subscriber with number ${msisdn}`);
  const resource = await represent(deps.db, row);
  return { resource, etag: etagOf(resource) };
}

interface Resolved {
  clientId: number;
  accountId: number;
  tariffId: number;
  serviceIds?: number[];
  mobileInternetId?: number | null;
  voicemailId?: number;
}

/** The operator's codes as ids; every unknown one is a 400 on its own path. */
async function resolveCodes(tx: Executor, input: SubscriberInput): Promise<Resolved> {
  const problems = new Problems();
  const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.unp, input.clientUnp));
  if (!client) problems.add('clientUnp', `no client with УНП ${input.clientUnp}`);
  const [account] = await tx
    .select({ id: personalAccounts.id, clientId: personalAccounts.clientId })
    .from(personalAccounts)
    .where(eq(personalAccounts.number, input.account));
  if (!account) problems.add('account', `no personal account ${input.account}`);
  else if (client && account.clientId !== client.id)
    problems.add('account', `account ${input.account} belongs to another client`);
  const [tariff] = await tx.select({ id: tariffPlans.id }).from(tariffPlans).where(eq(tariffPlans.code, input.tariff));
  if (!tariff) problems.add('tariff', `unknown tariff code «${input.tariff}»`);
  const codes = [...(input.services ?? []), ...(input.mobileInternet ? [input.mobileInternet] : [])];
  const catalog = codes.length
    ? await tx
        .select({ id: services.id, code: services.code, kind: services.kind })
        .from(services)
        .where(inArray(services.code, codes))
    : [];
  const byCode = new Map(catalog.map((s) => [s.code, s]));
  const serviceIds = input.services?.map((code, i) => {
    const s = byCode.get(code);
    if (!s || s.kind !== 'additional') problems.add(`services.${i}`, `unknown additional service code «${code}»`);
    return s?.id ?? 0;
  });
  let mobileInternetId: number | null | undefined = input.mobileInternet === null ? null : undefined;
  if (input.mobileInternet) {
    const s = byCode.get(input.mobileInternet);
    if (!s || s.kind !== 'mobile_internet')
      problems.add('mobileInternet', `unknown mobile-internet code «${input.mobileInternet}»`);
    mobileInternetId = s?.id ?? 0;
  }
  let voicemailId: number | undefined;
  if (input.voicemail) {
    const [vm] = await tx
      .select({ id: services.id })
      .from(services)
      .where(eq(services.kind, 'voicemail'))
      .orderBy(asc(services.id))
      .limit(1);
    if (!vm && input.voicemail.connected) problems.add('voicemail.connected', 'the catalog has no voicemail package');
    voicemailId = vm?.id;
  }
  input.forwarding?.forEach((f, i) => {
    if (f.condition === 'no_reply' && f.delaySeconds === undefined)
      problems.add(`forwarding.${i}.delaySeconds`, 'no_reply needs a delay of 5–30 s');
    if (f.condition !== 'no_reply' && f.delaySeconds !== undefined)
      problems.add(`forwarding.${i}.delaySeconds`, 'only no_reply has a delay');
  });
  const conditions = input.forwarding?.map((f) => f.condition) ?? [];
  if (new Set(conditions).size !== conditions.length) problems.add('forwarding', 'each condition at most once');
  problems.throwIfAny();
  return {
    clientId: client!.id,
    accountId: account!.id,
    tariffId: tariff!.id,
    serviceIds,
    mobileInternetId,
    voicemailId,
  };
}

function sameSimCodes(
  deps: DomainDeps,
  subscriberId: number,
  stored: string | null,
  given: SubscriberInput['simCodes'],
): boolean {
  if (!given) return true;
  if (!stored) return false;
  try {
    const codes = openSimCodes(stored, deps.secretsKey, subscriberId);
    return SIM_CODE_KEYS.every((k) => codes[k] === given[k]);
  } catch {
    return false;
  }
}

/** What the stored representation would be after the PUT (fields left out keep their stored value). */
function target(
  msisdn: string,
  input: SubscriberInput,
  before: SubscriberResource | undefined,
  holderChange: boolean,
): SubscriberResource {
  const keep = holderChange ? undefined : before;
  return {
    msisdn,
    contract: input.contract,
    clientUnp: input.clientUnp,
    account: input.account,
    fullName: input.fullName,
    // The client's own name for the number (R-RENAME) stays while the holder and client do.
    displayName: keep && keep.clientUnp === input.clientUnp ? keep.displayName : input.fullName.slice(0, 64),
    tariff: input.tariff,
    status: input.status,
    balance: decimalAmount(input.balance),
    cug: input.cug ?? null,
    services: input.services ? [...new Set(input.services)].sort() : (keep?.services ?? []),
    mobileInternet: input.mobileInternet !== undefined ? input.mobileInternet : (keep?.mobileInternet ?? null),
    forwarding: input.forwarding
      ? input.forwarding
          .map((f) => ({
            condition: f.condition,
            target: f.target.replace(/^\+/, ''),
            delaySeconds: f.delaySeconds ?? null,
          }))
          .sort((a, b) => (a.condition < b.condition ? -1 : 1))
      : (keep?.forwarding ?? []),
    voicemail: input.voicemail
      ? { connected: input.voicemail.connected, email: input.voicemail.email ?? null }
      : (keep?.voicemail ?? { connected: false, email: null }),
    pauses: keep?.pauses ?? [],
  };
}

/** Removes the number's Telegram link (R-API-EFFECT, R-RECYCLE); the count removed. */
async function unlinkTelegram(tx: Executor, subscriberId: number): Promise<number> {
  const removed = await tx
    .delete(telegramRoles)
    .where(and(eq(telegramRoles.role, 'subscriber'), eq(telegramRoles.subscriberId, subscriberId)))
    .returning({ id: telegramRoles.id });
  return removed.length;
}

/** R-API-EFFECT: a subscriber moved to another client takes along what points at the client. */
async function moveToClient(tx: Executor, subscriberId: number, fromClientId: number, toClientId: number, at: Date) {
  await tx
    .update(telegramRoles)
    .set({ clientId: toClientId })
    .where(and(eq(telegramRoles.role, 'subscriber'), eq(telegramRoles.subscriberId, subscriberId)));
  await tx
    .update(tickets)
    .set({ clientId: toClientId, updatedAt: at })
    .where(
      and(eq(tickets.subscriberId, subscriberId), eq(tickets.clientId, fromClientId), ne(tickets.status, 'closed')),
    );
  await tx
    .update(renames)
    .set({ clientId: toClientId })
    .where(and(eq(renames.subscriberId, subscriberId), eq(renames.status, 'pending')));
  // A pending line of the old client's list no longer names one of its numbers: it is refused, not applied.
  const oldLists = tx.select({ id: bulkLists.id }).from(bulkLists).where(eq(bulkLists.clientId, fromClientId));
  await tx
    .update(bulkListLines)
    .set({ status: 'refused', reason: 'lists.notThisClient', processedAt: at })
    .where(
      and(
        eq(bulkListLines.subscriberId, subscriberId),
        eq(bulkListLines.status, 'pending'),
        inArray(bulkListLines.listId, oldLists),
      ),
    );
}

async function writeServices(tx: Executor, subscriberId: number, resolved: Resolved, input: SubscriberInput, at: Date) {
  const kinds: ('additional' | 'mobile_internet' | 'voicemail')[] = [];
  const ids: number[] = [];
  if (resolved.serviceIds) {
    kinds.push('additional');
    ids.push(...new Set(resolved.serviceIds));
  }
  if (resolved.mobileInternetId !== undefined) {
    kinds.push('mobile_internet');
    if (resolved.mobileInternetId !== null) ids.push(resolved.mobileInternetId);
  }
  if (input.voicemail && resolved.voicemailId !== undefined) {
    kinds.push('voicemail');
    if (input.voicemail.connected) ids.push(resolved.voicemailId);
  }
  if (kinds.length === 0) return;
  const ofKinds = tx.select({ id: services.id }).from(services).where(inArray(services.kind, kinds));
  const kept = ids.length ? ids : [0];
  await tx
    .delete(subscriberServices)
    .where(
      and(
        eq(subscriberServices.subscriberId, subscriberId),
        inArray(subscriberServices.serviceId, ofKinds),
        sql`${subscriberServices.serviceId} not in ${kept}`,
      ),
    );
  if (ids.length) {
    await tx
      .insert(subscriberServices)
      .values(ids.map((serviceId) => ({ subscriberId, serviceId, connectedAt: at })))
      .onConflictDoNothing();
  }
}

export async function putSubscriber(
  deps: DomainDeps,
  actor: Actor,
  msisdn: string,
  input: SubscriberInput,
  ifMatch?: string,
): Promise<Stored<SubscriberResource> & { holderChange: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const resolved = await resolveCodes(tx, input);
    const row = await currentRow(tx, msisdn, true);
    const before = row ? await represent(tx, row) : undefined;
    checkIfMatch(ifMatch, before);
    // R-RECYCLE: another contract id than the stored one is another holder; a row made in the bot (no
    // contract yet) is adopted by its first PUT.
    const holderChange = !!row && row.operatorContract !== null && row.operatorContract !== input.contract;
    const after = target(msisdn, input, before, holderChange);
    if (
      before &&
      !holderChange &&
      sameRepresentation(before, after) &&
      sameSimCodes(deps, row!.id, row!.simCodesEncrypted, input.simCodes)
    ) {
      return { resource: before, etag: etagOf(before), changed: false, created: false, holderChange: false };
    }
    const effects: Record<string, unknown> = {};
    const values = {
      clientId: resolved.clientId,
      personalAccountId: resolved.accountId,
      msisdn,
      fullName: after.fullName,
      displayName: after.displayName,
      tariffPlanId: resolved.tariffId,
      balance: input.balance,
      status: after.status,
      cugName: after.cug,
      operatorContract: input.contract,
    };
    let subscriberId: number;
    if (!row || holderChange) {
      if (row && holderChange) {
        if (row.status !== 'terminated') {
          await tx.update(subscribers).set({ status: 'terminated' }).where(eq(subscribers.id, row.id));
        }
        effects.telegramLinksRemoved = await unlinkTelegram(tx, row.id);
      }
      if (after.status === 'terminated' && holderChange) {
        // A new holder recorded as already terminated: keep the row for history, never live.
      }
      [{ id: subscriberId }] = (await tx
        .insert(subscribers)
        .values({ ...values, createdAt: now })
        .returning({ id: subscribers.id })) as [{ id: number }];
      if (row && holderChange) {
        await tx.insert(numberHolderChanges).values({
          msisdn,
          previousSubscriberId: row.id,
          previousContract: row.operatorContract,
          nextSubscriberId: subscriberId,
          nextContract: input.contract,
          source: 'operator',
          changedAt: now,
        });
        effects.holderChange = { previousContract: row.operatorContract, nextContract: input.contract };
      }
    } else {
      subscriberId = row.id;
      if (row.status === 'terminated' && after.status !== 'terminated') {
        const [live] = await tx
          .select({ id: subscribers.id })
          .from(subscribers)
          .where(and(eq(subscribers.msisdn, msisdn), ne(subscribers.status, 'terminated')));
        if (live) throw conflict(`number ${msisdn} is held by another live subscriber`);
      }
      if (row.clientId !== resolved.clientId && row.status !== 'terminated') {
        await moveToClient(tx, row.id, row.clientId, resolved.clientId, now);
        effects.movedFromClientId = row.clientId;
      }
      await tx.update(subscribers).set(values).where(eq(subscribers.id, row.id));
    }
    // Sealed once the row's id is known: each ciphertext is bound to its subscriber.
    if (input.simCodes)
      await tx
        .update(subscribers)
        .set({ simCodesEncrypted: sealSimCodes(input.simCodes, deps.secretsKey, subscriberId) })
        .where(eq(subscribers.id, subscriberId));
    if (after.status === 'terminated') effects.telegramLinksRemoved = await unlinkTelegram(tx, subscriberId);
    await writeServices(tx, subscriberId, resolved, input, now);
    if (input.forwarding) {
      await tx.delete(callForwarding).where(eq(callForwarding.subscriberId, subscriberId));
      if (after.forwarding.length) {
        await tx.insert(callForwarding).values(
          after.forwarding.map((f) => ({
            subscriberId,
            condition: f.condition as ForwardCondition,
            target: f.target,
            delaySeconds: f.delaySeconds,
            updatedAt: now,
          })),
        );
      }
    }
    if (input.voicemail) {
      await tx
        .insert(voicemailSettings)
        .values({ subscriberId, email: after.voicemail.email, updatedAt: now })
        .onConflictDoUpdate({
          target: voicemailSettings.subscriberId,
          set: { email: after.voicemail.email, updatedAt: now },
        });
    }
    const stored = await represent(
      tx,
      (await tx.select().from(subscribers).where(eq(subscribers.id, subscriberId)))[0]!,
    );
    await audit(tx, actor, now, {
      action: holderChange ? 'api.subscriberHolderChanged' : 'api.subscriberPut',
      clientId: resolved.clientId,
      subscriberId,
      before: before ?? null,
      after: { ...stored, ...(input.simCodes ? { simCodes: 'written' } : {}), ...effects },
    });
    return { resource: stored, etag: etagOf(stored), changed: true, created: !row || holderChange, holderChange };
  });
}

/** The live subscriber of a number, locked, for the small writes (balance, pauses). */
async function liveRow(tx: Executor, msisdn: string): Promise<SubscriberRow> {
  const [row] = await tx
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.msisdn, msisdn), ne(subscribers.status, 'terminated')))
    .for('update');
  if (!row) throw notFound(`no live subscriber with number ${msisdn}`);
  return row;
}

async function smallWrite(
  deps: DomainDeps,
  actor: Actor,
  msisdn: string,
  ifMatch: string | undefined,
  action: string,
  write: (tx: Executor, row: SubscriberRow, before: SubscriberResource) => Promise<boolean>,
): Promise<Stored<SubscriberResource>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await liveRow(tx, msisdn);
    const before = await represent(tx, row);
    checkIfMatch(ifMatch, before);
    if (!(await write(tx, row, before)))
      return { resource: before, etag: etagOf(before), changed: false, created: false };
    const after = await represent(tx, (await tx.select().from(subscribers).where(eq(subscribers.id, row.id)))[0]!);
    if (sameRepresentation(before, after))
      return { resource: before, etag: etagOf(before), changed: false, created: false };
    await audit(tx, actor, now, { action, clientId: row.clientId, subscriberId: row.id, before, after });
    return { resource: after, etag: etagOf(after), changed: true, created: false };
  });
}

export function putBalance(deps: DomainDeps, actor: Actor, msisdn: string, balance: number, ifMatch?: string) {
  return smallWrite(deps, actor, msisdn, ifMatch, 'api.balancePut', async (tx, row) => {
    if (row.balance === balance) return false;
    await tx.update(subscribers).set({ balance }).where(eq(subscribers.id, row.id));
    return true;
  });
}

/** R-PAUSE written by the operator: a window from `from` to `to` (inclusive), no fee. */
export function putPause(deps: DomainDeps, actor: Actor, msisdn: string, from: string, to: string, ifMatch?: string) {
  if (to < from) {
    const p = new Problems();
    p.add('to', 'the pause ends on or after its first day');
    p.throwIfAny();
  }
  return smallWrite(deps, actor, msisdn, ifMatch, 'api.pausePut', async (tx, row) => {
    const [existing] = await tx
      .select()
      .from(pauses)
      .where(and(eq(pauses.subscriberId, row.id), eq(pauses.startsOn, from)));
    if (existing) {
      if (existing.endsOn === to && existing.endedOn === null) return false;
      await tx.update(pauses).set({ endsOn: to, endedOn: null }).where(eq(pauses.id, existing.id));
      return true;
    }
    const [overlap] = await tx
      .select({ id: pauses.id })
      .from(pauses)
      .where(
        and(
          eq(pauses.subscriberId, row.id),
          isNull(pauses.endedOn),
          sql`${pauses.startsOn} <= ${to}`,
          sql`${pauses.endsOn} >= ${from}`,
        ),
      );
    if (overlap) throw conflict('the pause overlaps another pause of this subscriber');
    await tx
      .insert(pauses)
      .values({ subscriberId: row.id, startsOn: from, endsOn: to, fee: 0, createdAt: deps.clock.now() });
    return true;
  });
}

export function deletePause(deps: DomainDeps, actor: Actor, msisdn: string, from: string, ifMatch?: string) {
  return smallWrite(deps, actor, msisdn, ifMatch, 'api.pauseDeleted', async (tx, row) => {
    const removed = await tx
      .delete(pauses)
      .where(and(eq(pauses.subscriberId, row.id), eq(pauses.startsOn, from)))
      .returning({ id: pauses.id });
    if (removed.length === 0) throw notFound(`no pause of ${msisdn} from ${from}`);
    return true;
  });
}
