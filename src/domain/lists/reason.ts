// A line's reason is kept in one text column as `code` or `code {json params}`, so a stored list
// renders the same reasons after a restart.
import type { LineReason } from './types.js';

export function encodeReason(reason: LineReason): string {
  const params = reason.params && Object.keys(reason.params).length > 0 ? ` ${JSON.stringify(reason.params)}` : '';
  return reason.code + params;
}

export function decodeReason(text: string | null): LineReason | null {
  if (!text) return null;
  const space = text.indexOf(' ');
  if (space < 0) return { code: text };
  try {
    return { code: text.slice(0, space), params: JSON.parse(text.slice(space + 1)) as LineReason['params'] };
  } catch {
    return { code: text.slice(0, space) };
  }
}
