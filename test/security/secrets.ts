// The secret-leak scan every bot test runs over its logs (test/helpers/bot.ts and the fault harness call
// it when they close): the bot token, SECRETS_KEY, the demo SIM codes, and every invite code and SIM code
// the bot showed a user in that test must never appear in a log line.
import { DEMO_SUBSCRIBER_SIM_CODES } from '../../src/db/seed/identities.js';
import type { ApiCall } from '../helpers/telegram-fake.js';

export interface KnownSecrets {
  token: string;
  secretsKey: Buffer;
  /** What the bot sent (invite links and PIN/PUK messages are harvested from it). */
  calls?: ApiCall[];
}

/** Invite codes (from `start=` links) and PIN/PUK values (from the codes message) the bot showed users. */
export function secretsShown(calls: ApiCall[]): { codes: string[]; pins: string[] } {
  const codes = new Set<string>();
  const pins = new Set<string>();
  for (const call of calls) {
    const text = String(call.payload.text ?? call.payload.caption ?? '');
    for (const m of text.matchAll(/start=([A-Za-z0-9_-]{16,64})/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/\b(?:PIN|PUK)[12]: (\d{4,8})\b/g)) pins.add(m[1]!);
  }
  return { codes: [...codes], pins: [...pins] };
}

/** Every string inside a JSON log line (numbers such as update_id or time are not text a secret hides in). */
function stringsOf(value: unknown, out: string[]): void {
  if (typeof value === 'string')
    out.push(value.replace(/:\d+:\d+\)?/g, ':_:_')); // stack positions are not PINs
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsOf(v, out);
    }
  }
}

/** Short numeric secrets (a 4-digit PIN) are looked for as whole numbers inside the lines' strings. */
function containsNumber(strings: string[], digits: string): boolean {
  const re = new RegExp(`(?<!\\d)${digits}(?!\\d)`);
  return strings.some((s) => re.test(s));
}

/** What leaked, named without repeating the secret itself. */
export function secretLeaks(logs: string[], known: KnownSecrets): string[] {
  const shown = secretsShown(known.calls ?? []);
  const long: [string, string][] = [
    ['the bot token', known.token],
    ['the bot token’s secret part', known.token.split(':')[1] ?? known.token],
    ['SECRETS_KEY (hex)', known.secretsKey.toString('hex')],
    ['SECRETS_KEY (base64)', known.secretsKey.toString('base64')],
    ...shown.codes.map((c, i): [string, string] => [`invite code #${i + 1}`, c]),
  ];
  const numeric = [...new Set([...Object.values(DEMO_SUBSCRIBER_SIM_CODES), ...shown.pins])];
  const found = new Set<string>();
  const text = logs.join('\n');
  for (const [name, secret] of long) if (secret.length >= 8 && text.includes(secret)) found.add(name);
  for (const line of logs) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = line;
    }
    const strings: string[] = [];
    stringsOf(parsed, strings);
    for (const code of numeric) if (containsNumber(strings, code)) found.add(`a PIN/PUK value (${code.length} digits)`);
  }
  return [...found];
}
