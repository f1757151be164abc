/** A small least-recently-used map: a hit moves the key to the newest end, inserts evict the oldest. */
export class LruCache<K, V> {
  readonly #max: number;
  readonly #map = new Map<K, V>();

  constructor(max: number) {
    this.#max = Math.max(1, max);
  }

  get(key: K): V | undefined {
    const value = this.#map.get(key);
    // Reordering costs a rehash; below half capacity nothing can be evicted soon, so it is skipped.
    if (value !== undefined && this.#map.size > this.#max / 2) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value as K);
  }

  get size(): number {
    return this.#map.size;
  }
}
