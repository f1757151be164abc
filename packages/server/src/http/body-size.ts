import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env';
import { drainRequestBody } from './drain-body';
import { HttpError } from './http-error';

/**
 * Refuses bodies above `maxSize` bytes with 413. A declared Content-Length is checked from the header alone;
 * only chunked bodies go through hono's `bodyLimit`, which must wrap the request (reading `raw.body` turns
 * @hono/node-server's lightweight request into a full one, costing every request on the hot path).
 */
export function limitBodySize(maxSize: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (): never => {
    // The unread rest of the body would poison a kept-alive socket: close it after the answer.
    throw new HttpError(413, 'payload_too_large', { headers: { Connection: 'close' } });
  };
  const chunked = bodyLimit({
    maxSize,
    onError: async (c) => {
      await drainRequestBody(c);
      return tooLarge();
    },
  });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      // Node's parser holds the body to exactly this length.
      if (!/^\d{1,15}$/.test(length) || Number(length) > maxSize) {
        await drainRequestBody(c);
        tooLarge();
      }
      return next();
    }
    return chunked(c, next);
  };
}
