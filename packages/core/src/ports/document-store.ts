/**
 * Tenant-scoped collections of documents (`emailtemplates`, `outbox`, `suppressions`, `invoices`...), for hosts and
 * the nodes that ask for them (`ports.documents`).
 */
export interface DocumentStore {
  /** The collection `name`; every call with one name gives the same documents. */
  collection<T extends StoredDocument>(name: string): DocumentCollection<T>;
}

/** Every document is owned by one tenant. */
export interface StoredDocument {
  id: string;
  userId: string;
  [field: string]: unknown;
}

/** Equality on top-level fields; an array value means "one of". */
export type DocumentWhere = Record<string, string | number | boolean | null | (string | number | boolean | null)[]>;

export interface DocumentQuery {
  where?: DocumentWhere;
  sort?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
  offset?: number;
}

/**
 * A document of another collection written in the same atomic write as an insert or update (an outbox entry next to
 * the record it announces): both are stored, or neither. Memory and SQLite commit them in one transaction; MongoDB
 * in a multi-document transaction where the server supports them.
 */
export interface CompanionInsert {
  collection: string;
  doc: StoredDocument;
}

/** Options of an insert or update that carries companion documents. */
export interface WriteOptions {
  /** Inserted with the write (on an update, only when it matched); a conflict on any of them fails the whole write. */
  also?: readonly CompanionInsert[];
}

export interface DocumentCollection<T extends StoredDocument> {
  /** Throws `ConflictError` when the id (or a companion's id) exists; nothing is written then. */
  insert(doc: T, options?: WriteOptions): Promise<T>;
  get(userId: string, id: string): Promise<T | null>;
  find(userId: string, query?: DocumentQuery): Promise<{ items: T[]; total: number }>;
  /**
   * Shallow-merges `patch` into the document when it also matches `options.where` (compare-and-set).
   * Returns the updated document, or null when none matched.
   */
  update(
    userId: string,
    id: string,
    patch: Partial<T>,
    options?: WriteOptions & { where?: DocumentWhere },
  ): Promise<T | null>;
  delete(userId: string, id: string): Promise<boolean>;
}
