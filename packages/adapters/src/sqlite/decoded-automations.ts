import { type Automation, type AutomationStats, deepFreeze } from '@swigs/automation-core';
import { decodeJson } from './codec';

/**
 * The columns an automation is read from, in this order (read with `statement.raw()`: each named column of a
 * row object costs more than the JSON decoding of a small document). Stats come packed as one JSON array.
 */
export const AUTOMATION_COLUMNS =
  'user_id, id, doc, json_array(total_runs, successful_runs, failed_runs, last_run_at, last_error) AS stats';

export type AutomationRaw = [userId: string, id: string, doc: string, stats: string];

/** Turns raw automation rows into automations, given the row from `AUTOMATION_COLUMNS`. */
export type AutomationDecoder = (row: AutomationRaw) => Automation;

interface Decoded {
  doc: string;
  stats: string;
  /** The decoded document without stats, shared by every `value` built from the same `doc`. */
  body: Omit<Automation, 'stats'>;
  value: Automation;
}

/**
 * Decodes rows into deep-frozen automations and keeps up to `capacity` of them: a row whose document and stats
 * text are unchanged since the last read returns the same object, and one whose stats alone changed (every run
 * changes them) reuses the decoded document. The text comes from the database on every read, so a change made
 * by any process is seen at once.
 */
export function createAutomationDecoder(capacity = 2_000): AutomationDecoder {
  const cache = new Map<string, Decoded>();
  return ([userId, id, doc, stats]) => {
    const key = `${userId}\u0000${id}`;
    const known = cache.get(key);
    if (known?.doc === doc) {
      if (known.stats === stats) return known.value;
      known.stats = stats;
      known.value = Object.freeze({ ...known.body, stats: Object.freeze(statsFrom(stats)) });
      return known.value;
    }
    const body = deepFreeze(decodeJson<Omit<Automation, 'stats'>>(doc));
    const value = Object.freeze({ ...body, stats: Object.freeze(statsFrom(stats)) });
    if (!known && cache.size >= capacity) cache.delete(cache.keys().next().value as string);
    cache.set(key, { doc, stats, body, value });
    return value;
  };
}

/** Stats from the `json_array(...)` text of `AUTOMATION_COLUMNS`. */
function statsFrom(text: string): AutomationStats {
  const [totalRuns, successfulRuns, failedRuns, lastRunAt, lastError] = JSON.parse(text) as [
    number,
    number,
    number,
    number | null,
    string | null,
  ];
  return {
    totalRuns,
    successfulRuns,
    failedRuns,
    lastRunAt: lastRunAt === null ? null : new Date(lastRunAt),
    lastError,
  };
}
