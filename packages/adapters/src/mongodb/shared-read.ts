/**
 * Reads of the same key that start in one event-loop turn share one read, sent after that turn: each caller's
 * answer then reflects the database at a moment after its call began, as its own read would. The shared result
 * must be treated as read-only.
 */
export function createSharedRead<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const open = new Map<string, Promise<T>>();
  return (key) => {
    let pending = open.get(key);
    if (!pending) {
      pending = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        open.delete(key);
        return read(key);
      });
      open.set(key, pending);
    }
    return pending;
  };
}
