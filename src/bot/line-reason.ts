// A list line's refusal reason as words (screens and result files alike): services.*/fees.* from their
// areas, lists.*/renames.*/bulk.* from lists.
import { DomainError } from '../domain/errors.js';
import type { LineReason } from '../domain/lists/types.js';
import { errorText, type Texts } from './texts/index.js';

export function lineReasonText(t: Texts, reason: LineReason | null): string {
  if (!reason) return '';
  const error = new DomainError(reason.code, reason.params ?? {});
  const own = errorText(t, error);
  if (own !== undefined) return own;
  const message = t.lists.errors[reason.code.split('.', 2)[1] ?? ''];
  if (message !== undefined) return typeof message === 'function' ? message(reason.params ?? {}) : message;
  return reason.code;
}
