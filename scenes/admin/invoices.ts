// «Счета» (R-INV-ORDER, R-INV-DELIVERY): closed months; an invoice ordered by e-mail (the delivery
// address or a typed one) or as a download, rendered by a job and sent when ready; the bill delivery
// method and address.
import { sceneForm } from '../../src/bot/scene-form.js';
import { Scenes } from 'telegraf';
import { idArg } from '../../src/bot/callback-data.js';
import type { BotContext } from '../../src/bot/context.js';
import { show } from '../../src/bot/render.js';
import { type Section, StaleButtonError, legacySection } from '../../src/bot/sections.js';
import { clientInfo } from '../../src/domain/client-info.js';
import { DomainError } from '../../src/domain/errors.js';
import {
  assertOutsideBillingPeriod,
  changeDelivery,
  findInvoice,
  type InvoiceDeliveryChoice,
  inBillingPeriod,
  isValidEmail,
  listInvoices,
  orderInvoice,
  validEmail,
} from '../../src/domain/invoices/index.js';
import {
  AREA,
  askDeliveryView,
  askOrderEmailView,
  deliveryChangedView,
  deliveryView,
  invoiceCardView,
  invoicesListView,
  orderedView,
} from './invoices/views.js';

/** What a typed text means on this section's screens; the nonce makes the change once-only. */
interface InvoiceForm {
  step?: 'email' | 'dlvEmail' | 'dlvPost';
  invoiceId?: number;
  nonce?: string;
}

const invoiceForm = sceneForm<InvoiceForm>();
const form = invoiceForm.get;
const setForm = invoiceForm.set;

function invoiceIdArg(value: string | undefined): number {
  const id = idArg(value);
  if (!id) throw new StaleButtonError('bad invoice id');
  return id;
}

function nonceArg(value: string | undefined): string {
  if (!value) throw new StaleButtonError('no nonce');
  return value;
}

function cursorArg(value: string | undefined): string {
  if (!value || !/^\d{6}$/.test(value)) throw new StaleButtonError('bad invoices cursor');
  return value;
}

async function showList(ctx: BotContext, page: { cursor?: string; direction?: 'older' | 'newer' } = {}): Promise<void> {
  setForm(ctx);
  const deps = ctx.services.deps;
  const result = await listInvoices(deps, ctx.actor!, { ...page, limit: deps.settings.pageSize });
  const info = await clientInfo(deps, ctx.actor!);
  const lastDay = deps.settings.billingPeriodLastDay;
  await show(
    ctx,
    invoicesListView(ctx.t, ctx.lang, result, info.delivery, { active: inBillingPeriod(deps.clock, lastDay), lastDay }),
  );
}

async function showCard(ctx: BotContext, invoiceId: number): Promise<void> {
  setForm(ctx);
  const deps = ctx.services.deps;
  // Another client's id is refused like any forged button (R-SCOPE).
  const invoice = await findInvoice(deps, ctx.actor!, invoiceId);
  if (!invoice) throw new DomainError('access.forbidden');
  const { delivery } = await clientInfo(deps, ctx.actor!);
  const email = isValidEmail(delivery.address) ? delivery.address!.trim() : null;
  await show(ctx, invoiceCardView(ctx.t, ctx.lang, invoice, email, ctx.services.nonce()));
}

async function order(
  ctx: BotContext,
  invoiceId: number,
  delivery: InvoiceDeliveryChoice,
  nonce: string,
  email?: string,
): Promise<void> {
  const ordered = await orderInvoice(
    ctx.services.deps,
    ctx.actor!,
    { invoiceId, delivery, email, chatId: ctx.chat!.id, nonce },
    { smtpConfigured: Boolean(ctx.services.config.SMTP_URL) },
  );
  setForm(ctx);
  await show(ctx, orderedView(ctx.t, ordered));
}

async function showDelivery(ctx: BotContext): Promise<void> {
  setForm(ctx);
  const deps = ctx.services.deps;
  const { delivery } = await clientInfo(deps, ctx.actor!);
  await show(ctx, deliveryView(ctx.t, delivery, deps.settings.postDeliveryFee, ctx.services.nonce()));
}

const scene = new Scenes.BaseScene<BotContext>(AREA);
scene.on('text', async (ctx, next) => {
  const text = ctx.message.text;
  const state = form(ctx);
  if (text.startsWith('/') || !state.step || !state.nonce) return next();
  const input = text.slice(0, 300);
  if (state.step === 'email' && state.invoiceId) {
    await order(ctx, state.invoiceId, 'email', state.nonce, validEmail(input));
    return;
  }
  const method = state.step === 'dlvEmail' ? 'email' : 'post';
  const changed = await changeDelivery(ctx.services.deps, ctx.actor!, { method, address: input, nonce: state.nonce });
  setForm(ctx);
  await show(ctx, deliveryChangedView(ctx.t, changed));
});

export const invoicesSection: Section = legacySection({
  area: AREA,
  roles: ['admin'],
  scene,
  actions: {
    list: async (ctx) => showList(ctx),
    older: async (ctx, [cursor]) => showList(ctx, { cursor: cursorArg(cursor), direction: 'older' }),
    newer: async (ctx, [cursor]) => showList(ctx, { cursor: cursorArg(cursor), direction: 'newer' }),
    show: async (ctx, [id]) => showCard(ctx, invoiceIdArg(id)),
    dl: async (ctx, [id, nonce]) => order(ctx, invoiceIdArg(id), 'download', nonceArg(nonce)),
    mail: async (ctx, [id, nonce]) => order(ctx, invoiceIdArg(id), 'email', nonceArg(nonce)),
    to: async (ctx, [id]) => {
      const invoiceId = invoiceIdArg(id);
      // Refuse before asking for an address: no point typing one during the billing period.
      assertOutsideBillingPeriod(ctx.services.deps);
      if (!(await findInvoice(ctx.services.deps, ctx.actor!, invoiceId))) throw new DomainError('access.forbidden');
      setForm(ctx, { step: 'email', invoiceId, nonce: ctx.services.nonce() });
      await show(ctx, askOrderEmailView(ctx.t, invoiceId));
    },
    dlv: async (ctx) => showDelivery(ctx),
    dm: async (ctx, [method, nonce]) => {
      const deps = ctx.services.deps;
      if (method === 'email' || method === 'post') {
        setForm(ctx, { step: method === 'email' ? 'dlvEmail' : 'dlvPost', nonce: ctx.services.nonce() });
        await show(ctx, askDeliveryView(ctx.t, method, deps.settings.postDeliveryFee));
        return;
      }
      if (method !== 'portal' || !nonce) throw new StaleButtonError('bad delivery method');
      const changed = await changeDelivery(deps, ctx.actor!, { method: 'portal', nonce });
      setForm(ctx);
      await show(ctx, deliveryChangedView(ctx.t, changed));
    },
  },
});

export const sections: Section[] = [invoicesSection];
