import {
  ConflictError,
  type DocumentCollection,
  type DocumentQuery,
  type DocumentWhere,
  type StoredDocument,
} from '@swigs/automation-core';
import type { Collection, Document, Filter, Sort } from 'mongodb';
import { escapeKey, fromMongo, toMongo } from './codec';
import { isDuplicateKey, WRITE } from './mongo-errors';

/** A collection of the same name, unique on userId + id; `ready` resolves once its indexes exist. */
export function createMongoCollection<T extends StoredDocument>(
  collection: Collection<Document>,
  ready: () => Promise<void>,
): DocumentCollection<T> {
  const name = collection.collectionName;
  return {
    async insert(doc) {
      await ready();
      try {
        await collection.insertOne({ ...(toMongo(doc) as Document) }, WRITE);
      } catch (error) {
        if (isDuplicateKey(error)) {
          throw new ConflictError(`collection "${name}": document "${doc.id}" already exists`, { cause: error });
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
      const doc =
        Object.keys(set).length === 0
          ? await collection.findOne(filter, { projection: { _id: 0 } })
          : await collection.findOneAndUpdate(
              filter,
              { $set: set },
              {
                returnDocument: 'after',
                projection: { _id: 0 },
                ...WRITE,
              },
            );
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
