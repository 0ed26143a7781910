// `orders show <id>`: one order (R-ORDER) as the operator's events carry it, and the state of its events.
import { z } from 'zod';
import { orderView } from '../../domain/orders/record.js';
import { eventsOfOrder, orderById } from '../../orders/queries.js';
import { CliError, defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'orders show',
  summary: 'one order with its events',
  usage: '<id>',
  positional: 'id',
  flags: z
    .object({ id: z.coerce.number({ error: 'give the order number: orders show 42' }).int().positive() })
    .strict(),
  async run(flags, ctx) {
    const { deps } = await ctx.open();
    const order = await orderById(deps.db, flags.id);
    if (!order) throw new CliError(`no order № ${flags.id}`);
    const events = await eventsOfOrder(deps.db, order.id);
    ctx.out(JSON.stringify({ order: orderView(order), events }, null, 2));
  },
});
