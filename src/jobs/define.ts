// The typed job registry's entry: a kind, the zod schema of its payload and its run. The payload is
// parsed before the handler sees it; a row that does not parse cannot succeed on a retry, so it fails at once.
import type { z } from 'zod';
import type { JobDefinition, JobHandler } from './types.js';

/** A payload that does not match its kind's schema: the job is marked failed without retries. */
export class MalformedPayload extends Error {
  constructor(kind: string, issues: string) {
    super(`payload of ${kind} does not match its schema: ${issues}`);
    this.name = 'MalformedPayload';
  }
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobHandler {
  const parse = (raw: unknown): z.output<S> => {
    const parsed = definition.payload.safeParse(raw);
    if (!parsed.success) {
      throw new MalformedPayload(
        definition.kind,
        parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; '),
      );
    }
    return parsed.data;
  };
  const { onFailed } = definition;
  return {
    kind: definition.kind,
    ...(definition.maxAttempts !== undefined ? { maxAttempts: definition.maxAttempts } : {}),
    run: (raw, ctx) => definition.run(parse(raw), ctx),
    ...(onFailed ? { onFailed: (raw, ctx) => onFailed(parse(raw), ctx) } : {}),
  };
}
