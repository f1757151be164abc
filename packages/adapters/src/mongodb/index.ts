export { createMongoStore, type MongoStore } from './mongo-store';
export { MongoStoreOptionsSchema, type MongoStoreOptions } from './options';
export { COLLECTIONS, INDEXES } from './indexes';
