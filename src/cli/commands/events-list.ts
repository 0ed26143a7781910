// `events list [--state pending|dead]`: the order events not yet delivered (R-EVENT), by key and sequence.
import { z } from 'zod';
import { listEvents } from '../../orders/queries.js';
import { defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'events list',
  summary: 'order events waiting for the operator’s webhook, or dead ones (--state pending|dead)',
  usage: '[--state pending|dead] [--limit <n>]',
  flags: z
    .object({
      state: z.enum(['pending', 'dead'], { error: 'the state is pending or dead' }).optional(),
      limit: z.coerce.number().int().min(1).max(10_000).default(200),
    })
    .strict(),
  async run(flags, ctx) {
    const { deps } = await ctx.open();
    const events = await listEvents(deps.db, { state: flags.state, limit: flags.limit });
    if (events.length === 0) {
      ctx.info(flags.state ? `No ${flags.state} events.` : 'No events waiting.');
      return;
    }
    ctx.out('id\tkey\tsequence\ttype\torder\tstate\tattempts\tcreated\tlast error');
    for (const e of events)
      ctx.out(
        [
          e.id,
          e.key,
          e.sequence,
          e.type,
          e.orderId,
          e.state,
          e.attempts,
          e.createdAt.toISOString(),
          e.lastError ?? '',
        ].join('\t'),
      );
  },
});
