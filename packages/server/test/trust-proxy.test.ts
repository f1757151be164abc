import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_PASSWORD, startHarness, type Harness } from './helpers/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A login as it arrives through two proxies: each appends who it received the request from. */
async function loginThroughTwoProxies(
  base: string,
  password: string,
  client: string,
  claimed?: string,
): Promise<number> {
  // The client's own X-Forwarded-For (what it claims), then proxy 1 appends the client, proxy 2 appends proxy 1;
  // the server's socket peer is proxy 2 (here 127.0.0.1).
  const forwarded = [claimed, client, '10.0.0.1'].filter(Boolean).join(', ');
  const res = await fetch(`${base}/api/auth/local-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
    body: JSON.stringify({ password }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('the failure limiter behind 2 trusted proxies (TRUST_PROXY=2)', () => {
  it('cannot be bypassed by changing the X-Forwarded-For the client sends', async () => {
    h = await startHarness({ app: { trustProxy: 2, authFailures: { maxFailures: 3, windowMs: 60_000 } } });
    const base = await h.listen();
    for (let i = 0; i < 3; i++)
      expect(await loginThroughTwoProxies(base, `guess-${i}`, '203.0.113.7', `1.2.3.${i}`)).toBe(401);
    expect(await loginThroughTwoProxies(base, LOCAL_PASSWORD, '203.0.113.7', '9.9.9.9')).toBe(429);
    expect(await loginThroughTwoProxies(base, LOCAL_PASSWORD, '203.0.113.7')).toBe(429);
  });

  it('cannot be used to lock out an address the attacker names', async () => {
    h = await startHarness({ app: { trustProxy: 2, authFailures: { maxFailures: 3, windowMs: 60_000 } } });
    const base = await h.listen();
    for (let i = 0; i < 5; i++) await loginThroughTwoProxies(base, `guess-${i}`, '198.51.100.66', '203.0.113.7');
    expect(await loginThroughTwoProxies(base, 'wrong', '198.51.100.66')).toBe(429);
    // The victim whose address was claimed logs in normally.
    expect(await loginThroughTwoProxies(base, LOCAL_PASSWORD, '203.0.113.7')).toBe(200);
  });

  it('keys on the socket when TRUST_PROXY is off, so a forged header changes nothing', async () => {
    h = await startHarness({ app: { authFailures: { maxFailures: 2, windowMs: 60_000 } } });
    const base = await h.listen();
    for (let i = 0; i < 2; i++) await loginThroughTwoProxies(base, 'wrong', `203.0.113.${i}`);
    expect(await loginThroughTwoProxies(base, LOCAL_PASSWORD, '203.0.113.200')).toBe(429);
  });
});
