/** Atomic counters (invoice numbering). */
export interface CounterStore {
  readonly counters: CounterRepository;
}

export interface CounterRepository {
  /** Atomically increments `key` and returns the new value (1 the first time). */
  next(key: string): Promise<number>;
}
