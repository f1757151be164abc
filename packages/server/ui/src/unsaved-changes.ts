/** Which editors hold unsaved changes; the shell asks before leaving while any does. */
export interface UnsavedChanges {
  /** Marks an editor (any object, usually the page element) as dirty or clean. */
  set(owner: object, dirty: boolean): void;
  /** Whether any editor has unsaved changes. */
  readonly any: boolean;
  /** Forgets every editor (after the user chose to leave without saving). */
  clear(): void;
}

/** Creates the registry of unsaved editors; `onChange` lets the shell update the tab title or header. */
export function createUnsavedChanges(onChange: () => void = () => {}): UnsavedChanges {
  const dirty = new Set<object>();
  return {
    set(owner, isDirty) {
      const had = dirty.has(owner);
      if (isDirty) dirty.add(owner);
      else dirty.delete(owner);
      if (had !== isDirty) onChange();
    },
    get any() {
      return dirty.size > 0;
    },
    clear() {
      dirty.clear();
      onChange();
    },
  };
}
