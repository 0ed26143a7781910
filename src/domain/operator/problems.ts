// What the operator's upserts refuse, as the API answers it (RFC 9457): a wrong field names its path.
export interface FieldProblem {
  path: string;
  message: string;
}

export type OperatorProblemKind = 'invalid' | 'notFound' | 'conflict' | 'precondition';

export class OperatorProblem extends Error {
  constructor(
    readonly kind: OperatorProblemKind,
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'OperatorProblem';
  }
}

export const invalid = (errors: FieldProblem[]) =>
  new OperatorProblem('invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
export const notFound = (what: string) => new OperatorProblem('notFound', what);
export const conflict = (what: string) => new OperatorProblem('conflict', what);
export const preconditionFailed = () =>
  new OperatorProblem('precondition', 'the resource changed since the ETag given in If-Match');

/** Collects field problems and throws them all at once. */
export class Problems {
  readonly list: FieldProblem[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw invalid(this.list);
  }
}
