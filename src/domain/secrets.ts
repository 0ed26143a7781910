// PIN/PUK at rest: AES-256-GCM with SECRETS_KEY; invite codes: random, stored as SHA-256.
//
// Sealed format `<version>.<iv>.<tag>.<body>` (base64 parts):
//   v1 — no additional data (written before issue 22); still read, rewritten by `secrets reencrypt`.
//   v2 — the additional data is the owner (`subscriber:<id>`): a ciphertext copied onto another row fails
//        to open instead of showing one subscriber's codes to another.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export type SealedVersion = 'v1' | 'v2';

/** Seals `plain` bound to `boundTo` (v2); every new ciphertext is bound to its owner. */
export function encryptSecret(plain: string, key: Buffer, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v2', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

/** The format version of a sealed value, or undefined when it is none of ours. */
export function sealedVersion(sealed: string): SealedVersion | undefined {
  const [version, iv, tag, body, extra] = sealed.split('.');
  if (!iv || !tag || !body || extra !== undefined) return undefined;
  return version === 'v1' || version === 'v2' ? version : undefined;
}

/** Opens a v2 value bound to `boundTo`, or a legacy v1 value; throws on a wrong key, owner or format. */
export function decryptSecret(sealed: string, key: Buffer, boundTo: string): string {
  const version = sealedVersion(sealed);
  if (!version) throw new Error('unknown secret format');
  const [, iv, tag, body] = sealed.split('.') as [string, string, string, string];
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  if (version === 'v2') decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** What a subscriber's SIM codes are bound to. */
export function subscriberBinding(subscriberId: number): string {
  return `subscriber:${subscriberId}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** URL-safe random code for a /start deep link: letters, digits, `_`, `-` (≤ 64 chars). */
export function randomCode(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}
