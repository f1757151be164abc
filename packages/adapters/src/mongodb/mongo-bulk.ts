import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';
import type { BatchOutcome } from './tick-batch';
import { isDuplicateKey, isTransientConflict, WRITE } from './mongo-errors';

const ATTEMPTS = 20;

/** An update that commutes with every other (an `$inc`), named by the document it writes. */
export interface CommutingUpdate {
  /** Equal keys write the same document; the order of keys is the order locks are taken in. */
  key: string;
  operation: AnyBulkWriteOperation<Document>;
}

/**
 * Writes commuting updates with one unordered bulk write. They are sorted by key, so two workers flushing at once
 * lock the same documents in the same order and never deadlock (a bulk write is one server-side statement on
 * some MongoDB-compatible servers, holding each document until it ends). Only the updates that failed with a
 * write conflict, or with a duplicate key (two upserts of a new document at once), are sent again, so none is
 * applied twice.
 */
export async function writeCommuting(collection: Collection<Document>, updates: CommutingUpdate[]): Promise<void> {
  let pending = [...updates].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((u) => u.operation);
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      await collection.bulkWrite(pending, { ordered: false });
      return;
    } catch (error) {
      const failures = writeErrorsOf(error);
      const retriable = failures.every((e) => isTransientConflict(e) || isDuplicateKey(e));
      if (failures.length === 0 || !retriable || attempt >= ATTEMPTS) throw error;
      pending = failures.map((e) => pending[e.index]!);
      await pause(attempt);
    }
  }
}

/**
 * Inserts documents with one unordered insert; answers per document, so a duplicate key fails only its own
 * insert. Documents refused with a write conflict are inserted again.
 */
export async function insertEach(collection: Collection<Document>, docs: Document[]): Promise<BatchOutcome<void>[]> {
  const outcomes: BatchOutcome<void>[] = docs.map(() => ({ ok: true, value: undefined }));
  let pending = docs.map((doc, index) => ({ doc, index }));
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      await collection.insertMany(
        pending.map((p) => p.doc),
        { ordered: false, ...WRITE },
      );
      return outcomes;
    } catch (error) {
      const failures = writeErrorsOf(error);
      if (failures.length === 0) throw error;
      const again: typeof pending = [];
      for (const failure of failures) {
        const item = pending[failure.index]!;
        if (isTransientConflict(failure) && attempt < ATTEMPTS) again.push(item);
        else outcomes[item.index] = { ok: false, error: Object.assign(new Error(failure.errmsg), failure) };
      }
      pending = again;
      if (pending.length > 0) await pause(attempt);
    }
  }
  return outcomes;
}

interface WriteFailure {
  index: number;
  code?: number;
  errmsg?: string;
}

/** The per-operation failures of a bulk write; empty when the whole command failed. */
function writeErrorsOf(error: unknown): WriteFailure[] {
  const raw = (error as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((e: { index: number; code?: number; errmsg?: string; err?: WriteFailure }) => ({
    index: e.index ?? e.err?.index,
    code: e.code ?? e.err?.code,
    errmsg: e.errmsg ?? e.err?.errmsg,
  }));
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
}
