/** Undo/redo over immutable snapshots. */
export interface History<T> {
  /** Records `previous` as the state to return to, and forgets the redo stack. */
  push(previous: T): void;
  /** The state to restore, given the current one, or `undefined` when there is nothing to undo. */
  undo(current: T): T | undefined;
  redo(current: T): T | undefined;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  clear(): void;
}

/** Creates a bounded undo/redo history (oldest entries drop past `limit`). */
export function createHistory<T>(limit = 100): History<T> {
  const past: T[] = [];
  let future: T[] = [];
  return {
    push(previous) {
      past.push(previous);
      if (past.length > limit) past.shift();
      future = [];
    },
    undo(current) {
      const previous = past.pop();
      if (previous === undefined) return undefined;
      future.push(current);
      return previous;
    },
    redo(current) {
      const next = future.pop();
      if (next === undefined) return undefined;
      past.push(current);
      return next;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    clear() {
      past.length = 0;
      future = [];
    },
  };
}
