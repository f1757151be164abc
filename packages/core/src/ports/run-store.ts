import type { Automation, AutomationStats } from '../model/automation';
import type { AutomationRun, RunStatus } from '../model/run';
import type { StepStats, StepStatsQuery } from './step-stats';

/**
 * What the engine persists: automations (read, stats), runs, unique keys. A store that only runs automations
 * implements this and passes `testRunStore`; documents, cursors and counters are separate capabilities
 * (`DocumentStore`, `CursorStore`, `CounterStore`). Every method taking a `userId` is scoped to that tenant and takes
 * it first: `(userId, id, ...)`. Values round-trip unchanged: a `Date` comes back a `Date`, nested data comes back equal.
 */
export interface RunStore {
  readonly name: string;
  readonly automations: AutomationRepository;
  readonly runs: RunRepository;
  readonly keys: UniqueKeyRepository;
  /** Safe to call twice. */
  close(): Promise<void>;
}

/** Change applied atomically to an automation's stats. */
export interface StatsDelta {
  totalRuns?: number;
  successfulRuns?: number;
  failedRuns?: number;
  lastRunAt?: Date;
  /** Sets `lastError` (null clears it); left unchanged when undefined. */
  lastError?: string | null;
}

export interface AutomationListQuery {
  isActive?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * Automations of every tenant. The automations `get`, `list`, `findActiveByTrigger` and `save` return are read-only:
 * a store may share them, deep-frozen, between calls (they are read far more often than written), so a
 * caller that wants a changed copy builds a new object.
 */
export interface AutomationRepository {
  get(userId: string, id: string): Promise<Automation | null>;
  /** The immutable snapshot of `version`, kept for runs pinned to it. */
  getVersion(userId: string, id: string, version: number): Promise<Automation | null>;
  list(userId: string, query?: AutomationListQuery): Promise<{ items: Automation[]; total: number }>;
  /** Active automations whose trigger type is `triggerType`, across tenants unless `userId` is given. */
  findActiveByTrigger(triggerType: string, userId?: string): Promise<Automation[]>;
  /**
   * Inserts or replaces the automation (stats are kept from the stored copy) and records the snapshot
   * of `automation.version` if none exists. The caller bumps `version` when the graph changes.
   */
  save(automation: Automation): Promise<Automation>;
  delete(userId: string, id: string): Promise<boolean>;
  /** Applies `delta` atomically (increments, not read-modify-write). */
  updateStats(userId: string, id: string, delta: StatsDelta): Promise<AutomationStats | null>;
}

export interface RunListQuery {
  userId: string;
  automationId?: string;
  status?: RunStatus[];
  /** Only runs of this trigger type. */
  triggerType?: string;
  /** Only runs created at or after this instant. */
  createdFrom?: Date;
  /** Only runs created at or before this instant. */
  createdTo?: Date;
  /**
   * Only runs whose trigger data contains this text (case-insensitive), e.g. an order number or an email. A store
   * may also match the run's other stored text (its outputs), never less than the trigger data.
   */
  text?: string;
  /**
   * Keyset paging: only runs older than this one in the list order (`createdAt` desc, then `id` desc), so a deep
   * page costs what the first one does. Used instead of `offset`.
   */
  before?: { createdAt: Date; id: string };
  limit?: number;
  offset?: number;
}

export interface RunWriteOptions {
  /**
   * Applied to the run's automation (`AutomationRepository.updateStats`) only when the write is taken, so a
   * run's start and outcome are counted once and cost no second write. A store writes both atomically where it can.
   */
  stats?: StatsDelta;
}

export interface ClaimOptions {
  now: Date;
  workerId: string;
  /** The lease lasts until `now + leaseMs`. */
  leaseMs: number;
  limit: number;
}

export interface RunRepository {
  /** Inserts a new run. Throws `ConflictError` if the id exists (and then applies no stats). */
  create(run: AutomationRun, options?: RunWriteOptions): Promise<void>;
  /** A run of another tenant is null. */
  get(userId: string, id: string): Promise<AutomationRun | null>;
  /** Newest first. */
  list(query: RunListQuery): Promise<{ items: AutomationRun[]; total: number }>;
  /**
   * Writes the whole run in one write, only while `workerId` holds its lease and it is not cancelled.
   * Returns false when the lease was lost or the run was cancelled meanwhile; the caller must stop.
   * A run's `triggerData`, each value of `outputs` and each `executionLog` entry are append-only: once written
   * they are never changed (new ones are appended), so a store may keep its first copy of them.
   */
  checkpoint(run: AutomationRun, workerId: string, options?: RunWriteOptions): Promise<boolean>;
  /**
   * Atomically claims up to `limit` runs that are due: `waiting` with `scheduledAt <= now`, or
   * `pending`/`running` whose lease expired (a crashed worker). Sets status `running`, the lease owner and
   * `leaseUntil`. Two workers never get the same run. Oldest `scheduledAt` first.
   */
  claimDue(options: ClaimOptions): Promise<AutomationRun[]>;
  /**
   * Claims one run by id when its status is in `statuses` and no other live lease holds it
   * (used by retry). Returns the claimed run, or null.
   */
  claimById(id: string, statuses: RunStatus[], options: Omit<ClaimOptions, 'limit'>): Promise<AutomationRun | null>;
  /** Extends the leases `workerId` still holds; returns the ids it still holds. */
  renewLeases(ids: string[], workerId: string, leaseUntil: Date): Promise<string[]>;
  /** Drops `workerId`'s lease on a run it holds so another worker can claim it at once. */
  release(id: string, workerId: string): Promise<void>;
  /** Sets status `cancelled` (and clears the lease) unless the run is already terminal. */
  cancel(userId: string, id: string, at: Date): Promise<AutomationRun | null>;
  delete(userId: string, id: string): Promise<boolean>;
  /** Deletes runs in `statuses` completed before `before`; never touches waiting runs. Returns the count. */
  purge(before: Date, statuses: RunStatus[]): Promise<number>;
  /** Earliest `scheduledAt` among waiting runs, for the scheduler's sleep. */
  nextDueAt(): Promise<Date | null>;
  /**
   * Waiting runs of every tenant, and those of them due at `now` (`scheduledAt` at or before it), from the index
   * of waiting runs (never by loading runs). For operators' metrics; optional, a store without it reports none.
   */
  countWaiting?(now: Date): Promise<{ waiting: number; due: number }>;
  /**
   * Per-step figures of one automation version since `query.since`, from an index or aggregate kept with the run
   * writes (never by loading runs). Optional: a store without it makes the stats route answer 501.
   */
  stepStats?(userId: string, automationId: string, query: StepStatsQuery): Promise<StepStats[]>;
}

export interface UniqueKeyRepository {
  /** Adds `key`; true when it was new, false when it already existed (atomic). */
  add(key: string, options?: { expiresAt?: Date }): Promise<boolean>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}
