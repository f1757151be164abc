/**
 * Field names MongoDB cannot take in updates (a leading `$`, a `.`) are escaped reversibly: such a key, and any
 * key starting with `%`, is stored as `%` + the key with `%`, `.` and a leading `$` percent-encoded. Ordinary
 * keys are stored unchanged, so documents stay readable. `undefined` fields are dropped, as in JSON.
 */
export function toMongo(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toMongo(item)));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || typeof field === 'function') continue;
    out[escapeKey(key)] = toMongo(field);
  }
  return out;
}

/** Reverses `toMongo`. */
export function fromMongo(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fromMongo(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  let escaped = false;
  for (const key in record) {
    record[key] = fromMongo(record[key]);
    if (key.charCodeAt(0) === 37) escaped = true;
  }
  if (!escaped) return record;
  const out: Record<string, unknown> = {};
  for (const key in record) out[unescapeKey(key)] = record[key];
  return out;
}

/** The stored name of a top-level field (for filters and sorts). */
export function escapeKey(key: string): string {
  const first = key.charCodeAt(0);
  if (first !== 36 && first !== 37 && !key.includes('.')) return key;
  return `%${key.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/^\$/, '%24')}`;
}

function unescapeKey(key: string): string {
  if (key.charCodeAt(0) !== 37) return key;
  return key.slice(1).replace(/%(25|2E|24)/g, (_, code: string) => (code === '25' ? '%' : code === '2E' ? '.' : '$'));
}
