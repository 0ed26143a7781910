// R-RENAME: on the last days of a month a rename goes only by written application. The bot offers to
// send it as a feedback ticket; this is the application's text, prefilled with the number(s) and names.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { bulkListLines, clients } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { listInScope } from '../lists/repository.js';
import { formatPhone } from '../phone.js';
import { adminClientId, subscriberInScope } from '../scope.js';
import { TICKET_TEXT_MAX } from '../tickets/text.js';
import type { IsoDate } from '../time.js';
import { normalizeName } from './name.js';

export interface RenameApplicationLine {
  msisdn: string;
  name: string;
}

export interface RenameApplication {
  topic: string;
  text: string;
  lines: number;
}

/** The written application (in Russian: it is addressed to the operator's staff). */
export function formatRenameApplication(input: {
  clientName: string;
  unp: string;
  date: IsoDate;
  lines: RenameApplicationLine[];
  /** Lines written out in full; the rest are counted (a chat message holds ~4 000 characters). */
  maxLines?: number;
}): string {
  const shown = input.lines.slice(0, input.maxLines ?? input.lines.length);
  const rest = input.lines.length - shown.length;
  const [y, m, d] = input.date.split('-');
  return [
    'Заявление на переименование абонентов',
    `Клиент: ${input.clientName}, УНП ${input.unp}`,
    `Прошу изменить наименование ${input.lines.length === 1 ? 'абонента' : 'абонентов'} в списках и счёте:`,
    ...shown.map((l, i) => `${i + 1}. ${formatPhone(l.msisdn)} — ${l.name}`),
    ...(rest > 0 ? [`… и ещё ${rest} (список приложен к обращению в боте)`] : []),
    `Дата: ${d}.${m}.${y}`,
  ].join('\n');
}

async function client(deps: DomainDeps, clientId: number) {
  const [row] = await deps.db
    .select({ name: clients.name, unp: clients.unp })
    .from(clients)
    .where(eq(clients.id, clientId));
  if (!row) throw new DomainError('access.forbidden');
  return row;
}

/** The application for one number and a typed name. */
export async function renameApplicationForSubscriber(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; newName: string },
): Promise<RenameApplication> {
  const clientId = adminClientId(actor);
  const subscriber = await subscriberInScope(deps.db, actor, input.subscriberId);
  const name = normalizeName(input.newName, deps.settings.nameMaxLength);
  const c = await client(deps, clientId);
  const lines = [{ msisdn: subscriber.msisdn, name }];
  return {
    topic: 'Заявление на переименование абонента',
    text: formatRenameApplication({ clientName: c.name, unp: c.unp, date: today(deps.clock), lines }),
    lines: 1,
  };
}

/** The application for the fine lines of a stored rename list, cut to `maxChars` (a ticket's text limit). */
export async function renameApplicationForList(
  deps: DomainDeps,
  actor: Actor,
  input: { listId: number; maxChars?: number },
): Promise<RenameApplication> {
  const clientId = adminClientId(actor);
  const list = await listInScope(deps.db, actor, input.listId, 'rename');
  const rows = await deps.db
    .select({ msisdn: bulkListLines.msisdn, name: bulkListLines.name })
    .from(bulkListLines)
    .where(and(eq(bulkListLines.listId, list.id), eq(bulkListLines.status, 'pending'), isNotNull(bulkListLines.name)))
    .orderBy(asc(bulkListLines.lineNo));
  const lines = rows.map((r) => ({ msisdn: r.msisdn!, name: r.name! }));
  const c = await client(deps, clientId);
  const maxChars = input.maxChars ?? TICKET_TEXT_MAX;
  const format = (maxLines: number) =>
    formatRenameApplication({ clientName: c.name, unp: c.unp, date: today(deps.clock), lines, maxLines });
  let shown = lines.length;
  let text = format(shown);
  // Written out in full when it fits; otherwise as many lines as fit, the rest counted.
  while (text.length > maxChars && shown > 0) {
    shown = Math.max(0, Math.min(shown - 1, Math.floor((shown * maxChars) / text.length) - 1));
    text = format(shown);
  }
  return { topic: 'Заявление на переименование абонентов', text, lines: lines.length };
}
