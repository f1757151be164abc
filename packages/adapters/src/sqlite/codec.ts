import { isoString } from './iso-time';

/**
 * JSON text that round-trips Dates anywhere in nested data: a Date is written as `{"$date":"<ISO>"}`, and a
 * plain object that would read back as a marker (one key, `$date` or `$esc`) is wrapped as `{"$esc":{...}}`.
 * Values are JSON plus Dates; `undefined` object fields are dropped as in `JSON.stringify`.
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(encode(value));
}

/** How the codec writes a Date: its ISO time, null for an invalid Date. */
export interface DateMarker {
  $date: string | null;
}

/** The codec's marker of `value`; anything but a Date is left as it is (null, undefined). */
export function encodeDate<T>(value: Date | T): DateMarker | T {
  if (!(value instanceof Date)) return value;
  const time = value.getTime();
  return { $date: Number.isNaN(time) ? null : isoString(time) };
}

/** The Date of a marker written by `encodeDate`; null and undefined stay as they are. */
export function decodeDate(marker: DateMarker | null | undefined): Date | null {
  if (marker === null || marker === undefined) return null;
  const iso = marker.$date;
  return new Date(typeof iso === 'string' ? iso : Number.NaN);
}

/** Reads text written by `encodeJson`. */
export function decodeJson<T = unknown>(text: string): T {
  const value: unknown = JSON.parse(text);
  // Every marker is a key starting with `$`, written as `"$`: text without one (most trigger data and outputs)
  // holds no Date to revive, so its walk is skipped. A string holding `"$` only costs the walk.
  return (text.includes('"$') ? decode(value) : value) as T;
}

/**
 * `value` ready for `JSON.stringify`: copied only along the paths to a Date or a marker-like object, so data
 * without them (most node inputs and outputs) is handed to the native serializer as it is, with no copy.
 */
function encode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return encodeDate(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const encoded = encode(item);
      if (out === undefined && encoded !== item) out = value.slice(0, i);
      out?.push(encoded);
    }
    return out ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  let count = 0;
  let only = '';
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const field = record[key];
    // Dropped, as JSON.stringify drops them.
    if (field === undefined || typeof field === 'function') continue;
    count += 1;
    only = key;
    const encoded = encode(field);
    if (out === undefined && encoded !== field) out = copyBefore(record, key);
    if (out !== undefined) out[key] = encoded;
  }
  const result = out ?? record;
  return count === 1 && (only === '$date' || only === '$esc') ? { $esc: result } : result;
}

/** The serialized fields of `record` that come before `stop`, unchanged. */
function copyBefore(record: Record<string, unknown>, stop: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in record) {
    if (key === stop) break;
    if (!Object.hasOwn(record, key)) continue;
    const field = record[key];
    if (field !== undefined && typeof field !== 'function') out[key] = field;
  }
  return out;
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = decode(item);
    }
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
  if (count === 1 && only === '$date') return decodeDate(record as unknown as DateMarker);
  if (count === 1 && only === '$esc') {
    return decodeFields(record.$esc as Record<string, unknown>);
  }
  return decodeFields(record);
}

/** Revives the fields of `record` in place; only objects are written back (a scalar field is left untouched). */
function decodeFields(record: Record<string, unknown>): Record<string, unknown> {
  for (const key in record) {
    const field = record[key];
    if (field !== null && typeof field === 'object') record[key] = decode(field);
  }
  return record;
}
