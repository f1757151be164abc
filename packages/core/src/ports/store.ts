import type { CounterStore } from './counter-store';
import type { CursorStore } from './cursor-store';
import type { DocumentStore } from './document-store';
import type { RunStore } from './run-store';

/**
 * A store with every capability: runs (what the engine needs), documents, cursors and counters. The memory,
 * SQLite and MongoDB stores are full stores and pass `testStore`; code that needs less asks for less
 * (`RunStore`, `DocumentStore`...).
 */
export interface Store extends RunStore, DocumentStore, CursorStore, CounterStore {}

/** True when `store` also holds documents (a full store does). */
export function hasDocuments(store: object): store is DocumentStore {
  return typeof (store as Partial<DocumentStore>).collection === 'function';
}
