import { readResponse } from './read-response';

/** A JSON answer of a server on a real socket. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** Calls a server over HTTP as one tenant, in one language. */
export interface Client {
  readonly url: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** The same client speaking `lang` (`Accept-Language`). */
  speaking(lang: string): Client;
}

/** A client of the server at `url` with a bearer `token`. */
export function createClient(url: string, token: string, lang: string): Client {
  return {
    url,
    async call(method, path, body, headers = {}) {
      const res = await fetch(url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'accept-language': lang,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return readResponse(res);
    },
    speaking: (other) => createClient(url, token, other),
  };
}
