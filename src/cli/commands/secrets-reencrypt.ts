// `secrets reencrypt --from-key-file <old>`: moves every stored SIM code to the current SECRETS_KEY,
// bound to its subscriber (finding 5 of issue 22). Rows sealed with neither key are listed, not touched.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { decodeKey } from '../../config.js';
import { reencryptSimCodes } from '../../domain/sim-codes-store.js';
import { CliError, defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'secrets reencrypt',
  summary: 'move every stored PIN/PUK from the old key (a file holding it, hex or base64) to SECRETS_KEY',
  usage: '--from-key-file <path>',
  flags: z.object({ fromKeyFile: z.string({ error: 'give the old key: --from-key-file <path>' }).min(1) }).strict(),
  async run(flags, ctx) {
    let text: string;
    try {
      text = await readFile(flags.fromKeyFile, 'utf8');
    } catch {
      throw new CliError(`cannot read ${flags.fromKeyFile}`);
    }
    const fromKey = decodeKey(text.trim());
    // The key itself is never printed, only whether it could be read.
    if (!fromKey) throw new CliError('the key file must hold 32 bytes as 64 hex characters or base64');
    const { deps } = await ctx.open();
    const report = await reencryptSimCodes(deps, fromKey);
    ctx.out(
      `SIM codes moved to the current key: ${report.moved}; already current: ${report.current}; ` +
        `unreadable with either key: ${report.unreadable.length}.`,
    );
    if (report.unreadable.length > 0) {
      ctx.info(`unreadable subscriber ids: ${report.unreadable.slice(0, 50).join(', ')}`);
      throw new CliError(`${report.unreadable.length} stored codes open with neither key`);
    }
  },
});
