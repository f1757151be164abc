import { z } from 'zod';

/** A tenant id: what `sub`, `X-Swigs-User` and LOCAL_USER must look like. One home for the rule. */
export const TENANT_ID_PATTERN = /^[\w.@:-]{1,200}$/;

/** Seconds a token's `iat` may lie in the future (clock drift between swigs-hub and this server). */
export const CLOCK_SKEW_SECONDS = 60;

const NumericDate = z.number().finite().nonnegative();

/**
 * The registered claims as RFC 7519 types (section 4.1): `sub` a StringOrURI naming a tenant, `exp` a required
 * NumericDate, `iat`/`nbf` NumericDates, `iss` a string, `aud` a string or strings. jose checks signature, expiry,
 * issuer and audience values, but not `sub`'s type: an array `sub` would stringify into another tenant's id.
 */
const ClaimsSchema = z.object({
  sub: z.string().regex(TENANT_ID_PATTERN),
  exp: NumericDate,
  iat: NumericDate.optional(),
  nbf: NumericDate.optional(),
  iss: z.string().optional(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  jti: z.string().optional(),
});

/** The tenant of a verified token's payload, or null when a claim has the wrong type or `iat` is in the future. */
export function tenantOfClaims(payload: unknown, nowSeconds: number = Date.now() / 1000): string | null {
  const parsed = ClaimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  if (parsed.data.iat !== undefined && parsed.data.iat > nowSeconds + CLOCK_SKEW_SECONDS) return null;
  return parsed.data.sub;
}

/** True when `value` (e.g. an X-Swigs-User header) is a well-formed tenant id. */
export function isTenantId(value: unknown): value is string {
  return typeof value === 'string' && TENANT_ID_PATTERN.test(value);
}
