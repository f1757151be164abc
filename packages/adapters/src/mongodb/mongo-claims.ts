import type { AutomationRun, ClaimOptions } from '@swigs/automation-core';
import { randomUUID } from 'node:crypto';
import type { Collection, Document } from 'mongodb';
import { WRITE } from './mongo-errors';

/** Claim rounds per `claimDue` when other workers took some of the runs read. */
const MAX_CLAIM_ROUNDS = 3;
/** How far (in the caller's clock) a later claim may be from the read it takes ahead of it. */
const READ_AHEAD_MS = 1000;

/** Due runs read while the previous batch was being claimed: the candidates of the next claim. */
interface ReadAhead {
  now: number;
  limit: number;
  docs: Promise<Document[] | null>;
}

/**
 * `claimDue` in one round trip per batch while a backlog drains. A claim writes the candidates read before it
 * with one `updateMany` that re-checks each is still due and unchanged (a document is updated atomically, so a run
 * another worker took meanwhile is skipped, never claimed twice): every write that changes more than the lease
 * stamps a fresh `writeToken`, so an unchanged token means the run read is the run claimed. When a claim fills
 * its batch, more are probably due, so the read of the next batch (without the runs being claimed) goes out
 * beside that write and is kept for the next call: in a steady drain each call waits for its claim write only.
 * The first call, and a call finding no usable read ahead, reads first (two round trips). When fewer were
 * claimed than read (other workers took some), one more read of this claim's `claimToken` tells which, and the
 * next round reads afresh. `toRun` turns a claimed document into a run.
 */
export function createDueClaims(
  runs: Collection<Document>,
  toRun: (doc: Document) => AutomationRun,
): (options: ClaimOptions) => Promise<AutomationRun[]> {
  let ahead: ReadAhead | undefined;

  const read = (now: Date, limit: number, without: unknown[] = []): Promise<Document[]> =>
    runs
      .find(without.length > 0 ? { dueAt: { $lte: now }, _id: { $nin: without as never[] } } : { dueAt: { $lte: now } })
      .sort({ dueAt: 1 })
      .limit(limit)
      .batchSize(limit)
      .toArray();

  // A read ahead is only candidates: the claim re-checks each. It serves a call within READ_AHEAD_MS of it that
  // wants no more than it read (fewer back then means fewer were due then, not now).
  const takeAhead = (now: number, wanted: number): ReadAhead | undefined => {
    const taken = ahead;
    ahead = undefined;
    if (!taken || taken.limit < wanted || now < taken.now || now - taken.now > READ_AHEAD_MS) return undefined;
    return taken;
  };

  return async (options) => {
    const now = options.now.getTime();
    const until = new Date(now + options.leaseMs);
    const claimed: AutomationRun[] = [];
    let next = takeAhead(now, options.limit);
    for (let round = 0; round < MAX_CLAIM_ROUNDS && claimed.length < options.limit; round++) {
      const wanted = options.limit - claimed.length;
      const early = next ? ((await next.docs) ?? []).slice(0, wanted) : [];
      // Fewer read ahead than wanted: they were all that was due back then; this read says what is due now.
      const fresh = early.length < wanted;
      const candidates = fresh ? await read(options.now, wanted) : early;
      next = undefined;
      if (candidates.length === 0) break;
      const ids = candidates.map((candidate) => candidate._id);
      // The claim token, not owner + lease end, names this claim's runs: a concurrent claim by the same worker at
      // the same time sets the same owner and lease end, and a lease must end exactly at now + leaseMs.
      const token = randomUUID();
      const claiming = runs.updateMany(
        { dueAt: { $lte: options.now }, $or: unchangedSinceRead(candidates) },
        {
          $set: { status: 'running', leaseOwner: options.workerId, leaseUntil: until, dueAt: until, claimToken: token },
        },
        WRITE,
      );
      if (candidates.length === wanted) {
        // Failure of a read ahead only costs the next call its own read.
        const docs = read(options.now, options.limit, ids).catch(() => null);
        next = { now, limit: options.limit, docs };
      }
      const result = await claiming;
      let taken = candidates;
      if (result.modifiedCount < candidates.length) {
        const back =
          result.modifiedCount === 0
            ? []
            : await runs
                .find({ _id: { $in: ids }, claimToken: token }, { projection: { _id: 1 } })
                .batchSize(ids.length)
                .toArray();
        const won = new Set(back.map((doc) => doc._id));
        taken = candidates.filter((candidate) => won.has(candidate._id));
        // Other workers are claiming the same runs: what was read beside this claim is likely theirs too.
        next = undefined;
      }
      for (const doc of taken) {
        Object.assign(doc, { status: 'running', leaseOwner: options.workerId, leaseUntil: until, dueAt: until });
        claimed.push(toRun(doc));
      }
      // Everything read was claimed, or fewer were due than wanted: no more to claim now.
      if (taken.length === candidates.length || (fresh && candidates.length < wanted)) break;
    }
    if (next) ahead = next;
    return claimed;
  };
}

/**
 * Matches each candidate only while it still carries the token it was read with (null: a run stored before
 * tokens). One clause per token, not one `$in` of all tokens: a batch of checkpoints stamps one token on several
 * runs and lands document by document, so a read between two of its documents sees that token on one run while
 * another run of the batch still has its old content; a shared `$in` would then claim that run with stale content.
 */
function unchangedSinceRead(candidates: Document[]): Document[] {
  const idsByToken = new Map<unknown, unknown[]>();
  for (const candidate of candidates) {
    const token = candidate.writeToken ?? null;
    const ids = idsByToken.get(token);
    if (ids) ids.push(candidate._id);
    else idsByToken.set(token, [candidate._id]);
  }
  return [...idsByToken].map(([token, ids]) => ({ writeToken: token, _id: { $in: ids } }));
}
