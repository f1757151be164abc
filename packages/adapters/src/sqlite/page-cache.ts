import type Database from 'better-sqlite3';

/**
 * Query results kept while the database is unchanged, for reads far more frequent than writes (the automation
 * list a UI polls). Every read still asks SQLite: `PRAGMA data_version` moves when another connection (another
 * process) commits, and `changed()` records this connection's own writes, so a result is never stale.
 */
export interface PageCache<T> {
  /** The result for `key`: the kept one while nothing changed since it was read, else `load()`. */
  read(key: string, load: () => T): T;
  /** Call inside every write that can change the cached results. */
  changed(): void;
}

export function createPageCache<T>(db: Database.Database, capacity = 512): PageCache<T> {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const pages = new Map<string, { external: number; local: number; value: T }>();
  let local = 0;
  return {
    read(key, load) {
      const external = dataVersion.get() as number;
      const kept = pages.get(key);
      if (kept && kept.external === external && kept.local === local) return kept.value;
      const value = load();
      if (!kept && pages.size >= capacity) pages.delete(pages.keys().next().value as string);
      pages.set(key, { external, local, value });
      return value;
    },
    changed() {
      local += 1;
    },
  };
}
