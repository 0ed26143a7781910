// `seed --demo` and `seed --subscribers N --pool N`: the demo data, and bulk data for benchmarks.
import { z } from 'zod';
import { seedBulk, seedDemo } from '../../db/seed/index.js';
import { defineCommand, UsageError } from '../command.js';

const count = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(10_000_000, 'at most 10 000 000');

export const command = defineCommand({
  name: 'seed',
  summary: 'write the demo data (--demo) and/or bulk benchmark data (--subscribers N --pool N)',
  usage: '--demo | --subscribers <N> --pool <N> [--client-subscribers <N>]',
  flags: z
    .object({
      demo: z.literal(true, { error: '--demo takes no value' }).optional(),
      subscribers: count.optional(),
      pool: count.optional(),
      clientSubscribers: count.optional(),
    })
    .strict(),
  async run(flags, ctx) {
    const bulk = flags.subscribers !== undefined || flags.pool !== undefined;
    if (!flags.demo && !bulk) throw new UsageError('say what to seed: --demo, or --subscribers N --pool N');
    const { deps, database } = await ctx.open({ migrate: true });
    if (flags.demo) {
      const started = Date.now();
      const result = await seedDemo(deps);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      ctx.out(
        result.seeded
          ? `Demo data written in ${seconds} s: ${result.subscribers} subscribers, pool ${JSON.stringify(result.poolByCategory)}.`
          : 'Demo data is already there; nothing written.',
      );
    }
    if (bulk) {
      const started = Date.now();
      let lastNote = 0;
      const result = await seedBulk(deps, {
        subscribers: flags.subscribers ?? 0,
        pool: flags.pool ?? 0,
        clientSubscribers: flags.clientSubscribers,
        concurrency: database.driver === 'postgres' ? 2 : 1,
        onProgress: (stage, done, total) => {
          if (Date.now() - lastNote > 5_000 || done === total) {
            lastNote = Date.now();
            ctx.info(`${stage}: ${done} / ${total} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
          }
        },
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      ctx.out(
        `Bulk data written in ${seconds} s: ${result.clients} clients, ${result.subscribers} subscribers, ${result.pool} pool numbers.`,
      );
    }
  },
});
