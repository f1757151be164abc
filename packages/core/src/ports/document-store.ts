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

export interface DocumentCollection<T extends StoredDocument> {
  /** Throws `ConflictError` when the id exists. */
  insert(doc: T): Promise<T>;
  get(userId: string, id: string): Promise<T | null>;
  find(userId: string, query?: DocumentQuery): Promise<{ items: T[]; total: number }>;
  /**
   * Shallow-merges `patch` into the document when it also matches `options.where` (compare-and-set).
   * Returns the updated document, or null when none matched.
   */
  update(userId: string, id: string, patch: Partial<T>, options?: { where?: DocumentWhere }): Promise<T | null>;
  delete(userId: string, id: string): Promise<boolean>;
}
