// `migrate`: applies the migrations in drizzle/ to the configured database.
import { z } from 'zod';
import { defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'migrate',
  summary: 'apply the database migrations (server or embedded)',
  usage: '',
  flags: z.object({}).strict(),
  async run(_flags, ctx) {
    const { database } = await ctx.open({ migrate: true });
    ctx.out(
      `Migrations applied (${database.driver === 'postgres' ? 'PostgreSQL server' : `embedded PGlite at ${ctx.config.PGLITE_DIR}`}).`,
    );
  },
});
