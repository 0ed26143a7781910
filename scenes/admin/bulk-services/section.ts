// «Действия с услугами по списку абонентов» (R-BULK): choose a service, connect or disconnect, send the
// list (text or CSV/XLSX), preview, confirm. The worker applies it line by line, edits the confirmed
// message with progress and sends the result file.
import { actions, type RoleContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { show } from '../../../src/bot/render.js';
import { formScene, sceneForm } from '../../../src/bot/scene-form.js';
import { type Section, StaleButtonError, section } from '../../../src/bot/sections.js';
import {
  type BulkAction,
  bulkServiceChoice,
  bulkServiceChoices,
  confirmServiceList,
  createServiceList,
} from '../../../src/domain/bulk/index.js';
import { listInScope } from '../../../src/domain/lists/repository.js';
import { asListError, listSourceOf, maxMb, previewView } from '../rename/list-input.js';
import { actionView, askListView, listButtons, servicesView, startedView } from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

const AREA = 'bulk';
/** The action as a one-letter callback argument. */
const ACTIONS: Record<'c' | 'd', BulkAction> = { c: 'connect', d: 'disconnect' };

interface BulkState {
  serviceId?: number;
  action?: BulkAction;
}

const { get: state, set: setState } = sceneForm<BulkState>();

async function listIntake(ctx: RoleContext): Promise<void> {
  const { serviceId, action } = state(ctx);
  if (!serviceId || !action) {
    await show(ctx, servicesView(ctx.t, await bulkServiceChoices(ctx.services.deps, ctx.actor)), { newMessage: true });
    return;
  }
  const service = await bulkServiceChoice(ctx.services.deps, ctx.actor, serviceId);
  const source = await listSourceOf(ctx).catch((error) => {
    throw asListError(error);
  });
  if (!source) {
    await ctx.reply(ctx.t.lists.bulk.sendListHint);
    return;
  }
  const message = ctx.message;
  if (!message || !ctx.chat) return;
  const preview = await createServiceList(ctx.services.deps, ctx.actor, {
    serviceId,
    action,
    source,
    chatId: ctx.chat.id,
    nonce: `${ctx.chat.id}-${message.message_id}`,
  }).catch((error) => {
    throw asListError(error);
  });
  const keyboard = listButtons(ctx.t, { listId: preview.listId, nonce: issueNonce(ctx), fine: preview.fine });
  await show(ctx, previewView(ctx.t, preview, ctx.t.lists.bulk.listTitle(service.name, action), keyboard), {
    newMessage: true,
  });
}

const scene = formScene(AREA, { text: (ctx) => listIntake(ctx), document: (ctx) => listIntake(ctx) });

const bulk = actions(AREA, { scope: 'role', roles: ['admin'] });

export const bulkStart = bulk.action('start', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    setState(ctx, {});
    await show(ctx, servicesView(ctx.t, await bulkServiceChoices(ctx.services.deps, ctx.actor)));
  },
});

export const bulkService = bulk.action('svc', {
  args: args([arg.id]),
  changes: false,
  handler: async (ctx, [serviceId]) => {
    setState(ctx, {});
    await show(ctx, actionView(ctx.t, await bulkServiceChoice(ctx.services.deps, ctx.actor, serviceId)));
  },
});

export const bulkAction = bulk.action('act', {
  args: args([arg.id, arg.oneOf(['c', 'd'])]),
  changes: false,
  handler: async (ctx, [serviceId, letter]) => {
    const action = ACTIONS[letter];
    const service = await bulkServiceChoice(ctx.services.deps, ctx.actor, serviceId);
    setState(ctx, { serviceId, action });
    const { settings } = ctx.services.deps;
    await show(
      ctx,
      askListView(ctx.t, {
        service: service.name,
        action,
        maxLines: settings.listMaxLines,
        maxMb: maxMb(settings.listMaxBytes),
      }),
    );
  },
});

export const bulkConfirm = bulk.action('ok', {
  args: args([arg.id, arg.nonce]),
  changes: true,
  handler: async (ctx, [listId, nonce]) => {
    if (!ctx.chat) throw new StaleButtonError('no chat');
    const message = ctx.callbackQuery?.message;
    const confirmed = await confirmServiceList(ctx.services.deps, ctx.actor, {
      listId,
      nonce,
      chatId: ctx.chat.id,
      progressMessageId: message?.message_id,
    }).catch((error) => {
      throw asListError(error);
    });
    const list = await listInScope(ctx.services.deps.db, ctx.actor, listId, 'service');
    if (list.serviceId === null || !list.action) throw new StaleButtonError('not a service list');
    const service = await bulkServiceChoice(ctx.services.deps, ctx.actor, list.serviceId);
    setState(ctx, {});
    await show(
      ctx,
      startedView(ctx.t, { service: service.name, action: list.action as BulkAction, lines: confirmed.lines }),
    );
  },
});

export const sections: Section[] = [section(bulk, { scene })];
