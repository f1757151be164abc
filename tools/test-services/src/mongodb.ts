import { MongoClient } from 'mongodb';
import { serviceState } from './service-state';

const state = serviceState('mongodb', () => {
  const url = process.env.MONGODB_URL;
  return url
    ? { found: url, via: 'MONGODB_URL' }
    : { missing: 'MONGODB_URL is not set (the root vitest config also tries mongodb-memory-server)' };
});

/** This run's MongoDB, or undefined when the MongoDB suites are skipped: `describe.skipIf(!mongoUrl)(...)`. */
export const mongoUrl: string | undefined = 'found' in state ? state.found : undefined;

/** The URL, inside a suite that is skipped without MongoDB. */
export function requireMongoUrl(): string {
  if (!mongoUrl) throw new Error(`no MongoDB for this run: ${'missing' in state ? state.missing : ''}`);
  return mongoUrl;
}

/** Database names unique to this process and test file, so concurrent files and runs never share data. */
export function uniqueDbName(prefix: string, index = 0): string {
  return `t_${prefix}_${process.pid.toString(36)}${Date.now().toString(36)}_${index}`;
}

/** A client plus database names unique to this test file, all dropped by `cleanup()`. */
export function createMongoTestDatabases(prefix: string): {
  client: () => Promise<MongoClient>;
  dbName: () => string;
  cleanup: () => Promise<void>;
} {
  let client: MongoClient | undefined;
  const names: string[] = [];
  const stamp = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  return {
    async client() {
      if (!client) {
        client = new MongoClient(requireMongoUrl(), { serverSelectionTimeoutMS: 5000 });
        await client.connect();
      }
      return client;
    },
    dbName() {
      const name = `t_${prefix}_${stamp}_${names.length}`;
      names.push(name);
      return name;
    },
    async cleanup() {
      if (!client) return;
      for (const name of names) await client.db(name).dropDatabase();
      await client.close();
      client = undefined;
    },
  };
}
