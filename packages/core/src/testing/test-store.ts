import { afterEach, beforeEach, describe } from 'vitest';
import type { CounterStore } from '../ports/counter-store';
import type { CursorStore } from '../ports/cursor-store';
import type { DocumentStore } from '../ports/document-store';
import type { RunStore } from '../ports/run-store';
import type { Store } from '../ports/store';
import { describeAutomations } from './store/automations';
import { describeChangeMark } from './store/change-mark';
import { describeClaims } from './store/claims';
import { describeCounters } from './store/counters';
import { describeCursors } from './store/cursors';
import { describeDocuments } from './store/documents';
import type { SuiteContext } from './store/fixtures';
import { describeKeys } from './store/keys';
import { describeRuns } from './store/runs';
import { describeStepStats } from './store/step-stats';

/** Sizes the suites use; lower them for a slow backend and say so. */
export interface StoreCapabilities {
  /** Entries in the large-log round trip (each about 2 KB). Default 2,000. */
  largeLogEntries?: number;
  /** Concurrent callers in the race tests. Default 20. */
  concurrency?: number;
  /**
   * Whether the store offers `changeMark()` (default true). A store without it says so here, so its run has no
   * case to skip: callers of such a store read every time.
   */
  changeMark?: boolean;
}

/** Options of a conformance suite for stores of type `S`. */
export interface StoreSuiteOptions<S> {
  /** Shown in the test names. */
  name: string;
  /** Returns a new, empty store; it is closed (twice: `close` must be idempotent) after each test, if it can be. */
  create: () => Promise<S> | S;
  capabilities?: StoreCapabilities;
}

/** Options of `testStore`. */
export type TestStoreOptions = StoreSuiteOptions<Store>;

/**
 * The `RunStore` conformance suite: automations (reads, versions, stats), runs (writes, checkpoints, claims,
 * leases, purges) and unique keys, against a fresh store per test. A store for the engine alone passes this one.
 * @example
 * testRunStore({ name: 'my-store', create: () => createMyRunStore() });
 */
export function testRunStore(options: StoreSuiteOptions<RunStore>): void {
  const { concurrency, largeLogEntries } = sizes(options);
  suite('RunStore', options, (ctx) => {
    describeAutomations(ctx, concurrency);
    describeRuns(ctx, largeLogEntries);
    describeStepStats(ctx);
    describeClaims(ctx, concurrency);
    describeKeys(ctx, concurrency);
  });
}

/** The `DocumentStore` conformance suite: tenant-scoped collections, queries, compare-and-set updates. */
export function testDocumentStore(options: StoreSuiteOptions<DocumentStore>): void {
  suite('DocumentStore', options, (ctx) => describeDocuments(ctx, sizes(options).concurrency));
}

/** The `CursorStore` conformance suite. */
export function testCursorStore(options: StoreSuiteOptions<CursorStore>): void {
  suite('CursorStore', options, (ctx) => describeCursors(ctx));
}

/** The `CounterStore` conformance suite: counts from 1, atomic under concurrency. */
export function testCounterStore(options: StoreSuiteOptions<CounterStore>): void {
  suite('CounterStore', options, (ctx) => describeCounters(ctx, sizes(options).concurrency));
}

/**
 * Every conformance suite, for a store with every capability (`Store`): the run, document, cursor and counter
 * suites, and its change mark unless `capabilities.changeMark` is false, each against fresh stores.
 * @example
 * testStore({ name: 'sqlite', create: () => createSqliteStore({ filename: tmpFile() }) });
 */
export function testStore(options: TestStoreOptions): void {
  testRunStore(options);
  testDocumentStore(options);
  testCursorStore(options);
  testCounterStore(options);
  if (options.capabilities?.changeMark !== false) suite('Store', options, (ctx) => describeChangeMark(ctx));
}

function sizes(options: StoreSuiteOptions<unknown>): Required<Omit<StoreCapabilities, 'changeMark'>> {
  return {
    concurrency: options.capabilities?.concurrency ?? 20,
    largeLogEntries: options.capabilities?.largeLogEntries ?? 2000,
  };
}

/** A describe block whose tests each get a new store from `options.create`, closed twice afterwards. */
function suite<S>(capability: string, options: StoreSuiteOptions<S>, body: (ctx: SuiteContext<S>) => void): void {
  let current: S | undefined;
  const ctx: SuiteContext<S> = {
    store(): S {
      if (!current) throw new Error(`${capability} suite (${options.name}): no store; create() has not finished`);
      return current;
    },
  };
  describe(`${capability} conformance: ${options.name}`, () => {
    beforeEach(async () => {
      current = await options.create();
    });
    afterEach(async () => {
      const store = current as { close?: () => Promise<void> } | undefined;
      current = undefined;
      await store?.close?.();
      await store?.close?.();
    });
    body(ctx);
  });
}
