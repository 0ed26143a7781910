// «Пауза» as pure views: the current pause or the rules of a new one with the length buttons, and the
// confirmations of a new pause and of an early end.
import { button, callbackOf } from '../../../src/bot/actions.js';
import { date, money } from '../../../src/bot/format.js';
import { grid, type Keyboard, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { PauseOverview, PauseQuote } from '../../../src/domain/services/pause.js';
import { addDays, type IsoDate } from '../../../src/domain/time.js';
import { backRow, confirmRows, header } from '../service-operations/views.js';
import { askEnd, confirmEnd, confirmStart, pauseScreen, quoteDays } from './section.js';

/** The length buttons the issue asks for; those outside the configured window are not shown. */
export const PAUSE_PRESETS = [7, 14, 30, 60, 90];

export function pauseView(t: Texts, data: PauseOverview, done?: string): View {
  const p = t.services.pause;
  const keyboard: Keyboard = [];
  let body: string;
  if (data.current) {
    const { startsOn, endsOn } = data.current;
    body = data.current.running
      ? p.running(date(startsOn), date(endsOn), date(addDays(endsOn, 1)))
      : p.scheduled(date(startsOn), date(endsOn));
    keyboard.push([button(data.current.running ? p.endEarly : p.cancelScheduled, askEnd, data.subscriberId)]);
  } else if (data.blocked) {
    body = p.blocked;
  } else {
    body = `${p.rules({ min: data.minDays, max: data.maxDays, fee: money(data.fee), perYear: data.perYear, used: data.usedThisYear, startsOn: date(data.startsOn) })}\n\n${p.choose}`;
    const presets = PAUSE_PRESETS.filter((n) => n >= data.minDays && n <= data.maxDays);
    keyboard.push(
      ...grid(
        presets.map((n) => button(p.daysButton(n), quoteDays, data.subscriberId, n)),
        3,
      ),
    );
  }
  keyboard.push(backRow(t, data.subscriberId));
  return { text: [header(p.title, data.msisdn, p.intro, done), body].join('\n\n'), keyboard };
}

export function pauseConfirmView(t: Texts, quote: PauseQuote, nonce: string): View {
  return {
    text: t.services.pause.confirm({
      from: date(quote.startsOn),
      to: date(quote.endsOn),
      days: quote.days,
      fee: money(quote.fee),
    }),
    keyboard: confirmRows(
      t,
      callbackOf(confirmStart, quote.subscriberId, quote.endsOn, nonce),
      callbackOf(pauseScreen, quote.subscriberId),
    ),
  };
}

export function pauseEndConfirmView(
  t: Texts,
  subscriberId: number,
  current: { startsOn: IsoDate; endsOn: IsoDate },
  day: IsoDate,
  nonce: string,
): View {
  return {
    text: t.services.pause.confirmEnd(date(current.startsOn), date(current.endsOn), date(day)),
    keyboard: confirmRows(t, callbackOf(confirmEnd, subscriberId, nonce), callbackOf(pauseScreen, subscriberId)),
  };
}
