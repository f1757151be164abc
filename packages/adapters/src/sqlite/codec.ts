/**
 * JSON text that round-trips Dates anywhere in nested data: a Date is written as `{"$date":"<ISO>"}`, and a
 * plain object that would read back as a marker (one key, `$date` or `$esc`) is wrapped as `{"$esc":{...}}`.
 * Values are JSON plus Dates; `undefined` object fields are dropped as in `JSON.stringify`.
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(encode(value));
}

/** Reads text written by `encodeJson`. */
export function decodeJson<T = unknown>(text: string): T {
  return decode(JSON.parse(text)) as T;
}

function encode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) {
    const time = value.getTime();
    return { $date: Number.isNaN(time) ? null : value.toISOString() };
  }
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = encode(value[i]);
    return out;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const out: Record<string, unknown> = {};
  let count = 0;
  let only = '';
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || typeof field === 'function') continue;
    out[key] = encode(field);
    count += 1;
    only = key;
  }
  return count === 1 && (only === '$date' || only === '$esc') ? { $esc: out } : out;
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decode(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  let count = 0;
  let only = '';
  for (const key in record) {
    count += 1;
    only = key;
    if (count > 1) break;
  }
  if (count === 1 && only === '$date') {
    const iso = record.$date;
    return new Date(typeof iso === 'string' ? iso : Number.NaN);
  }
  if (count === 1 && only === '$esc') {
    const inner = record.$esc as Record<string, unknown>;
    for (const key in inner) inner[key] = decode(inner[key]);
    return inner;
  }
  for (const key in record) record[key] = decode(record[key]);
  return record;
}
