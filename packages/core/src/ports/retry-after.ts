/**
 * Milliseconds to wait from a `Retry-After` header (seconds, fractions allowed, or an HTTP date), or null when it
 * is absent or unreadable. The one reading of the header for every adapter and node.
 * @example
 * parseRetryAfter('30', Date.now()); // 30000
 */
export function parseRetryAfter(header: string | readonly string[] | undefined, nowMs: number): number | null {
  const value = (typeof header === 'string' ? header : header?.[0])?.trim();
  if (value === undefined || value === '') return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
