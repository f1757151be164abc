import { MongoClient } from 'mongodb';

/** The test server's URL; fails (never skips) when MONGODB_URL is unset. */
export function mongoUrl(): string {
  const url = process.env.MONGODB_URL;
  if (!url) {
    throw new Error(
      'MONGODB_URL is not set: start a server with `eval "$(/work/shared/services/mongodb/start)"` or point MONGODB_URL at a MongoDB replica set',
    );
  }
  return url;
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
        client = new MongoClient(mongoUrl(), { serverSelectionTimeoutMS: 5000 });
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
