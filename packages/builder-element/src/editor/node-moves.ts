/**
 * Drag frames, told per node: the card and the links of a moved node listen to its id, so a frame redraws them and
 * nothing else (the element, the canvas and the other 300 cards do not render while a step is dragged).
 */
export class NodeMoves {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Calls `listener` each time node `id` moves during a drag; returns the unsubscribe call. */
  on(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(id);
    };
  }

  /** Tells the listeners of each id that its node moved. */
  notify(ids: Iterable<string>): void {
    for (const id of ids) for (const listener of this.listeners.get(id) ?? []) listener();
  }
}
