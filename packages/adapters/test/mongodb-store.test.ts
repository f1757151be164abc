import { createMongoStore } from '@swigs/automation-adapters/mongodb';
import { testStore } from '@swigs/automation-core/testing';
import { createMongoTestDatabases, mongoUrl } from '@swigs/test-services/mongodb';
import { afterAll, describe } from 'vitest';

const databases = createMongoTestDatabases('conf');

describe.skipIf(!mongoUrl)('mongodb store', () => {
  testStore({
    name: 'mongodb',
    create: async () => createMongoStore({ client: await databases.client(), dbName: databases.dbName() }),
    // No change mark (it would need a change stream): the webhook route reads the automation on every call.
    capabilities: { changeMark: false },
  });
});

afterAll(() => databases.cleanup());
