// Builders the «Операции с услугами» tests share: exclusions, connected services, pauses, settings texts.
import type { Executor } from '../../../src/db/client.js';
import { pauses, serviceExclusions, settingsTexts, subscriberServices } from '../../../src/db/schema/index.js';

const at = new Date('2026-01-01T00:00:00Z');

export async function exclude(db: Executor, a: number, b: number) {
  await db.insert(serviceExclusions).values({ serviceAId: Math.min(a, b), serviceBId: Math.max(a, b) });
}

export async function connect(db: Executor, subscriberId: number, serviceId: number) {
  await db.insert(subscriberServices).values({ subscriberId, serviceId, connectedAt: at });
}

export async function makePause(
  db: Executor,
  subscriberId: number,
  startsOn: string,
  endsOn: string,
  over: Partial<typeof pauses.$inferInsert> = {},
) {
  const [row] = await db
    .insert(pauses)
    .values({ subscriberId, startsOn, endsOn, fee: 300, createdAt: at, ...over })
    .returning();
  return row!;
}

export async function makeSettingsTexts(db: Executor) {
  await db.insert(settingsTexts).values([
    { kind: 'video', title: 'Потоковое видео', body: 'APN: rtsp' },
    { kind: 'internet', title: 'Мобильный интернет', body: 'APN: internet' },
    { kind: 'mms', title: 'MMS', body: 'APN: mms' },
  ]);
}

let n = 0;
/** A fresh nonce per confirmation screen. */
export const nonce = () => `nonce-${Date.now().toString(36)}-${++n}`;
