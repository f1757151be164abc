import type { CursorStore, Logger } from '@swigs/automation-core';
import type { CmsClient, CmsResource } from './cms-client';
import { updatedAtMs } from './cms-values';

/** Options of `pollResource`. */
export interface PollResourceOptions {
  client: CmsClient;
  store: CursorStore;
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

/** How far one resource's poll got. */
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
 *
 * A CMS answering newest first is detected from the first unsorted page: the poll then keeps its anchor
 * and walks `page` numbers (records that change meanwhile move to page 1, so nothing is skipped, some are
 * read twice) and saves the cursor only once the last page is read.
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
  // Set when the CMS does not sort oldest first: this poll then pages by number from a fixed anchor.
  let byNumber = false;
  let newestSeen = cursorMs;

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
    if (!byNumber && times.some((ms, i) => i > 0 && ms < (times[i - 1] as number))) {
      byNumber = true;
      logger.warn(
        'cms records are not sorted oldest first; this poll pages by number and saves its cursor at the end',
        {
          resource,
        },
      );
    }
    if (newest !== null && (newestSeen === null || newest > newestSeen)) newestSeen = newest;
    // Newest first, the newest record comes before older unread ones: the cursor may move only once all are read.
    if (!byNumber && newestSeen !== null && (cursorMs === null || newestSeen > cursorMs)) await saveCursor(newestSeen);
    if (records.length < pageSize) {
      if (byNumber && newestSeen !== null && (cursorMs === null || newestSeen > cursorMs)) await saveCursor(newestSeen);
      return result(true);
    }

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
    if (!byNumber && newest !== null && newest > anchor) {
      anchor = newest;
      // A page made only of records at the new anchor would come back as page 1: ask for page 2 directly.
      const atAnchor = times.filter((ms) => ms >= anchor - 1).length;
      page = atAnchor >= pageSize ? 2 : 1;
    } else {
      page += 1;
    }
  }

  async function saveCursor(ms: number): Promise<void> {
    cursorMs = ms;
    await store.cursors.set(cursorName, new Date(ms).toISOString());
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
