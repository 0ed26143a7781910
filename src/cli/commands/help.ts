// `help`: every command with its usage and what it does.
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { commands } from '../registry.js';

export const command = defineCommand({
  name: 'help',
  summary: 'this list',
  usage: '',
  flags: z.object({}).strict(),
  async run(_flags, ctx) {
    ctx.out('Portal Bot command-line tool: npm run cli -- <command> [flags]');
    ctx.out(
      'Uses DATABASE_URL when set, otherwise the embedded database at PGLITE_DIR (while the bot runs there, commands are sent to it).',
    );
    ctx.out('');
    for (const load of Object.values(commands)) {
      const { command: c } = await load();
      ctx.out(`  ${`${c.name} ${c.usage}`.trim()}`);
      ctx.out(`      ${c.summary}`);
    }
    ctx.out('');
    ctx.out('Exit codes: 0 done, 1 refused or failed, 2 wrong arguments, 3 bad configuration.');
  },
});
