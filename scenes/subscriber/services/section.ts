// «Услуги абонента» (R-SVC): connected services and those the tariff allows, each with its fees;
// connect/disconnect after a confirmation that shows the fee; refusals (tariff, exclusion, blocked,
// paused, funds) come from the domain with their reason, before the confirmation and again at it.
import { actions, type SubscriberContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import {
  connectService,
  disconnectService,
  serviceChangePreview,
  subscriberServicesOverview,
} from '../../../src/domain/services/services.js';
import { outcome } from '../service-operations/views.js';
import { serviceConfirmView, servicesView } from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

type Change = 'connect' | 'disconnect';

async function list(ctx: SubscriberContext, done?: string): Promise<void> {
  const data = await subscriberServicesOverview(ctx.services.deps, ctx.actor, ctx.subscriberId);
  await show(ctx, servicesView(ctx.t, data, done));
}

async function ask(ctx: SubscriberContext, serviceId: number, action: Change): Promise<void> {
  const preview = await serviceChangePreview(ctx.services.deps, ctx.actor, {
    subscriberId: ctx.subscriberId,
    serviceId,
    action,
  });
  await show(ctx, serviceConfirmView(ctx.t, ctx.subscriberId, preview, issueNonce(ctx)));
}

async function apply(ctx: SubscriberContext, serviceId: number, nonce: string, action: Change): Promise<void> {
  const input = { subscriberId: ctx.subscriberId, serviceId, nonce };
  const s = ctx.t.services.svc;
  const result =
    action === 'connect'
      ? await connectService(ctx.services.deps, ctx.actor, input)
      : await disconnectService(ctx.services.deps, ctx.actor, input);
  const done = action === 'connect' ? s.connected1(result.service.name) : s.disconnected1(result.service.name);
  await list(ctx, outcome(ctx.t, result, done));
}

const svc = actions('svc', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const servicesList = svc.action('list', { args: noArgs, changes: false, handler: (ctx) => list(ctx) });
export const askConnect = svc.action('on', {
  args: args([arg.id]),
  changes: false,
  handler: (ctx, [id]) => ask(ctx, id, 'connect'),
});
export const askDisconnect = svc.action('off', {
  args: args([arg.id]),
  changes: false,
  handler: (ctx, [id]) => ask(ctx, id, 'disconnect'),
});
export const confirmConnect = svc.action('onok', {
  args: args([arg.id, arg.nonce]),
  changes: true,
  handler: (ctx, [id, nonce]) => apply(ctx, id, nonce, 'connect'),
});
export const confirmDisconnect = svc.action('offok', {
  args: args([arg.id, arg.nonce]),
  changes: true,
  handler: (ctx, [id, nonce]) => apply(ctx, id, nonce, 'disconnect'),
});

export const sections: Section[] = [section(svc)];
