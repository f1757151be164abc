import {
  type AutomationRun,
  AutomationRunSchema,
  claimableAt,
  compareClaimOrder,
  ConflictError,
  isLeasedRunStatus,
  isTerminalRunStatus,
  LEASED_RUN_STATUSES,
  type RunRepository,
  TERMINAL_RUN_STATUSES,
  waitingStepOf,
} from '@swigs/automation-core';
import { randomUUID } from 'node:crypto';
import type { Collection, Document, Filter } from 'mongodb';
import { fromMongo, toMongo } from './codec';
import { createDueClaims } from './mongo-claims';
import { insertEach } from './mongo-bulk';
import { createRunWriteBatch } from './mongo-checkpoints';
import { isDuplicateKey, WRITE } from './mongo-errors';
import type { RunStatsWriter } from './mongo-run-stats';
import type { MongoStepStats } from './mongo-step-stats';
import { createTickBatch } from './tick-batch';

const TERMINAL = [...TERMINAL_RUN_STATUSES];
const LEASED = [...LEASED_RUN_STATUSES];
const RUN_FIELDS = Object.keys(AutomationRunSchema.shape).filter((key) => key !== 'id');

/**
 * Runs in `automationruns`, `_id` = run id. `dueAt` is when a run becomes claimable (a waiting run's schedule,
 * a pending/running run's lease end, epoch 0 without a lease, null otherwise), so one index serves every claim;
 * `finishedAt` serves purges; `claimToken` names the runs of the last batched claim, `writeToken` those of
 * the last batch of checkpoints. Every write changes one document atomically; the inserts and checkpoints of
 * concurrent runs, and their counters, share bulk writes per event-loop turn.
 */
export function createMongoRuns(
  runs: Collection<Document>,
  addStats: RunStatsWriter,
  steps: MongoStepStats,
): RunRepository {
  // The runs created in one event-loop turn are inserted with one unordered insert; a duplicate fails only its own.
  const insert = createTickBatch<Document>((docs) => insertEach(runs, docs));
  const writeGuarded = createRunWriteBatch(runs);
  // The `stepsLogged` stored with each run object this store created, claimed or wrote: a checkpoint of such an
  // object is a guarded write that can share a bulk write with other runs' (no document comes back from it).
  const logged = new WeakMap<AutomationRun, number>();
  const claimedRun = (doc: Document): AutomationRun => {
    const run = fromDocument(doc);
    if (typeof doc.stepsLogged === 'number') logged.set(run, doc.stepsLogged);
    return run;
  };
  const claimDue = createDueClaims(runs, claimedRun);
  const claim = (filter: Filter<Document>, workerId: string, until: Date, sortByDue: boolean) =>
    runs.findOneAndUpdate(
      filter,
      { $set: { status: 'running', leaseOwner: workerId, leaseUntil: until, dueAt: until } },
      { ...(sortByDue ? { sort: { dueAt: 1 } } : {}), returnDocument: 'after', ...WRITE },
    );

  return {
    async create(run, options) {
      try {
        await insert({ ...toDocument(run), writeToken: randomUUID() });
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConflictError(`run "${run.id}" already exists`, { cause: error });
        throw error;
      }
      logged.set(run, run.executionLog.length);
      // Counted only once the run is written (other collections: no multi-document transaction).
      await Promise.all([
        steps.record(run, 0),
        options?.stats ? addStats(run.userId, run.automationId, options.stats) : undefined,
      ]);
    },
    async get(userId, id) {
      const doc = await runs.findOne({ _id: id as never });
      if (!doc || doc.userId !== userId) return null;
      return fromDocument(doc);
    },
    async list(query) {
      const filter: Filter<Document> = { userId: query.userId };
      if (query.automationId !== undefined) filter.automationId = query.automationId;
      if (query.status) filter.status = { $in: query.status };
      if (query.triggerType !== undefined) filter.triggerType = query.triggerType;
      if (query.createdFrom || query.createdTo)
        filter.createdAt = {
          ...(query.createdFrom ? { $gte: query.createdFrom } : {}),
          ...(query.createdTo ? { $lte: query.createdTo } : {}),
        };
      // searchText is the trigger data's JSON, lowercased, written with the run (trigger data never changes).
      if (query.text) filter.searchText = { $regex: escapeRegex(query.text.toLowerCase()) };
      const count = runs.countDocuments({ ...filter });
      if (query.before)
        filter.$or = [
          { createdAt: { $lt: query.before.createdAt } },
          { createdAt: query.before.createdAt, _id: { $lt: query.before.id as never } },
        ];
      let cursor = runs
        .find(filter)
        .sort({ createdAt: -1, _id: -1 })
        .skip(query.offset ?? 0);
      if (query.limit !== undefined) cursor = cursor.limit(query.limit);
      const [docs, total] = await Promise.all([query.limit === 0 ? Promise.resolve([]) : cursor.toArray(), count]);
      return { items: docs.map(fromDocument), total };
    },
    async checkpoint(run, workerId, options) {
      const doc = toDocument(run);
      delete doc._id;
      const update: Document = { $set: doc };
      const unset = RUN_FIELDS.filter((key) => !(key in doc));
      if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((key) => [key, '']));
      // A lease renewed meanwhile is never shortened by a checkpoint carrying the older lease.
      if (run.leaseOwner === workerId && run.leaseUntil && isLeasedRunStatus(run.status)) {
        delete doc.leaseUntil;
        delete doc.dueAt;
        update.$max = { leaseUntil: run.leaseUntil, dueAt: run.leaseUntil };
      }
      const held = { _id: run.id as never, leaseOwner: workerId, status: { $ne: 'cancelled' } };
      doc.writeToken = randomUUID();
      // The stored `stepsLogged` says which log entries the step counters already have (the log is append-only):
      // known, the write is guarded by it and batched; else (or when the guard fails) it comes back with the write.
      let from = logged.get(run);
      const batched =
        from !== undefined && (await writeGuarded({ id: run.id, filter: { ...held, stepsLogged: from }, update }));
      if (!batched) {
        const before = await runs.findOneAndUpdate(held, update, {
          ...WRITE,
          returnDocument: 'before',
          projection: { stepsLogged: 1 },
        });
        if (!before) {
          logged.delete(run);
          return false;
        }
        from = typeof before.stepsLogged === 'number' ? before.stepsLogged : 0;
      }
      logged.set(run, run.executionLog.length);
      // Counted only once the run is written (other collections: no multi-document transaction).
      await Promise.all([
        steps.record(run, from ?? 0),
        options?.stats ? addStats(run.userId, run.automationId, options.stats) : undefined,
      ]);
      return true;
    },
    async claimDue(options) {
      return (await claimDue(options)).sort(compareClaimOrder);
    },
    async claimById(id, statuses, options) {
      const doc = await claim(
        {
          _id: id as never,
          status: { $in: statuses },
          $or: [
            { leaseOwner: null },
            { leaseOwner: options.workerId },
            { leaseUntil: null },
            { leaseUntil: { $lte: options.now } },
          ],
        },
        options.workerId,
        new Date(options.now.getTime() + options.leaseMs),
        false,
      );
      return doc ? claimedRun(doc) : null;
    },
    async renewLeases(ids, workerId, leaseUntil) {
      if (ids.length === 0) return [];
      const held = { _id: { $in: ids as never[] }, leaseOwner: workerId, status: { $in: LEASED } };
      await runs.updateMany(held, { $set: { leaseUntil, dueAt: leaseUntil } });
      const still = await runs.find(held, { projection: { _id: 1 } }).toArray();
      const heldIds = new Set(still.map((doc) => doc._id as unknown as string));
      return ids.filter((id) => heldIds.has(id));
    },
    async release(id, workerId) {
      const active = await runs.updateOne(
        { _id: id as never, leaseOwner: workerId, status: { $in: LEASED } },
        { $set: { leaseOwner: null, leaseUntil: null, dueAt: new Date(0) } },
      );
      if (active.matchedCount === 0) {
        await runs.updateOne(
          { _id: id as never, leaseOwner: workerId },
          { $set: { leaseOwner: null, leaseUntil: null } },
        );
      }
    },
    async cancel(userId, id, at) {
      const doc = await runs.findOneAndUpdate(
        { _id: id as never, userId, status: { $nin: TERMINAL } },
        {
          $set: {
            status: 'cancelled',
            leaseOwner: null,
            leaseUntil: null,
            scheduledAt: null,
            dueAt: null,
            completedAt: at,
            updatedAt: at,
            finishedAt: at,
            writeToken: randomUUID(),
          },
        },
        { returnDocument: 'after' },
      );
      if (doc) return fromDocument(doc);
      const existing = await runs.findOne({ _id: id as never, userId });
      return existing ? fromDocument(existing) : null;
    },
    async delete(userId, id) {
      return (await runs.deleteOne({ _id: id as never, userId })).deletedCount === 1;
    },
    async purge(before, statuses) {
      const allowed = statuses.filter((s) => s !== 'waiting');
      if (allowed.length === 0) return 0;
      return (await runs.deleteMany({ status: { $in: allowed }, finishedAt: { $lt: before } })).deletedCount;
    },
    stepStats(userId, automationId, query) {
      return steps.query(userId, automationId, query);
    },
    async nextDueAt() {
      const doc = await runs.findOne(
        { status: 'waiting', scheduledAt: { $ne: null } },
        { sort: { status: 1, scheduledAt: 1 }, projection: { scheduledAt: 1 } },
      );
      return doc ? (doc.scheduledAt as Date) : null;
    },
    async countWaiting(now) {
      // Both read the status_schedule index.
      const [waiting, due] = await Promise.all([
        runs.countDocuments({ status: 'waiting' }),
        runs.countDocuments({ status: 'waiting', scheduledAt: { $lte: now } }),
      ]);
      return { waiting, due };
    },
  };
}

function toDocument(run: AutomationRun): Document {
  const { id, ...rest } = run;
  const doc = toMongo(rest) as Document;
  doc._id = id;
  doc.searchText = JSON.stringify(run.triggerData ?? null).toLowerCase();
  const due = claimableAt(run);
  doc.dueAt = due === null ? null : new Date(due);
  doc.finishedAt = isTerminalRunStatus(run.status) ? (run.completedAt ?? run.updatedAt) : null;
  doc.waitingNode = waitingStepOf(run);
  doc.stepsLogged = run.executionLog.length;
  return doc;
}

function fromDocument(doc: Document): AutomationRun {
  const {
    _id,
    dueAt: _due,
    finishedAt: _finished,
    waitingNode: _waiting,
    stepsLogged: _logged,
    searchText: _search,
    claimToken: _token,
    writeToken: _written,
    ...rest
  } = doc;
  return { id: _id as string, ...(fromMongo(rest) as Omit<AutomationRun, 'id'>) };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
