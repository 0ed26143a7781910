// Standard Webhooks signing (https://www.standardwebhooks.com): `webhook-signature` carries one
// `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` per secret — the current one, and during a
// rotation the previous one too, separated by a space. The `standardwebhooks` package computes them.
import { Webhook } from 'standardwebhooks';

export interface SigningSecrets {
  /** `whsec_<base64>`. */
  current: string;
  previous?: string;
}

export function webhookHeaders(
  secrets: SigningSecrets,
  id: string,
  at: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const signers = [secrets.current, ...(secrets.previous ? [secrets.previous] : [])].map((s) => new Webhook(s));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signers.map((w) => w.sign(id, at, body)).join(' '),
  };
}
