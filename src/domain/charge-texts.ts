// What a charge line the bot writes says, as a code and its parameters (stored beside the Russian
// description), so each user reads it in their language (src/bot/texts/*/account.ts, charges.texts).
// Rows written before the code existed, or by billing, keep only their description.
import { z } from 'zod';

const chargeTextSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('numbers.change'),
    params: z.object({ msisdn: z.string(), category: z.string(), categoryEn: z.string() }),
  }),
  z.object({ code: z.literal('services.connect'), params: z.object({ service: z.string() }) }),
  z.object({ code: z.literal('services.pause'), params: z.object({ from: z.string(), to: z.string() }) }),
  z.object({ code: z.literal('tariffs.change'), params: z.object({ from: z.string(), to: z.string() }) }),
]);

export type ChargeText = z.infer<typeof chargeTextSchema>;
export type ChargeTextCode = ChargeText['code'];

/** The stored code and parameters as a ChargeText, or undefined (an old row, or a code this build does not know). */
export function readChargeText(code: string | null, params: unknown): ChargeText | undefined {
  if (code === null) return undefined;
  const parsed = chargeTextSchema.safeParse({ code, params });
  return parsed.success ? parsed.data : undefined;
}
