// One e-mail check for invoice orders and the delivery address (R-INV-ORDER, R-INV-DELIVERY).
import { z } from 'zod';
import { DomainError } from '../errors.js';

const emailSchema = z.string().trim().max(254).pipe(z.email());

/** The trimmed address, or DomainError('invoices.invalidEmail'). */
export function validEmail(input: string): string {
  const parsed = emailSchema.safeParse(input);
  if (!parsed.success) throw new DomainError('invoices.invalidEmail');
  return parsed.data;
}

export function isValidEmail(input: string | null | undefined): boolean {
  return typeof input === 'string' && emailSchema.safeParse(input).success;
}
