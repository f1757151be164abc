import type { CompanionInsert } from '@swigs/automation-core';
import type { ClientSession, Db, Document, MongoClient } from 'mongodb';
import { toMongo } from './codec';
import type { MongoCompanionWriter } from './mongo-documents';
import { WRITE } from './mongo-errors';

/**
 * Writes a record change with its companion documents in one multi-document transaction (replica sets, sharded
 * clusters and the DocumentDB test service have them). A standalone mongod refuses transactions (IllegalOperation,
 * code 20): the writer then remembers it and writes the companions right after the record, outside a transaction.
 */
export function createCompanionWriter(
  client: MongoClient,
  db: () => Db,
  readyOf: (name: string) => Promise<void>,
): MongoCompanionWriter {
  let transactions = true;

  const insertAll = async (also: readonly CompanionInsert[], session: ClientSession | undefined): Promise<void> => {
    for (const { collection, doc } of also) {
      await db()
        .collection(collection)
        .insertOne({ ...(toMongo(doc) as Document) }, { ...WRITE, ...(session ? { session } : {}) });
    }
  };

  return {
    async write(also, write) {
      // Indexes cannot be created inside a transaction, and the unique one must exist before the insert.
      await Promise.all(also.map((companion) => readyOf(companion.collection)));
      if (transactions) {
        const session = client.startSession();
        try {
          let result: Awaited<ReturnType<typeof write>> = null;
          await session.withTransaction(async () => {
            result = await write(session);
            if (result !== null) await insertAll(also, session);
          });
          return result;
        } catch (error) {
          if (!refusesTransactions(error)) throw error;
          transactions = false;
        } finally {
          await session.endSession();
        }
      }
      const result = await write(undefined);
      if (result !== null) await insertAll(also, undefined);
      return result;
    },
  };
}

function refusesTransactions(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 20 || (typeof message === 'string' && message.includes('Transaction numbers are only allowed'));
}
