import type { CounterStore } from './counter-store';
import type { CursorStore } from './cursor-store';
import type { DocumentStore } from './document-store';
import type { RunStore } from './run-store';

/**
 * A store with every capability: runs (what the engine needs), documents, cursors and counters. The memory,
 * SQLite and MongoDB stores are full stores and pass `testStore`; code that needs less asks for less
 * (`RunStore`, `DocumentStore`...).
 */
export interface Store extends RunStore, DocumentStore, CursorStore, CounterStore {
  /**
   * A value that changes whenever an automation's definition (not only its stats) or a document may have changed
   * since it was last returned: at once for this store's own writes, and for another process's from the next
   * event-loop turn on (a request handled in this turn arrived before it began). What a caller read of those may
   * be reused while the mark it took before reading is unchanged. Optional: a store without it is read every time.
   */
  changeMark?(): string;
}

/** True when `store` also holds documents (a full store does). */
export function hasDocuments(store: object): store is DocumentStore {
  return typeof (store as Partial<DocumentStore>).collection === 'function';
}
