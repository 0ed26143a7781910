// `events retry --dead`: dead order events are pending again with a fresh retry window (R-EVENT); their
// keys are unblocked, so the events held behind them follow in order.
import { z } from 'zod';
import { retryDead } from '../../orders/outbox.js';
import { defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'events retry',
  summary: 'send dead order events again (and the ones held behind them)',
  usage: '--dead',
  flags: z.object({ dead: z.literal(true, { error: 'say which events: --dead' }) }).strict(),
  async run(_flags, ctx) {
    const { deps } = await ctx.open();
    const { events, keys } = await retryDead(deps.db, deps.clock.now());
    ctx.out(events === 0 ? 'No dead events.' : `${events} dead event(s) of ${keys} key(s) will be sent again.`);
  },
});
