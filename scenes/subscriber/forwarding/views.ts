// «Переадресация звонков» screens as pure views: the four conditions with their state, one condition,
// the typed-target prompt, and the confirmations (condition, target, delay) before anything changes.
import { button, callbackOf } from '../../../src/bot/actions.js';
import { grid, type Keyboard, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import {
  type ForwardCondition,
  type ForwardingLine,
  type ForwardingPreview,
  type ForwardingState,
} from '../../../src/domain/services/forwarding.js';
import { formatForwardTarget } from '../../../src/domain/services/forwarding-target.js';
import { backRow, confirmRows, header } from '../service-operations/views.js';
import {
  askCancel,
  askTarget,
  chooseDelay,
  confirmCancel,
  confirmSet,
  type ForwardCode,
  forwardingCondition,
  forwardingScreen,
} from './section.js';

/** Conditions travel in buttons as one letter (FORWARD_CODES). */
const CODES: Record<ForwardCondition, ForwardCode> = { unconditional: 'u', busy: 'b', no_reply: 'n', unreachable: 'r' };
const CONDITIONS: Record<ForwardCode, ForwardCondition> = {
  u: 'unconditional',
  b: 'busy',
  n: 'no_reply',
  r: 'unreachable',
};
export const codeOf = (c: ForwardCondition): ForwardCode => CODES[c];
export const conditionOf = (code: ForwardCode): ForwardCondition => CONDITIONS[code];

function lineText(t: Texts, line: ForwardingLine): string {
  const f = t.services.fwd;
  const name = f.conditions[line.condition];
  if (!line.active) return `${name}: ${f.off}`;
  const delay = line.delaySeconds ? `, ${f.delay(line.delaySeconds)}` : '';
  return `${name}: ${f.on(formatForwardTarget(line.target ?? ''))}${delay}${line.overridden ? ` — ${f.overridden}` : ''}`;
}

export function forwardingView(t: Texts, state: ForwardingState, done?: string): View {
  const f = t.services.fwd;
  const lines = state.lines.map((l) => `${l.active ? '✓' : '•'} ${lineText(t, l)}`);
  if (state.unconditionalActive) lines.push('', f.overrideNote);
  const keyboard: Keyboard = grid(
    state.lines.map((l) =>
      button(
        `${l.active ? '✓ ' : ''}${f.conditions[l.condition]}`,
        forwardingCondition,
        state.subscriberId,
        codeOf(l.condition),
      ),
    ),
    2,
  );
  if (state.lines.some((l) => l.active)) keyboard.push([button(f.cancelAll, askCancel, state.subscriberId, 'all')]);
  keyboard.push(backRow(t, state.subscriberId));
  return { text: [header(f.title, state.msisdn, f.intro, done), lines.join('\n')].join('\n\n'), keyboard };
}

export function conditionView(t: Texts, subscriberId: number, line: ForwardingLine): View {
  const f = t.services.fwd;
  const code = codeOf(line.condition);
  const keyboard: Keyboard = [[button(line.active ? f.change : f.set, askTarget, subscriberId, code)]];
  if (line.active) keyboard.push([button(f.cancel, askCancel, subscriberId, code)]);
  keyboard.push([button(t.core.labels.back, forwardingScreen, subscriberId)]);
  return { text: `${f.conditionTitle(f.conditions[line.condition])}\n\n${lineText(t, line)}`, keyboard };
}

export function askTargetView(t: Texts, subscriberId: number, condition: ForwardCondition): View {
  const f = t.services.fwd;
  return {
    text: f.askTarget(f.conditions[condition]),
    keyboard: [[button(t.core.labels.cancel, forwardingCondition, subscriberId, codeOf(condition))]],
  };
}

export function setConfirmView(
  t: Texts,
  subscriberId: number,
  preview: ForwardingPreview,
  delays: readonly number[],
  nonce: string,
): View {
  const f = t.services.fwd;
  const previous = preview.previous
    ? `${f.on(formatForwardTarget(preview.previous.target))}${preview.previous.delaySeconds ? `, ${f.delay(preview.previous.delaySeconds)}` : ''}`
    : undefined;
  const text = f.confirm({
    condition: f.conditions[preview.condition],
    target: formatForwardTarget(preview.target),
    delay: preview.delaySeconds ? f.delayButton(preview.delaySeconds, false) : undefined,
    previous,
  });
  const keyboard: Keyboard = [];
  if (preview.condition === 'no_reply') {
    keyboard.push(
      ...grid(
        delays.map((d) =>
          button(f.delayButton(d, d === preview.delaySeconds), chooseDelay, subscriberId, preview.target, d),
        ),
        6,
      ),
    );
  }
  keyboard.push(
    ...confirmRows(
      t,
      callbackOf(confirmSet, subscriberId, codeOf(preview.condition), preview.target, preview.delaySeconds ?? 0, nonce),
      callbackOf(forwardingScreen, subscriberId),
    ),
  );
  return { text: preview.condition === 'no_reply' ? `${text}\n\n${f.chooseDelay}` : text, keyboard };
}

export function cancelConfirmView(t: Texts, subscriberId: number, which: ForwardingLine | 'all', nonce: string): View {
  const f = t.services.fwd;
  const text =
    which === 'all'
      ? f.confirmCancelAll
      : f.confirmCancel(f.conditions[which.condition], formatForwardTarget(which.target ?? ''));
  const code = which === 'all' ? 'all' : codeOf(which.condition);
  return {
    text,
    keyboard: confirmRows(
      t,
      callbackOf(confirmCancel, subscriberId, code, nonce),
      callbackOf(forwardingScreen, subscriberId),
    ),
  };
}
