// Who is acting, as the domain sees it. The bot builds an Actor from the signed-in role on every
// update; the domain checks scope against it (R-SCOPE) and writes it to the audit log.
export type Actor =
  | { kind: 'admin'; telegramId: number; clientId: number }
  | { kind: 'subscriber'; telegramId: number; clientId: number; subscriberId: number }
  | { kind: 'support'; telegramId: number }
  | { kind: 'system'; name: 'cli' | 'worker' }
  /** The operator's API, acting under a token's name (R-API-AUTH). */
  | { kind: 'system'; name: 'api'; tokenName: string };

export function actorTelegramId(actor: Actor): number | null {
  return actor.kind === 'system' ? null : actor.telegramId;
}
