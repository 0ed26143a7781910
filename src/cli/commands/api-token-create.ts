// `api-token create --name <name> --scope provision,orders,read` (R-API-AUTH): the token is printed once, as
// the last line of stdout; only its hash is stored.
import { z } from 'zod';
import { API_SCOPES, createApiToken } from '../../domain/operator/tokens.js';
import { isDomainError } from '../../domain/errors.js';
import { CliError, defineCommand } from '../command.js';

export const tokenName = z
  .string({ error: 'give the token a name: --name billing' })
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'a name is 1–64 letters, digits, dots, dashes or underscores');

export const command = defineCommand({
  name: 'api-token create',
  summary: 'issue a token for the operator API; prints it once, as the last line',
  usage: '--name <name> --scope provision,orders,read',
  flags: z
    .object({
      name: tokenName,
      scope: z
        .string({ error: `give the scopes: --scope ${API_SCOPES.join(',')}` })
        .transform((s) =>
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.enum(API_SCOPES, { error: `scopes are ${API_SCOPES.join(', ')}` })).min(1)),
    })
    .strict(),
  async run(flags, ctx) {
    const { deps } = await ctx.open();
    try {
      const { token } = await createApiToken(deps, { name: flags.name, scopes: flags.scope });
      ctx.out(
        `Token «${flags.name}» (${flags.scope.join(', ')}). It is shown only now; send it as Authorization: Bearer <token>.`,
      );
      ctx.out(token);
    } catch (e) {
      if (isDomainError(e) && e.code === 'api.tokenNameTaken')
        throw new CliError(`a live token named «${flags.name}» exists; revoke it first`);
      throw e;
    }
  },
});
