import { ConflictError } from '../errors/errors';
import type { AutomationRun, RunStatus } from '../model/run';
import { claimableAt, isLeasedRunStatus, isTerminalRunStatus } from '../model/run-lifecycle';
import type { AutomationRepository, ClaimOptions, RunRepository } from '../ports/run-store';
import {
  countStepEntry,
  type StepStats,
  STEP_STATS_DAY_MS,
  statsFor,
  stepStatsDay,
  waitingStepOf,
} from '../ports/step-stats';
import { cloneValue } from './clone';
import { MinHeap } from './min-heap';

/**
 * Runs held in memory. Waiting runs are indexed in a heap by `scheduledAt` (stale entries are skipped
 * lazily), and pending/running runs in a set, so claims never scan the whole store.
 */
export function createMemoryRuns(automations: Pick<AutomationRepository, 'updateStats'>): RunRepository {
  const runs = new Map<string, AutomationRun>();
  const waiting = createDueIndex();
  const leases = createDueIndex();

  /** Copies `run`, reusing the stored copy's append-only parts (see `RunRepository.checkpoint`). */
  const copyIn = (run: AutomationRun, stored: AutomationRun | undefined): AutomationRun => {
    const { triggerData, outputs, executionLog, ...rest } = run;
    const copy = cloneValue(rest) as AutomationRun;
    copy.triggerData = stored ? stored.triggerData : cloneValue(triggerData);
    copy.outputs = {};
    for (const nodeId of Object.keys(outputs)) {
      copy.outputs[nodeId] = stored && nodeId in stored.outputs ? stored.outputs[nodeId] : cloneValue(outputs[nodeId]);
    }
    const kept = stored ? Math.min(stored.executionLog.length, executionLog.length) : 0;
    copy.executionLog = new Array(executionLog.length);
    for (let i = 0; i < executionLog.length; i++) {
      copy.executionLog[i] = i < kept ? stored!.executionLog[i]! : cloneValue(executionLog[i]!);
    }
    return copy;
  };

  const write = (run: AutomationRun): void => {
    const previous = runs.get(run.id);
    runs.set(run.id, run);
    const due = dueTimes(run);
    const before = previous ? dueTimes(previous) : { waiting: undefined, lease: undefined };
    if (due.waiting !== before.waiting) waiting.set(run.id, due.waiting);
    if (due.lease !== before.lease) leases.set(run.id, due.lease);
  };

  const remove = (id: string): void => {
    runs.delete(id);
    waiting.set(id, undefined);
    leases.set(id, undefined);
  };

  const lease = (run: AutomationRun, options: Omit<ClaimOptions, 'limit'>): AutomationRun => {
    const claimed: AutomationRun = {
      ...run,
      status: 'running',
      leaseOwner: options.workerId,
      leaseUntil: new Date(options.now.getTime() + options.leaseMs),
    };
    write(claimed);
    return cloneValue(claimed);
  };

  return {
    async create(run, options) {
      if (runs.has(run.id)) throw new ConflictError(`run "${run.id}" already exists`);
      write(copyIn(run, undefined));
      if (options?.stats) await automations.updateStats(run.userId, run.automationId, options.stats);
    },
    async get(userId, id) {
      const run = runs.get(id);
      if (!run || run.userId !== userId) return null;
      return cloneValue(run);
    },
    async list(query) {
      const matched: AutomationRun[] = [];
      for (const run of runs.values()) {
        if (run.userId !== query.userId) continue;
        if (query.automationId !== undefined && run.automationId !== query.automationId) continue;
        if (query.status && !query.status.includes(run.status)) continue;
        if (query.triggerType !== undefined && run.triggerType !== query.triggerType) continue;
        if (query.createdFrom && run.createdAt < query.createdFrom) continue;
        if (query.createdTo && run.createdAt > query.createdTo) continue;
        if (query.text && !triggerDataContains(run.triggerData, query.text)) continue;
        matched.push(run);
      }
      matched.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      // The total is the filtered list's size; the keyset cursor only chooses the page.
      const before = query.before;
      const paged = before ? matched.filter((run) => isBefore(run, before)) : matched;
      const offset = query.offset ?? 0;
      const end = query.limit === undefined ? undefined : offset + query.limit;
      return { items: paged.slice(offset, end).map((run) => cloneValue(run)), total: matched.length };
    },
    async checkpoint(run, workerId, options) {
      const stored = runs.get(run.id);
      if (!stored || stored.leaseOwner !== workerId || stored.status === 'cancelled') return false;
      const next = copyIn(run, stored);
      // A lease renewed meanwhile is never shortened by a checkpoint carrying the older lease.
      if (next.leaseOwner === workerId && stored.leaseUntil && next.leaseUntil && stored.leaseUntil > next.leaseUntil) {
        next.leaseUntil = stored.leaseUntil;
      }
      write(next);
      if (options?.stats) await automations.updateStats(run.userId, run.automationId, options.stats);
      return true;
    },
    async claimDue(options) {
      const now = options.now.getTime();
      const claimed: AutomationRun[] = [];
      while (claimed.length < options.limit) {
        const expired = leases.peek();
        const due = waiting.peek();
        const next =
          expired !== undefined && expired.at <= now && (due === undefined || expired.at <= due.at)
            ? expired
            : due !== undefined && due.at <= now
              ? due
              : undefined;
        if (!next) break;
        claimed.push(lease(runs.get(next.id)!, options));
      }
      return claimed;
    },
    async claimById(id, statuses, options) {
      const run = runs.get(id);
      if (!run || !statuses.includes(run.status)) return null;
      const held =
        run.leaseOwner !== null &&
        run.leaseOwner !== options.workerId &&
        run.leaseUntil !== null &&
        run.leaseUntil.getTime() > options.now.getTime();
      return held ? null : lease(run, options);
    },
    async renewLeases(ids, workerId, leaseUntil) {
      const held: string[] = [];
      for (const id of ids) {
        const run = runs.get(id);
        if (!run || run.leaseOwner !== workerId || !isLeasedRunStatus(run.status)) continue;
        write({ ...run, leaseUntil: new Date(leaseUntil.getTime()) });
        held.push(id);
      }
      return held;
    },
    async release(id, workerId) {
      const run = runs.get(id);
      if (run && run.leaseOwner === workerId) write({ ...run, leaseOwner: null, leaseUntil: null });
    },
    async cancel(userId, id, at) {
      const run = runs.get(id);
      if (!run || run.userId !== userId) return null;
      if (isTerminalRunStatus(run.status)) return cloneValue(run);
      const cancelled: AutomationRun = {
        ...run,
        status: 'cancelled',
        leaseOwner: null,
        leaseUntil: null,
        scheduledAt: null,
        completedAt: new Date(at.getTime()),
        updatedAt: new Date(at.getTime()),
      };
      write(cancelled);
      return cloneValue(cancelled);
    },
    async delete(userId, id) {
      const run = runs.get(id);
      if (!run || run.userId !== userId) return false;
      remove(id);
      return true;
    },
    async purge(before, statuses) {
      const allowed = new Set<RunStatus>(statuses.filter((s) => s !== 'waiting'));
      let count = 0;
      for (const run of runs.values()) {
        if (!allowed.has(run.status)) continue;
        const finishedAt = run.completedAt ?? run.updatedAt;
        if (finishedAt.getTime() < before.getTime()) {
          remove(run.id);
          count += 1;
        }
      }
      return count;
    },
    async nextDueAt() {
      const top = waiting.peek();
      return top ? new Date(top.at) : null;
    },
    async countWaiting(now) {
      let count = 0;
      let due = 0;
      for (const run of runs.values()) {
        if (run.status !== 'waiting') continue;
        count += 1;
        if (run.scheduledAt && run.scheduledAt.getTime() <= now.getTime()) due += 1;
      }
      return { waiting: count, due };
    },
    async stepStats(userId, automationId, query) {
      // Memory holds every run anyway: a scan gives the same figures the SQL and Mongo counters keep.
      const from = stepStatsDay(query.since) * STEP_STATS_DAY_MS;
      const stats = new Map<string, StepStats>();
      for (const run of runs.values()) {
        if (run.userId !== userId || run.automationId !== automationId || run.automationVersion !== query.version) {
          continue;
        }
        for (const entry of run.executionLog) if (entry.startedAt.getTime() >= from) countStepEntry(stats, entry);
        const waitingAt = waitingStepOf(run);
        if (waitingAt) statsFor(stats, waitingAt).waiting += 1;
      }
      return [...stats.values()];
    },
  };
}

/** The run's claimable time (`claimableAt`), in the index of waiting runs or the one of leased runs. */
function dueTimes(run: AutomationRun): { waiting: number | undefined; lease: number | undefined } {
  const at = claimableAt(run) ?? undefined;
  return run.status === 'waiting' ? { waiting: at, lease: undefined } : { waiting: undefined, lease: at };
}

interface DueIndex {
  /** Sets (or with `undefined`, removes) the due time of a run. */
  set(id: string, at: number | undefined): void;
  /** The earliest live entry. */
  peek(): { at: number; id: string } | undefined;
}

/** A heap with lazy deletion: superseded entries are skipped when they reach the top, and compacted in bulk. */
function createDueIndex(): DueIndex {
  const heap = new MinHeap();
  const current = new Map<string, number>();
  let seq = 0;
  return {
    set(id, at) {
      if (at === undefined) {
        current.delete(id);
        return;
      }
      seq += 1;
      current.set(id, seq);
      heap.push({ at, id, seq });
      if (heap.size > 2 * current.size + 1024) heap.rebuild((e) => current.get(e.id) === e.seq);
    },
    peek() {
      for (let top = heap.peek(); top; top = heap.peek()) {
        if (current.get(top.id) === top.seq) return top;
        heap.pop();
      }
      return undefined;
    },
  };
}

/** Whether a run comes after the cursor in the list order (newest first, then id descending). */
function isBefore(run: AutomationRun, cursor: { createdAt: Date; id: string }): boolean {
  const t = run.createdAt.getTime();
  const c = cursor.createdAt.getTime();
  return t < c || (t === c && run.id < cursor.id);
}

/** Whether a run's trigger data contains `text`, case-insensitively (the meaning of `RunListQuery.text`). */
function triggerDataContains(triggerData: unknown, text: string): boolean {
  return JSON.stringify(triggerData ?? null)
    .toLowerCase()
    .includes(text.toLowerCase());
}
