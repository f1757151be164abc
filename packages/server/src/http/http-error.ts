import type { MessageKey } from './i18n';

/** One problem in a request, as the API reports it. */
export interface IssueBody {
  path: (string | number)[];
  message: string;
  code?: string;
  nodeId?: string;
}

/** An HTTP failure the server raises on purpose; `app.onError` turns it into the response. */
export class HttpError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;
  readonly key: MessageKey;
  readonly issues: IssueBody[];
  readonly headers: Record<string, string>;

  constructor(
    status: HttpError['status'],
    key: MessageKey,
    options: { issues?: IssueBody[]; headers?: Record<string, string>; detail?: string } = {},
  ) {
    super(options.detail ?? key);
    this.name = 'HttpError';
    this.status = status;
    this.key = key;
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}

/** True for an `HttpError`, even from another copy of this module. */
export function isHttpError(value: unknown): value is HttpError {
  return value instanceof Error && value.name === 'HttpError' && typeof (value as HttpError).status === 'number';
}
