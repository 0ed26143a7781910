// «Действия с услугами по списку абонентов» (R-BULK): choose a service, connect or disconnect, send the
// list (text or CSV/XLSX), preview, confirm. The worker applies it line by line, edits the confirmed
// message with progress and sends the result file.
import { sceneForm } from '../../../src/bot/scene-form.js';
import { Scenes } from 'telegraf';
import { idArg } from '../../../src/bot/callback-data.js';
import type { BotContext } from '../../../src/bot/context.js';
import { show } from '../../../src/bot/render.js';
import { type Section, StaleButtonError, legacySection } from '../../../src/bot/sections.js';
import {
  type BulkAction,
  bulkServiceChoice,
  bulkServiceChoices,
  confirmServiceList,
  createServiceList,
} from '../../../src/domain/bulk/index.js';
import { listInScope } from '../../../src/domain/lists/repository.js';
import { asListError, listSourceOf, maxMb, previewView } from '../rename/list-input.js';
import { actionOf, actionView, AREA, askListView, listButtons, servicesView, startedView } from './views.js';

interface BulkState {
  serviceId?: number;
  action?: BulkAction;
}

const { get: state, set: setState } = sceneForm<BulkState>();

async function listIntake(ctx: BotContext): Promise<void> {
  const { serviceId, action } = state(ctx);
  if (!serviceId || !action) {
    await show(ctx, servicesView(ctx.t, await bulkServiceChoices(ctx.services.deps, ctx.actor!)), { newMessage: true });
    return;
  }
  const service = await bulkServiceChoice(ctx.services.deps, ctx.actor!, serviceId);
  const source = await listSourceOf(ctx).catch((error) => {
    throw asListError(error);
  });
  if (!source) {
    await ctx.reply(ctx.t.lists.bulk.sendListHint);
    return;
  }
  const message = ctx.message!;
  const preview = await createServiceList(ctx.services.deps, ctx.actor!, {
    serviceId,
    action,
    source,
    chatId: ctx.chat!.id,
    nonce: `${ctx.chat!.id}-${message.message_id}`,
  }).catch((error) => {
    throw asListError(error);
  });
  const keyboard = listButtons(ctx.t, { listId: preview.listId, nonce: ctx.services.nonce(), fine: preview.fine });
  await show(ctx, previewView(ctx.t, preview, ctx.t.lists.bulk.listTitle(service.name, action), keyboard), {
    newMessage: true,
  });
}

const scene = new Scenes.BaseScene<BotContext>(AREA);
scene.on('text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  await listIntake(ctx);
});
scene.on('document', async (ctx) => listIntake(ctx));

export const bulkServicesSection: Section = legacySection({
  area: AREA,
  roles: ['admin'],
  scene,
  actions: {
    start: async (ctx) => {
      setState(ctx, {});
      await show(ctx, servicesView(ctx.t, await bulkServiceChoices(ctx.services.deps, ctx.actor!)));
    },
    svc: async (ctx, [id]) => {
      const serviceId = idArg(id);
      if (!serviceId) throw new StaleButtonError('bad service');
      setState(ctx, {});
      await show(ctx, actionView(ctx.t, await bulkServiceChoice(ctx.services.deps, ctx.actor!, serviceId)));
    },
    act: async (ctx, [id, arg]) => {
      const serviceId = idArg(id);
      const action = actionOf(arg);
      if (!serviceId || !action) throw new StaleButtonError('bad action');
      const service = await bulkServiceChoice(ctx.services.deps, ctx.actor!, serviceId);
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
    ok: async (ctx, [id, nonce]) => {
      const listId = idArg(id);
      if (!listId || !nonce) throw new StaleButtonError('bad list');
      const message = ctx.callbackQuery?.message;
      const confirmed = await confirmServiceList(ctx.services.deps, ctx.actor!, {
        listId,
        nonce,
        chatId: ctx.chat!.id,
        progressMessageId: message?.message_id,
      }).catch((error) => {
        throw asListError(error);
      });
      const list = await listInScope(ctx.services.deps.db, ctx.actor!, listId, 'service');
      const service = await bulkServiceChoice(ctx.services.deps, ctx.actor!, list.serviceId!);
      setState(ctx, {});
      await show(
        ctx,
        startedView(ctx.t, { service: service.name, action: list.action as BulkAction, lines: confirmed.lines }),
      );
    },
  },
});
