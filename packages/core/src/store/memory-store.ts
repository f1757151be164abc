import type { CounterRepository } from '../ports/counter-store';
import type { CursorRepository } from '../ports/cursor-store';
import type { DocumentCollection, StoredDocument } from '../ports/document-store';
import type { RunStore, UniqueKeyRepository } from '../ports/run-store';
import type { Store } from '../ports/store';
import { createMemoryAutomations } from './memory-automations';
import { createMemoryCollection, createMemoryDocuments } from './memory-documents';
import { createMemoryRuns } from './memory-runs';

/**
 * A `Store` held in process memory, with every capability: for tests, dry runs and benchmarks. Values are
 * deep-copied on the way in and out, so callers never share objects with the store. Unique-key expiry uses the
 * wall clock.
 * @example
 * const engine = createEngine({ store: createMemoryStore(), registry });
 */
export function createMemoryStore(): Store {
  const collections = new Map<string, DocumentCollection<StoredDocument>>();
  const documents = createMemoryDocuments();
  let changes = 0;
  const changed = (): void => {
    changes += 1;
  };
  const runStore = createMemoryRunStore();
  return {
    ...runStore,
    automations: noting(runStore.automations, ['save', 'delete'], changed),
    cursors: createMemoryCursors(),
    counters: createMemoryCounters(),
    collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
      let collection = collections.get(name);
      if (!collection) {
        collection = noting(
          createMemoryCollection<StoredDocument>(name, documents),
          ['insert', 'update', 'delete'],
          changed,
        );
        collections.set(name, collection);
      }
      return collection as unknown as DocumentCollection<T>;
    },
    changeMark: () => String(changes),
  };
}

/**
 * `target` with `changed()` called as each of `methods` is called: the memory store changes its maps before the
 * first `await`, so no read can fall between the change and the mark moving.
 */
function noting<T extends object>(target: T, methods: readonly (keyof T & string)[], changed: () => void): T {
  const out = { ...target };
  for (const method of methods) {
    const original = target[method] as (...args: unknown[]) => unknown;
    (out as Record<string, unknown>)[method] = (...args: unknown[]) => {
      changed();
      return original.apply(target, args);
    };
  }
  return out;
}

/** A `RunStore` held in process memory: automations, runs and unique keys only, what the engine needs. */
export function createMemoryRunStore(): RunStore {
  const automations = createMemoryAutomations();
  return {
    name: 'memory',
    automations,
    runs: createMemoryRuns(automations),
    keys: createMemoryKeys(),
    async close() {},
  };
}

function createMemoryKeys(): UniqueKeyRepository {
  const keys = new Map<string, number | null>();
  const live = (key: string): boolean => {
    const expiresAt = keys.get(key);
    if (expiresAt === undefined) return false;
    if (expiresAt !== null && expiresAt <= Date.now()) {
      keys.delete(key);
      return false;
    }
    return true;
  };
  return {
    async add(key, options) {
      if (live(key)) return false;
      keys.set(key, options?.expiresAt ? options.expiresAt.getTime() : null);
      return true;
    },
    async has(key) {
      return live(key);
    },
    async delete(key) {
      keys.delete(key);
    },
  };
}

function createMemoryCursors(): CursorRepository {
  const cursors = new Map<string, string>();
  return {
    async get(name) {
      return cursors.get(name) ?? null;
    },
    async set(name, value) {
      cursors.set(name, value);
    },
  };
}

function createMemoryCounters(): CounterRepository {
  const counters = new Map<string, number>();
  return {
    async next(key) {
      const value = (counters.get(key) ?? 0) + 1;
      counters.set(key, value);
      return value;
    },
  };
}
