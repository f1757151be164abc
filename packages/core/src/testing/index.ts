export { testStore, type StoreCapabilities, type TestStoreOptions } from './test-store';
