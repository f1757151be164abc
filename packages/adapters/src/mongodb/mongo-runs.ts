import {
  type AutomationRepository,
  type AutomationRun,
  AutomationRunSchema,
  ConflictError,
  type RunRepository,
  type RunStatus,
} from '@swigs/automation-core';
import type { Collection, Document, Filter } from 'mongodb';
import { fromMongo, toMongo } from './codec';
import { isDuplicateKey, WRITE } from './mongo-errors';

const TERMINAL: RunStatus[] = ['completed', 'failed', 'cancelled'];
const RUN_FIELDS = Object.keys(AutomationRunSchema.shape).filter((key) => key !== 'id');
/** Candidates read per wanted run, so a worker that loses some to another has more to try. */
const CANDIDATE_FACTOR = 3;
/** Read-then-claim rounds per `claimDue` when other workers took the candidates. */
const MAX_CLAIM_ROUNDS = 3;

/**
 * Runs in `automationruns`, `_id` = run id. `dueAt` is when a run becomes claimable (a waiting run's schedule,
 * a pending/running run's lease end, epoch 0 without a lease, null otherwise), so one index serves every claim;
 * `finishedAt` serves purges. Every write is a single-document atomic operation.
 */
export function createMongoRuns(runs: Collection<Document>, automations: Pick<AutomationRepository, 'updateStats'>): RunRepository {
  const claim = (filter: Filter<Document>, workerId: string, until: Date, sortByDue: boolean) =>
    runs.findOneAndUpdate(
      filter,
      { $set: { status: 'running', leaseOwner: workerId, leaseUntil: until, dueAt: until } },
      { ...(sortByDue ? { sort: { dueAt: 1 } } : {}), returnDocument: 'after', ...WRITE },
    );

  return {
    async create(run, options) {
      try {
        await runs.insertOne(toDocument(run), WRITE);
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConflictError(`run "${run.id}" already exists`, { cause: error });
        throw error;
      }
      if (options?.stats) await automations.updateStats(run.userId, run.automationId, options.stats);
    },
    async get(id, userId) {
      const doc = await runs.findOne({ _id: id as never });
      if (!doc || (userId !== undefined && doc.userId !== userId)) return null;
      return fromDocument(doc);
    },
    async list(query) {
      const filter: Filter<Document> = { userId: query.userId };
      if (query.automationId !== undefined) filter.automationId = query.automationId;
      if (query.status) filter.status = { $in: query.status };
      let cursor = runs.find(filter).sort({ createdAt: -1, _id: -1 }).skip(query.offset ?? 0);
      if (query.limit !== undefined) cursor = cursor.limit(query.limit);
      const [docs, total] = await Promise.all([
        query.limit === 0 ? Promise.resolve([]) : cursor.toArray(),
        runs.countDocuments(filter),
      ]);
      return { items: docs.map(fromDocument), total };
    },
    async checkpoint(run, workerId, options) {
      const doc = toDocument(run);
      delete doc._id;
      const update: Document = { $set: doc };
      const unset = RUN_FIELDS.filter((key) => !(key in doc));
      if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((key) => [key, '']));
      // A lease renewed meanwhile is never shortened by a checkpoint carrying the older lease.
      if (run.leaseOwner === workerId && run.leaseUntil && (run.status === 'pending' || run.status === 'running')) {
        delete doc.leaseUntil;
        delete doc.dueAt;
        update.$max = { leaseUntil: run.leaseUntil, dueAt: run.leaseUntil };
      }
      const result = await runs.updateOne(
        { _id: run.id as never, leaseOwner: workerId, status: { $ne: 'cancelled' } },
        update,
        WRITE,
      );
      if (result.matchedCount !== 1) return false;
      // A second single-document write (no multi-document transactions): counted only once the run is written.
      if (options?.stats) await automations.updateStats(run.userId, run.automationId, options.stats);
      return true;
    },
    async claimDue(options) {
      const until = new Date(options.now.getTime() + options.leaseMs);
      const claimed: AutomationRun[] = [];
      for (let round = 0; round < MAX_CLAIM_ROUNDS && claimed.length < options.limit; round++) {
        // Read the oldest due ids, then claim each with its own findOneAndUpdate that re-checks it is still due.
        // A worker that loses a candidate to another moves on to the next ones instead of contending.
        const requested = (options.limit - claimed.length) * CANDIDATE_FACTOR;
        const candidates = await runs
          .find({ dueAt: { $lte: options.now } }, { projection: { _id: 1 } })
          .sort({ dueAt: 1 })
          .limit(requested)
          .toArray();
        let next = 0;
        while (next < candidates.length && claimed.length < options.limit) {
          const picked = candidates.slice(next, next + options.limit - claimed.length);
          next += picked.length;
          const docs = await Promise.all(
            picked.map((candidate) =>
              claim({ _id: candidate._id, dueAt: { $lte: options.now } }, options.workerId, until, false),
            ),
          );
          for (const doc of docs) if (doc) claimed.push(fromDocument(doc));
        }
        if (candidates.length < requested || next < candidates.length) break;
      }
      return claimed.sort(byScheduleThenId);
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
      return doc ? fromDocument(doc) : null;
    },
    async renewLeases(ids, workerId, leaseUntil) {
      if (ids.length === 0) return [];
      const held = { _id: { $in: ids as never[] }, leaseOwner: workerId, status: { $in: ['pending', 'running'] } };
      await runs.updateMany(held, { $set: { leaseUntil, dueAt: leaseUntil } });
      const still = await runs.find(held, { projection: { _id: 1 } }).toArray();
      const heldIds = new Set(still.map((doc) => doc._id as unknown as string));
      return ids.filter((id) => heldIds.has(id));
    },
    async release(id, workerId) {
      const active = await runs.updateOne(
        { _id: id as never, leaseOwner: workerId, status: { $in: ['pending', 'running'] } },
        { $set: { leaseOwner: null, leaseUntil: null, dueAt: new Date(0) } },
      );
      if (active.matchedCount === 0) {
        await runs.updateOne({ _id: id as never, leaseOwner: workerId }, { $set: { leaseOwner: null, leaseUntil: null } });
      }
    },
    async cancel(id, userId, at) {
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
          },
        },
        { returnDocument: 'after' },
      );
      if (doc) return fromDocument(doc);
      const existing = await runs.findOne({ _id: id as never, userId });
      return existing ? fromDocument(existing) : null;
    },
    async delete(id, userId) {
      return (await runs.deleteOne({ _id: id as never, userId })).deletedCount === 1;
    },
    async purge(before, statuses) {
      const allowed = statuses.filter((s) => s !== 'waiting');
      if (allowed.length === 0) return 0;
      return (await runs.deleteMany({ status: { $in: allowed }, finishedAt: { $lt: before } })).deletedCount;
    },
    async nextDueAt() {
      const doc = await runs.findOne(
        { status: 'waiting', scheduledAt: { $ne: null } },
        { sort: { status: 1, scheduledAt: 1 }, projection: { scheduledAt: 1 } },
      );
      return doc ? (doc.scheduledAt as Date) : null;
    },
  };
}

function toDocument(run: AutomationRun): Document {
  const { id, ...rest } = run;
  const doc = toMongo(rest) as Document;
  doc._id = id;
  doc.dueAt = dueAt(run);
  doc.finishedAt = TERMINAL.includes(run.status) ? (run.completedAt ?? run.updatedAt) : null;
  return doc;
}

function fromDocument(doc: Document): AutomationRun {
  const { _id, dueAt: _due, finishedAt: _finished, ...rest } = doc;
  return { id: _id as string, ...(fromMongo(rest) as Omit<AutomationRun, 'id'>) };
}

function dueAt(run: AutomationRun): Date | null {
  if (run.status === 'waiting') return run.scheduledAt;
  if (run.status === 'pending' || run.status === 'running') return run.leaseUntil ?? new Date(0);
  return null;
}

function byScheduleThenId(a: AutomationRun, b: AutomationRun): number {
  const sa = a.scheduledAt?.getTime() ?? -Infinity;
  const sb = b.scheduledAt?.getTime() ?? -Infinity;
  if (sa !== sb) return sa - sb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
