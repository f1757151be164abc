/** One outgoing HTTP request. */
export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string | URL;
  /** Header names are sent as given; values may carry credentials and are never logged by adapters. */
  headers?: Record<string, string>;
  body?: string;
  /** Bounds the whole exchange (headers and body). Default 10 s. */
  timeoutMs?: number;
  /** Aborts the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The answer, its body read in full as text. */
export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Outbound HTTP for nodes and adapters (`ports.http`). An implementation refuses hosts that are, or resolve to,
 * private, loopback or link-local addresses unless its allow-list says otherwise (`createHttpClient` in
 * `@swigs/automation-adapters/http`). It rejects with a `NonRetriableError` when it refuses a URL, a
 * `SwigsError` coded `TIMEOUT` past `timeoutMs`, and an `AdapterError` when the request fails on the network.
 */
export interface HttpPort {
  readonly name: string;
  request(request: HttpRequest): Promise<HttpResponse>;
  /** Safe to call twice. */
  close(): Promise<void>;
}
