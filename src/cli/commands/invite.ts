// `invite --client <УНП>`: a one-time administrator invite (R-AUTH-ADM). The /start payload is printed as
// the last line of stdout and nowhere else.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { clients } from '../../db/schema/index.js';
import { issueInvite } from '../../domain/access/invites.js';
import { CliError, defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'invite',
  summary: 'issue a one-time administrator invite for a client; prints the /start payload as the last line',
  usage: '--client <УНП>',
  flags: z
    .object({
      client: z
        .string({ error: 'give the client’s УНП: --client 191234563' })
        .trim()
        .toUpperCase()
        .regex(/^[0-9A-Z]{9}$/, 'an УНП is 9 characters, e.g. 191234563'),
    })
    .strict(),
  async run(flags, ctx) {
    const { deps } = await ctx.open();
    const [client] = await deps.db
      .select({ id: clients.id, name: clients.name })
      .from(clients)
      .where(eq(clients.unp, flags.client));
    if (!client) throw new CliError(`no client with УНП ${flags.client}`);
    const code = await issueInvite(deps, { kind: 'system', name: 'cli' }, client.id);
    const hours = deps.settings.inviteTtlHours;
    ctx.out(`Invite for ${client.name} (УНП ${flags.client}): single use, valid for ${hours} h.`);
    ctx.out(
      'Give the administrator the link https://t.me/<bot username>?start=<payload>, or let them send «/start <payload>» to the bot.',
    );
    ctx.out('Payload:');
    ctx.out(code);
  },
});
