// Telegraf wiring in the order of ARCHITECTURE.md: logger → language → error boundary → (my_chat_member:
// blocked / back, and stop) → chat filter →
// de-duplication → per-chat ordering → session → identity → section middleware → Stage (commands,
// the dispatcher, the current scene) → fallback.
import type { Redis } from 'ioredis';
import { type MiddlewareFn, Scenes, session, Telegraf, type Telegram } from 'telegraf';
import { createSessionStore, dedupeUpdates, perChatOrdering } from '../session/index.js';
import { chatMemberUpdates } from './chat-member.js';
import type { BotContext, BotServices, SessionData } from './context.js';
import { errorBoundary, type ShowHome } from './middleware/error-boundary.js';
import { identityMiddleware, languageMiddleware } from './middleware/identity.js';
import { updateLogger } from './middleware/logger.js';
import { answerRateLimited } from './middleware/rate-limited.js';
import { typedInputBoundary } from './middleware/typed-input.js';
import { answerOnce, remember } from './render.js';
import { dispatcher, type Section } from './sections.js';

export interface CreateBotOptions {
  token: string;
  apiRoot?: string;
  services: BotServices;
  sections: Section[];
  showHome: ShowHome;
  redis?: Redis;
  redisPrefix?: string;
  /** Chat id of the support group (forum supergroup); other groups and channels are ignored. */
  supportChatId?: number;
  /** Counts and times every update (src/metrics/middleware.ts); runs just inside the error boundary. */
  metrics?: MiddlewareFn<BotContext>;
  /** The outgoing-call policy (src/telegram/policy.ts): Telegraf gives each update its own Telegram client. */
  apiPolicy?: (telegram: Telegram) => void;
}

/** Private chats and the support group go on; other groups, channels and updates without a sender stop here. */
function chatFilter(supportChatId: number | undefined): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot) return undefined;
    const type = ctx.chat?.type;
    if (type === undefined || type === 'private') return next();
    if (supportChatId !== undefined && ctx.chat?.id === supportChatId) return next();
    return undefined;
  };
}

export function createBot(options: CreateBotOptions): Telegraf<BotContext> {
  const { services, sections } = options;
  const prefix = options.redisPrefix ?? 'portal:';
  const bot = new Telegraf<BotContext>(options.token, {
    telegram: { apiRoot: options.apiRoot ?? 'https://api.telegram.org', webhookReply: false },
    handlerTimeout: 60_000,
  });
  if (!options.redis) services.logger.warn('REDIS_URL is not set: sessions live in this process only');

  bot.use((ctx, next) => {
    ctx.services = services;
    options.apiPolicy?.(ctx.telegram);
    return next();
  });
  bot.use(updateLogger());
  bot.use(languageMiddleware());
  bot.use(errorBoundary(options.showHome));
  if (options.metrics) bot.use(options.metrics);
  bot.use(chatMemberUpdates());
  bot.use(chatFilter(options.supportChatId));
  bot.use(typedInputBoundary());
  // With Redis the chat lock's script claims the update_id too (one round trip per update instead of two,
  // the same keys); every update reaching here has a sender, so the lock sees each one. In memory the
  // record drops a redelivery to this process before it queues for its chat.
  const claimUpdates = options.redis ? { prefix: `${prefix}update:`, ttlSeconds: 86_400 } : undefined;
  bot.use(dedupeUpdates({ prefix: `${prefix}update:`, logger: services.logger }));
  bot.use(
    perChatOrdering({
      redis: options.redis,
      prefix: `${prefix}lock:`,
      lockTtlMs: 90_000,
      waitMs: 15_000,
      logger: services.logger,
      claimUpdates,
      // Finding 4 of issue 22: a token bucket per Telegram user, taken by the lock (before session and identity).
      rateLimit: {
        capacity: services.config.RATE_LIMIT_UPDATES,
        windowMs: services.config.RATE_LIMIT_WINDOW_SECONDS * 1000,
        prefix: `${prefix}rate:`,
        onLimited: answerRateLimited,
      },
    }),
  );
  bot.use(
    session<SessionData, BotContext, 'session'>({
      store: createSessionStore<SessionData>({ redis: options.redis, prefix: `${prefix}session:` }),
      defaultSession: () => ({}),
      getSessionKey: (ctx) => (ctx.from && ctx.chat ? `${ctx.chat.id}:${ctx.from.id}` : undefined),
    }),
  );
  bot.use(identityMiddleware());
  for (const s of sections) if (s.middleware) bot.use(s.middleware);

  const stage = new Scenes.Stage<BotContext>(sections.flatMap((s) => (s.scene ? [s.scene] : [])));
  for (const s of sections) {
    for (const [name, handler] of Object.entries(s.commands ?? {})) {
      stage.command(name, async (ctx) => {
        if (ctx.chat?.type !== 'private') return;
        await handler(ctx);
      });
    }
  }
  stage.use(dispatcher(sections));
  bot.use(stage.middleware());

  // Nothing handled it: typed text outside any form is answered with the current menu.
  bot.on('message', async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    if ('text' in ctx.message) remember(ctx, 'messages', ctx.message.text);
    if (!ctx.role && !ctx.identity?.roles.length) return options.showHome(ctx);
    await ctx.reply(ctx.t.core.start.useButtons);
    // In the middle of a form (a sticker, a voice message…) the form stays: its screen is still above.
    if (ctx.scene?.current) return;
    await options.showHome(ctx);
  });
  bot.on('callback_query', (ctx) => answerOnce(ctx));
  return bot;
}

export async function registerCommands(
  bot: Telegraf<BotContext>,
  texts: { ru: Record<string, string>; en: Record<string, string> },
): Promise<void> {
  const list = (t: Record<string, string>) =>
    ['start', 'menu', 'support', 'help', 'logout'].map((c) => ({ command: c, description: t[c] ?? c }));
  await bot.telegram.setMyCommands(list(texts.ru));
  await bot.telegram.setMyCommands(list(texts.en), { language_code: 'en' });
}
