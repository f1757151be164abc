/** What a flush answers for one item: its value, or the error that item alone failed with. */
export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Collects the items added during one event-loop turn and hands them to `flush` together: many concurrent run
 * writes then cost one round trip instead of one each. Each `add` settles with its own outcome when `flush`
 * answers one per item (in order), with `undefined` when it answers nothing, and rejects when `flush` rejects.
 */
export function createTickBatch<T, R = void>(
  flush: (items: T[]) => Promise<BatchOutcome<R>[] | undefined>,
): (item: T) => Promise<R> {
  let open: { items: T[]; done: Promise<BatchOutcome<R>[] | undefined> } | undefined;
  return async (item) => {
    if (!open) {
      const batch: { items: T[]; done: Promise<BatchOutcome<R>[] | undefined> } = {
        items: [],
        done: Promise.resolve(undefined),
      };
      batch.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        // Closed before it flushes: what is added meanwhile goes into the next batch.
        open = undefined;
        return flush(batch.items);
      });
      open = batch;
    }
    const index = open.items.push(item) - 1;
    const outcomes = await open.done;
    const outcome = outcomes?.[index];
    if (!outcome) return undefined as R;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
}
