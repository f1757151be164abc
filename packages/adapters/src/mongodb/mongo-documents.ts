import {
  type CompanionInsert,
  ConflictError,
  type DocumentCollection,
  type DocumentQuery,
  type DocumentWhere,
  type StoredDocument,
} from '@swigs/automation-core';
import type { ClientSession, Collection, Document, Filter, Sort } from 'mongodb';
import { escapeKey, fromMongo, toMongo } from './codec';
import { insertEach } from './mongo-bulk';
import { isDuplicateKey, WRITE } from './mongo-errors';
import { createTickBatch } from './tick-batch';

/** Writes a record change and its companion documents together (see `createMongoStore`). */
export interface MongoCompanionWriter {
  /**
   * Runs `write` (with the session of a transaction, or none where the server has no transactions) and inserts
   * `also` after it when it returned a document; in a transaction both commit or neither does.
   */
  write<R>(
    also: readonly CompanionInsert[],
    write: (session: ClientSession | undefined) => Promise<R | null>,
  ): Promise<R | null>;
}

/** A collection of the same name, unique on userId + id; `ready` resolves once its indexes exist. */
export function createMongoCollection<T extends StoredDocument>(
  collection: Collection<Document>,
  ready: () => Promise<void>,
  companions?: MongoCompanionWriter,
): DocumentCollection<T> {
  const name = collection.collectionName;
  // Inserts without companions of one event-loop turn (an outbox entry per run) go in one unordered insert.
  const insertAlone = createTickBatch<Document>((docs) => insertEach(collection, docs));
  const together = <R>(
    also: readonly CompanionInsert[] | undefined,
    write: (session: ClientSession | undefined) => Promise<R | null>,
  ): Promise<R | null> => {
    if (!also?.length) return write(undefined);
    if (!companions) throw new Error(`collection "${name}": companion documents need the store's writer`);
    return companions.write(also, write);
  };
  return {
    async insert(doc, options) {
      await ready();
      try {
        if (!options?.also?.length) await insertAlone({ ...(toMongo(doc) as Document) });
        else
          await together(options.also, async (session) => {
            await collection.insertOne(
              { ...(toMongo(doc) as Document) },
              { ...WRITE, ...(session ? { session } : {}) },
            );
            return doc;
          });
      } catch (error) {
        if (isDuplicateKey(error)) {
          throw new ConflictError(`collection "${name}": document "${doc.id}" (or a companion) already exists`, {
            cause: error,
          });
        }
        throw error;
      }
      return fromMongo(toMongo(doc)) as T;
    },
    async get(userId, id) {
      await ready();
      const doc = await collection.findOne({ userId, id }, { projection: { _id: 0 } });
      return doc ? (fromMongo(doc) as T) : null;
    },
    async find(userId, query = {}) {
      await ready();
      const filter = { ...whereFilter(query.where), userId };
      let cursor = collection
        .find(filter, { projection: { _id: 0 } })
        .sort(sortOf(query))
        .skip(query.offset ?? 0);
      if (query.limit !== undefined) cursor = cursor.limit(query.limit);
      const [docs, total] = await Promise.all([
        query.limit === 0 ? Promise.resolve([]) : cursor.toArray(),
        collection.countDocuments(filter),
      ]);
      return { items: docs.map((doc) => fromMongo(doc) as T), total };
    },
    async update(userId, id, patch, options) {
      await ready();
      const set = toMongo(cleanPatch(patch)) as Document;
      const filter = { ...whereFilter(options?.where), userId, id };
      let doc: Document | null;
      try {
        doc = await together(options?.also, (session) => {
          const inSession = session ? { session } : {};
          return Object.keys(set).length === 0
            ? collection.findOne(filter, { projection: { _id: 0 }, ...inSession })
            : collection.findOneAndUpdate(
                filter,
                { $set: set },
                { returnDocument: 'after', projection: { _id: 0 }, ...WRITE, ...inSession },
              );
        });
      } catch (error) {
        if (isDuplicateKey(error)) {
          throw new ConflictError(`collection "${name}": a companion of document "${id}" already exists`, {
            cause: error,
          });
        }
        throw error;
      }
      return doc ? (fromMongo(doc) as T) : null;
    },
    async delete(userId, id) {
      await ready();
      return (await collection.deleteOne({ userId, id })).deletedCount === 1;
    },
  };
}

function cleanPatch(patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key !== 'id' && key !== 'userId') out[key] = value;
  }
  return out;
}

/** Equality per field, `$in` for arrays; BSON types make `true` differ from 1 and `"1"` from 1. */
function whereFilter(where: DocumentWhere | undefined): Filter<Document> {
  const filter: Filter<Document> = {};
  if (!where) return filter;
  for (const [field, expected] of Object.entries(where)) {
    filter[escapeKey(field)] = Array.isArray(expected) ? { $in: expected } : expected;
  }
  return filter;
}

function sortOf(query: DocumentQuery): Sort {
  if (!query.sort) return { id: 1 };
  return { [escapeKey(query.sort.field)]: query.sort.direction === 'desc' ? -1 : 1, id: 1 };
}
