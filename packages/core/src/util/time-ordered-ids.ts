const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** The variant digit of RFC 9562 (binary 10xx) from two random bits. */
const VARIANT = ['8', '9', 'a', 'b'];
/** Random bytes per id, drawn for this many ids at once (one `getRandomValues` call). */
const BYTES = 10;
const POOL_IDS = 256;

/**
 * Makes UUIDs of version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then 74 random bits. Ids made in a
 * later millisecond sort after earlier ones, so a store's index on run ids grows at its end, where the pages of
 * the last writes already are, instead of at a random page per new run.
 * @example
 * const nextId = createTimeOrderedIds();
 * nextId(); // '019ae5a2-6f31-7c4e-9b1d-3f0a5c7e2d18'
 */
export function createTimeOrderedIds(now: () => number = Date.now): () => string {
  let pool = new Uint8Array(0);
  let offset = 0;
  return () => {
    if (offset + BYTES > pool.length) {
      pool = globalThis.crypto.getRandomValues(new Uint8Array(BYTES * POOL_IDS));
      offset = 0;
    }
    const r = pool;
    const o = offset;
    offset += BYTES;
    const time = now().toString(16).padStart(12, '0');
    return (
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${HEX[r[o]!]}${HEX[r[o + 1]!]![0]}-` +
      `${VARIANT[r[o + 2]! & 3]}${HEX[r[o + 3]!]}${HEX[r[o + 4]!]![0]}-` +
      `${HEX[r[o + 5]!]}${HEX[r[o + 6]!]}${HEX[r[o + 7]!]}${HEX[r[o + 8]!]}${HEX[r[o + 9]!]}${HEX[r[o + 4]!]![1]}` +
      `${HEX[r[o + 1]!]![1]}`
    );
  };
}
