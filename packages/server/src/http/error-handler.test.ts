import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AdapterError, ConflictError, silentLogger } from '@swigs/automation-core';
import type { AppEnv } from './env';
import { createErrorHandler } from './error-handler';

function appThrowing(error: Error): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(silentLogger));
  app.get('/', () => {
    throw error;
  });
  return app;
}

describe('the error mapping', () => {
  it('answers 503 with Retry-After when the store is unreachable, so the caller delivers again', async () => {
    const response = await appThrowing(new AdapterError('sqlite', 'fire "order.paid": database is locked')).request(
      '/',
      {
        headers: { 'accept-language': 'en' },
      },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const body = (await response.json()) as { error: string; code: string };
    expect(body).toEqual({ error: 'Service unavailable', code: 'ADAPTER_FAILURE', issues: [] });
  });

  it('keeps conflicts at 409 and hides unknown errors behind a 500 without detail', async () => {
    expect((await appThrowing(new ConflictError('already sent')).request('/')).status).toBe(409);
    const hidden = await appThrowing(new Error('secret detail')).request('/');
    expect(hidden.status).toBe(500);
    expect(await hidden.text()).not.toContain('secret detail');
  });
});
