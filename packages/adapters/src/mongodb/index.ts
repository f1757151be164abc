export { createMongoStore, type MongoStore } from './mongo-store';
export { MongoStoreOptionsSchema, type MongoStoreOptions } from './options';
export { COLLECTIONS, INDEXES, DOCUMENT_INDEXES, KNOWN_DOCUMENT_COLLECTIONS, ensureIndexes } from './indexes';
