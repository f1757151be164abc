import type { Logger, Store } from '@swigs/automation-core';
import type { CmsClient, CmsResource } from './cms-client';
import { updatedAtMs } from './cms-values';

export interface PollResourceOptions {
  client: CmsClient;
  store: Store;
  logger: Logger;
  resource: CmsResource;
  /** Store cursor holding the newest `updatedAt` processed (ISO). */
  cursorName: string;
  /** Where to start when the cursor is empty (the first start's backfill). */
  initialSince: Date;
  lookbackMs: number;
  pageSize: number;
  /** Processes every record of a page; resolves once each event is delivered. */
  handlePage(records: unknown[]): Promise<void>;
  /** Checked between pages: `stop()` lets the current page finish. */
  shouldStop(): boolean;
  signal?: AbortSignal;
}

export interface ResourcePollResult {
  fetched: number;
  pages: number;
  /** Newest `updatedAt` processed, after this poll. */
  cursor: string | null;
  /** False when stopped early or when the CMS would not page past a tie group. */
  complete: boolean;
}

/**
 * Reads every record updated since the cursor, page by page, oldest first.
 *
 * Paging is keyset on `updatedAt` with an offset tie-breaker: each request asks for `updatedSince =
 * anchor - 1 ms` (inclusive whether the CMS compares with `>` or `>=`). When a full page reaches a newer
 * `updatedAt` than the anchor, the anchor moves there and `page` resets to 1; when the whole page shares
 * the anchor's instant (a bulk update stamping many records at once), `page` goes up instead. Records met
 * twice at a boundary are absorbed by the seen keys. The cursor is saved after each fully handled page.
 */
export async function pollResource(options: PollResourceOptions): Promise<ResourcePollResult> {
  const { client, store, logger, resource, cursorName, pageSize } = options;
  const stored = await store.cursors.get(cursorName);
  const storedMs = stored === null ? Number.NaN : Date.parse(stored);
  let cursorMs = Number.isNaN(storedMs) ? null : storedMs;
  let anchor = cursorMs === null ? options.initialSince.getTime() : cursorMs - options.lookbackMs;
  let page = 1;
  let fetched = 0;
  let pages = 0;
  let previousSignature: string | null = null;

  for (;;) {
    if (options.shouldStop()) return result(false);
    const records = await client.list(
      resource,
      { updatedSince: new Date(anchor - 1).toISOString(), limit: pageSize, page },
      options.signal,
    );
    pages += 1;
    fetched += records.length;
    await options.handlePage(records);

    const times = records.map(updatedAtMs).filter((ms) => !Number.isNaN(ms));
    const newest = times.length > 0 ? Math.max(...times) : null;
    if (newest !== null && (cursorMs === null || newest > cursorMs)) {
      cursorMs = newest;
      await store.cursors.set(cursorName, new Date(cursorMs).toISOString());
    }
    if (records.length < pageSize) return result(true);

    const signature = records.map((record) => `${idOf(record)}@${updatedAtMs(record)}`).join(',');
    if (page > 1 && signature === previousSignature) {
      logger.error('cms paging stuck: the CMS returned the same page twice (does it ignore `page`?)', {
        resource,
        updatedSince: new Date(anchor - 1).toISOString(),
        page,
      });
      return result(false);
    }
    previousSignature = signature;
    if (newest !== null && newest > anchor) {
      anchor = newest;
      // A page made only of records at the new anchor would come back as page 1: ask for page 2 directly.
      const atAnchor = times.filter((ms) => ms >= anchor - 1).length;
      page = atAnchor >= pageSize ? 2 : 1;
    } else {
      page += 1;
    }
  }

  function result(complete: boolean): ResourcePollResult {
    return { fetched, pages, cursor: cursorMs === null ? null : new Date(cursorMs).toISOString(), complete };
  }
}

function idOf(record: unknown): string {
  if (!record || typeof record !== 'object') return '?';
  const value = (record as { _id?: unknown; id?: unknown })._id ?? (record as { id?: unknown }).id;
  return String(value);
}
