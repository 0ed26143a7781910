// `api-token list`: names, scopes and dates of the API tokens (never the tokens themselves).
import { z } from 'zod';
import { listApiTokens } from '../../domain/operator/tokens.js';
import { defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'api-token list',
  summary: 'list the operator API tokens: name, scopes, created, last used, revoked',
  usage: '',
  flags: z.object({}).strict(),
  async run(_flags, ctx) {
    const { deps } = await ctx.open();
    const rows = await listApiTokens(deps);
    if (rows.length === 0) ctx.info('no API tokens');
    for (const r of rows) {
      const state = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : 'live';
      const used = r.lastUsedAt ? r.lastUsedAt.toISOString() : 'never';
      ctx.out(`${r.name}\t${r.scopes.join(',')}\tcreated ${r.createdAt.toISOString()}\tlast used ${used}\t${state}`);
    }
  },
});
