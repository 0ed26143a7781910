// «Счета» (R-INV-ORDER, R-INV-DELIVERY): closed months; an invoice ordered by e-mail (the delivery
// address or a typed one) or as a download, rendered by a job and sent when ready; the bill delivery
// method and address.
import { actions, type RoleContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { field } from '../../../src/bot/middleware/typed-input.js';
import { issueNonce } from '../../../src/bot/nonces.js';
import { show } from '../../../src/bot/render.js';
import { formScene, sceneForm } from '../../../src/bot/scene-form.js';
import { type Section, StaleButtonError, section } from '../../../src/bot/sections.js';
import { clientInfo } from '../../../src/domain/client-info.js';
import { DomainError } from '../../../src/domain/errors.js';
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
} from '../../../src/domain/invoices/index.js';
import {
  askDeliveryView,
  askOrderEmailView,
  deliveryChangedView,
  deliveryView,
  invoiceCardView,
  invoicesListView,
  orderedView,
} from './views.js';

const AREA = 'inv';
/** A typed e-mail or postal address. */
const ADDRESS = field(300);
/** A keyset cursor of the list: the period as YYYYMM. */
const cursor = arg.token(/^\d{6}$/, 6);

/** What a typed text means on this section's screens; the nonce makes the change once-only. */
type InvoiceForm =
  | { step?: undefined }
  | { step: 'email'; invoiceId: number; nonce: string }
  | { step: 'dlvEmail' | 'dlvPost'; nonce: string };

const form = sceneForm<InvoiceForm>();

async function showList(ctx: RoleContext, page: { cursor?: string; direction?: 'older' | 'newer' } = {}) {
  form.set(ctx);
  const deps = ctx.services.deps;
  const result = await listInvoices(deps, ctx.actor, { ...page, limit: deps.settings.pageSize });
  const info = await clientInfo(deps, ctx.actor);
  const lastDay = deps.settings.billingPeriodLastDay;
  await show(
    ctx,
    invoicesListView(ctx.t, ctx.lang, result, info.delivery, { active: inBillingPeriod(deps.clock, lastDay), lastDay }),
  );
}

async function showCard(ctx: RoleContext, invoiceId: number): Promise<void> {
  form.set(ctx);
  const deps = ctx.services.deps;
  // Another client's id is refused like any forged button (R-SCOPE).
  const invoice = await findInvoice(deps, ctx.actor, invoiceId);
  if (!invoice) throw new DomainError('access.forbidden');
  const { delivery } = await clientInfo(deps, ctx.actor);
  const email = delivery.address && isValidEmail(delivery.address) ? delivery.address.trim() : null;
  await show(ctx, invoiceCardView(ctx.t, ctx.lang, invoice, email, issueNonce(ctx)));
}

async function order(
  ctx: RoleContext,
  invoiceId: number,
  delivery: InvoiceDeliveryChoice,
  nonce: string,
  email?: string,
): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) throw new StaleButtonError('no chat to send the invoice to');
  const ordered = await orderInvoice(
    ctx.services.deps,
    ctx.actor,
    { invoiceId, delivery, email, chatId, nonce },
    { smtpConfigured: Boolean(ctx.services.config.SMTP_URL) },
  );
  form.set(ctx);
  await show(ctx, orderedView(ctx.t, ordered));
}

async function delivered(ctx: RoleContext, change: Parameters<typeof changeDelivery>[2]): Promise<void> {
  const changed = await changeDelivery(ctx.services.deps, ctx.actor, change);
  form.set(ctx);
  await show(ctx, deliveryChangedView(ctx.t, changed));
}

const inv = actions(AREA, { scope: 'role', roles: ['admin'] });

export const invoicesList = inv.action('list', { args: noArgs, changes: false, handler: (ctx) => showList(ctx) });
export const invoicesOlder = inv.action('older', {
  args: args([cursor]),
  changes: false,
  handler: (ctx, [at]) => showList(ctx, { cursor: at, direction: 'older' }),
});
export const invoicesNewer = inv.action('newer', {
  args: args([cursor]),
  changes: false,
  handler: (ctx, [at]) => showList(ctx, { cursor: at, direction: 'newer' }),
});
export const invoiceCard = inv.action('show', {
  args: args([arg.id]),
  changes: false,
  handler: (ctx, [id]) => showCard(ctx, id),
});
export const downloadInvoice = inv.action('dl', {
  args: args([arg.id, arg.nonce]),
  changes: true,
  handler: (ctx, [id, nonce]) => order(ctx, id, 'download', nonce),
});
export const mailInvoice = inv.action('mail', {
  args: args([arg.id, arg.nonce]),
  changes: true,
  handler: (ctx, [id, nonce]) => order(ctx, id, 'email', nonce),
});
export const mailInvoiceTo = inv.action('to', {
  args: args([arg.id]),
  changes: false,
  handler: async (ctx, [invoiceId]) => {
    // Refuse before asking for an address: no point typing one during the billing period.
    assertOutsideBillingPeriod(ctx.services.deps);
    if (!(await findInvoice(ctx.services.deps, ctx.actor, invoiceId))) throw new DomainError('access.forbidden');
    form.set(ctx, { step: 'email', invoiceId, nonce: issueNonce(ctx) });
    await show(ctx, askOrderEmailView(ctx.t, invoiceId));
  },
});
export const deliveryScreen = inv.action('dlv', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    form.set(ctx);
    const deps = ctx.services.deps;
    const { delivery } = await clientInfo(deps, ctx.actor);
    await show(ctx, deliveryView(ctx.t, delivery, deps.settings.postDeliveryFee, issueNonce(ctx)));
  },
});
/** «По e-mail» or «Почтой»: the address is typed next. */
export const askDelivery = inv.action('dm', {
  args: args([arg.oneOf(['email', 'post'])]),
  changes: false,
  handler: async (ctx, [method]) => {
    form.set(ctx, { step: method === 'email' ? 'dlvEmail' : 'dlvPost', nonce: issueNonce(ctx) });
    await show(ctx, askDeliveryView(ctx.t, method, ctx.services.deps.settings.postDeliveryFee));
  },
});
/** «В личном кабинете»: no address, changed at once. */
export const deliveryToPortal = inv.action('dp', {
  args: args([arg.nonce]),
  changes: true,
  handler: (ctx, [nonce]) => delivered(ctx, { method: 'portal', nonce }),
});

const scene = formScene(AREA, {
  text: async (ctx, input) => {
    const state = form.get(ctx);
    if (!state.step) return false;
    const typed = input.read(ADDRESS);
    if (state.step === 'email') return order(ctx, state.invoiceId, 'email', state.nonce, validEmail(typed));
    const method = state.step === 'dlvEmail' ? 'email' : 'post';
    await delivered(ctx, { method, address: typed, nonce: state.nonce });
  },
});

export const sections: Section[] = [section(inv, { scene })];
