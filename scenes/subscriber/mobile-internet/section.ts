// «Мобильный интернет» (R-MI): the active package and the tariff's packages; pressing another package
// connects it (or changes to it: one package at a time), pressing «Отключить» drops the active one —
// each after a confirmation that shows what changes and the fee.
import { actions, type SubscriberContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import {
  changePackage,
  disconnectPackage,
  mobileInternetOverview,
  packagePreview,
} from '../../../src/domain/services/mobile-internet.js';
import { outcome } from '../service-operations/views.js';
import { mobileInternetView, packageConfirmView } from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

async function overview(ctx: SubscriberContext, done?: string): Promise<void> {
  const data = await mobileInternetOverview(ctx.services.deps, ctx.actor, ctx.subscriberId);
  await show(ctx, mobileInternetView(ctx.t, data, done));
}

async function ask(ctx: SubscriberContext, serviceId: number, disconnect: boolean): Promise<void> {
  const input = { subscriberId: ctx.subscriberId, serviceId, disconnect };
  const preview = await packagePreview(ctx.services.deps, ctx.actor, input);
  await show(ctx, packageConfirmView(ctx.t, ctx.subscriberId, preview, issueNonce(ctx)));
}

async function apply(ctx: SubscriberContext, serviceId: number, nonce: string, disconnect: boolean): Promise<void> {
  const input = { subscriberId: ctx.subscriberId, serviceId, nonce };
  const result = disconnect
    ? await disconnectPackage(ctx.services.deps, ctx.actor, input)
    : await changePackage(ctx.services.deps, ctx.actor, input);
  await overview(ctx, outcome(ctx.t, result, ctx.t.services.mi.done));
}

const mi = actions('mi', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const mobileInternetScreen = mi.action('show', {
  args: noArgs,
  changes: false,
  handler: (ctx) => overview(ctx),
});
export const askPackage = mi.action('pick', {
  args: args([arg.id]),
  changes: false,
  handler: (ctx, [id]) => ask(ctx, id, false),
});
export const askDisconnect = mi.action('off', {
  args: args([arg.id]),
  changes: false,
  handler: (ctx, [id]) => ask(ctx, id, true),
});
export const confirmPackage = mi.action('ok', {
  args: args([arg.id, arg.nonce]),
  changes: true,
  handler: (ctx, [id, nonce]) => apply(ctx, id, nonce, false),
});
export const confirmDisconnect = mi.action('offok', {
  args: args([arg.id, arg.nonce]),
  changes: true,
  handler: (ctx, [id, nonce]) => apply(ctx, id, nonce, true),
});

export const sections: Section[] = [section(mi)];
