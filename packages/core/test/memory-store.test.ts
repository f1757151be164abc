import { testStore } from '../src/testing/index';
import { createMemoryStore } from '../src/store/index';

testStore({ name: 'memory', create: () => createMemoryStore() });
