// `retention run`: the purges of what has outlived its keeping time (finding 6 of issue 22; README «What is
// kept»). The worker will run the same once a day; this is for cron until then, and for a first cleanup.
import { z } from 'zod';
import { runRetention } from '../../domain/retention/index.js';
import { defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'retention run',
  summary: 'purge call/SMS records, closed tickets’ texts, audit rows and SIM codes past their keeping time',
  usage: '',
  flags: z.object({}).strict(),
  async run(_flags, ctx) {
    const { deps } = await ctx.open();
    const r = await runRetention(deps);
    ctx.out(
      `Purged: ${r.usageRecords} call/SMS records, ${r.ticketMessages} ticket messages, ` +
        `${r.auditRows} audit rows, ${r.simCodes} SIM codes of terminated numbers.`,
    );
  },
});
