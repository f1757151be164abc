import { AdapterError, type DocumentCollection, type Store, type StoredDocument } from '@swigs/automation-core';
import { type Db, MongoClient } from 'mongodb';
import { COLLECTIONS, DOCUMENT_INDEXES, ensureIndexes, KNOWN_DOCUMENT_COLLECTIONS } from './indexes';
import { createMongoAutomations } from './mongo-automations';
import { createCompanionWriter } from './mongo-companions';
import { createMongoCollection } from './mongo-documents';
import { createMongoCounters, createMongoCursors, createMongoKeys } from './mongo-keys';
import { withConflictRetries } from './mongo-errors';
import { createRunStatsWriter } from './mongo-run-stats';
import { createMongoRuns } from './mongo-runs';
import { createMongoStepStats } from './mongo-step-stats';
import { type MongoStoreOptions, MongoStoreOptionsSchema } from './options';
import { parseOptions } from '../shared/parse-options';

/** A MongoDB store, plus its database handle. */
export interface MongoStore extends Store {
  readonly db: Db;
}

/**
 * A durable `Store` on MongoDB (a replica set or a standalone). Connects and creates its indexes before it
 * resolves. Only single-document atomic operations are used, so any topology works; the one exception is a document
 * write with companions (`also`, an outbox entry next to its record), which uses a multi-document transaction where
 * the server has them and, on a standalone mongod without them, writes the companions right after the record.
 * @example
 * const store = await createMongoStore({ url: process.env.MONGODB_URL, dbName: 'swigs' });
 */
export async function createMongoStore(options: MongoStoreOptions): Promise<MongoStore> {
  const config = parseOptions(MongoStoreOptionsSchema, options, 'createMongoStore');
  const owned = config.client === undefined;
  const client = config.client ?? new MongoClient(config.url!);
  let db: Db;
  try {
    if (owned) await client.connect();
    // Without a name the driver falls back to the URL's database, or to "test" when the URL names none.
    db = client.db(config.dbName);
    if (config.dbName === undefined && db.databaseName === 'test') db = client.db('swigs_automation');
    await ensureIndexes(db);
  } catch (error) {
    if (owned) await client.close().catch(() => undefined);
    throw new AdapterError('mongodb', `cannot open the database: ${(error as Error).message}`, { cause: error });
  }

  const collection = (name: string) => withConflictRetries(db.collection(name));
  const collections = new Map<string, DocumentCollection<StoredDocument>>();
  const indexed = new Map<string, Promise<void>>(KNOWN_DOCUMENT_COLLECTIONS.map((name) => [name, Promise.resolve()]));
  const readyOf = (name: string): Promise<void> => {
    let pending = indexed.get(name);
    if (!pending) {
      pending = db
        .collection(name)
        .createIndexes(DOCUMENT_INDEXES)
        .then(() => undefined);
      pending.catch(() => indexed.delete(name));
      indexed.set(name, pending);
    }
    return pending;
  };
  const companions = createCompanionWriter(client, () => db, readyOf);
  const automations = createMongoAutomations(collection(COLLECTIONS.automations), collection(COLLECTIONS.versions));
  let closed = false;

  return {
    name: 'mongodb',
    db,
    automations,
    runs: createMongoRuns(
      collection(COLLECTIONS.runs),
      createRunStatsWriter(collection(COLLECTIONS.automations)),
      createMongoStepStats(collection(COLLECTIONS.stepStats), collection(COLLECTIONS.runs)),
    ),
    keys: createMongoKeys(collection(COLLECTIONS.keys)),
    cursors: createMongoCursors(collection(COLLECTIONS.cursors)),
    counters: createMongoCounters(collection(COLLECTIONS.counters)),
    collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
      let documents = collections.get(name);
      if (!documents) {
        documents = createMongoCollection<StoredDocument>(collection(name), () => readyOf(name), companions);
        collections.set(name, documents);
      }
      return documents as unknown as DocumentCollection<T>;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (owned) await client.close();
    },
  };
}
