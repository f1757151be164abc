import { afterEach, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { SERVICE_TOKEN, manualAutomation, startHarness, type Harness } from './helpers/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const HUB_SECRET = 'swigs-hub-shared-secret-0123456789';
const LOCAL_SECRET = new TextEncoder().encode('local-secret-of-this-test-0123456789');
const sso = { secret: HUB_SECRET, issuer: 'https://hub.swigs.ch', audience: 'swigs-workflow' };
const now = (): number => Math.floor(Date.now() / 1000);

/** A token signed with the real secret whose claims are exactly `claims` (no library defaults). */
const forge = (claims: Record<string, unknown>, secret: Uint8Array): Promise<string> =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);

const hubClaims = (): Record<string, unknown> => ({
  sub: 'hub-user-1',
  iss: sso.issuer,
  aud: sso.audience,
  iat: now(),
  exp: now() + 600,
});

/** Every wrong claim type a forger could try, as overrides of valid claims (undefined removes the claim). */
const FORGED: Record<string, Record<string, unknown>> = {
  'sub array': { sub: ['tenant-a'] },
  'sub array of two': { sub: ['tenant-a', 'tenant-b'] },
  'sub true': { sub: true },
  'sub number': { sub: 42 },
  'sub null': { sub: null },
  'sub object': { sub: { id: 'tenant-a' } },
  'sub empty': { sub: '' },
  'sub with a slash': { sub: 'tenant-a/../b' },
  'sub too long': { sub: 'a'.repeat(201) },
  'sub missing': { sub: undefined },
  'exp missing': { exp: undefined },
  'exp string': { exp: String(now() + 600) },
  'exp array': { exp: [now() + 600] },
  'exp boolean': { exp: true },
  'iat a year ahead': { iat: now() + 365 * 86400 },
  'iat two minutes ahead': { iat: now() + 120 },
  'iat string': { iat: 'now' },
  'nbf string': { nbf: 'soon' },
  'iss array': { iss: [sso.issuer] },
  'aud number': { aud: 7 },
};

const withOverrides = (base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> => {
  const claims = { ...base, ...overrides };
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete claims[k];
  return claims;
};

async function expectAllRefused(harness: Harness, base: Record<string, unknown>, secret: Uint8Array): Promise<void> {
  for (const [kind, overrides] of Object.entries(FORGED)) {
    const token = await forge(withOverrides(base, overrides), secret);
    for (const [method, path, body] of [
      ['GET', '/api/auth/me', undefined],
      ['GET', '/api/automations', undefined],
      ['POST', '/api/automations', manualAutomation({ name: 'forgée' })],
    ] as const) {
      const res = await harness.api(method, path, { token, ...(body ? { body } : {}) });
      expect(res.status, `${kind}: ${method} ${path}`).toBe(401);
    }
  }
}

describe('token claims are checked as RFC 7519 types', () => {
  it('refuses SSO tokens signed with the real secret whose claims have the wrong type', async () => {
    h = await startHarness({ auth: { sso }, app: { authFailures: { maxFailures: 1000 } } });
    expect(
      (await h.api('GET', '/api/auth/me', { token: await forge(hubClaims(), new TextEncoder().encode(HUB_SECRET)) }))
        .body,
    ).toEqual({
      userId: 'hub-user-1',
      mode: 'sso',
    });
    await expectAllRefused(h, hubClaims(), new TextEncoder().encode(HUB_SECRET));
  });

  it('refuses local tokens signed with the real secret whose claims have the wrong type', async () => {
    h = await startHarness({
      auth: { local: { secret: LOCAL_SECRET, password: 'x' } },
      app: { authFailures: { maxFailures: 1000 } },
    });
    const base = { ...hubClaims(), iss: 'swigs-workflow-local', aud: 'swigs-workflow', sub: 'tenant-a' };
    expect((await h.api('GET', '/api/auth/me', { token: await forge(base, LOCAL_SECRET) })).body.userId).toBe(
      'tenant-a',
    );
    await expectAllRefused(h, base, LOCAL_SECRET);
  });

  it('accepts an iat a few seconds ahead (clock drift within the skew)', async () => {
    h = await startHarness({ auth: { sso } });
    const token = await forge({ ...hubClaims(), iat: now() + 20 }, new TextEncoder().encode(HUB_SECRET));
    expect((await h.api('GET', '/api/auth/me', { token })).status).toBe(200);
  });

  it('refuses service tokens whose X-Swigs-User is not a tenant id', async () => {
    h = await startHarness();
    for (const user of ['', ' ', 'a,b', 'tenant-a, tenant-b', 'a b', '["tenant-a"]', 'x'.repeat(201), 'é']) {
      const res = await h.api('GET', '/api/automations', { token: SERVICE_TOKEN, headers: { 'x-swigs-user': user } });
      expect(res.status, JSON.stringify(user)).toBe(401);
    }
  });
});
