import { ConflictError } from '../errors/errors';
import type {
  CompanionInsert,
  DocumentCollection,
  DocumentQuery,
  DocumentWhere,
  StoredDocument,
} from '../ports/document-store';
import { cloneValue } from './clone';

/** The documents of every collection of one memory store, by collection name, then by tenant and id. */
export type MemoryDocuments = (name: string) => Map<string, StoredDocument>;

const keyOf = (userId: string, id: string): string => `${userId}\u0000${id}`;

/**
 * One tenant-scoped document collection held in memory. Ordered by `id` unless a sort is given. `documentsOf`
 * gives the other collections' maps, where companion documents (`also`) go in the same synchronous step.
 */
export function createMemoryCollection<T extends StoredDocument>(
  name: string,
  documentsOf: MemoryDocuments = createMemoryDocuments(),
): DocumentCollection<T> {
  const docs = documentsOf(name) as Map<string, T>;

  return {
    async insert(doc, options) {
      const key = keyOf(doc.userId, doc.id);
      if (docs.has(key)) throw new ConflictError(`collection "${name}": document "${doc.id}" already exists`);
      checkCompanions(documentsOf, options?.also);
      docs.set(key, cloneValue(doc));
      writeCompanions(documentsOf, options?.also);
      return cloneValue(doc);
    },
    async get(userId, id) {
      const doc = docs.get(keyOf(userId, id));
      return doc ? cloneValue(doc) : null;
    },
    async find(userId, query = {}) {
      const matched: T[] = [];
      for (const doc of docs.values()) {
        if (doc.userId === userId && matchesWhere(doc, query.where)) matched.push(doc);
      }
      matched.sort(comparatorFor(query));
      const offset = query.offset ?? 0;
      const end = query.limit === undefined ? undefined : offset + query.limit;
      return { items: matched.slice(offset, end).map((doc) => cloneValue(doc)), total: matched.length };
    },
    async update(userId, id, patch, options) {
      const key = keyOf(userId, id);
      const doc = docs.get(key);
      if (!doc || !matchesWhere(doc, options?.where)) return null;
      checkCompanions(documentsOf, options?.also);
      const next = { ...doc, ...cleanPatch(patch), id: doc.id, userId: doc.userId } as T;
      docs.set(key, next);
      writeCompanions(documentsOf, options?.also);
      return cloneValue(next);
    },
    async delete(userId, id) {
      return docs.delete(keyOf(userId, id));
    },
  };
}

/** The maps of one memory store's collections, created on first use. */
export function createMemoryDocuments(): MemoryDocuments {
  const maps = new Map<string, Map<string, StoredDocument>>();
  return (name) => {
    let map = maps.get(name);
    if (!map) {
      map = new Map();
      maps.set(name, map);
    }
    return map;
  };
}

/** Throws before anything is written when a companion's id is taken (or two companions share one). */
function checkCompanions(documentsOf: MemoryDocuments, also: readonly CompanionInsert[] | undefined): void {
  const seen = new Set<string>();
  for (const { collection, doc } of also ?? []) {
    const key = `${collection}\u0000${keyOf(doc.userId, doc.id)}`;
    if (seen.has(key) || documentsOf(collection).has(keyOf(doc.userId, doc.id))) {
      throw new ConflictError(`collection "${collection}": document "${doc.id}" already exists`);
    }
    seen.add(key);
  }
}

function writeCompanions(documentsOf: MemoryDocuments, also: readonly CompanionInsert[] | undefined): void {
  for (const { collection, doc } of also ?? []) documentsOf(collection).set(keyOf(doc.userId, doc.id), cloneValue(doc));
}

/** A patch minus the identity fields and `undefined` values (which mean "unchanged"). */
export function cleanPatch(patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key !== 'id' && key !== 'userId') out[key] = cloneValue(value);
  }
  return out;
}

/** Top-level equality; an array means "one of"; `null` also matches a missing field. */
export function matchesWhere(doc: Record<string, unknown>, where: DocumentWhere | undefined): boolean {
  if (!where) return true;
  for (const [field, expected] of Object.entries(where)) {
    const actual = doc[field] ?? null;
    if (Array.isArray(expected)) {
      if (!expected.some((candidate) => candidate === actual)) return false;
    } else if (actual !== expected) return false;
  }
  return true;
}

function comparatorFor<T extends StoredDocument>(query: DocumentQuery): (a: T, b: T) => number {
  const sort = query.sort;
  return (a, b) => {
    if (sort) {
      const order = compareValues(a[sort.field], b[sort.field]);
      if (order !== 0) return sort.direction === 'desc' ? -order : order;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Missing and null first, then numbers, strings, booleans, Dates; within a type the natural order. */
function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const va = a instanceof Date ? a.getTime() : a;
  const vb = b instanceof Date ? b.getTime() : b;
  if (va === vb || ra === 0) return 0;
  return (va as number | string) < (vb as number | string) ? -1 : 1;
}

function rank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 3;
  if (value instanceof Date) return 4;
  return 5;
}
