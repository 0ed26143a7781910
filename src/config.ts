// The environment, parsed by one zod schema. A bad or missing value stops the start with one
// readable list of every problem. Nothing else in the code reads process.env.
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const kopecks = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  BOT_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC… (from @BotFather)')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  BOT_MODE: z.enum(['polling', 'webhook']).default('polling'),
  WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters of A-Z, a-z, 0-9, _ and -')
      .optional(),
  ),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The operator's API (R-API-AUTH), a listener apart from the public webhook PORT. */
  API_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  API_HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  PGLITE_DIR: z.string().default('./.data/pglite'),
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
  ),
  REDIS_PREFIX: z.string().default('portal:'),
  SUPPORT_CHAT_ID: optionalString.pipe(
    z
      .string()
      .regex(/^-\d+$/, 'a supergroup id is negative, like -1001234567890')
      .transform(Number)
      .optional(),
  ),
  /** Users see the staff member's first name on answers (SPEC: staff are anonymous unless configured). */
  SUPPORT_SIGN_STAFF: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Claims of one job before it is marked failed (a job whose process dies is taken again until then). */
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** 32 bytes, hex or base64; AES-256-GCM key for PIN/PUK at rest. */
  SECRETS_KEY: optionalString,
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// URL')
      .optional(),
  ),
  MAIL_FROM: z.string().default('Portal Bot <noreply@portal.example>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BOT_NOW: optionalString.pipe(z.iso.datetime({ offset: true }).optional()),
  /** Rename delay (R-RENAME): 24 h in production; the demo applies renames within a minute. */
  RENAME_DELAY_SECONDS: z.coerce.number().int().nonnegative().optional(),
  PIN_MESSAGE_TTL_SECONDS: z.coerce.number().int().positive().default(60),
  VAT_PERCENT: z.coerce.number().int().min(0).max(100).default(20),
  INVITE_TTL_HOURS: z.coerce.number().positive().default(24),
  PAGE_SIZE: z.coerce.number().int().min(1).max(50).default(10),
  POST_DELIVERY_FEE: kopecks(510),
  // Orders (issue 19): the operator's webhook for order events; off without a URL (events wait in the table).
  ORDERS_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  ORDERS_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/]{22,}={0,2}$/, 'must be whsec_<base64> (at least 16 bytes)')
      .optional(),
  ),
  ORDERS_WEBHOOK_SECRET_PREVIOUS: optionalString.pipe(
    z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/]{22,}={0,2}$/, 'must be whsec_<base64> (at least 16 bytes)')
      .optional(),
  ),
  ORDERS_RETRY_HOURS: z.coerce.number().positive().default(24),
  ORDERS_EVENTS_KEEP_DAYS: z.coerce.number().positive().default(30),
  /** The supplier block of an invoice (the operator's requisites); demo values outside production when unset. */
  SUPPLIER_NAME: optionalString,
  SUPPLIER_UNP: optionalString.pipe(
    z
      .string()
      .regex(/^[0-9A-Z]{9}$/, 'an УНП is 9 characters')
      .optional(),
  ),
  SUPPLIER_ADDRESS: optionalString,
  SUPPLIER_IBAN: optionalString.pipe(
    z
      .string()
      .regex(/^BY\d{2}[A-Z0-9]{4}\d{4}[A-Z0-9]{16}$/, 'a Belarusian IBAN: BY, 2 digits, 24 characters')
      .optional(),
  ),
  SUPPLIER_BANK: optionalString,
  SUPPLIER_BIC: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, 'a BIC is 8 or 11 characters')
      .optional(),
  ),
  /** Day of the month after the billed one by which an invoice is to be paid. */
  INVOICE_DUE_DAY: z.coerce.number().int().min(1).max(28).default(25),
  /** Finding 4 of issue 22: updates one Telegram user may send per window (a token bucket). */
  RATE_LIMIT_UPDATES: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().positive().default(10),
  /** R-TICKET: open requests per user (finding 4 of issue 22). */
  TICKETS_OPEN_MAX_SUBSCRIBER: z.coerce.number().int().positive().default(5),
  TICKETS_OPEN_MAX_ADMIN: z.coerce.number().int().positive().default(20),
  PENDING_DOCUMENTS_MAX: z.coerce.number().int().positive().default(5),
  /** Finding 6 of issue 22: days closed tickets' texts and attachments, and audit rows, are kept. */
  TICKETS_KEEP_DAYS: z.coerce.number().int().positive().default(1095),
  AUDIT_KEEP_DAYS: z.coerce.number().int().positive().default(1825),
  /** Finding 1 of issue 22: bounds of an uploaded XLSX, checked on its zip directory before inflating. */
  LIST_MAX_UNZIPPED_MB: z.coerce.number().positive().default(64),
  LIST_MAX_ZIP_RATIO: z.coerce.number().positive().default(100),
  LIST_PARSE_MEMORY_MB: z.coerce.number().int().min(32).default(128),
  LIST_PARSE_TIMEOUT_SECONDS: z.coerce.number().positive().default(15),
});

/** The variables of the invoice's supplier block: all set in production. */
export const SUPPLIER_VARIABLES = [
  'SUPPLIER_NAME',
  'SUPPLIER_UNP',
  'SUPPLIER_ADDRESS',
  'SUPPLIER_IBAN',
  'SUPPLIER_BANK',
  'SUPPLIER_BIC',
] as const;

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
  problems.push(...crossFieldProblems(env));
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/** Rules between variables, checked on the raw values so they are listed with every other problem. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const production = env.NODE_ENV === 'production';
  const webhook = env.BOT_MODE === 'webhook';
  const problems: string[] = [];
  if (production && set('BOT_NOW')) problems.push('BOT_NOW: is refused when NODE_ENV=production');
  if (production && !set('SECRETS_KEY')) problems.push('SECRETS_KEY: is required when NODE_ENV=production');
  // The development key serves the embedded database only: a server database holds real codes.
  if (!production && set('DATABASE_URL') && !set('SECRETS_KEY'))
    problems.push('SECRETS_KEY: is required when DATABASE_URL is set (the development key serves PGlite only)');
  if (set('SECRETS_KEY') && decodeKey(env.SECRETS_KEY!.trim()) === undefined) {
    problems.push('SECRETS_KEY: must be 32 bytes as 64 hex characters or base64');
  }
  if (production) {
    for (const name of SUPPLIER_VARIABLES)
      if (!set(name)) problems.push(`${name}: is required when NODE_ENV=production (the invoice's supplier)`);
  }
  if (webhook && !set('WEBHOOK_URL')) problems.push('WEBHOOK_URL: is required when BOT_MODE=webhook');
  if (webhook && !set('WEBHOOK_SECRET')) problems.push('WEBHOOK_SECRET: is required when BOT_MODE=webhook');
  problems.push(...ordersWebhookProblems(env));
  return problems;
}

/** ORDERS_WEBHOOK_URL: https, or http on loopback only; a secret with it. */
function ordersWebhookProblems(env: Record<string, string | undefined>): string[] {
  const url = (env.ORDERS_WEBHOOK_URL ?? '').trim();
  if (url === '') return [];
  const problems: string[] = [];
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    return problems;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
    problems.push('ORDERS_WEBHOOK_URL: must be https (http only on loopback)');
  if ((env.ORDERS_WEBHOOK_SECRET ?? '').trim() === '')
    problems.push('ORDERS_WEBHOOK_SECRET: is required when ORDERS_WEBHOOK_URL is set');
  return problems;
}

/** The bot itself needs a token; the CLI and tests do not. */
export function requireBotToken(config: Config): string {
  if (!config.BOT_TOKEN) throw new ConfigError(['BOT_TOKEN: is required to run the bot (get one from @BotFather)']);
  return config.BOT_TOKEN;
}

/** Development key used when SECRETS_KEY is unset outside production (demo data only). */
const DEV_SECRETS_KEY = Buffer.alloc(32, 7);

export function decodeKey(value: string): Buffer | undefined {
  const hex = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : undefined;
  const key = hex ?? Buffer.from(value, 'base64');
  return key.length === 32 ? key : undefined;
}

export function secretsKey(config: Config): Buffer {
  return config.SECRETS_KEY ? decodeKey(config.SECRETS_KEY)! : DEV_SECRETS_KEY;
}
