// A portal section as the bot sees it, and the one dispatcher for every button press. Callback data is
// untrusted: the dispatcher parses it, finds the declared action (src/bot/actions.ts), checks the role
// may press it (and may change something, if it does), re-authorizes the subscriber id a subscriber
// action carries, and decodes the typed arguments, before any handler runs.
import type { MiddlewareFn, Scenes } from 'telegraf';
import { z } from 'zod';
import { subscriberInScope } from '../domain/scope.js';
import {
  type Action,
  type ContextOf,
  decodeArgs,
  noncesOf,
  ROLE_MAY_CHANGE,
  type RoleKind,
  type Scope,
} from './actions.js';
import { idArg, parseCallback } from './callback-data.js';
import type { BotContext } from './context.js';
import { answerOnce } from './render.js';

export type { RoleKind };

export interface Section {
  /** Short id used as the first part of callback data (`area:action:args`). */
  area: string;
  /** Roles whose session may press this section's buttons. */
  roles: readonly RoleKind[];
  /** Reachable without an active role (sign-in, role choice, logout). */
  public?: boolean;
  /** Every action's first callback argument is the subscriber id, re-authorized by the dispatcher (R-SCOPE). */
  subscriberScoped?: boolean;
  actions: Record<string, Action>;
  /** Typed input while the user is on this section's screens; entered silently on a press. */
  scene?: Scenes.BaseScene<BotContext>;
  /** Slash commands this section answers (without the slash). */
  commands?: Record<string, (ctx: BotContext) => Promise<void>>;
  /** Runs before the scenes on every update (e.g. support-group relays); must call next() to pass on. */
  middleware?: MiddlewareFn<BotContext>;
}

/** A section from its declared actions (`actions(area, scope)` in src/bot/actions.ts) and its form. */
export function section<S extends Scope>(
  declared: { area: string; scope: S; roles: readonly RoleKind[]; all: Record<string, Action<S>> },
  extra: Pick<Section, 'scene' | 'commands' | 'middleware'> = {},
): Section {
  return {
    area: declared.area,
    roles: declared.roles,
    ...(declared.scope === 'public' ? { public: true } : {}),
    ...(declared.scope === 'subscriber' ? { subscriberScoped: true } : {}),
    actions: declared.all as unknown as Record<string, Action>,
    ...extra,
  };
}

export type ActionHandler = (ctx: BotContext, args: string[]) => Promise<void>;

/**
 * A section still written with string arguments (until it is declared with typed actions): its
 * handlers get the raw arguments, and every action counts as changing something.
 */
export function legacySection(old: Omit<Section, 'actions'> & { actions: Record<string, ActionHandler> }): Section {
  const scope: Scope = old.public ? 'public' : old.subscriberScoped ? 'subscriber' : 'role';
  const actions: Record<string, Action> = {};
  for (const [name, handler] of Object.entries(old.actions)) {
    actions[name] = {
      area: old.area,
      name,
      scope,
      roles: old.roles,
      changes: true,
      args: z.tuple([]).rest(z.string()),
      handler: handler as Action['handler'],
    };
  }
  return { ...old, actions };
}

/** A button from an old message, a restarted bot or an expired session. */
export class StaleButtonError extends Error {
  constructor(reason = 'stale') {
    super(reason);
    this.name = 'StaleButtonError';
  }
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
    if (!parsed) throw new StaleButtonError('malformed data');
    const section = byArea.get(parsed.area);
    const action =
      section && Object.hasOwn(section.actions, parsed.action) ? section.actions[parsed.action] : undefined;
    if (!section || !action) throw new StaleButtonError('unknown route');
    if (action.scope !== 'public') {
      if (!ctx.role || !ctx.actor || !action.roles.includes(ctx.role.kind))
        throw new StaleButtonError('role not active');
      // A read-only role may look but not change (ROLE_MAY_CHANGE).
      if (action.changes && !ROLE_MAY_CHANGE[ctx.role.kind]) throw new StaleButtonError('role may not change');
    }
    let raw = parsed.args;
    if (action.scope === 'subscriber') {
      const id = idArg(raw[0]);
      if (id === undefined || !ctx.role || !ctx.actor) throw new StaleButtonError('no subscriber id');
      await subscriberInScope(ctx.services.deps.db, ctx.actor, id);
      ctx.subscriberId = id;
      if (ctx.role.kind === 'admin') ctx.session.subscriberId = id;
      raw = raw.slice(1);
    }
    const args = decodeArgs(action, raw);
    if (args === undefined) throw new StaleButtonError('bad arguments');
    // A confirmation nonce must be one this bot issued to this user (finding 3 of issue 22).
    const from = ctx.from?.id;
    for (const nonce of noncesOf(action, args as unknown[]))
      if (from === undefined || !ctx.services.nonceIssuedTo(nonce, from))
        throw new StaleButtonError('nonce not issued');
    const current = ctx.scene.current?.id;
    if (section.scene && current !== section.scene.id) await ctx.scene.enter(section.scene.id, {}, true);
    else if (!section.scene && current) await ctx.scene.leave();
    await action.handler(ctx as ContextOf<Scope> as never, args);
    await answerOnce(ctx);
  };
}
