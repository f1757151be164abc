export {
  type StoreCapabilities,
  type StoreSuiteOptions,
  type TestStoreOptions,
  testCounterStore,
  testCursorStore,
  testDocumentStore,
  testRunStore,
  testStore,
} from './test-store';
export {
  createReferenceRegistry,
  referenceAutomation,
  referenceParkedAutomation,
  referencePayload,
} from './reference-workload';
export { executeNode, type ExecuteNodeOptions } from './execute-node';
