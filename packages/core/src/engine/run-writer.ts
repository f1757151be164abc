import { ConflictError, isAbortedBy } from '../errors/errors';
import { ErrorCode, hasErrorCode } from '../errors/swigs-error';
import type { AutomationRun } from '../model/run';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { RunStore, StatsDelta } from '../ports/run-store';
import type { EngineEvents } from './types';

/** How one run reaches the store while it executes in this worker. */
export interface RunWrites {
  /** Whether the run is in the store: only then has it a lease to renew. */
  readonly written: boolean;
  /**
   * Writes the run after a node or at its outcome (inserting it the first time), its start and its outcome
   * counted with the write that records them. False when the run must stop here: lease lost, cancelled, its key
   * taken by another start, or the store failed.
   */
  save(run: AutomationRun): Promise<boolean>;
  /** Before a node with side effects: a run not written yet is written now, so no effect is lost in a crash. */
  beforeEffects(run: AutomationRun): Promise<boolean>;
  /** After an abort: a stopping worker hands the run back at once; a cancel or a lost lease leaves it be. */
  handBack(run: AutomationRun, reason: unknown): Promise<void>;
}

/** The writes of a run this worker starts: nothing is stored until its first side effect, its park or its end. */
export interface NewRunWrites extends RunWrites {
  /**
   * What the start answers once the run stopped: the run; null when its first write found the run already there
   * (the same keyed event was taken elsewhere); the store's error when that write failed, so the caller (an event
   * source, an HTTP client) delivers the event again.
   */
  settle(run: AutomationRun): AutomationRun | null;
  /**
   * Writes the run now unless it is written already (a caller answering before the run ends); rejects with the
   * store's error, or a conflict when its id was taken.
   */
  store(run: AutomationRun): Promise<void>;
}

export interface RunWriter {
  /** The writes of every run claimed from the store (already written): one shared object, no state per run. */
  readonly stored: RunWrites;
  /** The writes of a run this worker starts now; `key` is its dedupe key, recorded with its first write. */
  forNew(input: { key: string | undefined; createdAt: Date }): NewRunWrites;
  /**
   * Inserts a new run at once with `stats` in the same write (refusals, delayed starts, `startAutomation`), records
   * `key` and announces the run. False when the run was already there and `deduplicated` (default: a key is given).
   */
  insert(run: AutomationRun, key: string | undefined, stats: StatsDelta, deduplicated?: boolean): Promise<boolean>;
}

export interface RunWriterOptions {
  store: Pick<RunStore, 'runs' | 'keys'>;
  clock: Clock;
  logger: Logger;
  workerId: string;
  leaseMs: number;
  listening(event: keyof EngineEvents): boolean;
  emit<E extends keyof EngineEvents>(event: E, payload: Parameters<EngineEvents[E]>[0]): void;
}

/**
 * The engine's durability rule, in one place: a run this worker starts is written (inserted) before its first node
 * with side effects, when it parks, or when it ends, whichever comes first; its start is counted once, with that
 * write, and its outcome with the write that records it; a run aborted by a stopping worker is handed back (a run
 * never written is inserted with its lease already expired) so another worker continues it at once.
 */
export function createRunWriter(options: RunWriterOptions): RunWriter {
  const { store, clock, logger, workerId } = options;

  const insert: RunWriter['insert'] = async (run, key, stats, deduplicated = key !== undefined) => {
    // The lease runs from the first write: nothing could renew it before.
    if (run.leaseOwner === workerId && run.leaseUntil)
      run.leaseUntil = new Date(clock.now().getTime() + options.leaseMs);
    try {
      await store.runs.create(run, { stats });
    } catch (error) {
      if (deduplicated && hasErrorCode(error, ErrorCode.Conflict)) return false;
      throw error;
    }
    if (key !== undefined) await store.keys.add(key);
    if (options.listening('run.created')) options.emit('run.created', { run });
    return true;
  };

  const stored: RunWrites = {
    written: true,
    save: (run) => {
      const delta = outcomeStats(run);
      return store.runs.checkpoint(run, workerId, delta ? { stats: delta } : undefined);
    },
    beforeEffects: () => Promise.resolve(true),
    handBack: async (run, reason) => {
      if (!isAbortedBy(reason, 'stop')) return;
      await store.runs.release(run.id, workerId).catch((error: unknown) => reportHandBack(logger, run, error));
    },
  };

  return {
    stored,
    insert,
    forNew({ key, createdAt }) {
      let state: 'unwritten' | 'written' | 'taken' | 'failed' = 'unwritten';
      let failure: unknown;
      // The first write, shared: an early `store()` and the run's own next write never insert twice.
      let first: Promise<boolean> | undefined;
      const startStats = (run: AutomationRun): StatsDelta => withStart(outcomeStats(run), createdAt);
      const writeFirst = (run: AutomationRun): Promise<boolean> => {
        first ??= (async () => {
          try {
            if (!(await insert(run, key, startStats(run)))) {
              state = 'taken';
              return false;
            }
          } catch (error) {
            state = 'failed';
            failure = error;
            return false;
          }
          state = 'written';
          return true;
        })();
        return first;
      };
      const writes: NewRunWrites = {
        get written() {
          return state === 'written';
        },
        save(run) {
          if (state === 'written') return stored.save(run);
          if (state !== 'unwritten') return Promise.resolve(false);
          // An early write is under way: this state follows it as a checkpoint.
          if (first) return first.then((ok) => (ok ? stored.save(run) : false));
          return writeFirst(run);
        },
        beforeEffects(run) {
          return state === 'written' ? Promise.resolve(true) : writeFirst(run);
        },
        async store(run) {
          if (state === 'unwritten') await writeFirst(run);
          if (state === 'failed') throw failure;
          if (state === 'taken') throw new ConflictError(`run "${run.id}" already exists`);
        },
        async handBack(run, reason) {
          if (first) await first;
          if (state === 'written') return stored.handBack(run, reason);
          if (state !== 'unwritten' || !isAbortedBy(reason, 'stop')) return;
          try {
            // Never written: store it with its lease already expired, so another worker continues it at once.
            run.leaseUntil = clock.now();
            await store.runs.create(run, { stats: startStats(run) });
            if (key !== undefined) await store.keys.add(key);
            state = 'written';
          } catch (error) {
            reportHandBack(logger, run, error);
          }
        },
        settle(run) {
          if (state === 'taken') return null;
          if (state === 'failed') throw failure;
          return run;
        },
      };
      return writes;
    },
  };
}

/**
 * `stats` (a fresh object, or none) with the start counted. Properties are added, not spread: Node 20's V8 builds
 * `{ ...stats, totalRuns }` through a slow runtime path (about 1 µs here, against 30 ns on Node 24).
 */
function withStart(stats: StatsDelta | undefined, at: Date): StatsDelta {
  const delta: StatsDelta = stats ?? {};
  delta.totalRuns = 1;
  delta.lastRunAt = at;
  return delta;
}

/** The stats a write recording `run`'s outcome carries: a completion or a failure, else none. */
function outcomeStats(run: AutomationRun): StatsDelta | undefined {
  if (run.status === 'completed') return { successfulRuns: 1 };
  if (run.status === 'failed') return { failedRuns: 1, lastError: run.error };
  return undefined;
}

function reportHandBack(logger: Logger, run: AutomationRun, error: unknown): void {
  logger.error('could not hand a run back', {
    runId: run.id,
    error: error instanceof Error ? error.message : String(error),
  });
}
