import { z } from '@hono/zod-openapi';

/**
 * `schema` under `name` in the document's components. `@hono/zod-openapi` gives `.openapi()` only to schemas built
 * after it loaded, so the core's schemas (built before) go through this.
 */
export function named<S extends z.ZodType>(schema: S, name: string): S {
  return z.ZodType.prototype.openapi.call(schema, name) as S;
}

/** An error answer: the message in the request's language, a stable code, and the problems by field path. */
export const ErrorBodySchema = z
  .object({
    error: z.string(),
    code: z.string(),
    issues: z.array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        message: z.string(),
        code: z.string().optional(),
        nodeId: z.string().optional(),
        params: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
  })
  .openapi('Error');

/** The error statuses routes document. */
export type ErrorStatus = 400 | 401 | 404 | 405 | 409 | 413 | 429 | 502 | 503;

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const } },
};

const ERRORS: Record<ErrorStatus, { description: string; headers?: typeof retryAfter }> = {
  400: { description: 'Invalid input: the problems by field path, in the request’s language (Accept-Language)' },
  401: { description: 'Missing or invalid credentials' },
  404: { description: 'Not found for this tenant' },
  405: { description: 'The method is not one the resource accepts (see the Allow header)' },
  409: { description: 'Conflicts with the current state of the resource' },
  413: { description: 'The body is larger than the server’s limit' },
  429: { description: 'Too many failed authentications from this client', headers: retryAfter },
  502: { description: 'The mail server refused the message permanently (its reply is in the message)' },
  503: { description: 'The store or the mail server is unreachable; safe to send again', headers: retryAfter },
};

/** The documented error responses for `statuses`, all with the one error schema. */
export function errorResponses(...statuses: ErrorStatus[]): Record<string, ErrorResponse> {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { ...ERRORS[status], content: { 'application/json': { schema: ErrorBodySchema } } },
    ]),
  );
}

/** A documented error response. */
export interface ErrorResponse {
  description: string;
  headers?: typeof retryAfter;
  content: { 'application/json': { schema: typeof ErrorBodySchema } };
}

/** A JSON response with `schema`. */
export function jsonContent<S extends z.ZodType>(
  schema: S,
  description: string,
): { description: string; content: { 'application/json': { schema: S } } } {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body with `schema`; required unless the schema accepts no body at all. */
export function jsonRequest<S extends z.ZodType>(
  schema: S,
  description?: string,
): { required: boolean; description?: string; content: { 'application/json': { schema: S } } } {
  return {
    required: !schema.safeParse(undefined).success,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  };
}

/** A response without a body. */
export function noContent(description: string): { description: string } {
  return { description };
}
