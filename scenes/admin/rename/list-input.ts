// List input shared by «Переименование абонента» and «Действия с услугами по списку абонентов»: a
// pasted text or a CSV/XLSX document becomes a ListSource (size checked from `file_size` before the
// download, and again while reading), and a stored list's preview becomes a screen.
import http from 'node:http';
import https from 'node:https';
import type { BotContext } from '../../../src/bot/context.js';
import type { InlineButton, View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import { DomainError, isDomainError } from '../../../src/domain/errors.js';
import type { ListPreview, ListSource } from '../../../src/domain/lists/types.js';
import { checkListFile, maxMb } from '../../../src/domain/lists/parse.js';
import { lineReasonText } from '../../../src/bot/line-reason.js';

const REASONS_SHOWN = 15;
const LINE_NUMBERS_SHOWN = 8;
const RAW_SHOWN = 40;

export { maxMb };

/** The list the user sent in this update: pasted text or a document; undefined for anything else. */
export async function listSourceOf(ctx: BotContext): Promise<ListSource | undefined> {
  const message = ctx.message;
  if (!message) return undefined;
  if ('text' in message) return { kind: 'text', text: message.text };
  if (!('document' in message)) return undefined;
  const { settings } = ctx.services.deps;
  const doc = message.document;
  const fileName = doc.file_name ?? 'list';
  // Telegram refuses downloads over 20 MB and ours are smaller: refuse before fetching anything.
  checkListFile({ fileName, declaredBytes: doc.file_size }, { maxBytes: settings.listMaxBytes });
  const link = await ctx.telegram.getFileLink(doc.file_id).catch(() => {
    throw new DomainError('lists.downloadFailed');
  });
  return { kind: 'file', fileName, content: await download(link, settings.listMaxBytes) };
}

/** Fetches the file through Node's http (tests intercept it); the URL holds the bot token and is never logged. */
function download(url: URL, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'http:' ? http : https;
    const request = client.get(url, { timeout: 30_000 }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new DomainError('lists.downloadFailed'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy();
          reject(new DomainError('lists.tooBig', { maxMb: maxMb(maxBytes) }));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', () => reject(new DomainError('lists.downloadFailed')));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => reject(new DomainError('lists.downloadFailed')));
  });
}

/** renames.* and bulk.* refusals carry their texts in the lists catalog: relabel them for the error boundary. */
export function asListError(error: unknown): unknown {
  if (isDomainError(error) && /^(renames|bulk)\./.test(error.code))
    return new DomainError(`lists.${error.code.split('.')[1]}`, error.params);
  return error;
}

/**
 * The preview screen: counts, then the bad lines grouped by reason (a 10 000-line list may have
 * thousands): a reason met once shows its line as sent, a frequent one its first line numbers.
 */
export function previewView(
  t: Texts,
  preview: ListPreview,
  title: string,
  keyboard: InlineButton[][],
  note?: string,
): View {
  const p = t.lists.preview;
  const groups = new Map<string, ListPreview['bad']>();
  for (const b of preview.bad) {
    const reason = lineReasonText(t, b.reason);
    groups.set(reason, [...(groups.get(reason) ?? []), b]);
  }
  const shown = [...groups.entries()].slice(0, REASONS_SHOWN).map(([reason, lines]) => {
    if (lines.length === 1) {
      const raw =
        [...lines[0]!.raw].length > RAW_SHOWN ? `${[...lines[0]!.raw].slice(0, RAW_SHOWN).join('')}…` : lines[0]!.raw;
      return p.badLine(lines[0]!.lineNo, reason, raw);
    }
    return p.badLines(
      lines.slice(0, LINE_NUMBERS_SHOWN).map((l) => l.lineNo),
      lines.length,
      reason,
    );
  });
  const parts = [title, p.counts(preview.total, preview.fine, preview.bad.length)];
  if (shown.length > 0)
    parts.push(
      [p.badHeader, ...shown, ...(groups.size > shown.length ? [p.more(groups.size - shown.length)] : [])].join('\n'),
    );
  if (preview.fine === 0) parts.push(p.nothingFine);
  else if (preview.bad.length > 0) parts.push(p.sendAgain);
  if (note) parts.push(note);
  return { text: parts.join('\n\n'), keyboard };
}
