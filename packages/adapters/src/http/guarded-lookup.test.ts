import { describe, expect, it } from 'vitest';
import { createAllowList } from './address-policy';
import { assertPublicUrl, createGuardedLookup } from './guarded-lookup';

const lookupOnce = (hostname: string, all: boolean, allowed: string[] = []): Promise<unknown> =>
  new Promise((resolve, reject) =>
    createGuardedLookup(createAllowList(allowed))(hostname, { all }, (error, address) =>
      error ? reject(error) : resolve(address),
    ),
  );

describe('the SSRF guard', () => {
  it('refuses a private address again at connect time (DNS rebinding)', async () => {
    await expect(lookupOnce('localhost', true)).rejects.toMatchObject({
      code: 'ESSRF',
      message: expect.stringContaining('refused connection to localhost'),
    });
    await expect(lookupOnce('localhost', false)).rejects.toMatchObject({ code: 'ESSRF' });
    expect(await lookupOnce('127.0.0.1', false, ['127.0.0.1'])).toBe('127.0.0.1');
    expect(await lookupOnce('127.0.0.1', false, ['127.0.0.0/8'])).toBe('127.0.0.1');
  });

  it('refuses a private host before connecting, unless allowed by name or by a range', async () => {
    await expect(assertPublicUrl(new URL('http://127.0.0.1:9/'), createAllowList([]))).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      details: { host: '127.0.0.1', address: '127.0.0.1' },
    });
    expect(await assertPublicUrl(new URL('http://127.0.0.1:9/'), createAllowList(['127.0.0.0/8']))).toEqual([]);
    expect(await assertPublicUrl(new URL('http://localhost:9/'), createAllowList(['localhost']))).toEqual([]);
    await expect(assertPublicUrl(new URL('http://localhost:9/'), createAllowList(['10.0.0.0/8']))).rejects.toThrow(
      /private or local address/,
    );
  });
});
