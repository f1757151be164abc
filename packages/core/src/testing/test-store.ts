import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../ports/store';
import { describeAutomations } from './store/automations';
import { describeClaims } from './store/claims';
import { describeDocuments } from './store/documents';
import { describeKeys } from './store/keys';
import { describeRuns } from './store/runs';

/** Sizes the suite uses; lower them for a slow backend and say so. */
export interface StoreCapabilities {
  /** Entries in the large-log round trip (each about 2 KB). Default 2,000. */
  largeLogEntries?: number;
  /** Concurrent callers in the race tests. Default 20. */
  concurrency?: number;
}

export interface TestStoreOptions {
  /** Shown in the test names. */
  name: string;
  /** Returns a new, empty store; it is closed after each test. */
  create: () => Promise<Store> | Store;
  capabilities?: StoreCapabilities;
}

/**
 * The `Store` conformance suite: every method of the contract, run against a fresh store per test.
 * @example
 * testStore({ name: 'sqlite', create: () => createSqliteStore({ filename: tmpFile() }) });
 */
export function testStore(options: TestStoreOptions): void {
  const concurrency = options.capabilities?.concurrency ?? 20;
  const largeLogEntries = options.capabilities?.largeLogEntries ?? 2000;
  let current: Store | undefined;
  const ctx = {
    store(): Store {
      if (!current) throw new Error(`testStore(${options.name}): no store; create() has not finished`);
      return current;
    },
  };

  describe(`Store conformance: ${options.name}`, () => {
    beforeEach(async () => {
      current = await options.create();
    });
    afterEach(async () => {
      const store = current;
      current = undefined;
      await store?.close();
      await store?.close();
    });

    describeAutomations(ctx, concurrency);
    describeRuns(ctx, largeLogEntries);
    describeClaims(ctx, concurrency);
    describeKeys(ctx, concurrency);
    describeDocuments(ctx, concurrency);
  });
}
