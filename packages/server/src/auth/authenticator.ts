import { createHash, timingSafeEqual } from 'node:crypto';
import type { JWTVerifyGetKey } from 'jose';
import { isTenantId, tenantOfClaims } from './token-claims';

/** Who made a request. */
export interface Principal {
  userId: string;
  kind: 'sso' | 'local' | 'service';
  /** Service name for service tokens. */
  service?: string;
}

/** swigs-hub SSO settings: an HS256 secret or a JWKS URL. */
export interface SsoOptions {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** Embedded mode: tokens signed with a local secret, obtained with the local password. */
export interface LocalAuthOptions {
  secret: Uint8Array;
  password: string;
  /** Tenant of the local login. Default `local`. */
  userId?: string;
  /** Token lifetime in seconds. Default 12 h. */
  ttlSeconds?: number;
}

export interface ServiceToken {
  name: string;
  token: string;
}

export interface AuthenticatorOptions {
  sso?: SsoOptions;
  local?: LocalAuthOptions;
  serviceTokens?: readonly ServiceToken[];
}

/** Verifies bearer tokens: SSO JWTs, local JWTs (embedded mode) and service tokens. */
export interface Authenticator {
  readonly mode: 'sso' | 'local';
  /** Resolves the principal, or null when the token is not valid. `asUser` is the X-Swigs-User header. */
  verify(token: string, asUser: string | undefined): Promise<Principal | null>;
  /** True when `token` is a configured service token (whatever the user header). */
  isServiceToken(token: string): boolean;
  /** Embedded mode: checks the local password and returns a token, or null. */
  localLogin(password: string, userId?: string): Promise<{ token: string; userId: string; expiresAt: Date } | null>;
  /** Embedded mode: signs a token for `userId` (the `token` command). */
  issueLocalToken(userId: string, ttlSeconds?: number): Promise<{ token: string; expiresAt: Date }>;
}

/** Issuer and audience of local tokens. */
export const LOCAL_ISSUER = 'swigs-workflow-local';
export const LOCAL_AUDIENCE = 'swigs-workflow';
const VERIFIED_CACHE_SIZE = 10_000;

type Jose = typeof import('jose');
let joseModule: Promise<Jose> | undefined;

/** jose is loaded with the first token to sign or verify, not at start-up: an idle server holds less memory. */
function loadJose(): Promise<Jose> {
  joseModule ??= import('jose');
  return joseModule;
}

/**
 * Builds the authenticator. SSO is used when `sso.secret` or `sso.jwksUrl` is set; otherwise `local` is required.
 * @example
 * const auth = createAuthenticator({ local: { secret, password: 'x' }, serviceTokens: [{ name: 'cms', token }] });
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const sso = options.sso?.secret || options.sso?.jwksUrl ? options.sso : undefined;
  const local = sso ? undefined : options.local;
  if (!sso && !local) throw new Error('createAuthenticator: configure SSO (secret or JWKS URL) or local auth');
  // The JWKS key set is made with the first token to verify, once jose is loaded.
  let jwks: JWTVerifyGetKey | undefined;
  const ssoKeyOf = (jose: Jose): Uint8Array | JWTVerifyGetKey | undefined => {
    if (!sso) return undefined;
    if (!sso.jwksUrl) return new TextEncoder().encode(sso.secret);
    jwks ??= jose.createRemoteJWKSet(new URL(sso.jwksUrl));
    return jwks;
  };
  const serviceDigests = (options.serviceTokens ?? [])
    .filter((s) => s.token.length > 0)
    .map((s) => ({ name: s.name, digest: digest(s.token) }));
  const localUser = local?.userId ?? 'local';
  const localTtl = local?.ttlSeconds ?? 12 * 3600;

  // Verifying a JWT costs ~0.2 ms of HMAC or RSA; a token already verified is reused until it expires.
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();
  const remember = (token: string, principal: Principal, exp: number | undefined): Principal => {
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
    verified.set(token, { principal, expiresAt: (exp ?? 0) * 1000 });
    return principal;
  };

  const findService = (token: string): string | undefined => {
    const d = digest(token);
    let found: string | undefined;
    // Compare against every token so timing does not reveal which one matched.
    for (const s of serviceDigests) if (timingSafeEqual(d, s.digest)) found = s.name;
    return found;
  };

  const sign = async (userId: string, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> => {
    if (!local) throw new Error('local tokens are only issued in embedded mode');
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + ttlSeconds) * 1000);
    const { SignJWT } = await loadJose();
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(local.secret);
    return { token, expiresAt };
  };

  return {
    mode: sso ? 'sso' : 'local',
    isServiceToken: (token) => serviceDigests.length > 0 && findService(token) !== undefined,
    async verify(token, asUser) {
      if (!token || token.length > 8192) return null;
      const cached = verified.get(token);
      if (cached) {
        if (cached.expiresAt > Date.now()) return cached.principal;
        verified.delete(token);
      }
      const service = serviceDigests.length > 0 ? findService(token) : undefined;
      if (service) {
        if (!isTenantId(asUser)) return null;
        return { userId: asUser, kind: 'service', service };
      }
      try {
        const jose = await loadJose();
        const ssoKey = ssoKeyOf(jose);
        if (sso && ssoKey) {
          const { payload } = await jose.jwtVerify(token, ssoKey as Uint8Array, {
            ...(sso.issuer ? { issuer: sso.issuer } : {}),
            ...(sso.audience ? { audience: sso.audience } : {}),
            algorithms: sso.jwksUrl ? ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'] : ['HS256'],
            requiredClaims: ['exp', 'sub'],
          });
          const tenant = tenantOfClaims(payload);
          return tenant ? remember(token, { userId: tenant, kind: 'sso' }, payload.exp) : null;
        }
        if (local) {
          const { payload } = await jose.jwtVerify(token, local.secret, {
            issuer: LOCAL_ISSUER,
            audience: LOCAL_AUDIENCE,
            algorithms: ['HS256'],
            requiredClaims: ['exp', 'sub'],
          });
          const tenant = tenantOfClaims(payload);
          return tenant ? remember(token, { userId: tenant, kind: 'local' }, payload.exp) : null;
        }
      } catch {
        return null;
      }
      return null;
    },
    async localLogin(password, userId) {
      if (!local) return null;
      if (!timingSafeEqual(digest(password), digest(local.password))) return null;
      const user = isTenantId(userId) ? userId : localUser;
      const { token, expiresAt } = await sign(user, localTtl);
      return { token, userId: user, expiresAt };
    },
    issueLocalToken: (userId, ttlSeconds) => sign(userId, ttlSeconds ?? localTtl),
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
