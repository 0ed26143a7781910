// A section's typed form: one Telegraf scene per section, declared one way. Slash commands pass on to
// the bot; typed text reaches the form as `TypedText`, read through the typed-input boundary into one of
// the form's declared fields (src/bot/middleware/typed-input.ts). The form's state (step and typed values)
// lives in the scene's state, in the session: one typed getter and a setter that replaces the whole form,
// so no field of an old step lingers.
import { Scenes } from 'telegraf';
import type { Message } from 'telegraf/types';
import { hasRole, type RoleContext } from './actions.js';
import type { BotContext } from './context.js';
import { type FormField, fieldText } from './middleware/typed-input.js';

export interface SceneForm<T extends object> {
  get(ctx: BotContext): T;
  set(ctx: BotContext, next?: T): void;
}

export function sceneForm<T extends object>(): SceneForm<T> {
  return {
    get: (ctx) => ctx.scene.state as T,
    set: (ctx, next = {} as T) => {
      ctx.scene.state = next as Record<string, unknown>;
    },
  };
}

/** What the user typed, to be read into one of the form's fields. */
export interface TypedText {
  /** The text as it arrived (for a decision about which field it is, e.g. a mask or a list). */
  readonly raw: string;
  read(into: FormField): string;
}

/** What the form takes from a user in the section's role (a role dropped meanwhile passes the update on). */
export interface FormHandlers {
  /** Typed text (not a command); `false` passes it on (the form is not waiting for text). */
  text?: (ctx: RoleContext, input: TypedText) => Promise<void | false>;
  /** A sent file. */
  document?: (ctx: RoleContext) => Promise<void>;
  /** Any other message (text included when `text` is not given); returns false to pass it on. */
  message?: (ctx: RoleContext, message: Message) => Promise<boolean>;
}

function isCommand(message: Message): boolean {
  return 'text' in message && message.text.startsWith('/');
}

/** The scene of a section's typed form (its id is the section's area). */
export function formScene(id: string, form: FormHandlers): Scenes.BaseScene<BotContext> {
  const scene = new Scenes.BaseScene<BotContext>(id);
  const { text, document, message } = form;
  if (text)
    scene.on('text', async (ctx, next) => {
      const raw = ctx.message.text;
      if (raw.startsWith('/') || !hasRole(ctx)) return next();
      if ((await text(ctx, { raw, read: (into) => fieldText(raw, into) })) === false) return next();
    });
  if (document)
    scene.on('document', async (ctx, next) => {
      if (!hasRole(ctx)) return next();
      await document(ctx);
    });
  if (message)
    scene.on('message', async (ctx, next) => {
      if (isCommand(ctx.message) || !hasRole(ctx) || !(await message(ctx, ctx.message))) return next();
    });
  return scene;
}
