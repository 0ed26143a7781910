// The one rule for a confirmation's one-time nonce (R-IDEMP): what the bot issues (src/bot/nonces.ts: 20
// base64url characters, bound to the user) with room to spare, short enough that every confirmation
// button fits Telegram's 64 bytes.
// Buttons, the dispatcher and the domain all use this.
export const NONCE_MAX_LENGTH = 24;
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{6,24}$/;

export function isNonce(value: unknown): value is string {
  return typeof value === 'string' && NONCE_PATTERN.test(value);
}
