// «Голосовая почта (пакет «Плюс»)» (R-VM): connect or disconnect the package, and set or cancel the
// e-mail voice messages are duplicated to (typed, validated by the domain) — each after a confirmation.
import { actions, type SubscriberContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { field } from '../../../src/bot/middleware/typed-input.js';
import { show } from '../../../src/bot/render.js';
import { formScene, sceneForm } from '../../../src/bot/scene-form.js';
import { type Section, StaleButtonError, section } from '../../../src/bot/sections.js';
import {
  cancelVoicemailEmail,
  connectVoicemail,
  disconnectVoicemail,
  normalizeEmail,
  setVoicemailEmail,
  voicemailPreview,
  voicemailState,
} from '../../../src/domain/services/voicemail.js';
import { outcome } from '../service-operations/views.js';
import { askEmailView, cancelEmailConfirmView, emailConfirmView, packageConfirmView, voicemailView } from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

const AREA = 'vm';
/** The typed e-mail address. */
const EMAIL = field(300);

interface VoicemailForm {
  sid?: number;
  /** Waiting for the typed address. */
  typing?: boolean;
  /** The validated address awaiting confirmation (too long for a button). */
  email?: string;
}
const form = sceneForm<VoicemailForm>();

async function overview(ctx: SubscriberContext, done?: string): Promise<void> {
  form.set(ctx, { sid: ctx.subscriberId });
  const data = await voicemailState(ctx.services.deps, ctx.actor, ctx.subscriberId);
  await show(ctx, voicemailView(ctx.t, data, done));
}

async function askPackage(ctx: SubscriberContext, action: 'connect' | 'disconnect'): Promise<void> {
  const p = await voicemailPreview(ctx.services.deps, ctx.actor, { subscriberId: ctx.subscriberId, action });
  await show(ctx, packageConfirmView(ctx.t, ctx.subscriberId, { ...p, action }, issueNonce(ctx)));
}

const vm = actions(AREA, { scope: 'subscriber', roles: ['admin', 'subscriber'] });
const done = (ctx: SubscriberContext, r: { replayed: boolean }) =>
  overview(ctx, outcome(ctx.t, r, ctx.t.services.vm.done));

export const voicemailScreen = vm.action('show', { args: noArgs, changes: false, handler: (ctx) => overview(ctx) });
export const askConnect = vm.action('on', {
  args: noArgs,
  changes: false,
  handler: (ctx) => askPackage(ctx, 'connect'),
});
export const askDisconnect = vm.action('off', {
  args: noArgs,
  changes: false,
  handler: (ctx) => askPackage(ctx, 'disconnect'),
});
export const confirmConnect = vm.action('onok', {
  args: args([arg.nonce]),
  changes: true,
  handler: async (ctx, [nonce]) =>
    done(ctx, await connectVoicemail(ctx.services.deps, ctx.actor, { subscriberId: ctx.subscriberId, nonce })),
});
export const confirmDisconnect = vm.action('offok', {
  args: args([arg.nonce]),
  changes: true,
  handler: async (ctx, [nonce]) =>
    done(ctx, await disconnectVoicemail(ctx.services.deps, ctx.actor, { subscriberId: ctx.subscriberId, nonce })),
});
export const askEmail = vm.action('mail', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    form.set(ctx, { sid: ctx.subscriberId, typing: true });
    await show(ctx, askEmailView(ctx.t, ctx.subscriberId));
  },
});
export const confirmEmail = vm.action('mailok', {
  args: args([arg.nonce]),
  changes: true,
  handler: async (ctx, [nonce]) => {
    const email = form.get(ctx).email;
    if (!email) throw new StaleButtonError('no e-mail in the session');
    await done(
      ctx,
      await setVoicemailEmail(ctx.services.deps, ctx.actor, { subscriberId: ctx.subscriberId, email, nonce }),
    );
  },
});
export const askCancelEmail = vm.action('unmail', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const data = await voicemailState(ctx.services.deps, ctx.actor, ctx.subscriberId);
    if (!data.email) return overview(ctx);
    await show(ctx, cancelEmailConfirmView(ctx.t, ctx.subscriberId, data.email, issueNonce(ctx)));
  },
});
export const confirmCancelEmail = vm.action('unmailok', {
  args: args([arg.nonce]),
  changes: true,
  handler: async (ctx, [nonce]) =>
    done(ctx, await cancelVoicemailEmail(ctx.services.deps, ctx.actor, { subscriberId: ctx.subscriberId, nonce })),
});

const scene = formScene(AREA, {
  text: async (ctx, input) => {
    const st = form.get(ctx);
    if (!st.sid || !st.typing) return void (await ctx.reply(ctx.t.core.start.useButtons));
    const email = normalizeEmail(input.read(EMAIL));
    form.set(ctx, { ...st, email });
    await show(ctx, emailConfirmView(ctx.t, st.sid, email, issueNonce(ctx)), { newMessage: true });
  },
});

export const sections: Section[] = [section(vm, { scene })];
