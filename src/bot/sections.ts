// A portal section as the bot sees it, and the one dispatcher for every button press. Callback data is
// untrusted: the dispatcher parses it, checks the role may reach the section, and re-authorizes the
// subscriber id a subscriber section carries, before any handler runs.
import type { MiddlewareFn, Scenes } from 'telegraf';
import { subscriberInScope } from '../domain/scope.js';
import { idArg, parseCallback } from './callback-data.js';
import type { BotContext } from './context.js';
import { answerOnce } from './render.js';

export type RoleKind = 'admin' | 'subscriber' | 'support';
export type ActionHandler = (ctx: BotContext, args: string[]) => Promise<void>;

export interface Section {
  /** Short id used as the first part of callback data (`area:action:args`). */
  area: string;
  /** Roles whose session may press this section's buttons. */
  roles: RoleKind[];
  /** Reachable without an active role (sign-in, role choice, logout). */
  public?: boolean;
  /**
   * The first callback argument is the subscriber id. The dispatcher re-authorizes it (R-SCOPE), sets
   * `ctx.subscriberId`, remembers it as the administrator's chosen subscriber, and passes the remaining
   * arguments to the handler.
   */
  subscriberScoped?: boolean;
  actions: Record<string, ActionHandler>;
  /** Typed input while the user is on this section's screens; entered silently on a press. */
  scene?: Scenes.BaseScene<BotContext>;
  /** Slash commands this section answers (without the slash). */
  commands?: Record<string, (ctx: BotContext) => Promise<void>>;
  /** Runs before the scenes on every update (e.g. support-group relays); must call next() to pass on. */
  middleware?: MiddlewareFn<BotContext>;
}

/** A button from an old message, a restarted bot or an expired session. */
export class StaleButtonError extends Error {
  constructor(reason = 'stale') {
    super(reason);
    this.name = 'StaleButtonError';
  }
}

/** A section whose own issue is still open: its buttons answer «Раздел в разработке». */
export function sectionInDevelopment(area: string, roles: RoleKind[], subscriberScoped = false): Section {
  const handler: ActionHandler = async (ctx) => answerOnce(ctx, ctx.t.core.menus.inDevelopment, true);
  return {
    area,
    roles,
    subscriberScoped,
    actions: new Proxy({} as Record<string, ActionHandler>, { get: () => handler }),
  };
}

export function sectionsByArea(sections: Section[]): Map<string, Section> {
  const map = new Map<string, Section>();
  for (const s of sections) {
    if (map.has(s.area)) throw new Error(`two sections use the area ${s.area}`);
    map.set(s.area, s);
  }
  return map;
}

export function dispatcher(sections: Section[]): MiddlewareFn<BotContext> {
  const byArea = sectionsByArea(sections);
  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (!query) return next();
    if (!('data' in query)) throw new StaleButtonError('no data');
    const parsed = parseCallback(query.data);
    const section = parsed ? byArea.get(parsed.area) : undefined;
    const handler = parsed && section ? section.actions[parsed.action] : undefined;
    if (!parsed) throw new StaleButtonError('malformed data');
    if (!section || !handler) throw new StaleButtonError('unknown route');
    if (!section.public && (!ctx.role || !section.roles.includes(ctx.role.kind)))
      throw new StaleButtonError('role not active');
    let args = parsed.args;
    if (section.subscriberScoped) {
      if (!ctx.role || !ctx.actor) throw new StaleButtonError('role not active');
      const id = idArg(args[0]);
      if (id === undefined) throw new StaleButtonError('no subscriber id');
      await subscriberInScope(ctx.services.deps.db, ctx.actor!, id);
      ctx.subscriberId = id;
      if (ctx.role.kind === 'admin') ctx.session.subscriberId = id;
      args = args.slice(1);
    }
    const current = ctx.scene.current?.id;
    if (section.scene && current !== section.scene.id) await ctx.scene.enter(section.scene.id, {}, true);
    else if (!section.scene && current) await ctx.scene.leave();
    await handler(ctx, args);
    await answerOnce(ctx);
  };
}
