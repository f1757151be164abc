import { createMongoStore } from '@swigs/automation-adapters/mongodb';
import { testStore } from '@swigs/automation-core/testing';
import { afterAll } from 'vitest';
import { createMongoTestDatabases } from './mongodb-helpers';

const databases = createMongoTestDatabases('conf');

testStore({
  name: 'mongodb',
  create: async () => createMongoStore({ client: await databases.client(), dbName: databases.dbName() }),
});

afterAll(() => databases.cleanup());
