// R-SETTINGS «Настройки»: the Mobile Internet, MMS and streaming-video settings texts (APN and
// parameters) from the catalog table settings_texts, in the portal's order.
import { eq } from 'drizzle-orm';
import { settingsTexts } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { subscriberInScope } from '../scope.js';

export const SETTINGS_KINDS = ['internet', 'mms', 'video'] as const;
export type SettingsKind = (typeof SETTINGS_KINDS)[number];

export interface SettingsText {
  kind: SettingsKind;
  title: string;
  body: string;
}

export function isSettingsKind(value: string): value is SettingsKind {
  return (SETTINGS_KINDS as readonly string[]).includes(value);
}

/** The texts there are, internet → MMS → video. The actor must reach the subscriber whose menu this is. */
export async function listSettingsTexts(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<SettingsText[]> {
  await subscriberInScope(deps.db, actor, subscriberId);
  const rows = await deps.db.select().from(settingsTexts);
  return SETTINGS_KINDS.flatMap((kind) => rows.filter((r) => r.kind === kind));
}

/** One settings text, or DomainError('services.settingsNotFound') when the catalog has none of that kind. */
export async function settingsText(
  deps: DomainDeps,
  actor: Actor,
  subscriberId: number,
  kind: string,
): Promise<SettingsText> {
  await subscriberInScope(deps.db, actor, subscriberId);
  if (!isSettingsKind(kind)) throw new DomainError('services.settingsNotFound');
  const [row] = await deps.db.select().from(settingsTexts).where(eq(settingsTexts.kind, kind));
  if (!row) throw new DomainError('services.settingsNotFound');
  return row;
}
