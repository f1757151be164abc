export { createSqliteStore, type SqliteStore } from './sqlite-store';
export { SqliteStoreOptionsSchema, type SqliteStoreOptions } from './options';
export { MIGRATIONS, SCHEMA_VERSION, migrate, type Migration } from './schema';
