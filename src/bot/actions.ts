// Actions declared once: area and name, arguments as a zod tuple of codecs (src/bot/args.ts), who may
// press (roles; subscriber-scoped or not), whether the press changes anything, and the handler. The
// button builder and the dispatcher (src/bot/sections.ts) both read the declaration, so a button cannot be
// built with arguments its handler would not accept, and every button fits Telegram's 64 bytes — checked
// once, when the action is declared, from the longest text each argument can have.
import type { z } from 'zod';
import type { Role } from '../domain/access/identity.js';
import type { Actor } from '../domain/actor.js';
import { argInfo } from './args.js';
import { cb, MAX_CALLBACK_BYTES } from './callback-data.js';
import type { BotContext } from './context.js';
import type { InlineButton } from './keyboards.js';

export type RoleKind = 'admin' | 'subscriber' | 'support';

/**
 * Whether a role may press an action that changes something. Every role may today; a read-only role
 * (a supervisor) is added here as `false` and the dispatcher refuses its changing presses.
 */
export const ROLE_MAY_CHANGE: Record<RoleKind, boolean> = { admin: true, subscriber: true, support: true };

/**
 * `public`: reachable without an active role (sign-in, role choice, logout). `role`: an active role of
 * `roles`. `subscriber`: as `role`, and the first callback argument is a subscriber id the dispatcher
 * re-authorizes (R-SCOPE) before the handler sees it.
 */
export type Scope = 'public' | 'role' | 'subscriber';

/** A press by a user in an active role: the actor is known. */
export interface RoleContext extends BotContext {
  role: Role;
  actor: Actor;
}

/** A press on a subscriber's screen: the subscriber id was re-authorized by the dispatcher. */
export interface SubscriberContext extends RoleContext {
  subscriberId: number;
}

/** True when the update comes from a user in an active role (the identity middleware set both). */
export function hasRole(ctx: BotContext): ctx is RoleContext {
  return ctx.role !== undefined && ctx.actor !== undefined;
}

export type ContextOf<S extends Scope> = S extends 'subscriber'
  ? SubscriberContext
  : S extends 'role'
    ? RoleContext
    : BotContext;

// biome-ignore lint/suspicious/noExplicitAny: any tuple of codecs; each declaration keeps its own type.
export type ArgsSchema = z.ZodTuple<any, any>;

export interface Action<S extends Scope = Scope, A extends ArgsSchema = ArgsSchema> {
  readonly area: string;
  readonly name: string;
  readonly scope: S;
  readonly roles: readonly RoleKind[];
  /** True when a press changes something (a confirmation, a request, a ticket). */
  readonly changes: boolean;
  readonly args: A;
  readonly handler: (ctx: ContextOf<S>, args: z.output<A>) => Promise<void>;
}

/** What a button of the action carries: the subscriber id first for subscriber-scoped actions. */
export type ButtonArgs<S extends Scope, A extends ArgsSchema> = S extends 'subscriber'
  ? [subscriberId: number, ...z.output<A>]
  : z.output<A>;

const ID_MAX_LENGTH = 10;

function itemsOf(schema: ArgsSchema): { items: z.ZodType[]; rest: z.ZodType | null } {
  const def = schema.def as unknown as { items: z.ZodType[]; rest: z.ZodType | null };
  return { items: def.items, rest: def.rest };
}

function maxLengthOf(schema: z.ZodType): number {
  const info = argInfo.get(schema);
  if (info) return info.maxLength;
  const inner = (schema.def as { innerType?: z.ZodType }).innerType;
  if (inner) return maxLengthOf(inner);
  throw new Error('a button argument must be one of src/bot/args.ts');
}

/** The longest callback data the action's buttons can have. */
export function maxCallbackLength(action: Pick<Action, 'area' | 'name' | 'scope' | 'args'>): number {
  const { items, rest } = itemsOf(action.args);
  if (rest) throw new Error(`${action.area}:${action.name}: button arguments are a fixed tuple`);
  const lengths = [action.area.length, action.name.length, ...items.map(maxLengthOf)];
  if (action.scope === 'subscriber') lengths.push(ID_MAX_LENGTH);
  return lengths.reduce((sum, n) => sum + n, 0) + lengths.length - 1;
}

export function declareAction<S extends Scope, A extends ArgsSchema>(action: Action<S, A>): Action<S, A> {
  if (maxCallbackLength(action) > MAX_CALLBACK_BYTES)
    throw new Error(`${action.area}:${action.name}: its buttons could exceed ${MAX_CALLBACK_BYTES} bytes`);
  return action;
}

/** Callback data for a press of `action` with typed arguments. */
export function callbackOf<S extends Scope, A extends ArgsSchema>(
  action: Action<S, A>,
  ...values: ButtonArgs<S, A>
): string {
  const list = values as unknown[];
  const [head, tail] =
    action.scope === 'subscriber' ? [[String(list[0])], list.slice(1)] : [[] as string[], list as unknown[]];
  const encoded = (action.args.encode(tail as z.output<A>) as (string | undefined)[]).filter(
    (v): v is string => v !== undefined,
  );
  return cb(action.area, action.name, ...head, ...encoded);
}

export function button<S extends Scope, A extends ArgsSchema>(
  text: string,
  action: Action<S, A>,
  ...values: ButtonArgs<S, A>
): InlineButton {
  return { text, callback_data: callbackOf(action, ...values) };
}

/** The confirmation nonces among a press's decoded arguments (their positions are declared by arg.nonce). */
export function noncesOf(action: Pick<Action, 'args'>, decoded: readonly unknown[]): string[] {
  const { items } = itemsOf(action.args);
  return items.flatMap((schema, i) => (argInfo.get(schema)?.kind === 'nonce' ? [String(decoded[i])] : []));
}

/** The typed arguments of a press, or undefined when the data is not what a button of the action carries. */
export function decodeArgs<A extends ArgsSchema>(action: Action<Scope, A>, raw: string[]): z.output<A> | undefined {
  const parsed = action.args.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A section's actions, declared against its area and scope: `const pause = actions('pause', {...});
 * export const ok = pause.action('ok', {...})`. Every action the section declares is in `all`.
 */
export function actions<S extends Scope>(area: string, scope: { scope: S; roles: readonly RoleKind[] }) {
  const all: Record<string, Action<S>> = {};
  return {
    area,
    scope: scope.scope,
    roles: scope.roles,
    all,
    action<A extends ArgsSchema>(
      name: string,
      def: {
        args: A;
        changes: boolean;
        roles?: readonly RoleKind[];
        handler: (ctx: ContextOf<S>, args: z.output<A>) => Promise<void>;
      },
    ): Action<S, A> {
      if (all[name]) throw new Error(`${area}:${name} is declared twice`);
      const declared = declareAction<S, A>({
        area,
        name,
        scope: scope.scope,
        roles: def.roles ?? scope.roles,
        changes: def.changes,
        args: def.args,
        handler: def.handler,
      });
      all[name] = declared as unknown as Action<S>;
      return declared;
    },
  };
}
