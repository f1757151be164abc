import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** Most bytes read and thrown away so an over-limit client receives its 413 instead of a reset. */
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Reads and discards what is left of the request body, up to `DRAIN_LIMIT_BYTES` or 10 s. A server that answers
 * and closes while the client is still sending makes the client's kernel see a reset, and most clients then report
 * the reset, not the 413. Past the bound the answer goes out anyway and the socket is closed.
 */
export async function drainRequestBody(c: Context): Promise<void> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) await drainIncoming(incoming);
}

/** `drainRequestBody` on the raw request (the webhook fast path has no hono context). */
export function drainIncoming(incoming: IncomingMessage): Promise<void> {
  if (incoming.readableEnded || incoming.destroyed) return Promise.resolve();
  return new Promise<void>((resolve) => {
    let read = 0;
    const done = (): void => {
      clearTimeout(timer);
      incoming.off('data', onData);
      incoming.off('end', done);
      incoming.off('error', done);
      incoming.off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      read += chunk.length;
      if (read > DRAIN_LIMIT_BYTES) {
        incoming.pause();
        done();
      }
    };
    const timer = setTimeout(done, DRAIN_TIMEOUT_MS);
    incoming.on('data', onData);
    incoming.once('end', done);
    incoming.once('error', done);
    incoming.once('close', done);
    incoming.resume();
  });
}
