// R-HANDOVER: the conversation so far, as it is attached to a ticket opened with «Связаться со
// специалистом». Bounded and sanitised: the codes screen and anything mentioning PIN/PUK never goes in.
import { cleanText } from './text.js';
import { mentionsSimCodes, sanitizeContext } from './sanitize.js';

export const HANDOVER_SCREENS = 5;
export const HANDOVER_MESSAGES = 5;
const SCREEN_MAX = 600;
const MESSAGE_MAX = 300;

export interface HandoverInput {
  role: 'admin' | 'subscriber';
  clientName?: string | null;
  /** `375XXXXXXXXX` of the chosen subscriber (or the subscriber's own number). */
  subscriberMsisdn?: string | null;
  /** Where the user was, e.g. the scene id or route. */
  section: string;
  /** Texts of the last screens shown, oldest first. */
  lastScreens: readonly string[];
  /** The last things the user typed, oldest first. */
  lastUserMessages: readonly string[];
}

export interface HandoverContext {
  kind: 'handover';
  role: 'admin' | 'subscriber';
  clientName?: string;
  subscriberMsisdn?: string;
  section: string;
  lastScreens: string[];
  lastUserMessages: string[];
}

/** A PIN is 4 digits, a PUK 8: a message that is only such a run may be a code the user typed. */
function looksLikeBareCode(text: string): boolean {
  return /^\s*(\d{4}|\d{8})\s*$/.test(text);
}

function lastClean(items: readonly string[], keep: number, max: number): string[] {
  return items
    .map((s) => cleanText(String(s)))
    .filter((s) => s.length > 0 && !mentionsSimCodes(s) && !looksLikeBareCode(s))
    .slice(-keep)
    .map((s) => (s.length > max ? `${s.slice(0, max - 1)}…` : s));
}

export function buildHandoverContext(input: HandoverInput): HandoverContext {
  const context: HandoverContext = {
    kind: 'handover',
    role: input.role,
    section: cleanText(input.section).slice(0, 100),
    lastScreens: lastClean(input.lastScreens, HANDOVER_SCREENS, SCREEN_MAX),
    lastUserMessages: lastClean(input.lastUserMessages, HANDOVER_MESSAGES, MESSAGE_MAX),
  };
  if (input.clientName) context.clientName = cleanText(input.clientName).slice(0, 200);
  if (input.subscriberMsisdn && /^375\d{9}$/.test(input.subscriberMsisdn))
    context.subscriberMsisdn = input.subscriberMsisdn;
  // The same pass every stored context gets, so the two can never disagree.
  return sanitizeContext(context) as unknown as HandoverContext;
}
