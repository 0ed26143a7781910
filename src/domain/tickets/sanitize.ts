// R-SUB-INFO / R-HANDOVER: a ticket's context never carries PIN/PUK. Every context passes here before
// it reaches a row: keys that could name the codes are dropped, strings that mention them are dropped,
// and the whole object is bounded (depth, keys, items, characters) so a context can never grow a row.
import { stripControl } from './text.js';

const MAX_DEPTH = 4;
const MAX_KEYS = 30;
const MAX_ITEMS = 10;
const MAX_STRING = 1000;
/** Characters of string content in the whole context. */
const MAX_BUDGET = 8000;

/** Words that, anywhere in a key, mean the value may be a code or another secret. */
const SECRET_WORDS = new Set([
  'pin',
  'pin1',
  'pin2',
  'pins',
  'puk',
  'puk1',
  'puk2',
  'puks',
  'code',
  'codes',
  'simcodes',
  'secret',
  'secrets',
  'password',
  'passwd',
  'token',
  'encrypted',
  'cipher',
  'ciphertext',
]);

/** `simCodesEncrypted` → sim, codes, encrypted; `PIN_1` → pin, 1 → also `pin1`. */
function keyWords(key: string): string[] {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z\d]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const joined = words.map((w, i) => (/^\d$/.test(words[i + 1] ?? '') ? w + words[i + 1] : w));
  return [...words, ...joined, key.toLowerCase().replace(/[^a-z\d]/g, '')];
}

export function isSecretKey(key: string): boolean {
  return keyWords(key).some((w) => SECRET_WORDS.has(w)) || /пин|пук|код/i.test(key);
}

/**
 * A text that mentions PIN or PUK (Latin or Cyrillic, as a word, optionally with 1/2), such as the
 * codes screen of «Персональная информация». Whole-word so that «spinner» or «пинг» do not count.
 */
export function mentionsSimCodes(text: string): boolean {
  return /(^|[^\p{L}])(pin|puk|пин|пук)(?=$|[^\p{L}])/iu.test(text);
}

interface Budget {
  left: number;
}

function boundString(value: string, budget: Budget): string | undefined {
  if (mentionsSimCodes(value)) return undefined;
  // Control characters out (Postgres refuses \u0000 in jsonb), then the per-string and total bounds.
  const clean = stripControl(value).slice(0, Math.min(MAX_STRING, budget.left));
  if (clean.length === 0 && value.length > 0) return undefined;
  budget.left -= clean.length;
  return clean;
}

function sanitizeValue(value: unknown, depth: number, budget: Budget): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
      return boundString(value, budget);
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return undefined; // functions, symbols, bigint, undefined
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  // The top object is depth 0; containers nested MAX_DEPTH deep are dropped.
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (out.length >= MAX_ITEMS) break;
      const clean = sanitizeValue(item, depth + 1, budget);
      if (clean !== undefined) out.push(clean);
    }
    return out;
  }
  return sanitizeObject(value as Record<string, unknown>, depth, budget);
}

function sanitizeObject(value: Record<string, unknown>, depth: number, budget: Budget): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let keys = 0;
  for (const [key, item] of Object.entries(value)) {
    if (keys >= MAX_KEYS) break;
    if (isSecretKey(key) || key.length > 64 || key === '__proto__') continue;
    const clean = sanitizeValue(item, depth + 1, budget);
    if (clean === undefined) continue;
    out[key] = clean;
    keys++;
  }
  return out;
}

/** The context as it may be stored: no code-bearing keys or texts, bounded in size. */
export function sanitizeContext(context: unknown): Record<string, unknown> | null {
  if (context === null || context === undefined || typeof context !== 'object' || Array.isArray(context)) return null;
  return sanitizeObject(context as Record<string, unknown>, 0, { left: MAX_BUDGET });
}
