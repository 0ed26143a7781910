// List intake shared by «Переименование абонента» and «Действия с услугами по списку абонентов»:
// read, check every line, store the list as a draft with its lines, and return the preview. Nothing
// is applied here; a list that cannot be read is refused whole and nothing is stored.
import type { Db } from '../../db/client.js';
import { bulkListLines, bulkLists } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { actorTelegramId } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { once } from '../idempotency.js';
import { adminClientId } from '../scope.js';
import { readListRows } from './parse.js';
import { encodeReason } from './reason.js';
import { listPreview } from './repository.js';
import type { CheckedLine, LineReason, ListKind, ListPreview, ListSource } from './types.js';
import { checkLines, clientSubscribersByMsisdn, dataRows, rowMsisdns } from './validate.js';

export interface CreateListInput {
  kind: ListKind;
  source: ListSource;
  serviceId?: number;
  action?: 'connect' | 'disconnect';
  /** Where progress and results go (the administrator's chat). */
  chatId?: number;
  /** A redelivered upload makes one draft (R-IDEMP). */
  nonce?: string;
  /**
   * The section's own read-only checks on lines that passed the common ones (e.g. the service is not
   * allowed on the number's tariff); returns reasons by line number. Runs outside any transaction, so
   * it may spread its reads over the pool.
   */
  extraCheck?: (db: Db, lines: CheckedLine[]) => Promise<Map<number, LineReason>>;
}

const INSERT_CHUNK = 1000;

export async function createList(deps: DomainDeps, actor: Actor, input: CreateListInput): Promise<ListPreview> {
  const clientId = adminClientId(actor);
  const rows = dataRows(await readListRows(input.source, { maxLines: deps.settings.listMaxLines, maxBytes: deps.settings.listMaxBytes }), input.kind);
  const now = deps.clock.now();
  // The checks only read, so they run before the transaction (a long check holds no locks); the
  // preview is advisory — every line is checked again when it is applied.
  const known = await clientSubscribersByMsisdn(deps.db, clientId, rowMsisdns(rows));
  const lines = checkLines(rows, input.kind, known, deps.settings.nameMaxLength);
  if (input.extraCheck) {
    const extra = await input.extraCheck(deps.db, lines.filter((l) => l.reason === null));
    for (const line of lines) line.reason ??= extra.get(line.lineNo) ?? null;
  }
  return deps.db.transaction(async (tx) => {
    const make = async (): Promise<{ listId: number; total: number }> => {
      const [list] = await tx
        .insert(bulkLists)
        .values({
          clientId,
          kind: input.kind,
          serviceId: input.serviceId ?? null,
          action: input.action ?? null,
          status: 'draft',
          requestedByTelegramId: actorTelegramId(actor),
          chatId: input.chatId ?? actorTelegramId(actor),
          total: lines.length,
          createdAt: now,
        })
        .returning({ id: bulkLists.id });
      for (let i = 0; i < lines.length; i += INSERT_CHUNK) {
        await tx.insert(bulkListLines).values(
          lines.slice(i, i + INSERT_CHUNK).map((l) => ({
            listId: list!.id,
            lineNo: l.lineNo,
            raw: l.raw,
            msisdn: l.msisdn,
            subscriberId: l.reason ? null : l.subscriberId,
            name: l.name,
            status: l.reason ? ('invalid' as const) : ('pending' as const),
            reason: l.reason ? encodeReason(l.reason) : null,
          })),
        );
      }
      const bad = lines.filter((l) => l.reason).length;
      await audit(tx, actor, now, {
        action: 'lists.draft',
        clientId,
        after: { listId: list!.id, kind: input.kind, serviceId: input.serviceId ?? null, action: input.action ?? null, total: lines.length, bad },
      });
      return { listId: list!.id, total: lines.length };
    };
    const made = input.nonce ? (await once(tx, `lists:${input.nonce}`, now, make)).result : await make();
    return listPreview(tx, { id: made.listId, kind: input.kind, total: made.total });
  });
}
