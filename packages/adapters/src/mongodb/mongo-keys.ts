import type { CounterRepository, CursorRepository, UniqueKeyRepository } from '@swigs/automation-core';
import type { Collection, Document } from 'mongodb';
import { isDuplicateKey } from './mongo-errors';

/**
 * Unique keys in `keys`, `_id` = key: an insert wins, a duplicate (E11000) loses unless the stored key expired,
 * in which case one conditional update takes it over. A TTL index removes expired keys eventually.
 */
export function createMongoKeys(keys: Collection<Document>): UniqueKeyRepository {
  return {
    async add(key, options) {
      const expiresAt = options?.expiresAt ?? null;
      try {
        await keys.insertOne({ _id: key as never, expiresAt });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const now = new Date();
      const takeover = await keys.updateOne(
        { _id: key as never, expiresAt: { $ne: null, $lte: now } },
        { $set: { expiresAt } },
      );
      return takeover.modifiedCount === 1;
    },
    async has(key) {
      const doc = await keys.findOne({ _id: key as never });
      return doc !== null && (doc.expiresAt === null || (doc.expiresAt as Date).getTime() > Date.now());
    },
    async delete(key) {
      await keys.deleteOne({ _id: key as never });
    },
  };
}

/** Cursors in `cursors`, `_id` = name. */
export function createMongoCursors(cursors: Collection<Document>): CursorRepository {
  return {
    async get(name) {
      const doc = await cursors.findOne({ _id: name as never });
      return doc ? (doc.value as string) : null;
    },
    async set(name, value) {
      await cursors.updateOne({ _id: name as never }, { $set: { value } }, { upsert: true });
    },
  };
}

/** Counters in `counters`: one `$inc` upsert each. */
export function createMongoCounters(counters: Collection<Document>): CounterRepository {
  const next = async (key: string): Promise<number> => {
    const doc = await counters.findOneAndUpdate(
      { _id: key as never },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    return doc!.value as number;
  };
  return {
    async next(key) {
      // Two first increments racing on the new key: the loser of the upsert retries as an update.
      return next(key).catch((error: unknown) => (isDuplicateKey(error) ? next(key) : Promise.reject(error)));
    },
  };
}
