// One relay per running app (keyed by its domain deps), created on first use from the update's
// Telegram client; none at all without SUPPORT_CHAT_ID — tickets then live in the bot only.
import type { BotContext } from '../bot/context.js';
import { SupportRelay } from './relay.js';
import { ChatThrottle } from './throttle.js';

export interface SupportSettings {
  /** Users see the staff member's first name on answers (SPEC: staff anonymous unless configured). */
  signStaff: boolean;
  pendingWaitMs: number;
  throttle: () => ChatThrottle;
}

export const supportSettings: SupportSettings = {
  signStaff: false,
  pendingWaitMs: 15_000,
  throttle: () => new ChatThrottle(),
};

/** The composition root (or a test) sets what the environment decides. */
export function configureSupport(settings: Partial<SupportSettings>): void {
  Object.assign(supportSettings, settings);
}

const relays = new WeakMap<object, SupportRelay>();

export function supportRelay(ctx: BotContext): SupportRelay | undefined {
  const chatId = ctx.services.config.SUPPORT_CHAT_ID;
  if (!chatId) return undefined;
  const key = ctx.services.deps;
  let relay = relays.get(key);
  if (!relay || relay.chatId !== chatId) {
    relay = new SupportRelay({
      telegram: ctx.telegram,
      deps: ctx.services.deps,
      chatId,
      logger: ctx.services.logger,
      throttle: supportSettings.throttle(),
      signStaff: supportSettings.signStaff,
      pendingWaitMs: supportSettings.pendingWaitMs,
    });
    relays.set(key, relay);
  }
  return relay;
}
