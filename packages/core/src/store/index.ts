export { createMemoryRunStore, createMemoryStore } from './memory-store';
export { deepFreeze } from './deep-freeze';
