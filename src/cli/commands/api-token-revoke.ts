// `api-token revoke --name <name>`: the token answers 401 from its next request on.
import { z } from 'zod';
import { revokeApiToken } from '../../domain/operator/tokens.js';
import { CliError, defineCommand } from '../command.js';
import { tokenName } from './api-token-create.js';

export const command = defineCommand({
  name: 'api-token revoke',
  summary: 'revoke an operator API token by name',
  usage: '--name <name>',
  flags: z.object({ name: tokenName }).strict(),
  async run(flags, ctx) {
    const { deps } = await ctx.open();
    if (!(await revokeApiToken(deps, flags.name))) throw new CliError(`no live token named «${flags.name}»`);
    ctx.out(`Token «${flags.name}» revoked.`);
  },
});
