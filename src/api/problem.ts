// RFC 9457 problem documents (application/problem+json): every refusal of the API is one, and a 400 names
// every wrong field by its path (`bankAccounts.0.iban`).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { FieldProblem, OperatorProblem } from '../domain/operator/problems.js';

export const PROBLEM_TYPE = 'application/problem+json';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['invalid-request', 'The request has invalid fields'],
  401: ['unauthorized', 'A valid bearer token is required'],
  403: ['forbidden', 'The token does not hold the scope this route needs'],
  404: ['not-found', 'No such resource'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'The request conflicts with what is stored'],
  412: ['precondition-failed', 'If-Match no longer matches'],
  413: ['payload-too-large', 'The body is over the JSON limit'],
  415: ['unsupported-media-type', 'The body must be application/json'],
  500: ['internal', 'Internal error'],
};

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: '/api/v1/problems/invalid-request' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export type ProblemStatus = 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 500;

export function problem(
  c: Context,
  status: ProblemStatus,
  detail?: string,
  errors?: FieldProblem[],
  headers: Record<string, string> = {},
): Response {
  const [slug, title] = TITLES[status] ?? ['error', 'Error'];
  const body = {
    type: `/api/v1/problems/${slug}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
  return c.body(JSON.stringify(body), status, {
    'content-type': PROBLEM_TYPE,
    'cache-control': 'no-store',
    ...headers,
  });
}

/** zod's issues as field problems; `prefix` places path parameters and headers beside body fields. */
export function fieldProblems(error: ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.') || '(body)',
    message: issue.message,
  }));
}

const KIND_STATUS = { invalid: 400, notFound: 404, conflict: 409, precondition: 412 } as const;

export function operatorProblem(c: Context, e: OperatorProblem): Response {
  return problem(c, KIND_STATUS[e.kind], e.message, e.kind === 'invalid' ? e.errors : undefined);
}

/** The problem responses a route documents, beside its success. */
export function problemResponses(...statuses: ProblemStatus[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: TITLES[s]![1], content: { [PROBLEM_TYPE]: { schema: problemSchema } } }]),
  );
}
