import type { z } from 'zod';
import { HttpError } from './http-error';

/** The 400 of input that failed its schema; the error handler localizes the zod issues. */
export function invalidInput(error: z.ZodError, input?: unknown): HttpError {
  return new HttpError(400, 'validation_failed', { zod: { issues: error.issues, input } });
}
