const MASK_64 = (1n << 64n) - 1n;
const FNV_PRIME = 0x100000001b3n;

/**
 * A run id derived from a deduplication key, shaped like a UUID. The run insert then rejects a second run for
 * the same key in every store, so no crash between "key recorded" and "run created" can lose or double an event.
 * Two FNV-1a 64-bit hashes with different offsets give 128 bits; pure JS so core stays browser-safe.
 */
export function runIdForKey(key: string): string {
  const hex = fnv1a64(key, 0xcbf29ce484222325n) + fnv1a64(key, 0x84222325cbf29ce4n);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function fnv1a64(input: string, offset: bigint): string {
  let hash = offset;
  for (let i = 0; i < input.length; i += 1) {
    hash ^= BigInt(input.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
