/** A failed API call: the HTTP status, the server's message and its per-field issues. */
export class ApiError extends Error {
  readonly status: number;
  readonly issues: Array<{ path: string; message: string }>;
  /** The server's error key (`settings_incomplete`…), to link to what must be fixed. */
  readonly code: string | undefined;

  constructor(status: number, message: string, issues: Array<{ path: string; message: string }> = [], code?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
    this.code = code;
  }
}

/** The options of {@link createApiClient}. */
export interface ApiClientOptions {
  /** Base URL of the server, ending with a slash (the API lives under `api/`). */
  baseUrl: string;
  getToken: () => string | null;
  getLang: () => string;
  /** Called on 401 so the app can return to the login page. */
  onUnauthorized: () => void;
}

/** A small JSON client for the swigs-workflow REST API (Bearer token, Accept-Language). */
export interface ApiClient {
  readonly baseUrl: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  del(path: string): Promise<void>;
  /** Fetches a binary resource (a PDF) with the token, as a Blob. */
  blob(path: string): Promise<Blob>;
  headers(): Record<string, string>;
}

/** Creates the API client; paths are relative to the server root, for example `/api/automations`. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const headers = (): Record<string, string> => {
    const h: Record<string, string> = { 'Accept-Language': options.getLang(), Accept: 'application/json' };
    const token = options.getToken();
    if (token) h.Authorization = `Bearer ${token}`;
    return h;
  };
  const url = (path: string): string => new URL(path.replace(/^\//, ''), options.baseUrl).toString();

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const init: RequestInit = { method, headers: headers() };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const res = await fetch(url(path), init);
    if (res.ok) return res;
    if (res.status === 401) options.onUnauthorized();
    throw await toError(res);
  }

  async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await send(method, path, body);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    baseUrl: options.baseUrl,
    headers,
    get: (path) => json('GET', path),
    post: (path, body) => json('POST', path, body ?? {}),
    put: (path, body) => json('PUT', path, body),
    patch: (path, body) => json('PATCH', path, body ?? {}),
    del: async (path) => {
      await send('DELETE', path);
    },
    blob: async (path) => (await send('GET', path)).blob(),
  };
}

async function toError(res: Response): Promise<ApiError> {
  let message = `HTTP ${res.status}`;
  let issues: Array<{ path: string; message: string }> = [];
  let code: string | undefined;
  try {
    const body = (await res.json()) as { error?: unknown; message?: unknown; issues?: unknown; code?: unknown };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.error === 'string') message = body.error;
    else if (typeof body.message === 'string') message = body.message;
    if (Array.isArray(body.issues)) {
      issues = body.issues.map((i: { path?: unknown; message?: unknown }) => ({
        path: Array.isArray(i.path) ? i.path.join('.') : String(i.path ?? ''),
        message: String(i.message ?? ''),
      }));
    }
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(res.status, message, issues, code);
}
