// «Переименование абонента» (R-RENAME): one number — found as in «Выбор абонента», new name typed,
// confirmed — or a list of `номер;имя` sent as text or CSV/XLSX, previewed and confirmed. On the last
// days of a month the bot refuses and offers the written application as a feedback ticket.
import { sceneForm } from '../../../src/bot/scene-form.js';
import { Scenes } from 'telegraf';
import { idArg } from '../../../src/bot/callback-data.js';
import type { BotContext } from '../../../src/bot/context.js';
import { dateTime, phone } from '../../../src/bot/format.js';
import { show } from '../../../src/bot/render.js';
import { type ActionHandler, type Section, StaleButtonError, legacySection } from '../../../src/bot/sections.js';
import { errorText } from '../../../src/bot/texts/index.js';
import { DomainError, isDomainError } from '../../../src/domain/errors.js';
import {
  assertRenameAllowed,
  checkName,
  confirmRenameList,
  createRenameList,
  renameApplicationForList,
  renameApplicationForSubscriber,
  requestRename,
} from '../../../src/domain/renames/index.js';
import { searchSubscribers, subscriberSummary } from '../../../src/domain/subscribers/search.js';
import { openTicket } from '../../../src/domain/tickets/index.js';
import { supportRelay } from '../../../src/support/index.js';
import { asListError, listSourceOf, maxMb, previewView } from './list-input.js';
import {
  AREA,
  askNameView,
  blackoutView,
  confirmView,
  doneView,
  listButtons,
  resultsView,
  sendApplicationButton,
  startView,
} from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

interface RenameState {
  /** 'name': the next typed text is the new name of `subscriberId`. */
  step?: 'name' | 'confirm';
  subscriberId?: number;
  name?: string;
  /** Nonce of the confirmation screen shown (R-IDEMP). */
  nonce?: string;
  mask?: string;
  /** The last previewed list and, when it came as a file, its file_id (attached to the application). */
  listId?: number;
  fileId?: string;
}

const { get: state, set: setState } = sceneForm<RenameState>();

/** The refusal's text (renames.* texts live in the lists catalog). */
function refusalText(ctx: BotContext, error: DomainError): string {
  return errorText(ctx.t, asListError(error) as DomainError) ?? ctx.t.core.errors.generic;
}

/** The blackout's reason as text, when today is in it (R-RENAME: last days of the month). */
function blackoutText(ctx: BotContext): string | undefined {
  try {
    assertRenameAllowed(ctx.services.deps);
    return undefined;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return refusalText(ctx, error);
  }
}

async function start(ctx: BotContext): Promise<void> {
  const { settings } = ctx.services.deps;
  setState(ctx, {});
  await show(
    ctx,
    startView(ctx.t, {
      delaySeconds: settings.renameDelaySeconds,
      maxLines: settings.listMaxLines,
      maxMb: maxMb(settings.listMaxBytes),
      blackout: blackoutText(ctx),
    }),
  );
}

async function search(ctx: BotContext, opts: { mask?: string; after?: string }, newMessage = false): Promise<void> {
  const page = await searchSubscribers(ctx.services.deps, ctx.actor!, opts);
  await show(ctx, resultsView(ctx.t, page, opts.mask === undefined ? 'all' : 'more'), { newMessage });
}

function cursor(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^375\d{9}$/.test(value)) throw new StaleButtonError('bad cursor');
  return value;
}

const pick: ActionHandler = async (ctx, [idText]) => {
  const id = idArg(idText);
  if (!id) throw new StaleButtonError('bad subscriber');
  const subscriber = await subscriberSummary(ctx.services.deps, ctx.actor!, id);
  setState(ctx, { step: 'name', subscriberId: subscriber.id });
  await show(
    ctx,
    askNameView(ctx.t, subscriber.msisdn, subscriber.displayName, ctx.services.deps.settings.nameMaxLength),
  );
};

async function typedName(ctx: BotContext, text: string): Promise<void> {
  const s = state(ctx);
  const { settings } = ctx.services.deps;
  const checked = checkName(text, settings.nameMaxLength);
  if ('reason' in checked) {
    await ctx.reply(
      ctx.t.lists.rename.badName(
        String(
          errorText(ctx.t, new DomainError(`lists.${checked.reason.split('.')[1]}`, { max: settings.nameMaxLength })),
        ),
      ),
    );
    return;
  }
  const subscriber = await subscriberSummary(ctx.services.deps, ctx.actor!, s.subscriberId!);
  const nonce = issueNonce(ctx);
  setState(ctx, { step: 'confirm', subscriberId: subscriber.id, name: checked.name, nonce });
  await show(
    ctx,
    confirmView(ctx.t, {
      msisdn: subscriber.msisdn,
      from: subscriber.displayName,
      to: checked.name,
      delaySeconds: settings.renameDelaySeconds,
      nonce,
    }),
    { newMessage: true },
  );
}

const confirmSingle: ActionHandler = async (ctx, [nonce]) => {
  const s = state(ctx);
  if (!nonce || s.nonce !== nonce || !s.subscriberId || !s.name) throw new StaleButtonError('no rename form');
  try {
    const done = await requestRename(ctx.services.deps, ctx.actor!, {
      subscriberId: s.subscriberId,
      newName: s.name,
      nonce,
      chatId: ctx.chat!.id,
    });
    await show(
      ctx,
      doneView(
        ctx.t.lists.rename.accepted(phone(done.msisdn), done.newName, dateTime(new Date(done.applyAfter))),
        ctx.t,
      ),
    );
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'renames.blackout') throw asListError(error);
    await show(ctx, blackoutView(ctx.t, refusalText(ctx, error), sendApplicationButton(ctx.t, nonce)));
  }
};

const sendSingleApplication: ActionHandler = async (ctx, [nonce]) => {
  const s = state(ctx);
  if (!nonce || s.nonce !== nonce || !s.subscriberId || !s.name) throw new StaleButtonError('no rename form');
  const application = await renameApplicationForSubscriber(ctx.services.deps, ctx.actor!, {
    subscriberId: s.subscriberId,
    newName: s.name,
  });
  await sendApplication(ctx, application.text, `ren-${nonce}`);
};

async function sendApplication(ctx: BotContext, text: string, nonce: string, fileId?: string): Promise<void> {
  const opened = await openTicket(ctx.services.deps, ctx.actor!, {
    topic: 'other',
    text,
    attachments: fileId ? [{ kind: 'document', fileId }] : [],
    requesterChatId: ctx.chat!.id,
    nonce,
  });
  await show(ctx, doneView(ctx.t.lists.rename.applicationSent(opened.ticketId), ctx.t));
  await supportRelay(ctx)?.ticketOpened(opened.ticketId);
}

async function listIntake(ctx: BotContext): Promise<boolean> {
  const source = await listSourceOf(ctx).catch((error) => {
    throw asListError(error);
  });
  if (!source) return false;
  const message = ctx.message!;
  const preview = await createRenameList(ctx.services.deps, ctx.actor!, {
    source,
    chatId: ctx.chat!.id,
    nonce: `${ctx.chat!.id}-${message.message_id}`,
  }).catch((error) => {
    throw asListError(error);
  });
  const blackout = blackoutText(ctx);
  const nonce = issueNonce(ctx);
  setState(ctx, { listId: preview.listId, fileId: 'document' in message ? message.document.file_id : undefined });
  const keyboard = listButtons(ctx.t, {
    listId: preview.listId,
    nonce,
    fine: preview.fine,
    blackout: blackout !== undefined,
  });
  const note = blackout && preview.fine > 0 ? `${blackout}\n\n${ctx.t.lists.rename.offer}` : undefined;
  await show(ctx, previewView(ctx.t, preview, ctx.t.lists.rename.listTitle, keyboard, note), { newMessage: true });
  return true;
}

const confirmList: ActionHandler = async (ctx, [listText, nonce]) => {
  const listId = idArg(listText);
  if (!listId || !nonce) throw new StaleButtonError('bad list');
  try {
    const done = await confirmRenameList(ctx.services.deps, ctx.actor!, { listId, nonce });
    await show(
      ctx,
      doneView(ctx.t.lists.rename.listAccepted(done.renames, done.refused, dateTime(new Date(done.applyAfter))), ctx.t),
    );
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'renames.blackout') throw asListError(error);
    await show(ctx, blackoutView(ctx.t, refusalText(ctx, error), sendApplicationButton(ctx.t, listId, nonce)));
  }
};

const sendListApplication: ActionHandler = async (ctx, [listText, nonce]) => {
  const listId = idArg(listText);
  if (!listId || !nonce) throw new StaleButtonError('bad list');
  const application = await renameApplicationForList(ctx.services.deps, ctx.actor!, { listId });
  const s = state(ctx);
  await sendApplication(ctx, application.text, `renl-${nonce}`, s.listId === listId ? s.fileId : undefined);
};

/** A mask or number (digits, %, _, separators) searches; anything else is a list. */
function looksLikeMask(text: string): boolean {
  return !text.includes('\n') && /^[\d\s+()%_-]+$/.test(text.trim());
}

const scene = new Scenes.BaseScene<BotContext>(AREA);
scene.on('text', async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith('/')) return next();
  if (state(ctx).step === 'name') return typedName(ctx, text);
  if (looksLikeMask(text)) {
    setState(ctx, { mask: text.trim().slice(0, 64) });
    return search(ctx, { mask: text.trim().slice(0, 64) }, true);
  }
  await listIntake(ctx);
});
scene.on('document', async (ctx) => {
  await listIntake(ctx);
});

export const renameSection: Section = legacySection({
  area: AREA,
  roles: ['admin'],
  scene,
  actions: {
    start,
    all: async (ctx, [after]) => search(ctx, { after: cursor(after) }),
    more: async (ctx, [after]) => {
      const mask = state(ctx).mask;
      if (mask === undefined) throw new StaleButtonError('no mask');
      await search(ctx, { mask, after: cursor(after) });
    },
    pick,
    ok: confirmSingle,
    app: sendSingleApplication,
    lok: confirmList,
    lapp: sendListApplication,
  },
});
