import { HttpError } from '../http/http-error';
import type { MessageKey, MessageParams } from '../http/i18n';

/** A change the document's state forbids (billed, sent, signed): 409 with the message `key`. */
export function conflictError(key: MessageKey, params: MessageParams = {}): HttpError {
  return new HttpError(409, key, { params });
}

/** A request the invoicing rules refuse at `field`: 400, the message `key` as the error and as the field's issue. */
export function invalidField(key: MessageKey, field: string, params: MessageParams = {}): HttpError {
  return invalidAt(key, [field], params);
}

/** The same at a nested `path` (`['customLines', 3, 'serviceDate']`). */
export function invalidAt(key: MessageKey, path: (string | number)[], params: MessageParams = {}): HttpError {
  return new HttpError(400, key, { params, issues: [{ path, key, params, code: key }] });
}
