export { testStore, type StoreCapabilities, type TestStoreOptions } from './test-store';
export { createReferenceRegistry, referenceAutomation, referenceParkedAutomation, referencePayload } from './reference-workload';
