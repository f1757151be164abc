import { createMongoStore } from '@swigs/automation-adapters/mongodb';
import { mongoUrl } from '@swigs/test-services/mongodb';
import { MongoClient } from 'mongodb';
import { afterAll, describe } from 'vitest';
import { describeKeyFlows } from './key-flows';

const stamp = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const names: string[] = [];

afterAll(async () => {
  if (!mongoUrl || names.length === 0) return;
  const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  try {
    for (const name of names) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
});

describe.skipIf(!mongoUrl)('invoicing on MongoDB', () => {
  describeKeyFlows('MongoDB', async () => {
    const dbName = `t_invoicing_${stamp}_${names.length}`;
    names.push(dbName);
    return createMongoStore({ url: mongoUrl!, dbName });
  });
});
