// A section's form state (step and typed values) in the scene's state, which lives in the session:
// one typed getter and a setter that replaces the whole form, so no field of an old step lingers.
import type { BotContext } from './context.js';

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
