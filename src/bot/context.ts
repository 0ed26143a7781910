// The context every handler gets: Telegraf's, plus the session, the signed-in identity, texts and services.
import type { Context, Scenes } from 'telegraf';
import type { Config } from '../config.js';
import type { Identity, Role } from '../domain/access/identity.js';
import type { Actor } from '../domain/actor.js';
import type { DomainDeps } from '../domain/deps.js';
import type { Notifier } from '../jobs/types.js';
import type { Logger } from '../logger.js';
import type { SupportRelay } from '../support/relay.js';
import type { Lang, Texts } from './texts/index.js';

/** The role a session works in; re-checked against the database on every update. */
export type RoleClaim =
  | { kind: 'admin'; clientId: number }
  | { kind: 'subscriber'; subscriberId: number }
  | { kind: 'support' };

export interface SceneState extends Scenes.SceneSessionData {
  state?: Record<string, unknown>;
}

export interface SessionData extends Scenes.SceneSession<SceneState> {
  role?: RoleClaim;
  /** Administrator: the subscriber chosen in «Выбор абонента». */
  subscriberId?: number;
  /** One-time confirmation nonces by purpose (R-IDEMP). */
  nonces?: Record<string, string>;
  /** For the handover context (R-HANDOVER): the last screens shown and messages typed, newest last. */
  recent?: { screens: string[]; messages: string[] };
  /** The mask of the last «Выбор абонента» search, for paging. */
  pickMask?: string;
}

/** What the composition root gives the bot. */
export interface BotServices {
  deps: DomainDeps;
  config: Config;
  notifier: Notifier;
  logger: Logger;
  /** The support group's relay, built once by the composition root; none without SUPPORT_CHAT_ID. */
  support?: SupportRelay;
  /** A confirmation nonce bound to the Telegram user it is shown to (src/bot/nonces.ts). */
  nonce(telegramId: number): string;
  /** Whether a nonce in a press was issued to that user. */
  nonceIssuedTo(nonce: string, telegramId: number): boolean;
}

export interface BotContext extends Context {
  session: SessionData;
  scene: Scenes.SceneContextScene<BotContext, SceneState>;
  services: BotServices;
  log: Logger;
  lang: Lang;
  t: Texts;
  /** Loaded from Postgres on every update (R-SCOPE). */
  identity: Identity;
  /** The session's role if the user still holds it. */
  role?: Role;
  /** The domain's view of who acts; set when a role is active. */
  actor?: Actor;
  /** Set by the dispatcher for subscriber sections after re-authorizing the id in the button. */
  subscriberId?: number;
}
