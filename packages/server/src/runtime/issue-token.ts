import { SignJWT } from 'jose';
import { createAuthenticator } from '../auth/authenticator';
import { loadLocalCredentials } from '../auth/local-credentials';
import type { ServerConfig } from '../config/server-config';

/**
 * A token for `userId`, as `swigs-workflow token --user <id>` prints it: signed with the local secret in
 * embedded mode, or with the SSO HS256 secret (issuer and audience set) when SSO uses one.
 */
export async function issueToken(config: ServerConfig, userId: string, ttlSeconds = 12 * 3600): Promise<string> {
  if (config.sso?.secret) {
    let jwt = new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds);
    if (config.sso.issuer) jwt = jwt.setIssuer(config.sso.issuer);
    if (config.sso.audience) jwt = jwt.setAudience(config.sso.audience);
    return jwt.sign(new TextEncoder().encode(config.sso.secret));
  }
  if (config.sso?.jwksUrl) throw new Error('SSO uses a JWKS URL: tokens come from swigs-hub, not from this command');
  const local = loadLocalCredentials(config.dataDir, config.localPassword);
  const authenticator = createAuthenticator({ local: { secret: local.secret, password: local.password } });
  return (await authenticator.issueLocalToken(userId, ttlSeconds)).token;
}
