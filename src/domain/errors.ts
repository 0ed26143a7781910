// A refusal by a business rule. `code` is `<area>.<reason>` and maps to the text
// `texts.<area>.errors.<reason>` in the bot; `params` fill that text.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
