// List intake shared by «Переименование абонента» and «Действия с услугами по списку абонентов»:
// read, check every line, store the list as a draft with its lines, and return the preview. Nothing
// is applied here; a list that cannot be read is refused whole and nothing is stored.
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
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

/** Lines per INSERT: each statement carries its lines as one JSON parameter (10 000 lines: one statement). */
const INSERT_CHUNK = 10_000;

export async function createList(deps: DomainDeps, actor: Actor, input: CreateListInput): Promise<ListPreview> {
  const clientId = adminClientId(actor);
  const rows = dataRows(
    await readListRows(input.source, {
      maxLines: deps.settings.listMaxLines,
      maxBytes: deps.settings.listMaxBytes,
      maxUnzippedBytes: deps.settings.listMaxUnzippedBytes,
      maxRatio: deps.settings.listMaxZipRatio,
      maxEntries: deps.settings.listMaxZipEntries,
      parseMemoryMb: deps.settings.listParseMemoryMb,
      parseTimeoutMs: deps.settings.listParseTimeoutMs,
    }),
    input.kind,
  );
  const now = deps.clock.now();
  // The checks only read, so they run before the transaction (a long check holds no locks); the
  // preview is advisory — every line is checked again when it is applied.
  const known = await clientSubscribersByMsisdn(deps.db, clientId, rowMsisdns(rows));
  const lines = checkLines(rows, input.kind, known, deps.settings.nameMaxLength);
  if (input.extraCheck) {
    const extra = await input.extraCheck(
      deps.db,
      lines.filter((l) => l.reason === null),
    );
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
      await insertLines(tx, list!.id, lines);
      const bad = lines.filter((l) => l.reason).length;
      await audit(tx, actor, now, {
        action: 'lists.draft',
        clientId,
        after: {
          listId: list!.id,
          kind: input.kind,
          serviceId: input.serviceId ?? null,
          action: input.action ?? null,
          total: lines.length,
          bad,
        },
      });
      return { listId: list!.id, total: lines.length };
    };
    // Scoped by client: a nonce never answers with another client's list (finding 3 of issue 22).
    const made = input.nonce ? (await once(tx, `lists:${clientId}:${input.nonce}`, now, make)).result : await make();
    return listPreview(tx, { id: made.listId, kind: input.kind, total: made.total });
  });
}

/**
 * Stores the lines with one statement per 10 000: the rows travel as one JSON parameter and are unpacked
 * by jsonb_to_recordset (several times faster than a multi-row VALUES of 80 000 bind parameters).
 */
async function insertLines(tx: Executor, listId: number, lines: CheckedLine[]): Promise<void> {
  for (let i = 0; i < lines.length; i += INSERT_CHUNK) {
    const rows = lines.slice(i, i + INSERT_CHUNK).map((l) => ({
      line_no: l.lineNo,
      raw: l.raw,
      msisdn: l.msisdn,
      subscriber_id: l.reason ? null : l.subscriberId,
      name: l.name,
      status: l.reason ? 'invalid' : 'pending',
      reason: l.reason ? encodeReason(l.reason) : null,
    }));
    await tx.execute(sql`
      insert into ${bulkListLines} (list_id, line_no, raw, msisdn, subscriber_id, name, status, reason)
      select ${listId}::int, x.line_no, x.raw, x.msisdn, x.subscriber_id, x.name, x.status, x.reason
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(line_no int, raw text, msisdn text, subscriber_id int, name text, status list_line_status, reason text)`);
  }
}
