// Confirmation nonces the bot issues (R-IDEMP; finding 3 of issue 22): 12 random characters and a MAC of
// them with the Telegram user they were issued to, so a nonce a client made up — or another user's — is
// refused by the dispatcher before any domain work (a forged «Скачать» makes no document). The domain
// still scopes its idempotency keys by client and object; this only decides who may present a nonce.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BotContext } from './context.js';

const RANDOM_CHARS = 12;
const MAC_CHARS = 8;

/** The MAC key, derived from SECRETS_KEY for this purpose only. */
export function nonceKey(secretsKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretsKey, Buffer.alloc(0), 'portal-bot confirmation nonce', 32));
}

function mac(key: Buffer, random: string, telegramId: number): string {
  return createHmac('sha256', key).update(`${telegramId}:${random}`).digest('base64url').slice(0, MAC_CHARS);
}

/** A fresh nonce for `telegramId` (20 base64url characters: within NONCE_PATTERN). */
export function mintNonce(key: Buffer, telegramId: number): string {
  const random = randomBytes(9).toString('base64url');
  return random + mac(key, random, telegramId);
}

/** Whether `nonce` was issued by this bot to `telegramId`. */
export function nonceIssuedTo(key: Buffer, nonce: string, telegramId: number): boolean {
  if (nonce.length !== RANDOM_CHARS + MAC_CHARS) return false;
  const expected = Buffer.from(mac(key, nonce.slice(0, RANDOM_CHARS), telegramId));
  const given = Buffer.from(nonce.slice(RANDOM_CHARS));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A nonce for a confirmation button shown to the user of this update. */
export function issueNonce(ctx: BotContext): string {
  const from = ctx.from;
  if (!from) throw new Error('a confirmation is shown only in answer to a user');
  return ctx.services.nonce(from.id);
}
