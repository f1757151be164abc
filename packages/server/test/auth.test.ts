import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { LOCAL_PASSWORD, SERVICE_TOKEN, manualAutomation, startHarness, type Harness } from './helpers/harness';

let h: Harness | undefined;
let jwks: Server | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (jwks) await new Promise<void>((resolve) => jwks!.close(() => resolve()));
  jwks = undefined;
});

const HUB_SECRET = 'swigs-hub-shared-secret-0123456789';
const sso = { secret: HUB_SECRET, issuer: 'https://hub.swigs.ch', audience: 'swigs-workflow' };
const key = new TextEncoder().encode(HUB_SECRET);

const hubToken = (
  claims: { sub?: string; iss?: string; aud?: string; exp?: number } = {},
  secret = key,
): Promise<string> => {
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  jwt = jwt
    .setSubject(claims.sub ?? 'hub-user-1')
    .setIssuer(claims.iss ?? sso.issuer)
    .setAudience(claims.aud ?? sso.audience);
  jwt = jwt.setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 600);
  return jwt.sign(secret);
};

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('swigs-hub SSO tokens', () => {
  it('accepts a valid HS256 token and takes the tenant from sub', async () => {
    h = await startHarness({ auth: { sso }, app: { ssoLoginUrl: 'https://hub.swigs.ch/login?app=workflow' } });
    const token = await hubToken({ sub: 'hub-user-1' });
    const me = await h.api('GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ userId: 'hub-user-1', mode: 'sso' });
    expect((await h.api('GET', '/api/auth/config', { token: null })).body).toEqual({
      mode: 'sso',
      localLogin: false,
      ssoLoginUrl: 'https://hub.swigs.ch/login?app=workflow',
    });
  });

  it('refuses alg none, expired, wrongly signed, wrong-audience and wrong-issuer tokens, and missing ones', async () => {
    h = await startHarness({ auth: { sso } });
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'hub-user-1', iss: sso.issuer, aud: sso.audience, exp: now + 600 })}.`;
    const cases = {
      none: unsigned,
      expired: await hubToken({ exp: now - 60 }),
      wrongSignature: await hubToken({}, new TextEncoder().encode('not-the-hub-secret-0123456789')),
      wrongAudience: await hubToken({ aud: 'swigs-cms' }),
      wrongIssuer: await hubToken({ iss: 'https://evil.example' }),
      garbage: 'not.a.jwt',
    };
    for (const [kind, token] of Object.entries(cases)) {
      const res = await h.api('GET', '/api/automations', { token });
      expect(res.status, kind).toBe(401);
      expect(res.body.error, kind).toBe('Jeton invalide ou expiré');
    }
    const missing = await h.api('GET', '/api/automations', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(
      (await h.api('POST', '/api/auth/local-login', { token: null, body: { password: LOCAL_PASSWORD } })).status,
    ).toBe(404);
  });

  it('verifies RS256 tokens against a JWKS URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks!.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    h = await startHarness({ auth: { sso: { jwksUrl, issuer: sso.issuer, audience: sso.audience } } });
    const sign = (k: CryptoKey | Uint8Array, alg = 'RS256') =>
      new SignJWT({})
        .setProtectedHeader({ alg, kid: 'k1' })
        .setSubject('rs-user')
        .setIssuer(sso.issuer)
        .setAudience(sso.audience)
        .setExpirationTime('5m')
        .sign(k);
    const good = await h.api('GET', '/api/auth/me', { token: await sign(privateKey) });
    expect(good.body.userId).toBe('rs-user');
    expect((await h.api('GET', '/api/auth/me', { token: await sign(other.privateKey) })).status).toBe(401);
    expect((await h.api('GET', '/api/auth/me', { token: await sign(key, 'HS256') })).status).toBe(401);
  });
});

describe('service tokens', () => {
  it('act for the tenant named in X-Swigs-User', async () => {
    h = await startHarness();
    const created = await h.api('POST', '/api/automations', { body: manualAutomation({ name: 'De A' }) });
    const asA = await h.api('GET', `/api/automations/${created.body.id}`, {
      token: SERVICE_TOKEN,
      headers: { 'x-swigs-user': 'tenant-a' },
    });
    expect(asA.status).toBe(200);
    const asB = await h.api('GET', `/api/automations/${created.body.id}`, {
      token: SERVICE_TOKEN,
      headers: { 'x-swigs-user': 'tenant-b' },
    });
    expect(asB.status).toBe(404);
  });

  it('are refused without a user, with a malformed user, or when unknown', async () => {
    h = await startHarness();
    const noUser = await h.api('GET', '/api/automations', { token: SERVICE_TOKEN });
    expect(noUser.status).toBe(401);
    expect(noUser.body.error).toMatch(/X-Swigs-User/);
    expect(
      (await h.api('GET', '/api/automations', { token: SERVICE_TOKEN, headers: { 'x-swigs-user': 'a b/c' } })).status,
    ).toBe(401);
    expect(
      (await h.api('GET', '/api/automations', { token: `${SERVICE_TOKEN}x`, headers: { 'x-swigs-user': 'tenant-a' } }))
        .status,
    ).toBe(401);
  });
});

describe('embedded mode', () => {
  it('offers the local login, whose token opens the API', async () => {
    h = await startHarness();
    expect((await h.api('GET', '/api/auth/config', { token: null })).body).toEqual({ mode: 'local', localLogin: true });
    const wrong = await h.api('POST', '/api/auth/local-login', { token: null, body: { password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('Mot de passe incorrect');
    const login = await h.api('POST', '/api/auth/local-login', { token: null, body: { password: LOCAL_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.userId).toBe('local');
    expect(new Date(login.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await h.api('GET', '/api/auth/me', { token: login.body.token })).body.userId).toBe('local');
    const agency = await h.api('POST', '/api/auth/local-login', {
      token: null,
      body: { password: LOCAL_PASSWORD, userId: 'agence' },
    });
    expect((await h.api('GET', '/api/auth/me', { token: agency.body.token })).body.userId).toBe('agence');
  });

  it('rate-limits repeated failures per client with 429, even for the right password', async () => {
    h = await startHarness({ app: { authFailures: { maxFailures: 5, windowMs: 60_000 } } });
    for (let i = 0; i < 5; i++) {
      expect(
        (await h.api('POST', '/api/auth/local-login', { token: null, body: { password: `guess-${i}` } })).status,
      ).toBe(401);
    }
    const blocked = await h.api('POST', '/api/auth/local-login', { token: null, body: { password: LOCAL_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatch(/Trop de tentatives/);
    expect((await h.api('GET', '/api/automations', { token: 'bad' })).status).toBe(429);
  });
});
