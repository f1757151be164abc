import { createMongoStore } from '@swigs/automation-adapters/mongodb';
import { MongoClient } from 'mongodb';
import { afterAll } from 'vitest';
import { describeKeyFlows } from './key-flows';

/** Fails (never skips) without a server. */
function mongoUrl(): string {
  const url = process.env.MONGODB_URL;
  if (!url) {
    throw new Error('MONGODB_URL is not set: start one with `eval "$(/work/shared/services/mongodb/start)"` (invoicing needs MongoDB tests)');
  }
  return url;
}

const url = mongoUrl();
const stamp = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const names: string[] = [];

afterAll(async () => {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  try {
    for (const name of names) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
});

describeKeyFlows('MongoDB', async () => {
  const dbName = `t_invoicing_${stamp}_${names.length}`;
  names.push(dbName);
  return createMongoStore({ url, dbName });
});
